import { headers } from "next/headers";
import Link from "next/link";
import { AppHeader } from "@/components/app/app-header";
import { NoAccessWorkspaces } from "@/components/app/no-access-workspaces";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/session/current-user";
import { TENANT_LABEL } from "@/lib/config/app";
import { resolveNotFoundView, tenantSlugOfPath } from "@/lib/tenants/home";
import { findTenantRequest } from "@/lib/tenancy/require-tenant";
import { createTenantAction, signOutAction } from "./(app)/actions";

/**
 * Every 404, unmatched URLs included, and a tenant's when the viewer is not in it (the
 * tenant layout's own 404 lands here). For that one, the same page for a tenant that
 * does not exist and one the user is not in: what it lists is only the viewer's own.
 */
export default async function NotFound() {
  // Rendered on every request (Next passes it down as the fallback), so it reads only what
  // the page's own guard already read: the tenant layout's lookup, or the signed-in user.
  // The path asked for is as proxy.ts recorded it for the signed-in areas (/t/... among them).
  const path = (await headers()).get("x-return-to");
  const slug = tenantSlugOfPath(path);
  const request = slug ? await findTenantRequest(slug) : null;
  const user = request?.user ?? (await getCurrentUser());
  if (!user) return <SignedOutNotFound />;
  const view = await resolveNotFoundView(user, path, request?.tenants);
  return (
    <>
      <AppHeader
        user={{ id: user.id, name: user.name, email: user.email, image: user.image }}
        tenants={view.tenants}
        createTenant={createTenantAction}
        signOut={signOutAction}
      />
      <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col justify-center gap-6 px-6 py-12">
        <div className="text-center">
          <p className="text-sm font-medium text-zinc-500">404</p>
          <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
          <p className="mt-2 text-zinc-600">
            {view.missing === "workspace"
              ? `You do not have access to a ${TENANT_LABEL.singular} at this address. If you expected one, ask one of its owners for an invitation.`
              : view.current
                ? `This page does not exist in ${view.current.name}. Check the address.`
                : "This page does not exist, or you do not have access to it. Check the address."}
          </p>
        </div>
        <NoAccessWorkspaces tenants={view.tenants} />
      </main>
    </>
  );
}

function SignedOutNotFound() {
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-medium text-zinc-500">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-zinc-600">This page does not exist, or you need to sign in to see it. Check the address, or sign in.</p>
      <div className="flex gap-2">
        <Button asChild>
          <Link href="/sign-in">Sign in</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/">Home</Link>
        </Button>
      </div>
    </main>
  );
}
