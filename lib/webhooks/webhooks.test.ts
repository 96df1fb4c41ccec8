import { and, count, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createTenant } from "@/db/factories";
import { activityLog, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { recordStatements } from "@/db/statement-log";
import { createCustomer, deleteCustomer, updateCustomer } from "@/lib/customers/customers";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/manage-invitation";
import { changeMemberRole } from "@/lib/members/change-role";
import { removeMember } from "@/lib/members/remove-member";
import { LimitReachedError } from "@/lib/plans/limits";
import { jobsIn, makeRetriesDue } from "@/testing/jobs";
import { memberOf, teamOfEveryRole, type TestMember } from "@/testing/tenant-context";
import { startWebhookReceiver, type WebhookReceiver } from "@/testing/webhook-receiver";
import { drainJobs } from "@/lib/worker/drain";
import { listWebhookDeliveries, resendWebhookDelivery, sendTestWebhook } from "./deliveries";
import { MAX_ATTEMPTS } from "./deliver";
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpointOrThrow, listWebhookEndpoints, rotateWebhookSecret, updateWebhookEndpoint } from "./endpoints";
import type { WebhookEventType } from "./event-types";
import { WEBHOOK_ENVELOPES } from "./payloads";

const APP = "http://localhost:3000";
const deliver = () => drainJobs({ names: ["webhook-deliver"] });
const bodies = (receiver: WebhookReceiver) => receiver.received.map((r) => JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> });

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer({ status: 204 });
});

async function endpointFor(owner: TestMember, eventTypes: string[] = []) {
  return createWebhookEndpoint(owner.ctx, { url: receiver.url(`/${owner.tenant.slug}`), description: "CRM sync", eventTypes: eventTypes as WebhookEventType[] });
}

