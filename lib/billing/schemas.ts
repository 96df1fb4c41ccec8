import { z } from "zod";
import { BILLING_INTERVALS, TRIAL_PLAN_IDS, type PlanId } from "@/lib/plans/plans";

export const checkoutSchema = z.object({
  planId: z.enum(["pro", "business"], { error: "Choose a plan." }),
  interval: z.enum(BILLING_INTERVALS, { error: "Choose monthly or yearly." }),
});
export type CheckoutInput = z.input<typeof checkoutSchema>;

// A Stripe id (evt_..., cus_...): the handler looks rows up by these, so nothing else gets that far.
const stripeId = (prefix: string) => z.string().max(255).regex(new RegExp(`^${prefix}_[A-Za-z0-9_]+$`), `must be a Stripe id (${prefix}_...)`);

/** What the webhook handler reads from a signed event; a signed body of any other shape is refused. */
export const webhookEventSchema = z.object({
  id: stripeId("evt"),
  object: z.literal("event", { error: "must be \"event\"" }),
  type: z.string().max(255).regex(/^[a-z0-9_.]+$/, "must be an event type such as customer.subscription.updated"),
  data: z.object({
    object: z.looseObject({
      customer: z.union([stripeId("cus"), z.looseObject({ id: stripeId("cus") }), z.null()]).optional(),
    }),
  }),
});

export const startTrialSchema = z.object({
  planId: z.enum(TRIAL_PLAN_IDS as [PlanId, ...PlanId[]], { error: "Choose a plan that has a free trial." }),
});
export type StartTrialInput = z.input<typeof startTrialSchema>;
