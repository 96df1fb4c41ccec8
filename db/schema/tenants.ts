import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const roleEnum = pgEnum("role", ["owner", "admin", "member", "billing"]);

export const tenants = pgTable("tenants", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Unique across all rows, deleted ones included, so an old link never opens a new tenant.
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Always set: every tenant is on exactly one plan (lib/plans). Free until Stripe says otherwise. */
  planId: text("plan_id").notNull().default("free"),
  /** The tenant's one Stripe customer, made on its first checkout. */
  stripeCustomerId: text("stripe_customer_id").unique(),
  /** When the running free trial ends (the trial's plan is planId); null when none runs. Read by the banner with the tenant itself. */
  trialEndsAt: timestamp("trial_ends_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
});

export const memberships = pgTable(
  "memberships",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when this member hides the dashboard's getting-started checklist (each member has their own). */
    onboardingDismissedAt: timestamp("onboarding_dismissed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index("memberships_user_id_idx").on(t.userId)],
);
