"use client";

import { useActionState } from "react";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

/** The link's one button: opening the link changes nothing (mail scanners follow links). */
export function ConfirmEmailChange({ action }: { action: (previous: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="grid gap-3">
      <FormError state={state} />
      <SubmitButton className="w-full" pending={pending} pendingLabel="Changing…">
        Confirm new address
      </SubmitButton>
    </form>
  );
}
