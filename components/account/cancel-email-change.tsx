"use client";

import { useActionState } from "react";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

/** Calls off the pending change: the link sent to the new address stops working. */
export function CancelEmailChange({ action }: { action: (previous: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="grid justify-items-end gap-2">
      <SubmitButton variant="outline" size="sm" pending={pending} pendingLabel="Cancelling…" aria-label="Cancel the change of address">
        Cancel
      </SubmitButton>
      <FormError state={state} />
    </form>
  );
}
