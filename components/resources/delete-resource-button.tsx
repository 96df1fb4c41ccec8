"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { confirmDialog } from "@/components/ui/confirm-dialog-on-demand";
import { useOnDemand } from "@/components/ui/on-demand";
import { deleteButtonClass } from "@/components/customers/delete-customer-button";

/**
 * Asks, then runs the delete action, which redirects to the list with a toast. A refusal
 * (another member deleted it first, a role changed) stays in the dialog as its message.
 */
export function DeleteResourceButton({ action, id, name, what }: { action: FormAction; id: string; name: string; what: string }) {
  const [open, setOpen] = useState(false);
  const [trigger, setTrigger] = useState<HTMLElement | null>(null);
  const dialog = useOnDemand(confirmDialog);
  return (
    <>
      <button
        className={deleteButtonClass}
        {...dialog.triggerProps}
        onClick={(event) => {
          setOpen(true);
          setTrigger(event.currentTarget);
          dialog.triggerProps.onClick(event);
        }}
      >
        <Trash2 aria-hidden /> Delete
      </button>
      {dialog.Loaded && (
        <dialog.Loaded
          open={open}
          onOpenChange={setOpen}
          title={`Delete ${name}?`}
          description={`The ${what} is removed for everyone in this workspace. This cannot be undone.`}
          confirmLabel={`Delete ${what}`}
          pendingLabel="Deleting…"
          onConfirm={() => runAction(action, { id })}
          returnFocusTo={trigger}
        />
      )}
    </>
  );
}