describe("delivering events", () => {
  it("signs each delivery so the Standard Webhooks library's own verify accepts it, with a payload its schema describes", async () => {
    const owner = await memberOf(await createTenant({ planId: "pro" }), "owner");
    const { secret } = await endpointFor(owner);
    const customer = await createCustomer(owner.ctx, { name: "Ada", email: "ada@example.test" });
    expect(await deliver()).toMatchObject({ completed: 1, failed: 0 });

    const [request] = receiver.received;
    expect(request!.headers["content-type"]).toBe("application/json");
    const verified = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>) as { id: string; type: string };
    expect(verified).toMatchObject({ type: "customer.created", workspace_id: owner.tenant.id, version: 1, data: { customer: { id: customer.id, name: "Ada" } } });
    expect(request!.headers["webhook-id"]).toBe(verified.id);
    expect(WEBHOOK_ENVELOPES["customer.created"]!.safeParse(verified).success).toBe(true);
    // A wrong secret, or a changed body, does not verify.
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(request!.body, request!.headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(secret).verify(request!.body.replace("Ada", "Eve"), request!.headers as Record<string, string>)).toThrow();
  });

  it("sends each change its type asks for, in order, and only the types an endpoint chose", async () => {
    const team = await teamOfEveryRole();
    await endpointFor(team.owner);
    const deletesOnly = await createWebhookEndpoint(team.owner.ctx, { url: receiver.url("/deletes"), eventTypes: ["customer.deleted"] });
    const customer = await createCustomer(team.member.ctx, { name: "Ada" });
    await updateCustomer(team.member.ctx, customer.id, { name: "Ada L." });
    await deleteCustomer(team.member.ctx, customer.id);
    const invitation = await createInvitation(team.admin.ctx, { email: `x-${Date.now()}@example.test`, role: "member" }, APP);
    await revokeInvitation(team.admin.ctx, { invitationId: invitation.id });
    await changeMemberRole(team.owner.ctx, { userId: team.member.user.id, role: "admin" });
    await removeMember(team.owner.ctx, { userId: team.billing.user.id });
    await deliver();

    const all = receiver.received.filter((r) => r.path === `/${team.tenant.slug}`).map((r) => JSON.parse(r.body) as { type: string; data: Record<string, never> });
    expect(all.map((e) => e.type)).toEqual([
      "customer.created",
      "customer.updated",
      "customer.deleted",
      "invitation.created",
      "invitation.revoked",
      "member.role_changed",
      "member.removed",
    ]);
    expect(all[1]!.data).toMatchObject({ changed: ["name"], customer: { name: "Ada L." } });
    expect(all[4]!.data).toMatchObject({ invitation: { id: invitation.id, status: "revoked" } });
    expect(all[5]!.data).toMatchObject({ member: { user_id: team.member.user.id, role: "admin" }, previous_role: "member" });
    expect(all[6]!.data).toMatchObject({ member: { user_id: team.billing.user.id }, reason: "removed" });
    for (const event of all) expect(WEBHOOK_ENVELOPES[event.type]!.safeParse(event).success, event.type).toBe(true);
    expect(receiver.received.filter((r) => r.path === "/deletes").map((r) => JSON.parse(r.body).type)).toEqual(["customer.deleted"]);
    expect(deletesOnly.endpoint.eventTypes).toEqual(["customer.deleted"]);
  });

  it("never sends one workspace's events to another's endpoint, and records nothing for a change that rolled back", async () => {
    const mine = await memberOf(await createTenant(), "owner");
    const theirs = await memberOf(await createTenant(), "owner");
    await endpointFor(mine);
    await createCustomer(theirs.ctx, { name: "Not yours" });
    await createCustomer(mine.ctx, { name: "Mine", email: "dup@example.test" });
    await expect(createCustomer(mine.ctx, { name: "Again", email: "dup@example.test" })).rejects.toThrow(UserError);
    await deliver();
    expect(bodies(receiver).map((b) => b.data.customer)).toEqual([expect.objectContaining({ name: "Mine" })]);
  });

  it("delivers every event at least once when the receiver is down, then up: none lost, retries with the same webhook-id", async () => {
    const owner = await memberOf(await createTenant({ planId: "pro" }), "owner");
    const down = await startWebhookReceiver();
    await createWebhookEndpoint(owner.ctx, { url: down.url() });
    await down.stop();
    for (const name of ["One", "Two", "Three"]) await createCustomer(owner.ctx, { name });
    expect(await deliver()).toMatchObject({ completed: 0, failed: 3 });
    const [endpoint] = await listWebhookEndpoints(owner.ctx);
    const failing = await listWebhookDeliveries(owner.ctx, endpoint!.id);
    expect(failing.deliveries.map((d) => [d.status, d.attempts, d.error])).toEqual(Array(3).fill(["pending", 1, "Connection refused."]));
    expect(endpoint!.failingSince).not.toBeNull();

    await down.start();
    down.answer({ status: 500, body: "busy" }, { status: 200, body: "ok" });
    await makeRetriesDue("webhook-deliver");
    await deliver();
    await makeRetriesDue("webhook-deliver");
    await deliver();
    const names = bodies(down).map((b) => (b.data.customer as { name: string }).name);
    expect([...new Set(names)].sort()).toEqual(["One", "Three", "Two"]);
    // The one that got a 500 came again, as the same message.
    const ids = down.received.map((r) => r.headers["webhook-id"]);
    expect(ids.length).toBe(4);
    expect(new Set(ids).size).toBe(3);
    const done = await listWebhookDeliveries(owner.ctx, endpoint!.id);
    expect(done.deliveries.every((d) => d.status === "succeeded")).toBe(true);
    expect(done.deliveries.map((d) => d.attempts).sort()).toEqual([2, 2, 3]);
    expect((await getWebhookEndpointOrThrow(owner.ctx, endpoint!.id)).failingSince).toBeNull();
    await down.close();
  });

  it("logs status, latency and the start of the response; marks the last attempt failed instead of retrying", async () => {
    const owner = await memberOf(await createTenant(), "owner");
    const { endpoint } = await endpointFor(owner);
    receiver.answer({ status: 503, body: "maintenance ".repeat(200) });
    await createCustomer(owner.ctx, { name: "Ada" });
    await deliver();
    const [delivery] = (await listWebhookDeliveries(owner.ctx, endpoint.id)).deliveries;
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, responseStatus: 503, error: "HTTP 503" });
    expect(delivery!.responseBody).toHaveLength(1024);
    expect(delivery!.latencyMs).toBeGreaterThanOrEqual(0);

    await db.update(webhookDeliveries).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(webhookDeliveries.id, delivery!.id));
    await makeRetriesDue("webhook-deliver");
    expect(await deliver()).toMatchObject({ completed: 1, failed: 0 });
    const [last] = (await listWebhookDeliveries(owner.ctx, endpoint.id)).deliveries;
    expect(last).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("disables an endpoint that has failed for five days, and mails its owners and admins", async () => {
    const team = await teamOfEveryRole();
    const { endpoint } = await endpointFor(team.owner);
    receiver.answer({ status: 500 });
    await db.update(webhookEndpoints).set({ failingSince: new Date(Date.now() - 6 * 86_400_000) }).where(eq(webhookEndpoints.id, endpoint.id));
    await createCustomer(team.member.ctx, { name: "Ada" });
    await deliver();
    const after = await getWebhookEndpointOrThrow(team.owner.ctx, endpoint.id);
    expect(after).toMatchObject({ disabledReason: "failing" });
    expect(after.disabledAt).not.toBeNull();
    const mail = (await jobsIn("email-send")).filter((j) => String(j.data.subject).includes("webhook endpoint of"));
    expect(mail.map((j) => j.data.to).sort()).toEqual([team.admin.user.email, team.owner.user.email].sort());
    const [logged] = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, team.tenant.id), eq(activityLog.action, "webhook.disabled")));
    expect(logged).toMatchObject({ targetId: endpoint.id, actorLabel: "Webhooks" });
    // No more events while disabled; enabling again starts afresh.
    receiver.received.length = 0;
    await createCustomer(team.member.ctx, { name: "Bob" });
    await deliver();
    expect(receiver.received).toHaveLength(0);
    await updateWebhookEndpoint(team.owner.ctx, endpoint.id, { enabled: true });
    receiver.answer({ status: 204 });
    await createCustomer(team.member.ctx, { name: "Cy" });
    await deliver();
    expect(bodies(receiver).map((b) => (b.data.customer as { name: string }).name)).toEqual(["Cy"]);
  });

  it("resends a past delivery as the same message, and sends a test event to one endpoint only", async () => {
    const owner = await memberOf(await createTenant({ planId: "pro" }), "owner");
    const { endpoint } = await endpointFor(owner);
    const { endpoint: second } = await createWebhookEndpoint(owner.ctx, { url: receiver.url("/second") });
    await createCustomer(owner.ctx, { name: "Ada" });
    await deliver();
    const [first] = (await listWebhookDeliveries(owner.ctx, endpoint.id)).deliveries;
    await resendWebhookDelivery(owner.ctx, first!.id);
    await sendTestWebhook(owner.ctx, endpoint.id);
    await deliver();
    const toFirst = receiver.received.filter((r) => r.path === `/${owner.tenant.slug}`);
    expect(toFirst.map((r) => JSON.parse(r.body).type)).toEqual(["customer.created", "customer.created", "webhook.test"]);
    expect(toFirst[1]!.headers["webhook-id"]).toBe(toFirst[0]!.headers["webhook-id"]);
    expect(toFirst[1]!.body).toBe(toFirst[0]!.body);
    expect(receiver.received.filter((r) => r.path === "/second").map((r) => JSON.parse(r.body).type)).toEqual(["customer.created"]);
    const log = await listWebhookDeliveries(owner.ctx, endpoint.id);
    expect(log.deliveries.map((d) => d.eventType)).toEqual(["webhook.test", "customer.created", "customer.created"]);
    expect(second.id).not.toBe(endpoint.id);
  });

  it("keeps signing with the old secret beside the new one for a day after a rotation", async () => {
    const owner = await memberOf(await createTenant(), "owner");
    const { endpoint, secret: old } = await endpointFor(owner);
    const { secret: fresh, previousSecretExpiresAt } = await rotateWebhookSecret(owner.ctx, endpoint.id);
    expect(previousSecretExpiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    await createCustomer(owner.ctx, { name: "Ada" });
    await deliver();
    const [request] = receiver.received;
    expect(String(request!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [old, fresh]) expect(new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>)).toBeTruthy();

    await db.update(webhookEndpoints).set({ previousSecretExpiresAt: new Date(Date.now() - 1000) }).where(eq(webhookEndpoints.id, endpoint.id));
    receiver.received.length = 0;
    await createCustomer(owner.ctx, { name: "Bob" });
    await deliver();
    expect(() => new Webhook(old).verify(receiver.received[0]!.body, receiver.received[0]!.headers as Record<string, string>)).toThrow();
    expect(new Webhook(fresh).verify(receiver.received[0]!.body, receiver.received[0]!.headers as Record<string, string>)).toBeTruthy();
  });
});

