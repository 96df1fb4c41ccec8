import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { NameForm } from "@/components/forms/name-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TENANT_LABEL } from "@/lib/config/app";
import { can } from "@/lib/permissions/permissions";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantPath } from "@/lib/tenants/paths";
import { requireTenant } from "@/lib/tenants/require-tenant";
import { renameTenantAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function TenantSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireTenant(slug);
  const canRename = can(ctx.role, "tenant.rename");

  return (
    <>
      <PageHeader title="Settings" description={`Settings of ${ctx.tenant.name}.`} />
      <Card>
        <CardHeader>
          <CardTitle>{TENANT_LABEL.title} name</CardTitle>
          <CardDescription>Shown to everyone in this {TENANT_LABEL.singular} and in emails.</CardDescription>
        </CardHeader>
        {canRename ? (
          <NameForm action={renameTenantAction.bind(null, slug)} label="Name" initialName={ctx.tenant.name} maxLength={64} />
        ) : (
          <CardContent>
            <p className="font-medium">{ctx.tenant.name}</p>
            <p className="mt-2 text-sm text-zinc-500">
              Only owners and admins can rename it. Your role here is {ROLE_LABELS[ctx.role]}.
            </p>
          </CardContent>
        )}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Address</CardTitle>
          <CardDescription>The address of this {TENANT_LABEL.singular}. It cannot be changed.</CardDescription>
        </CardHeader>
        <CardContent>
          <code className="rounded bg-zinc-100 px-2 py-1 font-mono text-sm">{tenantPath(slug)}</code>
        </CardContent>
      </Card>
    </>
  );
}
