import "server-only";
import type { SessionUser, TenantOption } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";
import { ensurePersonalTenant } from "./personal-tenant";
import { findHomeState, findHomeTenantSlug, listTenantsForRequest } from "./queries";

/** The invitee's own list of pending invitations. */
export const INVITATIONS_PATH = "/invitations";
/** Where someone in no tenant makes one, told so. */
export const NEW_TENANT_PATH = "/tenants/new";

/**
 * Where a signed-in user lands, decided in one statement: the tenant they used last
 * (or their oldest); else, with invitations waiting, the list of them (no tenant is
 * made behind an invitation's back); else, on the first visit, their personal tenant,
 * made now; else (removed, left, or the personal one made before) the page to create
 * one. A workspace never appears by itself for someone who has been in one.
 */
export async function resolveHomePath(user: SessionUser): Promise<string> {
  const state = await findHomeState(user.id);
  if (state?.slug) return tenantPath(state.slug);
  if (state?.invited) return INVITATIONS_PATH;
  if (!state || state.personalTenantMade || state.leftLiveTenant) return NEW_TENANT_PATH;
  return startPersonalTenant(user);
}

/**
 * "Create my own workspace": the personal tenant, made once in a life (parallel
 * clicks make one), then where the user now belongs.
 */
export async function startPersonalTenant(user: SessionUser): Promise<string> {
  const personal = await ensurePersonalTenant(user.id);
  if (personal) return tenantPath(personal.slug);
  // Made earlier (maybe by a parallel request, maybe since left): look again.
  const again = await findHomeTenantSlug(user.id);
  return again ? tenantPath(again) : NEW_TENANT_PATH;
}

/** The slug in a tenant URL (/t/{slug}/...), as written; null for any other path. */
export function tenantSlugOfPath(path: string | null | undefined): string | null {
  const match = /^\/t\/([^/?#]+)/.exec(path ?? "");
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

export type NotFoundView = {
  /** "workspace": the path is in a tenant the user is not in (or that does not exist: the same answer). */
  missing: "workspace" | "page";
  /** The user's own tenants, and only theirs, for links. */
  tenants: TenantOption[];
  /** The tenant of the path when the user is in it (a page in it is missing). */
  current: TenantOption | null;
};

/** What a signed-in user's 404 page says, for the path asked for. */
export async function resolveNotFoundView(user: Pick<SessionUser, "id">, requestedPath: string | null, known?: TenantOption[]): Promise<NotFoundView> {
  const tenants = known ?? (await listTenantsForRequest(user.id)).map(({ slug, name, role }) => ({ slug, name, role }));
  const slug = tenantSlugOfPath(requestedPath);
  const current = slug === null ? null : (tenants.find((t) => t.slug === slug) ?? null);
  return { missing: slug !== null && !current ? "workspace" : "page", tenants, current };
}
