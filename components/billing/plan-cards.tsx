"use client";

import { Check } from "lucide-react";
import { useActionState, useState } from "react";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";
import { formatPrice, planFeatures, type BillingInterval, type Plan, type PlanId } from "@/lib/plans/plans";
import { StartTrialButton } from "./start-trial-button";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function PlanCards({
  plans,
  currentPlan,
  subscribed,
  configured,
  salesEmail,
  checkout,
  portal,
  trialPlan = null,
  startTrial = null,
  trialNote = null,
}: {
  plans: Plan[];
  currentPlan: PlanId;
  /** A live subscription: plan changes go through the portal. */
  subscribed: boolean;
  configured: boolean;
  salesEmail: string;
  checkout: Action;
  portal: Action;
  /** The plan of a running free trial: its card offers to subscribe. */
  trialPlan?: PlanId | null;
  /** Set when the viewer may start a trial: each plan that has one offers it. */
  startTrial?: Action | null;
  /** Why there is no trial to start, said quietly where its button would be. */
  trialNote?: string | null;
}) {
  const [interval, setInterval] = useState<BillingInterval>("month");
  const [checkoutState, checkoutFormAction, checkingOut] = useActionState(checkout, idle);
  const [portalState, portalFormAction, openingPortal] = useActionState(portal, idle);
  const error = [checkoutState, portalState].find((s) => s.status === "error");

  return (
    <div className="grid gap-4">
      <div role="radiogroup" aria-label="Billing period" className="inline-flex w-fit rounded-lg border border-zinc-200 bg-white p-1 text-sm">
        {(["month", "year"] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={interval === value}
            onClick={() => setInterval(value)}
            className={cn("rounded-md px-3 py-1.5", interval === value ? "bg-zinc-900 text-white" : "text-zinc-600 hover:text-zinc-900")}
          >
            {value === "month" ? "Monthly" : "Yearly (2 months free)"}
          </button>
        ))}
      </div>
      {error?.status === "error" && <FormMessage tone="error">{error.message}</FormMessage>}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {plans.map((plan) => {
          const price = plan.prices[interval];
          const current = plan.id === currentPlan;
          const trialing = plan.id === trialPlan;
          const offersTrial = Boolean(plan.trialDays) && !current && !subscribed;
          return (
            <li
              key={plan.id}
              data-testid={`plan-${plan.id}`}
              className={cn("flex flex-col rounded-xl border bg-white p-5 shadow-sm", current ? "border-zinc-900 ring-1 ring-zinc-900" : "border-zinc-200")}
            >
              <div className="flex items-baseline justify-between gap-2">
                <h3 className="font-semibold">{plan.name}</h3>
                {current && <span className="rounded-full bg-zinc-900 px-2 py-0.5 text-xs text-white">{trialing ? "Trial" : "Current"}</span>}
              </div>
              <p className="mt-1 text-sm text-zinc-500">{plan.description}</p>
              <p className="mt-4 text-2xl font-semibold">
                {plan.contactSales ? "Custom" : price ? formatPrice(price) : "$0"}
                {price && <span className="text-sm font-normal text-zinc-500"> / {plan.perSeat ? `member / ${interval}` : interval}</span>}
              </p>
              <ul className="mt-4 grid flex-1 gap-2 text-sm">
                {planFeatures(plan).map((feature) => (
                  <li key={feature} className="flex gap-2">
                    <Check className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
                    {feature}
                  </li>
                ))}
              </ul>
              <div className="mt-5 grid gap-2">
                {current && !trialing ? (
                  <p className="text-center text-sm text-zinc-500">Your plan</p>
                ) : plan.contactSales ? (
                  <a
                    href={`mailto:${salesEmail}?subject=${encodeURIComponent(`${plan.name} plan`)}`}
                    className="flex h-9 items-center justify-center rounded-md border border-zinc-300 text-sm font-medium hover:bg-zinc-50"
                  >
                    Contact us
                  </a>
                ) : !price ? (
                  subscribed && (
                    <form action={portalFormAction}>
                      <SubmitButton variant="outline" className="w-full" pending={openingPortal} disabled={!configured}>
                        Downgrade in portal
                      </SubmitButton>
                    </form>
                  )
                ) : subscribed ? (
                  <form action={portalFormAction}>
                    <SubmitButton variant="outline" className="w-full" pending={openingPortal} disabled={!configured}>
                      Switch in portal
                    </SubmitButton>
                  </form>
                ) : (
                  <form action={checkoutFormAction}>
                    <input type="hidden" name="planId" value={plan.id} />
                    <input type="hidden" name="interval" value={interval} />
                    <SubmitButton className="w-full" pending={checkingOut} pendingLabel="Opening checkout…" disabled={!configured}>
                      {`${trialing ? "Subscribe to" : "Upgrade to"} ${plan.name}`}
                    </SubmitButton>
                  </form>
                )}
                {offersTrial && startTrial && <StartTrialButton action={startTrial} plan={plan} />}
                {offersTrial && !startTrial && trialNote && <p className="text-xs text-zinc-500">{trialNote}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
