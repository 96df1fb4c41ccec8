import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app/page-header";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getViewer } from "@/lib/format/viewer";
import { formatDate } from "@/lib/format/dates";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { tenantPage } from "../tenant-page";
import { createWebhookEndpointAction } from "./actions";
import { eventTypeOptions, urlHint } from "./form-options";

export const metadata: Metadata = { title: "Webhooks" };

export default tenantPage({ permission: "webhooks.manage", title: "Webhooks", denied: "Only owners and admins can manage webhooks." }, WebhooksPage);

async function WebhooksPage(ctx: TenantContext, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const endpoints = await listWebhookEndpoints(ctx);
  const viewer = await getViewer();
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            Your systems hear about changes here as they happen: an HTTPS POST per event, signed per{" "}
            <a href="https://www.standardwebhooks.com/" className="underline underline-offset-2">
              Standard Webhooks
            </a>{" "}
            and retried for about three days. Payloads are described in the{" "}
            <Link href="/api/v1/openapi.json" className="underline underline-offset-2">
              OpenAPI document
            </Link>
            .
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Add an endpoint</CardTitle>
          <CardDescription>Choose the events it receives; you get a secret to verify each delivery with.</CardDescription>
        </CardHeader>
        <EndpointForm action={createWebhookEndpointAction.bind(null, slug)} eventTypes={eventTypeOptions()} urlHint={urlHint()} />
      </Card>
      <Card>
        <CardHeader className="pb-3 sm:pb-3">
          <CardTitle>Endpoints</CardTitle>
        </CardHeader>
        {endpoints.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-zinc-500 sm:px-6 sm:pb-6">No endpoints yet. Add one above to start receiving events.</p>
        ) : (
          <ul className="divide-y divide-zinc-200">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 sm:px-6" data-testid="webhook-endpoint-row">
                <div className="min-w-0 flex-1 basis-64">
                  <Link href={tenantPath(slug, `webhooks/${endpoint.id}`)} className="font-mono text-sm font-medium break-all underline-offset-2 hover:underline">
                    {endpoint.url}
                  </Link>
                  <p className="text-xs text-zinc-500">
                    {endpoint.description ? `${endpoint.description} · ` : ""}
                    {endpoint.eventTypes.length === 0 ? "every event" : `${endpoint.eventTypes.length} event ${endpoint.eventTypes.length === 1 ? "type" : "types"}`} · added{" "}
                    {formatDate(endpoint.createdAt, viewer)}
                  </p>
                </div>
                {endpoint.disabledAt ? (
                  <Badge className="bg-red-50 text-red-800">{endpoint.disabledReason === "failing" ? "Disabled: failing" : "Disabled"}</Badge>
                ) : endpoint.failingSince ? (
                  <Badge className="bg-amber-50 text-amber-800">Failing since {formatDate(endpoint.failingSince, viewer)}</Badge>
                ) : (
                  <Badge className="bg-emerald-50 text-emerald-800">Active</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
