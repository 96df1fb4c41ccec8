import { sql } from "drizzle-orm";
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenants } from "./tenants";

/** Where a workspace wants to hear about its changes (lib/webhooks). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** The event types it receives; empty for every type. */
    eventTypes: text("event_types").array().notNull().default(sql`'{}'::text[]`),
    /** The signing secret, sealed with a key from AUTH_SECRET: it must be readable to sign, so it cannot be hashed. */
    secret: text("secret").notNull(),
    /** After a rotation, the old secret keeps signing beside the new one until this time. */
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason", { enum: ["manual", "failing"] }),
    /** The first failed attempt since the last success; five days of failures disable the endpoint. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("webhook_endpoints_tenant_created_idx").on(t.tenantId, t.createdAt)],
);

/** One thing that happened, as sent: the body is kept as text so a resend is byte for byte the same. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** "evt_…": the webhook-id header of every delivery of this event. */
    id: text("id").notNull(),
    type: text("type").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("webhook_events_created_idx").on(t.createdAt)],
);

/** An event on its way to one endpoint: the delivery log. A resend is a new delivery of the same event. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    endpointId: uuid("endpoint_id").notNull(),
    eventId: text("event_id").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** The last attempt's HTTP status, latency, the start of its response, or why it got none. */
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    latencyMs: integer("latency_ms"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.endpointId], foreignColumns: [webhookEndpoints.tenantId, webhookEndpoints.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [webhookEvents.tenantId, webhookEvents.id] }).onDelete("cascade"),
    index("webhook_deliveries_endpoint_idx").on(t.tenantId, t.endpointId, t.createdAt),
    index("webhook_deliveries_event_idx").on(t.tenantId, t.eventId),
  ],
);
