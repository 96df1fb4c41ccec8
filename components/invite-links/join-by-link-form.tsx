"use client";

import { useActionState } from "react";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/action-state";
import type { FormAction } from "@/lib/actions/run-action";

/** The one button of the /join page; a refusal (no free seat, used up) shows above it. */
export function JoinByLinkForm({ action, workspace }: { action: FormAction; workspace: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="grid gap-3">
      <FormError state={state} />
      <SubmitButton className="w-full" pending={pending} pendingLabel="Joining…">
        Join {workspace}
      </SubmitButton>
    </form>
  );
}
