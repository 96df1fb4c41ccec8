import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { redirectToSignIn } from "@/lib/session/current-user";
import { readSessionToken } from "@/lib/session/session";
import { assertCan, type Permission } from "@/lib/permissions/permissions";
import { clientIp } from "@/lib/request/client-ip";
import { toTenantContext, type TenantContext } from "./context";
import { isSlugShaped } from "./slug";
import { loadTenantRequest, type TenantRequest } from "./tenant-request";

/** The request's session, user, membership and selector list: one statement, once per request. */
const loadRequest = cache(async (slug: string): Promise<TenantRequest | null> => {
  const token = await readSessionToken();
  return token ? loadTenantRequest(token, slug) : null;
});

const tenantRequest = async (slug: string): Promise<TenantRequest> => (await loadRequest(slug)) ?? redirectToSignIn(`/t/${encodeURIComponent(slug)}`);

/**
 * The same lookup without its verdict, for the 404 page: Next renders a not-found page
 * on every request (it is passed down as a fallback), so it must reuse what the layout
 * read rather than ask again. Null when signed out or the slug cannot be one.
 */
export async function findTenantRequest(slug: string): Promise<TenantRequest | null> {
  return isSlugShaped(slug) ? loadRequest(slug) : null;
}

const tenantContext = cache(async (slug: string): Promise<TenantContext> => {
  const { user, membership } = await tenantRequest(slug);
  if (!membership) notFound();
  return toTenantContext({ user, tenant: membership.tenant, role: membership.role, ip: await clientIp() });
});

/**
 * The guard of every page and action under /t/{slug}: a signed-in user (else
 * sign-in), a member of that tenant (else 404, the same whether or not it exists, and
 * for a slug that cannot exist without asking the database), and, when `permission` is
 * given, a role that has it (else `PermissionDeniedError`, which a page guarded by
 * `tenantPage` shows as its "no access" card). The lib function that does the work
 * asserts its permission again, so no caller can skip it. Cached per request.
 */
export async function requireTenant(slug: string, permission?: Permission): Promise<TenantContext> {
  if (!isSlugShaped(slug)) notFound();
  const ctx = await tenantContext(slug);
  if (permission) assertCan(ctx, permission);
  return ctx;
}

/**
 * What the tenant layout shows around the page: the selector's tenants, the last tenant as
 * stored, and the workspaces the user may join by their email's domain (the dashboard shows
 * those too). Call after `requireTenant`.
 */
export async function getTenantFrame(slug: string): Promise<Pick<TenantRequest, "tenants" | "lastTenantId" | "suggestions">> {
  if (!isSlugShaped(slug)) notFound();
  const { tenants, lastTenantId, suggestions } = await tenantRequest(slug);
  return { tenants, lastTenantId, suggestions };
}
