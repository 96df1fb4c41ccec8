"use client";

import { useActionState } from "react";
import { FormError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

/** The "Export" button: the archive is built in the background and mailed when ready. */
export function RequestExportForm({ action, label }: { action: (previous: ActionState, formData: FormData) => Promise<ActionState>; label: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="grid gap-3">
      {state.status === "success" && !pending && <FormMessage tone="success">We&apos;re preparing it. We&apos;ll email you a link when it&apos;s ready.</FormMessage>}
      <FormError state={state} />
      <div>
        <SubmitButton variant="outline" pending={pending} pendingLabel="Starting…">
          {label}
        </SubmitButton>
      </div>
    </form>
  );
}