describe("what an event costs", () => {
  it("is one statement where no endpoint listens, storing nothing; with endpoints, one more per delivery to queue it", async () => {
    const owner = await memberOf(await createTenant({ planId: "pro" }), "owner");
    const emits = (statements: string[]) => statements.filter((q) => q.includes("webhook_events"));
    const quiet = await recordStatements(() => createCustomer(owner.ctx, { name: "Quiet" }));
    expect(emits(quiet.statements)).toHaveLength(1);
    expect(quiet.statements.filter((q) => q.includes("pgboss.job"))).toHaveLength(0);
    const [stored] = await db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.tenantId, owner.tenant.id));
    expect(stored!.n).toBe(0);

    await endpointFor(owner);
    await createWebhookEndpoint(owner.ctx, { url: receiver.url("/two") });
    const heard = await recordStatements(() => createCustomer(owner.ctx, { name: "Heard" }));
    expect(emits(heard.statements)).toHaveLength(1);
    expect(heard.statements.length - quiet.statements.length).toBe(2);
    await deliver();
  });
});

describe("managing endpoints", () => {
  it("is for owners and admins; members, billing and other workspaces cannot see or change them", async () => {
    const team = await teamOfEveryRole();
    const { endpoint } = await createWebhookEndpoint(team.admin.ctx, { url: receiver.url() });
    for (const who of [team.member, team.billing]) {
      await expect(listWebhookEndpoints(who.ctx)).rejects.toThrow(PermissionDeniedError);
      await expect(createWebhookEndpoint(who.ctx, { url: receiver.url() })).rejects.toThrow(PermissionDeniedError);
      await expect(deleteWebhookEndpoint(who.ctx, endpoint.id)).rejects.toThrow(PermissionDeniedError);
    }
    const outsider = await memberOf(await createTenant({ planId: "pro" }), "owner");
    await expect(getWebhookEndpointOrThrow(outsider.ctx, endpoint.id)).rejects.toThrow(NotFoundError);
    await expect(updateWebhookEndpoint(outsider.ctx, endpoint.id, { description: "mine now" })).rejects.toThrow(NotFoundError);
    await expect(rotateWebhookSecret(outsider.ctx, endpoint.id)).rejects.toThrow(NotFoundError);
    await expect(deleteWebhookEndpoint(outsider.ctx, endpoint.id)).rejects.toThrow(NotFoundError);
    await expect(listWebhookDeliveries(outsider.ctx, endpoint.id)).resolves.toEqual({ deliveries: [], nextCursor: null });
    await expect(sendTestWebhook(outsider.ctx, endpoint.id)).rejects.toThrow(NotFoundError);
    expect((await getWebhookEndpointOrThrow(team.owner.ctx, endpoint.id)).description).toBe("");
  });

  it("holds to the plan's endpoint limit and refuses bad URLs with a message on the field", async () => {
    const owner = await memberOf(await createTenant({ planId: "free" }), "owner");
    await expect(createWebhookEndpoint(owner.ctx, { url: "ftp://example.com" })).rejects.toMatchObject({ fieldErrors: { url: [expect.any(String)] } });
    await expect(createWebhookEndpoint(owner.ctx, { url: "http://hooks.example.com/x" })).rejects.toMatchObject({ fieldErrors: { url: ["Use https (http only to localhost)."] } });
    await expect(createWebhookEndpoint(owner.ctx, { url: receiver.url(), eventTypes: ["customer.exploded" as never] })).rejects.toMatchObject({
      fieldErrors: { "eventTypes.0": [expect.stringMatching(/Unknown event type/)] },
    });
    await createWebhookEndpoint(owner.ctx, { url: receiver.url() });
    await expect(createWebhookEndpoint(owner.ctx, { url: receiver.url() })).rejects.toThrow(LimitReachedError);
    expect(await listWebhookEndpoints(owner.ctx)).toHaveLength(1);
  });
});
