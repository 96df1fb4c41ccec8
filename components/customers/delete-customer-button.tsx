"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { Button } from "@/components/ui/button";
import { confirmDialog } from "@/components/ui/confirm-dialog-on-demand";
import { useOnDemand } from "@/components/app/on-demand";

export function DeleteCustomerButton({ action, id, name }: { action: FormAction; id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [trigger, setTrigger] = useState<HTMLElement | null>(null);
  const dialog = useOnDemand(confirmDialog);
  return (
    <>
      <Button
        variant="outline"
        className="text-red-700"
        {...dialog.triggerProps}
        onClick={(event) => {
          setOpen(true);
          setTrigger(event.currentTarget);
          dialog.triggerProps.onClick(event);
        }}
      >
        <Trash2 aria-hidden /> Delete
      </Button>
      {dialog.Loaded && (
        <dialog.Loaded
          open={open}
          onOpenChange={setOpen}
          title={`Delete ${name}?`}
          description="The customer and their notes are removed for everyone in this workspace. This cannot be undone."
          confirmLabel="Delete customer"
          pendingLabel="Deleting…"
          onConfirm={() => runAction(action, { id })}
          returnFocusTo={trigger}
        />
      )}
    </>
  );
}
