import { sql } from "drizzle-orm";
import { pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { roleEnum, tenants } from "./tenants";

/** suggest: people at the domain are offered the tenant; automatic: they join it when they sign in. */
export const domainJoinModeEnum = pgEnum("domain_join_mode", ["suggest", "automatic"]);
/** dns: a TXT record was found; email: claimed by someone signed in with a verified address there. */
export const domainVerificationEnum = pgEnum("domain_verification", ["dns", "email"]);

/** An email domain a tenant claims, and once verified, lets its people find or join it. */
export const tenantDomains = pgTable(
  "tenant_domains",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    /** Lowercased, in ASCII (punycode for international names). */
    domain: text("domain").notNull(),
    /** The value the TXT record must hold; public once shown, so not a secret. */
    verificationToken: text("verification_token").notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedBy: domainVerificationEnum("verified_by"),
    mode: domainJoinModeEnum("mode").notNull().default("suggest"),
    /** The role people joining by this domain get. */
    role: roleEnum("role").notNull().default("member"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("tenant_domains_tenant_domain_key").on(t.tenantId, t.domain),
    // One tenant at a time may hold a domain verified; others may claim it meanwhile.
    uniqueIndex("tenant_domains_verified_domain_key").on(t.domain).where(sql`verified_at IS NOT NULL`),
  ],
);
