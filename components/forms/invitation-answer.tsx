"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function InvitationAnswer({ accept, decline }: { accept: Action; decline: Action }) {
  const [accepted, acceptAction, accepting] = useActionState(accept, idle);
  const [declined, declineAction, declining] = useActionState(decline, idle);
  const error = accepted.status === "error" ? accepted.message : declined.status === "error" ? declined.message : null;
  return (
    <div className="grid gap-3">
      {error && <FormMessage tone="error">{error}</FormMessage>}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <form action={declineAction}>
          <SubmitButton variant="outline" className="w-full" pending={declining} pendingLabel="Declining…" disabled={accepting}>
            Decline
          </SubmitButton>
        </form>
        <form action={acceptAction}>
          <SubmitButton className="w-full" pending={accepting} pendingLabel="Joining…" disabled={declining}>
            Accept invitation
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
