"use client";

import { useState, useTransition, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { Button } from "./button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "./dialog";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

export type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  destructive?: boolean;
  /** Gets the form's fields, for dialogs that ask for something (children hold the inputs). */
  onConfirm: (formData: FormData) => Promise<ActionState>;
  children?: ReactNode;
  /** Where focus goes back to when the dialog closes: the button that opened it. */
  returnFocusTo?: HTMLElement | null;
};

/** Asks before doing something that cannot be undone, and shows why it failed if it does. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  pendingLabel,
  destructive = true,
  onConfirm,
  children,
  returnFocusTo,
}: ConfirmDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setError(null);
        onOpenChange(next);
      }}
    >
      <DialogContent
        role="alertdialog"
        onCloseAutoFocus={(event) => {
          // Opened by a button rather than a DialogTrigger, the dialog would leave focus on the page's body.
          if (!returnFocusTo?.isConnected) return;
          event.preventDefault();
          returnFocusTo.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const formData = new FormData(event.currentTarget);
            startTransition(async () => {
              const result = await onConfirm(formData);
              if (result.status === "error") setError(result.message);
              else onOpenChange(false);
            });
          }}
        >
          {children}
          {error && <FormMessage tone="error">{error}</FormMessage>}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={destructive ? "destructive" : "default"} autoFocus={!children}>
              {confirmLabel}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
