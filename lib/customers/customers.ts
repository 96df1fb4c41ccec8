import "server-only";
import { desc, eq, like, sql } from "drizzle-orm";
import { isUniqueViolation } from "@/db/errors";
import { customers } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { NotFoundError, UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { assertWithinLimit } from "@/lib/plans/limits";
import { preparedTenantQuery, tenantScope, tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { UUID } from "@/lib/validation/uuid";
import { toCustomerResource } from "@/lib/resources/customer";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { decodeCursor, encodeCursor } from "@/lib/validation/cursor";
import { containing } from "@/lib/validation/list-query";
import { customerPatchSchema, customerSchema, type CustomerInput } from "./schemas";

export type Customer = typeof customers.$inferSelect;
export type CustomerPage = { customers: Customer[]; nextCursor: string | null };

const WRITE_DENIED = "Only members, admins and owners can change customers.";
const NOT_FOUND = "Customer not found.";


// The list's four shapes (with or without a search, from the top or after a cursor),
// each prepared once: the customers page and GET /api/v1/customers run one of them.
const listStatements = [false, true].flatMap((search) =>
  [false, true].map((paged) =>
    preparedTenantQuery((database, owned) =>
      database
        .select()
        .from(customers)
        .where(
          owned(
            customers,
            search ? like(customers.search, sql.placeholder("pattern")) : undefined,
            // A row comparison, which the index can seek to. The equivalent `a < x OR (a = x AND
            // b < y)` made Postgres walk from the newest row: 95 ms deep in a 500k tenant, not 1.
            paged
              ? sql`(${customers.createdAt}, ${customers.id}) < (${sql.placeholder("afterAt")}::timestamptz, ${sql.placeholder("afterId")}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(customers.createdAt), desc(customers.id))
        .limit(sql.placeholder("limit"))
        .prepare(`list_customers_${Number(search)}${Number(paged)}`),
    ),
  ),
);

/**
 * A page of the tenant's customers, newest first, optionally matching `q` in name,
 * company or email. Keyset pagination on (created_at, id): as fast on page 1,000 as on
 * page 1, and stable while rows are added.
 */
export async function listCustomers(ctx: TenantContext, query: { q?: string; cursor?: string; limit?: number } = {}): Promise<CustomerPage> {
  assertCan(ctx, "tenant.read");
  const limit = Math.min(Math.max(query.limit ?? 25, 1), 100);
  const after = decodeCursor(query.cursor);
  const q = query.q?.trim();
  const rows = await listStatements[(q ? 2 : 0) + (after ? 1 : 0)]!(ctx, {
    pattern: q ? containing(q) : undefined,
    afterAt: after?.createdAt.toISOString(),
    afterId: after?.id,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { customers: page, nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null };
}

/** The customer with this id in the context's tenant; another tenant's id is not found. */
export async function getCustomerOrThrow(ctx: TenantContext, id: string): Promise<Customer> {
  assertCan(ctx, "tenant.read");
  if (!UUID.test(id)) throw new NotFoundError(NOT_FOUND);
  return tenantScope(ctx).getOrThrow(customers, eq(customers.id, id), NOT_FOUND);
}

const duplicateEmail = (email: string | null | undefined) =>
  new UserError("A customer with this email already exists.", { email: [`${email} is already a customer in this workspace.`] });

export async function createCustomer(ctx: TenantContext, input: CustomerInput): Promise<Customer> {
  assertCan(ctx, "customers.write", WRITE_DENIED);
  const fields = parseOrThrow(customerSchema, input);
  try {
    return await tenantTransaction(ctx, async (scope) => {
      await assertWithinLimit(scope, "customers");
      const [customer] = await scope.insert(customers, { ...fields, createdById: ctx.user.id });
      await logActivity(scope, { action: "customer.created", target: { type: "customer", id: customer!.id, label: customer!.name } });
      await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "customer.created", data: { customer: toCustomerResource(customer!) } });
      return customer!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "customers_tenant_email_key")) throw duplicateEmail(fields.email);
    throw error;
  }
}

/** Changes the given fields (all of them from the form; some from the API's PATCH). */
export async function updateCustomer(ctx: TenantContext, id: string, input: Partial<CustomerInput>): Promise<Customer> {
  assertCan(ctx, "customers.write", WRITE_DENIED);
  const fields = parseOrThrow(customerPatchSchema, input);
  if (!UUID.test(id)) throw new NotFoundError(NOT_FOUND);
  try {
    return await tenantTransaction(ctx, async (scope) => {
      const [customer] = await scope.update(customers, { ...fields, updatedAt: new Date() }, eq(customers.id, id));
      if (!customer) throw new NotFoundError(NOT_FOUND);
      await logActivity(scope, {
        action: "customer.updated",
        target: { type: "customer", id, label: customer.name },
        metadata: { fields: Object.keys(fields) },
      });
      await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "customer.updated", data: { customer: toCustomerResource(customer), changed: Object.keys(fields) } });
      return customer;
    });
  } catch (error) {
    if (isUniqueViolation(error, "customers_tenant_email_key")) throw duplicateEmail(fields.email);
    throw error;
  }
}

/** Deletes the customer and gives back the row as it was (for an undo). */
export async function deleteCustomer(ctx: TenantContext, id: string): Promise<Customer> {
  assertCan(ctx, "customers.write", WRITE_DENIED);
  if (!UUID.test(id)) throw new NotFoundError(NOT_FOUND);
  return tenantTransaction(ctx, async (scope) => {
    const [customer] = await scope.delete(customers, eq(customers.id, id));
    if (!customer) throw new NotFoundError(NOT_FOUND);
    await logActivity(scope, { action: "customer.deleted", target: { type: "customer", id, label: customer.name } });
    await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "customer.deleted", data: { customer: toCustomerResource(customer) } });
    return customer;
  });
}
