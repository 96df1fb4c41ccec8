import { after } from "next/server";
import { AppHeader } from "@/components/app/app-header";
import { TenantNav } from "@/components/app/tenant-nav";
import { TrialBanner } from "@/components/app/trial-banner";
import { can } from "@/lib/permissions/permissions";
import { rememberLastTenant } from "@/lib/tenants/last-tenant";
import { tenantNav } from "@/lib/tenancy/nav";
import { tenantPath } from "@/lib/tenancy/paths";
import { getTenantFrame, requireTenant } from "@/lib/tenancy/require-tenant";
import { createTenantAction, signOutAction } from "../../actions";
import { joinSuggestedTenantAction } from "../../domain-actions";

export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireTenant(slug);
  const { tenants, lastTenantId, suggestions } = await getTenantFrame(slug);
  // A plain page view writes nothing: only a switch of tenant is remembered, after the response.
  if (lastTenantId !== ctx.tenant.id) after(() => rememberLastTenant(ctx));
  const nav = tenantNav(ctx);

  return (
    <>
      <AppHeader
        user={{ id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, image: ctx.user.image }}
        tenants={tenants}
        currentSlug={slug}
        createTenant={createTenantAction}
        suggestions={suggestions}
        joinSuggestion={joinSuggestedTenantAction}
        signOut={signOutAction}
        nav={<TenantNav items={nav} />}
      />
      <TrialBanner tenant={ctx.tenant} billingHref={can(ctx.role, "billing.manage") ? tenantPath(slug, "billing") : null} />
      <main className="mx-auto grid w-full grid-cols-1 max-w-6xl gap-6 px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
