import { and, gt, isNull, sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { roleEnum, tenants } from "./tenants";

export const invitations = pgTable(
  "invitations",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    /** Lowercased; the invitation can be accepted only by a user with this verified email. */
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedById: text("accepted_by_id").references(() => users.id, { onDelete: "set null" }),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // At most one open invitation per address and tenant (an expired one is closed
    // by revoking it before a new one is made).
    uniqueIndex("invitations_open_email_key")
      .on(t.tenantId, t.email)
      .where(sql`accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL`),
    index("invitations_tenant_created_idx").on(t.tenantId, t.createdAt),
  ],
);

/** Not yet accepted, declined or revoked (it may still have expired). */
export const isOpen = and(isNull(invitations.acceptedAt), isNull(invitations.declinedAt), isNull(invitations.revokedAt));
/** Open and not expired: the only state in which its link works. */
export const isUsable = and(isOpen, gt(invitations.expiresAt, sql`now()`));
