import { headers } from "next/headers";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { tenantSlugOfPath } from "@/lib/tenants/home";
import { tenantPath } from "@/lib/tenancy/paths";

/**
 * A page missing inside a tenant the viewer is in (a deleted customer, a stale link):
 * shown within the tenant's frame. It cannot answer outsiders: the layout's own 404
 * for them is outside this boundary and lands on app/not-found.tsx.
 */
export default async function TenantPageNotFound() {
  const slug = tenantSlugOfPath((await headers()).get("x-return-to"));
  return (
    <div className="mx-auto flex min-h-[50dvh] max-w-md flex-col items-center justify-center gap-4 text-center">
      <p className="text-sm font-medium text-zinc-500">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-zinc-600">This page does not exist in this workspace, or what it showed was deleted. Check the address.</p>
      <Button asChild>
        <Link href={slug ? tenantPath(slug) : "/"}>Go to the dashboard</Link>
      </Button>
    </div>
  );
}
