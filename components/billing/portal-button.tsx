"use client";

import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

export function PortalButton({ action, children }: { action: (previous: ActionState, formData: FormData) => Promise<ActionState>; children: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="grid gap-2">
      {state.status === "error" && <FormMessage tone="error">{state.message}</FormMessage>}
      <SubmitButton variant="outline" className="w-fit" pending={pending} pendingLabel="Opening portal…">
        {children}
      </SubmitButton>
    </form>
  );
}
