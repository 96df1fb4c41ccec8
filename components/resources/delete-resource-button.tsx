"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { buttonVariants } from "@/components/ui/button-variants";
import { confirmDialog } from "@/components/ui/confirm-dialog-on-demand";
import { useOnDemand } from "@/components/ui/on-demand";

/**
 * What `<Button variant="outline" className="text-red-700">` renders, written out: the red
 * replaces the variant's text colour, as Button's tailwind-merge would do. The button is the
 * only client code of a resource's page, which so needs no tailwind-merge.
 * delete-resource-button.test.ts checks that the two agree.
 */
export const deleteButtonClass = `${buttonVariants({ variant: "outline" }).replace(" text-zinc-900", "")} text-red-700`;

/**
 * Asks, then runs the delete action, which by default redirects to the list with a toast.
 * A refusal (another member deleted it first, a role changed) stays in the dialog as its message.
 */
export function DeleteResourceButton({
  action,
  id,
  name,
  what,
  description = `The ${what} is removed for everyone in this workspace. This cannot be undone.`,
  onDeleted,
}: {
  action: FormAction;
  id: string;
  name: string;
  what: string;
  description?: string;
  /** What to do with the action's success, when it does not redirect itself. */
  onDeleted?: (result: ActionState) => void;
}) {
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
          description={description}
          confirmLabel={`Delete ${what}`}
          pendingLabel="Deleting…"
          onConfirm={async () => {
            const result = await runAction(action, { id });
            if (result.status === "success") onDeleted?.(result);
            return result;
          }}
          returnFocusTo={trigger}
        />
      )}
    </>
  );
}
