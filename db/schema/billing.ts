import { bigint, boolean, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { tenants } from "./tenants";

/** Stripe subscription statuses that will never bill again. */
export const ENDED_SUBSCRIPTION_STATUSES: readonly string[] = ["canceled", "incomplete_expired"];

/** The Stripe side of a tenant's paid plan, as last read from Stripe (one row per tenant). */
export const subscriptions = pgTable("subscriptions", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  stripeSubscriptionId: text("stripe_subscription_id").notNull(),
  status: text("status").notNull(),
  stripePriceId: text("stripe_price_id"),
  interval: text("interval"),
  currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
  cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
  cancelAt: timestamp("cancel_at", { withTimezone: true }),
  /** The subscription item's quantity as Stripe last said: the seats paid for. */
  quantity: integer("quantity"),
  /** The quantity this app last asked Stripe for; a quantity Stripe reports otherwise was changed there. */
  requestedQuantity: integer("requested_quantity"),
  /** Since when the quantity has waited for the seats job (cleared when it lands): the billing page says when that lasts. */
  quantityPendingSince: timestamp("quantity_pending_since", { withTimezone: true }),
  syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every change of a tenant's plan: when, from, to, and who (a user, or Stripe). */
export const planChanges = pgTable(
  "plan_changes",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    fromPlan: text("from_plan"),
    toPlan: text("to_plan").notNull(),
    source: text("source", { enum: ["system", "user", "stripe"] }).notNull(),
    changedById: text("changed_by_id").references(() => users.id, { onDelete: "set null" }),
    stripeEventId: text("stripe_event_id"),
    /** Why, when it is part of a trial: started, converted to a subscription, or expired back to Free. */
    reason: text("reason", { enum: ["trial_started", "trial_converted", "trial_expired"] }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * A workspace's one free trial (lib/billing/trials). The primary key allows one per
 * workspace; the unique owner one per user as owner, so new workspaces do not farm trials.
 */
export const trials = pgTable(
  "trials",
  {
    tenantId: uuid("tenant_id")
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    planId: text("plan_id").notNull(),
    startedById: text("started_by_id")
      .unique()
      .references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    outcome: text("outcome", { enum: ["converted", "expired"] }),
    /** The last reminder mailed, in days before the end (3, then 1). */
    remindedDaysBefore: smallint("reminded_days_before"),
  },
  (t) => [index("trials_running_ends_at_idx").on(t.endsAt).where(sql`${t.endedAt} IS NULL`)],
);

/** Stripe webhook events already handled: a replayed delivery is recognised and skipped. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp("processed_at", { withTimezone: true }),
});
