import Link from "next/link";
import { cache } from "react";
import { PageHeader } from "@/components/app/page-header";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EndpointControls } from "@/components/webhooks/endpoint-controls";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { ArrowLeft } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { orNotFound } from "@/lib/errors/page";
import { can } from "@/lib/permissions/permissions";
import { getViewer } from "@/lib/format/viewer";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";
import { requireTenant } from "@/lib/tenancy/require-tenant";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { getWebhookEndpointOrThrow, type WebhookEndpoint } from "@/lib/webhooks/endpoints";
import { tenantPage } from "../../tenant-page";
import {
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "../actions";
import { eventTypeOptions, urlHint } from "../form-options";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

const endpointOr404 = cache((ctx: TenantContext, id: string): Promise<WebhookEndpoint> => orNotFound(getWebhookEndpointOrThrow(ctx, id)));

export async function generateMetadata({ params }: Props) {
  const { slug, id } = await params;
  const ctx = await requireTenant(slug);
  // The title names the endpoint only for those who may see it.
  if (!can(ctx.role, "webhooks.manage")) return { title: "Webhooks" };
  return { title: `Webhook ${(await endpointOr404(ctx, id)).url}` };
}

export default tenantPage({ permission: "webhooks.manage", title: "Webhooks", denied: "Only owners and admins can manage webhooks." }, EndpointPage);

async function EndpointPage(ctx: TenantContext, { params, searchParams }: Props) {
  const { slug, id } = await params;
  const { cursor } = await searchParams;
  const endpoint = await endpointOr404(ctx, id);
  const page = await listWebhookDeliveries(ctx, id, { cursor: typeof cursor === "string" ? cursor : undefined });
  const viewer = await getViewer();
  const base = tenantPath(slug, `webhooks/${id}`);

  return (
    <>
      <Link href={tenantPath(slug, "webhooks")} className="inline-flex w-fit items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900">
        <ArrowLeft className="size-4" aria-hidden /> All webhooks
      </Link>
      <PageHeader
        title={endpoint.description || "Webhook endpoint"}
        description={
          <span className="font-mono break-all">
            {endpoint.url}
            {endpoint.disabledAt && (
              <span className="ml-2 font-sans text-red-700">
                {endpoint.disabledReason === "failing" ? `Disabled on ${formatDate(endpoint.disabledAt, viewer)} after five days of failed deliveries.` : "Disabled."}
              </span>
            )}
          </span>
        }
      />
      <Card>
        <CardContent>
          <EndpointControls
            id={id}
            url={endpoint.url}
            enabled={!endpoint.disabledAt}
            actions={{
              test: sendTestWebhookAction.bind(null, slug),
              rotate: rotateWebhookSecretAction.bind(null, slug),
              setEnabled: setWebhookEndpointEnabledAction.bind(null, slug),
              remove: deleteWebhookEndpointAction.bind(null, slug),
            }}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="pb-3 sm:pb-3">
          <CardTitle>Deliveries</CardTitle>
          <CardDescription>Each event sent here, with the answer. Failed ones are retried with growing pauses for about three days.</CardDescription>
        </CardHeader>
        <DeliveryLog
          endpointId={id}
          resend={resendWebhookDeliveryAction.bind(null, slug)}
          deliveries={page.deliveries.map((d) => ({
            id: d.id,
            eventType: d.eventType,
            status: d.status,
            attempts: d.attempts,
            responseStatus: d.responseStatus,
            responseBody: d.responseBody,
            latencyMs: d.latencyMs,
            error: d.error,
            created: formatDateTime(d.createdAt, viewer),
          }))}
        />
        {(page.nextCursor || cursor) && (
          <div className="flex gap-2 px-5 pb-5 sm:px-6 sm:pb-6">
            {cursor && (
              <Button asChild variant="outline" size="sm">
                <Link href={base}>Newest</Link>
              </Button>
            )}
            {page.nextCursor && (
              <Button asChild variant="outline" size="sm">
                <Link href={`${base}?cursor=${page.nextCursor}`}>Older</Link>
              </Button>
            )}
          </div>
        )}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Settings</CardTitle>
        </CardHeader>
        <EndpointForm
          action={updateWebhookEndpointAction.bind(null, slug)}
          eventTypes={eventTypeOptions()}
          urlHint={urlHint()}
          endpoint={{ id, url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes }}
        />
      </Card>
    </>
  );
}
