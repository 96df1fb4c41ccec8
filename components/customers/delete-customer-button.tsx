"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { buttonVariants } from "@/components/ui/button-variants";
import { confirmDialog } from "@/components/ui/confirm-dialog-on-demand";
import { useOnDemand } from "@/components/ui/on-demand";

/**
 * What `<Button variant="outline" className="text-red-700">` renders, written out: the red
 * replaces the variant's text colour, as Button's tailwind-merge would do. The button is the
 * only client code of the customer page, which so needs no tailwind-merge.
 * delete-customer-button.test.ts checks that the two agree.
 */
export const deleteButtonClass = `${buttonVariants({ variant: "outline" }).replace(" text-zinc-900", "")} text-red-700`;

export function DeleteCustomerButton({ action, id, name }: { action: FormAction; id: string; name: string }) {
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
