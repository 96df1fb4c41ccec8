import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { ConfirmByTypingForm } from "@/components/danger/confirm-by-typing-form";
import { AddDomainForm } from "@/components/domains/add-domain-form";
import { DomainList, type DomainRowView } from "@/components/domains/domain-list";
import { ExportList } from "@/components/exports/export-list";
import { RequestExportForm } from "@/components/exports/request-export-form";
import { NameForm } from "@/components/forms/name-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TENANT_LABEL } from "@/lib/config/app";
import { listDomains } from "@/lib/domains/domains";
import { domainJoinRoles } from "@/lib/domains/manage-domain";
import type { TenantDomain } from "@/lib/domains/types";
import { listTenantExports } from "@/lib/exports/exports";
import { formatDate, formatRelative, type Viewer } from "@/lib/format/dates";
import { getViewer } from "@/lib/format/viewer";
import { can } from "@/lib/permissions/permissions";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantPath } from "@/lib/tenancy/paths";
import { requireTenant } from "@/lib/tenancy/require-tenant";
import { TENANT_RESTORE_DAYS } from "@/lib/tenants/lifecycle";
import {
  checkDomainAction,
  claimDomainAction,
  deleteTenantAction,
  exportTenantAction,
  removeDomainAction,
  renameTenantAction,
  updateDomainAction,
} from "./actions";

export const metadata: Metadata = { title: "Settings" };

function toDomainRow(domain: TenantDomain, viewer: Viewer): DomainRowView {
  const by = domain.verifiedBy === "email" ? "by a verified email address" : "by its DNS record";
  return {
    id: domain.id,
    domain: domain.domain,
    verified: domain.verifiedAt !== null,
    verifiedNote: domain.verifiedAt ? `${by} on ${formatDate(domain.verifiedAt, viewer)}` : null,
    mode: domain.mode,
    role: domain.role,
    txt: domain.txt,
    lastChecked: domain.lastCheckedAt ? formatRelative(domain.lastCheckedAt, viewer) : null,
  };
}

export default async function TenantSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireTenant(slug);
  const canRename = can(ctx.role, "tenant.rename");
  const canExport = can(ctx.role, "data.export");
  const canDelete = can(ctx.role, "tenant.delete");
  const canManageDomains = can(ctx.role, "domains.manage");
  const [exports, domains, viewer] = await Promise.all([
    canExport ? listTenantExports(ctx.tenant.id) : [],
    canManageDomains ? listDomains(ctx) : [],
    canManageDomains ? getViewer() : null,
  ]);

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
      {canManageDomains && viewer && (
        <Card>
          <CardHeader>
            <CardTitle>Verified domains</CardTitle>
            <CardDescription>
              People who sign in with a verified email address at one of these domains can find this {TENANT_LABEL.singular} and join it, or join it
              automatically. A domain belongs to one {TENANT_LABEL.singular} at a time.
            </CardDescription>
          </CardHeader>
          <AddDomainForm action={claimDomainAction.bind(null, slug)} />
          <DomainList
            domains={domains.map((d) => toDomainRow(d, viewer))}
            roles={domainJoinRoles(ctx.role)}
            actions={{ check: checkDomainAction.bind(null, slug), update: updateDomainAction.bind(null, slug), remove: removeDomainAction.bind(null, slug) }}
          />
        </Card>
      )}
      {canExport && (
        <Card>
          <CardHeader>
            <CardTitle>Export data</CardTitle>
            <CardDescription>
              A zip of everything in this {TENANT_LABEL.singular}: members, invitations, customers, API keys (without their secrets), the activity log and the plan
              history, each as JSON and CSV. We&apos;ll email you a download link that works for 7 days.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <RequestExportForm action={exportTenantAction.bind(null, slug)} label={`Export ${TENANT_LABEL.singular} data`} />
            <ExportList exports={exports} />
          </CardContent>
        </Card>
      )}
      {canDelete && (
        <Card className="border-red-200">
          <CardHeader>
            <CardTitle className="text-red-700">Delete this {TENANT_LABEL.singular}</CardTitle>
            <CardDescription>
              Everyone loses access at once, every member gets an email, API keys stop working and a paid subscription is cancelled now. An owner can restore it
              from their account page for {TENANT_RESTORE_DAYS} days; after that it is erased with everything in it.
            </CardDescription>
          </CardHeader>
          <ConfirmByTypingForm
            action={deleteTenantAction.bind(null, slug)}
            name="confirmName"
            expected={ctx.tenant.name}
            label={`Type “${ctx.tenant.name}” to confirm`}
            button={`Delete this ${TENANT_LABEL.singular}`}
            pendingLabel="Deleting…"
          />
        </Card>
      )}
    </>
  );
}
