import { AlertTriangle, CircleAlert, CreditCard } from "@/components/ui/icons";
import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/app/page-header";
import { PlanCards } from "@/components/billing/plan-cards";
import { PortalButton } from "@/components/billing/portal-button";
import { SeatsCard } from "@/components/billing/seats-card";
import { TrialCard } from "@/components/billing/trial-card";
import { UpcomingInvoiceLine, UpcomingInvoiceSkeleton } from "@/components/billing/upcoming-invoice";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { completeCheckout, trialCarriesIntoStripe } from "@/lib/billing/checkout";
import { getBillingOverview } from "@/lib/billing/overview";
import { PlanUsage } from "@/components/plans/usage-meters";
import { NOT_CONFIGURED } from "@/lib/billing/stripe";
import { PAID_STATUSES } from "@/lib/billing/statuses";
import { SALES_EMAIL } from "@/lib/config/app";
import { orNull } from "@/lib/errors/page";
import { getViewer } from "@/lib/format/viewer";
import { formatDate } from "@/lib/format/dates";
import { formatPrice, PLANS, PLAN_IDS, planOf } from "@/lib/plans/plans";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPage } from "../tenant-page";
import { checkoutAction, portalAction, startTrialAction } from "./actions";

export const metadata: Metadata = { title: "Billing" };

// The seats job retries from 30 s, doubling: ten minutes out of step is past its first few tries.
const SEATS_STUCK_MS = 10 * 60_000;

const STATUS_LABELS: Record<string, string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment failed",
  unpaid: "Unpaid",
  canceled: "Canceled",
  incomplete: "Awaiting payment",
  incomplete_expired: "Expired",
  paused: "Paused",
};

export default tenantPage(
  { permission: "billing.manage", title: "Billing", denied: "Only owners and billing members can see and change the plan." },
  BillingPage,
);

