import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyList } from "@/components/api-keys/api-key-list";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { PageHeader } from "@/components/app/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { API_SCOPES, scopesForRole } from "@/lib/api-keys/scopes";
import { getViewer } from "@/lib/format/viewer";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPage } from "../tenant-page";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

export default tenantPage(
  { permission: "apiKeys.manage", title: "API keys", denied: "Only owners and admins can manage API keys." },
  ApiKeysPage,
);

async function ApiKeysPage(ctx: TenantContext, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const keys = await listApiKeys(ctx);
  const viewer = await getViewer();

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Let your own systems reach this workspace&apos;s data through the REST API (
            <Link href="/api/v1/openapi.json" className="underline underline-offset-2">
              OpenAPI
            </Link>
            ). A key acts with your role, and stops working if you leave the workspace.
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Create a key</CardTitle>
          <CardDescription>Give it only the scopes it needs.</CardDescription>
        </CardHeader>
        <CreateApiKeyForm
          action={createApiKeyAction.bind(null, slug)}
          scopes={scopesForRole(ctx.role).map((id) => ({ id, label: API_SCOPES[id].label }))}
        />
      </Card>
      <Card>
        <CardHeader className="pb-3 sm:pb-3">
          <CardTitle>Keys</CardTitle>
        </CardHeader>
        <ApiKeyList
          keys={keys.map((k) => ({
            id: k.id,
            name: k.name,
            display: k.display,
            scopes: k.scopes,
            createdBy: k.createdBy,
            created: formatDate(k.createdAt, viewer),
            lastUsed: k.lastUsedAt ? formatDateTime(k.lastUsedAt, viewer) : null,
            expires: k.expiresAt ? formatDate(k.expiresAt, viewer) : null,
            expired: k.expired,
          }))}
          revoke={revokeApiKeyAction.bind(null, slug)}
        />
      </Card>
    </>
  );
}
