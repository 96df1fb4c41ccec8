import type { tenants } from "@/db/schema";
import type { SessionUser } from "@/lib/session/session-user";
import type { Permission } from "@/lib/permissions/permissions";
import type { Role } from "@/lib/permissions/roles";

export type Tenant = typeof tenants.$inferSelect;

/** A tenant as the selector lists it: what a user sees of each tenant they belong to. */
export type TenantOption = { slug: string; name: string; role: Role };

/** A workspace the user may join because of their verified email's domain. */
export type DomainSuggestion = { tenantId: string; tenantName: string; domain: string };

export type { SessionUser };

declare const tenantContextBrand: unique symbol;

/**
 * Who is acting for `user`: the person themself, or an API key they created. A key's
 * requests carry its creator as `user` (their role and rights, `createdById` columns)
 * and the key here, so the activity log can name both.
 */
export type Actor = { readonly type: "user" } | { readonly type: "api_key"; readonly id: string; readonly name: string };

/**
 * Who acts, in which tenant, with which role. Only the guards build one (after
 * checking membership), and every function of tenant-owned data takes one first,
 * so such a function cannot run for a tenant its caller does not belong to.
 */
export type TenantContext = {
  /** The person acting, or for an API key its creator. */
  readonly user: SessionUser;
  readonly actor: Actor;
  readonly tenant: Tenant;
  readonly role: Role;
  /** The client's address, for the activity log; null outside a request. */
  readonly ip: string | null;
  /** When set (an API key's scopes), the most this caller may do, whatever the role allows. */
  readonly grants: readonly Permission[] | null;
  readonly [tenantContextBrand]: true;
};

const USER_ACTOR: Actor = Object.freeze({ type: "user" });

/** For guards only: call it after membership has been checked. */
export function toTenantContext(value: {
  user: SessionUser;
  tenant: Tenant;
  role: Role;
  ip?: string | null;
  grants?: readonly Permission[] | null;
  actor?: Actor;
}): TenantContext {
  const actor: Actor = value.actor ? Object.freeze({ ...value.actor }) : USER_ACTOR;
  return Object.freeze({ ...value, actor, ip: value.ip ?? null, grants: value.grants ?? null }) as TenantContext;
}
