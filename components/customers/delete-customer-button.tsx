"use client";

import { useRouter } from "next/navigation";
import type { FormAction } from "@/lib/actions/run-action";
import { DeleteResourceButton } from "@/components/resources/delete-resource-button";

/**
 * Deletes, and goes back to the list with the short-lived token the action hands back,
 * which the list trades for an "Undo" toast (UndoDeletionToast).
 */
export function DeleteCustomerButton({ action, id, name, listHref }: { action: FormAction; id: string; name: string; listHref: string }) {
  const router = useRouter();
  return (
    <DeleteResourceButton
      action={action}
      id={id}
      name={name}
      what="customer"
      description="The customer and their notes are removed for everyone in this workspace. You can undo it for a few seconds."
      onDeleted={(result) => {
        // The list offers the Undo: a server action is found only from the page that imports it.
        const { undo: token } = (result as { data: { undo: string } }).data;
        router.push(`${listHref}?undo=${encodeURIComponent(token)}`);
      }}
    />
  );
}
