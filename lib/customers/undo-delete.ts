import "server-only";
import { isUniqueViolation } from "@/db/errors";
import { customers } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { assertWithinLimit } from "@/lib/plans/limits";
import { toCustomerResource } from "@/lib/resources/customer";
import { sealerFor } from "@/lib/security/sealed";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { Customer } from "./customers";

import { UNDO_WINDOW_MS } from "./undo-window";

export { UNDO_WINDOW_MS };

const sealer = sealerFor("customer-undo");
const TOO_LATE = "This deletion can no longer be undone.";

type Sealed = { tenantId: string; until: number; customer: Omit<Customer, "search" | "createdAt" | "updatedAt"> & { createdAt: string } };

/** A token that brings the deleted customer back, for the few seconds of the toast's Undo. */
export function undoTokenFor(ctx: TenantContext, customer: Customer): string {
  const { search: _search, createdAt, updatedAt: _updatedAt, ...fields } = customer;
  return sealer.seal({ tenantId: ctx.tenant.id, until: Date.now() + UNDO_WINDOW_MS, customer: { ...fields, createdAt: createdAt.toISOString() } } satisfies Sealed);
}

/** The deleted customer's name, if `token` can still undo a deletion in this tenant. */
export function readUndoToken(ctx: TenantContext, token: unknown): { name: string } | null {
  if (typeof token !== "string" || token.length > 4000) return null;
  try {
    const sealed = sealer.unseal<Sealed>(token);
    return sealed.tenantId === ctx.tenant.id && sealed.until > Date.now() ? { name: sealed.customer.name } : null;
  } catch {
    return null;
  }
}

/**
 * Puts a just-deleted customer back as it was (same id, same dates), within the plan's
 * limit. The token is sealed by the server, bound to the tenant and short-lived, so it
 * can only restore what this tenant deleted a moment ago. Twice is the same as once.
 */
export async function undoCustomerDeletion(ctx: TenantContext, token: string): Promise<{ id: string }> {
  assertCan(ctx, "customers.write", "Only members, admins and owners can change customers.");
  let sealed: Sealed;
  try {
    sealed = sealer.unseal<Sealed>(token);
  } catch {
    throw new UserError(TOO_LATE);
  }
  if (sealed.tenantId !== ctx.tenant.id || !(sealed.until > Date.now())) throw new UserError(TOO_LATE);
  const { createdAt, ...fields } = sealed.customer;
  try {
    await tenantTransaction(ctx, async (scope) => {
      await assertWithinLimit(scope, "customers");
      const [customer] = await scope.insert(customers, { ...fields, createdAt: new Date(createdAt) });
      await logActivity(scope, { action: "customer.restored", target: { type: "customer", id: customer!.id, label: customer!.name } });
      await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "customer.created", data: { customer: toCustomerResource(customer!) } });
    });
  } catch (error) {
    if (isUniqueViolation(error, "customers_tenant_id_id_pk")) return { id: fields.id }; // already back
    if (isUniqueViolation(error, "customers_tenant_email_key")) {
      throw new UserError(`It can't come back: another customer now has the email ${fields.email}.`);
    }
    throw error;
  }
  return { id: fields.id };
}
