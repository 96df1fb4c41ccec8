import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/request/client-ip";
import type { TenantContext } from "./context";
import { loadTenantContext } from "./queries";

/**
 * The guard of every page and action under /t/{slug}: a signed-in user (else
 * sign-in), a member of that tenant (else 404, the same whether or not it exists).
 * Permissions are asserted by the lib function that does the work, so no caller
 * can skip them. Cached per request.
 */
export const requireTenant = cache(async (slug: string): Promise<TenantContext> => {
  const user = await requireUser(`/t/${encodeURIComponent(slug)}`);
  const ctx = await loadTenantContext(user, slug, await clientIp());
  if (!ctx) notFound();
  return ctx;
});