async function BillingPage(
  ctx: TenantContext,
  {
    params,
    searchParams,
  }: {
    params: Promise<{ slug: string }>;
    searchParams: Promise<{ checkout?: string; trial?: string }>;
  },
) {
  const { slug } = await params;

  // Back from Stripe Checkout: read the new subscription now rather than wait for the webhook.
  const { checkout, trial: trialParam } = await searchParams;
  let notice: { tone: "success" | "error"; text: string } | null = null;
  if (checkout === "canceled") notice = { tone: "error", text: "Checkout was canceled. Nothing changed." };
  else if (checkout) {
    const completed = await orNull(completeCheckout(ctx, checkout));
    notice = completed
      ? { tone: "success", text: `Thank you! This workspace is now on the ${PLANS[completed.planId].name} plan.` }
      : { tone: "error", text: "That checkout could not be found for this workspace." };
  }

  const { configured, plan, hasCustomer, subscription, usage, seats, trial, trialRefusal, nextInvoice } = await getBillingOverview(ctx);
  const viewer = await getViewer();
  const live = subscription && PAID_STATUSES.includes(subscription.status);
  const ends = subscription?.cancelAt ?? (subscription?.cancelAtPeriodEnd ? subscription.currentPeriodEnd : null);
  // Past its end the trial is over, whether or not the trial clock has recorded it yet.
  const now = new Date();
  const trialPlan = trial ? planOf(trial.planId) : null;
  const trialRunning = trial !== null && trialPlan !== null && !trial.endedAt && trial.endsAt > now && !live;
  const trialEnded = trial !== null && trialPlan !== null && !live && (trial.outcome === "expired" || (!trial.endedAt && trial.endsAt <= now));
  if (trialRunning && trialParam === "started") {
    notice = { tone: "success", text: `Your ${trialPlan.trialDays}-day ${trialPlan.name} trial has started. It ends on ${formatDate(trial.endsAt, viewer)}; no card needed.` };
  }
  // Only the refusals that say a trial was had are worth a word; the others just mean no button.
  const trialNote = !trialRunning && !live && (trialRefusal?.reason === "had_trial" || trialRefusal?.reason === "owner_had_trial") ? trialRefusal.message : null;
  const seatInterval = live && subscription.interval === "year" ? "year" : "month";
  const seatPrice = plan.perSeat && plan.prices[seatInterval];

  return (
    <>
      <PageHeader title="Billing" description="Your plan, what you use of it, and how you pay." />
      {notice && <FormMessage tone={notice.tone}>{notice.text}</FormMessage>}
      {!configured && (
        <p role="status" className="flex items-start gap-2 rounded-xl border border-zinc-200 bg-white p-4 text-sm text-zinc-700">
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
          <span>{NOT_CONFIGURED} The plans below show what is on offer.</span>
        </p>
      )}
      {subscription?.status === "past_due" && (
        <div role="alert" className="flex items-start gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-900">
          <AlertTriangle className="mt-0.5 size-5 shrink-0" aria-hidden />
          <p>
            Your last payment failed. Stripe will try again; update your card in the billing portal to keep the {plan.name} plan.
          </p>
        </div>
      )}
      {trialRunning && <TrialCard plan={trialPlan} endsAt={trial.endsAt} endsOn={formatDate(trial.endsAt, viewer)} carried={trialCarriesIntoStripe(trial.endsAt, now)} />}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Current plan</CardTitle>
            <CardDescription>{plan.description}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="text-2xl font-semibold" data-testid="current-plan">
                {plan.name}
              </span>
              {trialRunning ? (
                <span className="text-sm text-zinc-600" data-testid="subscription-status">
                  Trial
                </span>
              ) : subscription && (
                <span className="text-sm text-zinc-600" data-testid="subscription-status">
                  {STATUS_LABELS[subscription.status] ?? subscription.status}
                  {subscription.interval && live ? `, billed ${subscription.interval === "year" ? "yearly" : "monthly"}` : ""}
                </span>
              )}
            </p>
            {trialEnded && (
              <p className="text-sm text-zinc-500">
                {`Your ${trialPlan.name} trial ended on ${formatDate(trial.endsAt, viewer)}.`}
              </p>
            )}
            {live && ends && <p className="text-sm text-amber-800">Cancels on {formatDate(ends, viewer)}; you keep {plan.name} until then.</p>}
            {live && !ends && subscription.currentPeriodEnd && (
              <p className="text-sm text-zinc-600">
                {subscription.status === "trialing" ? "The trial ends and the card is first charged on " : "Renews on "}
                {formatDate(subscription.currentPeriodEnd, viewer)}.
              </p>
            )}
            {hasCustomer && configured && (
              <PortalButton action={portalAction.bind(null, slug)}>
                <CreditCard aria-hidden /> Manage billing
              </PortalButton>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Usage</CardTitle>
            <CardDescription>What this workspace uses of the {plan.name} plan.</CardDescription>
          </CardHeader>
          <CardContent>
            <PlanUsage plan={plan} usage={usage} pendingInvitations={seats.pendingInvitations} />
          </CardContent>
        </Card>
        {seatPrice && (
          <SeatsCard
            seats={seats}
            seatPrice={`${formatPrice(seatPrice)} / member / ${seatInterval}`}
            stuck={Boolean(subscription?.quantityPendingSince && now.getTime() - subscription.quantityPendingSince.getTime() > SEATS_STUCK_MS)}
          >
            {live && (
              <Suspense fallback={<UpcomingInvoiceSkeleton />}>
                <UpcomingInvoiceLine estimate={nextInvoice} viewer={viewer} />
              </Suspense>
            )}
          </SeatsCard>
        )}
      </div>
      <section aria-labelledby="plans-heading" className="grid gap-4">
        <h2 id="plans-heading" className="text-lg font-semibold">
          Plans
        </h2>
        <PlanCards
          plans={PLAN_IDS.map((id) => PLANS[id])}
          currentPlan={plan.id}
          subscribed={Boolean(live)}
          configured={configured}
          salesEmail={SALES_EMAIL}
          checkout={checkoutAction.bind(null, slug)}
          portal={portalAction.bind(null, slug)}
          trialPlan={trialRunning ? trialPlan.id : null}
          startTrial={trialRefusal === null && !live ? startTrialAction.bind(null, slug) : null}
          trialNote={trialNote}
        />
      </section>
    </>
  );
}
