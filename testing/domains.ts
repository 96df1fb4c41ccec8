// Builders for the domain tests: workspaces whose people have addresses at a domain.
import { addMember, createTenant, createUser } from "@/db/factories";
import type { Role } from "@/lib/permissions/roles";
import type { SessionUser } from "@/lib/tenancy/context";
import { contextOf } from "@/testing/tenant-context";

let sequence = 0;

/** A domain no other test uses, under the reserved .test top-level domain. */
export const uniqueDomain = (name = "acme") => `${name}-${Date.now().toString(36)}${(sequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}.test`;

/** A user with an address at `domain`, verified unless told otherwise. */
export async function personAt(domain: string, options: { verified?: boolean; name?: string; local?: string } = {}): Promise<SessionUser> {
  const row = await createUser({
    email: `${options.local ?? `person${sequence++}`}@${domain}`,
    name: options.name ?? null,
    emailVerified: options.verified === false ? null : new Date(),
  });
  return { id: row.id, name: row.name, email: row.email, image: row.image };
}

/** A workspace with `user` in it as `role`, and their context there. */
export async function workspaceOf(user: SessionUser, role: Role = "owner", tenant?: Awaited<ReturnType<typeof createTenant>>) {
  const t = tenant ?? (await createTenant({ planId: "pro" }));
  await addMember(t, user, role);
  return { tenant: t, user, ctx: await contextOf(user, t) };
}
