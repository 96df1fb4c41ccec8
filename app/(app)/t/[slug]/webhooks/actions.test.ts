// The webhook actions, replayed as a browser would send them, with the cookies of people who
// may not use them: a member or billing gets a refusal and nothing changes; someone outside
// the workspace gets the 404, even with a real endpoint's id.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createTenant } from "@/db/factories";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createCustomer } from "@/lib/customers/customers";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "./actions";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(key, one);
  return data;
};

async function outcome(run: () => Promise<ActionState>) {
  try {
    return await run();
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { status: "404" as const };
    throw error;
  }
}

let team: Awaited<ReturnType<typeof teamOfEveryRole>>;
let endpointId: string;
let deliveryId: string;

async function snapshot() {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  const [deliveries] = await db.select({ n: count() }).from(webhookDeliveries);
  const [events] = await db.select({ n: count() }).from(webhookEvents);
  const [endpoints] = await db.select({ n: count() }).from(webhookEndpoints);
  return { endpoint, deliveries: deliveries!.n, events: events!.n, endpoints: endpoints!.n };
}

beforeAll(async () => {
  team = await teamOfEveryRole();
  endpointId = (await createWebhookEndpoint(team.owner.ctx, { url: "http://localhost:9/hooks" })).endpoint.id;
  await createCustomer(team.member.ctx, { name: "Ada" });
  const [delivery] = await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  deliveryId = delivery!.id;
});

const calls = (slug: string) => [
  ["create", () => createWebhookEndpointAction(slug, { status: "idle" }, form({ url: "http://localhost:9/other", events: "all" }))],
  ["update", () => updateWebhookEndpointAction(slug, { status: "idle" }, form({ id: endpointId, url: "http://localhost:9/stolen", events: "all" }))],
  ["disable", () => setWebhookEndpointEnabledAction(slug, { status: "idle" }, form({ id: endpointId, enabled: "false" }))],
  ["rotate", () => rotateWebhookSecretAction(slug, { status: "idle" }, form({ id: endpointId }))],
  ["test", () => sendTestWebhookAction(slug, { status: "idle" }, form({ id: endpointId }))],
  ["resend", () => resendWebhookDeliveryAction(slug, { status: "idle" }, form({ id: endpointId, deliveryId }))],
  ["delete", () => deleteWebhookEndpointAction(slug, { status: "idle" }, form({ id: endpointId }))],
] as const;

describe("webhook actions replayed with someone else's cookies", () => {
  it("refuse members and billing with a message, changing nothing", async () => {
    const before = await snapshot();
    for (const who of [team.member, team.billing]) {
      await signInAs(who.user);
      for (const [name, call] of calls(team.tenant.slug)) {
        const result = await outcome(call);
        expect(result, `${who.ctx.role} ${name}`).toMatchObject({ status: "error", message: "Only owners and admins can manage webhooks." });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answer 404 to someone outside the workspace, with their own workspace's slug or this one's", async () => {
    const outsider = await memberOf(await createTenant({ planId: "pro" }), "owner");
    const before = await snapshot();
    await signInAs(outsider.user);
    for (const [name, call] of calls(team.tenant.slug)) expect(await outcome(call), name).toEqual({ status: "404" });
    for (const [name, call] of calls(outsider.tenant.slug).slice(1)) {
      expect(await outcome(call), `own slug ${name}`).toMatchObject({ status: "error", message: "It no longer exists." });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("work for an admin", async () => {
    await signInAs(team.admin.user);
    const [create, update, disable, rotate] = calls(team.tenant.slug);
    expect(await create[1]()).toMatchObject({ status: "success", data: { secret: expect.stringMatching(/^whsec_/) } });
    expect(await update[1]()).toMatchObject({ status: "success" });
    expect(await disable[1]()).toMatchObject({ status: "success" });
    expect(await rotate[1]()).toMatchObject({ status: "success", data: { secret: expect.stringMatching(/^whsec_/) } });
    const after = await snapshot();
    expect(after.endpoint).toMatchObject({ url: "http://localhost:9/stolen", disabledReason: "manual" });
  });
});
