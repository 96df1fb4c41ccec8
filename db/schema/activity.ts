import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenants } from "./tenants";

/** Who did what in a tenant. Rows are only ever added. */
export const activityLog = pgTable(
  "activity_log",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** The actor's name or email when it happened, kept if the user is deleted. */
    actorLabel: text("actor_label"),
    /**
     * Set when the actor acted through an API key: actor_id/actor_label are then the key's
     * creator. No foreign key: keys are only revoked (deleted with their tenant, as these
     * rows are), and the name is kept as it was.
     */
    apiKeyId: uuid("api_key_id"),
    apiKeyName: text("api_key_name"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Newest first within a tenant is a backward scan of this key.
  // By actor: an account's export, and anonymising it when the account is deleted.
  // By actor or by kind within a tenant, newest first: the activity page's filters;
  // the "API keys" one reads only the rows made through a key.
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("activity_log_actor_idx").on(t.actorId),
    index("activity_log_tenant_actor_idx").on(t.tenantId, t.actorId, t.id),
    index("activity_log_tenant_action_idx").on(t.tenantId, t.action, t.id),
    index("activity_log_tenant_api_key_idx").on(t.tenantId, t.id).where(sql`${t.apiKeyId} IS NOT NULL`),
  ],
);
