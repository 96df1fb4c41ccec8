import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { roleEnum, tenants } from "./tenants";

/** A shareable link that lets anyone signed in join a tenant with its role, while it lives. */
export const inviteLinks = pgTable(
  "invite_links",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    role: roleEnum("role").notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** null: as many joins as the plan's seats allow. */
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("invite_links_token_hash_key").on(t.tokenHash),
    index("invite_links_tenant_created_idx").on(t.tenantId, t.createdAt),
    // The last line of defence of the use limit: the join's conditional update is the first.
    check("invite_links_uses_within_max", sql`${t.maxUses} IS NULL OR (${t.maxUses} > 0 AND ${t.uses} <= ${t.maxUses})`),
  ],
);
