import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenants } from "./tenants";

/**
 * The example tenant-owned resource: records a tenant's users manage (customers never
 * sign in). The pattern to copy for your own: tenant_id leads the primary key and
 * every index, and uniqueness is per tenant. See docs/guides/add-a-tenant-owned-resource.md.
 */
export const customers = pgTable(
  "customers",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    company: text("company"),
    /** Lowercased; unique within the tenant, not across tenants. */
    email: text("email"),
    phone: text("phone"),
    notes: text("notes"),
    /** What search matches: name, company and email, lowercased. */
    search: text("search").generatedAlwaysAs(sql`lower(name || ' ' || coalesce(company, '') || ' ' || coalesce(email, ''))`),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("customers_tenant_email_key").on(t.tenantId, t.email),
    // The list's order, newest first, for keyset pagination: scanned backwards. (Not
    // declared DESC: drizzle adds NULLS LAST, and ORDER BY ... DESC means NULLS FIRST,
    // so the planner could not use it for the order and would sort the whole tenant.)
    index("customers_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    // Substring search within one tenant.
    index("customers_tenant_search_idx").using("gin", t.tenantId, t.search.op("gin_trgm_ops")),
  ],
);
