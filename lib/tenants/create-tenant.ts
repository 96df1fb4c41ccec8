import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { memberships, planChanges, tenants, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import type { SessionUser, Tenant } from "@/lib/tenancy/context";
import { createTenantSchema, type CreateTenantInput } from "./schemas";
import { slugAlternative } from "@/lib/tenancy/slug";

/** Inserts the tenant unless its slug is taken (then returns null). */
async function insertTenant(tx: Executor, name: string, slug: string): Promise<Tenant | null> {
  const [tenant] = await tx.insert(tenants).values({ name, slug }).onConflictDoNothing({ target: tenants.slug }).returning();
  return tenant ?? null;
}

type Creator = Pick<SessionUser, "id" | "name" | "email">;

async function addOwner(tx: Executor, tenant: Tenant, user: Creator, ip: string | null) {
  await tx.insert(memberships).values({ tenantId: tenant.id, userId: user.id, role: "owner" });
  await tx.update(users).set({ lastTenantId: tenant.id }).where(eq(users.id, user.id));
  await recordActivity(tx, { tenantId: tenant.id, actor: user, ip, action: "tenant.created" });
  await tx.insert(planChanges).values({ tenantId: tenant.id, fromPlan: null, toPlan: tenant.planId, source: "system" });
}

/** Creates a tenant with the user as its owner, in one transaction. */
export async function createTenant(user: Creator, input: CreateTenantInput, ip: string | null = null): Promise<Tenant> {
  const { name, slug } = parseOrThrow(createTenantSchema, input);
  return db.transaction(async (tx) => {
    const tenant = await insertTenant(tx, name, slug);
    if (!tenant) {
      throw new UserError("That address is already taken.", {
        slug: [`"${slug}" is already taken. Try "${slugAlternative(slug, 1)}" or another.`],
      });
    }
    await addOwner(tx, tenant, user, ip);
    return tenant;
  });
}

/** Creates a tenant under the first free variant of `baseSlug` (acme, acme-2, ...). */
export async function createTenantWithFreeSlug(tx: Executor, user: Creator, name: string, baseSlug: string): Promise<Tenant> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const tenant = await insertTenant(tx, name, slugAlternative(baseSlug, attempt));
    if (tenant) {
      await addOwner(tx, tenant, user, null);
      return tenant;
    }
  }
  throw new Error(`No free slug found for "${baseSlug}"`);
}
