import { foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";

/**
 * The first answer to each POST sent with an `Idempotency-Key`, per API key, for 24 hours:
 * a retry with the same key and body gets it again instead of a second write.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    tenantId: uuid("tenant_id").notNull(),
    apiKeyId: uuid("api_key_id").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the method, path and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is still running. */
    status: integer("status"),
    body: text("body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.apiKeyId, t.key] }),
    foreignKey({ columns: [t.tenantId, t.apiKeyId], foreignColumns: [apiKeys.tenantId, apiKeys.id] }).onDelete("cascade"),
  ],
);
