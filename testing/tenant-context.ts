// Test helpers: members of tenants with their contexts, built through the guard's own statement.
import { addMember, createSession, createTenant, createUser } from "@/db/factories";
import type { Role } from "@/lib/permissions/roles";
import { toTenantContext, type SessionUser, type TenantContext } from "@/lib/tenancy/context";
import { loadTenantRequest } from "@/lib/tenancy/tenant-request";

type Tenant = Awaited<ReturnType<typeof createTenant>>;
export type TestMember = { user: SessionUser; tenant: Tenant; ctx: TenantContext };

/**
 * What `requireTenant(slug)` gives `user` on a request: signs them in (a new database
 * session) and runs the guard's statement. Null for a non-member, as the guard's 404.
 */
export async function loadTenantContext(user: SessionUser, slug: string, ip: string | null = null): Promise<TenantContext | null> {
  const request = await loadTenantRequest(await createSession(user), slug);
  if (!request?.membership) return null;
  return toTenantContext({ user: request.user, tenant: request.membership.tenant, role: request.membership.role, ip });
}

export async function contextOf(user: SessionUser, tenant: Tenant): Promise<TenantContext> {
  const ctx = await loadTenantContext(user, tenant.slug, "203.0.113.7");
  if (!ctx) throw new Error(`${user.email} is not a member of ${tenant.slug}`);
  return ctx;
}

/** A new user with `role` in `tenant` (a new tenant when none is given). */
export async function memberOf(tenant: Tenant | null, role: Role, name?: string): Promise<TestMember> {
  const row = await createUser(name ? { name } : {});
  const user: SessionUser = { id: row.id, name: row.name, email: row.email, image: row.image };
  const t = tenant ?? (await createTenant());
  await addMember(t, user, role);
  return { user, tenant: t, ctx: await contextOf(user, t) };
}

/** A tenant with one member of each role, on the Pro plan (four people would fill Free's three). */
export async function teamOfEveryRole() {
  const owner = await memberOf(await createTenant({ planId: "pro" }), "owner", "Olive Owner");
  const [admin, member, billing] = await Promise.all([
    memberOf(owner.tenant, "admin", "Adam Admin"),
    memberOf(owner.tenant, "member", "Mia Member"),
    memberOf(owner.tenant, "billing", "Bill Billing"),
  ]);
  return { tenant: owner.tenant, owner, admin, member, billing };
}
