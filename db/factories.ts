// Builders of realistic rows, shared by the tests and the demo seed.
import { getDb, type Executor } from "./client";
import { memberships, sessions, tenants, users } from "./schema";

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

/** A database session for `user`, as Auth.js makes at sign-in; returns its token. */
export async function createSession(
  user: { id: string },
  expires = new Date(Date.now() + 30 * 86_400_000),
  executor: Executor = getDb(),
): Promise<string> {
  const sessionToken = `session-${unique()}`;
  await executor.insert(sessions).values({ sessionToken, userId: user.id, expires });
  return sessionToken;
}

/** A tenant with one member of the given role; returns both. */
export async function createTenantWithMember(role: Role = "owner", executor: Executor = getDb()) {
  const user = await createUser({}, executor);
  const tenant = await createTenant({}, executor);
  await addMember(tenant, user, role, executor);
  return { user, tenant };
}

const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Esther", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemi", "Luca", "Maya", "Noah", "Olga", "Priya"];
const LAST = ["Alvarez", "Becker", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura"];
const COMPANIES = ["Northwind Traders", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Foods", "Soylent Labs", "Hooli", "Vandelay Imports", null];

/** The i-th of a stable series of plausible customers (same i, same person). */
export function demoCustomer(i: number) {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const company = COMPANIES[i % COMPANIES.length] ?? null;
  const handle = `${first}.${last}`.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return {
    name: `${first} ${last}`,
    company,
    email: `${handle}${i >= FIRST.length * LAST.length ? i : ""}@${company ? company.toLowerCase().replace(/[^a-z]+/g, "") : "mail"}.example`,
    phone: `+1 555 01${String(i % 100).padStart(2, "0")}`,
    notes: i % 4 === 0 ? "Prefers email. Renewal talk due next quarter." : null,
  };
}

