"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
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

/**
 * Asks, deletes, and goes back to the list with the short-lived token the action hands
 * back, which the list trades for an "Undo" toast (UndoDeletionToast).
 */
export function DeleteCustomerButton({ action, id, name, listHref }: { action: FormAction; id: string; name: string; listHref: string }) {
  const router = useRouter();
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
          description="The customer and their notes are removed for everyone in this workspace. You can undo it for a few seconds."
          confirmLabel="Delete customer"
          pendingLabel="Deleting…"
          onConfirm={async () => {
            const result = await runAction(action, { id });
            if (result.status !== "success") return result;
            // The list offers the Undo: a server action is found only from the page that imports it.
            const { undo: token } = result.data as { undo: string };
            router.push(`${listHref}?undo=${encodeURIComponent(token)}`);
            return result;
          }}
          returnFocusTo={trigger}
        />
      )}
    </>
  );
}
