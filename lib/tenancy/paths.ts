/** A tenant's URL, optionally a section of it: tenantPath("acme", "settings") → /t/acme/settings. */
export function tenantPath(slug: string, section?: string): string {
  return `/t/${encodeURIComponent(slug)}${section ? `/${section}` : ""}`;
}

/**
 * Where to go when switching to another tenant from `pathname`: the same section
 * (/t/a/settings → /t/b/settings), but not deeper, since ids below it belong to
 * the tenant being left.
 */
export function switchTenantPath(pathname: string, slug: string): string {
  const match = /^\/t\/[^/]+\/([^/?#]+)/.exec(pathname);
  return tenantPath(slug, match?.[1]);
}
