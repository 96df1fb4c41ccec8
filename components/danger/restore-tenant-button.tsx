"use client";

import { useActionState } from "react";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

export function RestoreTenantButton({ action, tenantId, name }: { action: (previous: ActionState, formData: FormData) => Promise<ActionState>; tenantId: string; name: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="grid justify-items-end gap-2">
      <input type="hidden" name="tenantId" value={tenantId} />
      <SubmitButton variant="outline" size="sm" pending={pending} pendingLabel="Restoring…" aria-label={`Restore ${name}`}>
        Restore
      </SubmitButton>
      <FormError state={state} />
    </form>
  );
}
