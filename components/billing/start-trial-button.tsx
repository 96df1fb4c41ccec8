"use client";

import { useActionState } from "react";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/action-state";
import type { FormAction } from "@/lib/actions/run-action";
import type { Plan } from "@/lib/plans/plans";

/** Starts the plan's free trial: no card and no Stripe, so it works where Checkout is off. */
export function StartTrialButton({ action, plan }: { action: FormAction; plan: Pick<Plan, "id" | "name" | "trialDays"> }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="grid gap-2">
      <input type="hidden" name="planId" value={plan.id} />
      <FormError state={state} />
      <SubmitButton
        variant="secondary"
        className="w-full"
        pending={pending}
        pendingLabel="Starting trial…"
        data-testid={`start-trial-${plan.id}`}
        aria-label={`Start ${plan.trialDays}-day free trial of ${plan.name}`}
      >
        Start {plan.trialDays}-day free trial
      </SubmitButton>
    </form>
  );
}
