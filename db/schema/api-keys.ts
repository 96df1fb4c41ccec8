import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenants } from "./tenants";

/** Secrets that act for one tenant. Only a SHA-256 of the key is kept, and a part to show. */
export const apiKeys = pgTable(
  "api_keys",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    /** "sk_live_AbCd…WxYz": enough to recognise a key, useless to use one. */
    display: text("display").notNull(),
    keyHash: text("key_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // A request brings only the key: it is found by its hash, whatever its tenant.
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    index("api_keys_tenant_created_idx").on(t.tenantId, t.createdAt),
  ],
);
