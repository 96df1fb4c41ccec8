// Builders of realistic rows, shared by the tests and the demo seed.
import { getDb, type Executor } from "./client";
import { memberships, tenants, users } from "./schema";

type Role = (typeof memberships.$inferInsert)["role"];

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function createUser(
  overrides: Partial<typeof users.$inferInsert> = {},
  executor: Executor = getDb(),
): Promise<typeof users.$inferSelect> {
  const id = unique();
  const [user] = await executor
    .insert(users)
    .values({ name: `User ${id}`, email: `user-${id}@example.test`, emailVerified: new Date(), ...overrides })
    .returning();
  return user!;
}

export async function createTenant(
  overrides: Partial<typeof tenants.$inferInsert> = {},
  executor: Executor = getDb(),
): Promise<typeof tenants.$inferSelect> {
  const id = unique();
  const [tenant] = await executor
    .insert(tenants)
    .values({ name: `Tenant ${id}`, slug: `t-${id}`, ...overrides })
    .returning();
  return tenant!;
}

export async function addMember(
  tenant: { id: string },
  user: { id: string },
  role: Role,
  executor: Executor = getDb(),
): Promise<void> {
  await executor.insert(memberships).values({ tenantId: tenant.id, userId: user.id, role });
}

/** A tenant with one member of the given role; returns both. */
export async function createTenantWithMember(role: Role = "owner", executor: Executor = getDb()) {
  const user = await createUser({}, executor);
  const tenant = await createTenant({}, executor);
  await addMember(tenant, user, role, executor);
  return { user, tenant };
}
