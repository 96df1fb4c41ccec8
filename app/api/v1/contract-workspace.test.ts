// The workspace, invitations, activity and webhook endpoint operations: every status each
// declares, each answer checked against the document; across tenants, 404; parallel
// retries with one Idempotency-Key, one row.
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createTenant } from "@/db/factories";
import { apiIdempotencyKeys, apiKeys, invitations, webhookEndpoints } from "@/db/schema";
import { idempotencyHash, idempotencyWait } from "@/lib/api/idempotency";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { API_SCOPE_IDS } from "@/lib/api-keys/scopes";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { send, type Route, type Sent } from "@/testing/api/client";
import { contractProblems, operations } from "@/testing/api/contract";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import * as activity from "./activity/route";
import * as invitationItem from "./invitations/[id]/route";
import * as invitationList from "./invitations/route";
import * as members from "./members/route";
import * as endpointItem from "./webhook-endpoints/[id]/route";
import * as endpointList from "./webhook-endpoints/route";
import * as workspace from "./workspace/route";

// A failure in lib: the next call of a mocked function throws, unexpectedly (500) or as an outage (503).
const failure = vi.hoisted(() => ({ armed: null as null | "unexpected" | "unavailable" }));
const failing = vi.hoisted(
  () =>
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A) => {
      const kind = failure.armed;
      if (!kind) return fn(...args);
      failure.armed = null;
      const error = kind === "unavailable" ? Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) : new Error("an unexpected failure");
      return Promise.reject(error);
    },
);
const mockAll = vi.hoisted(() => (real: Record<string, unknown>) => Object.fromEntries(Object.entries(real).map(([k, v]) => [k, typeof v === "function" ? failing(v as never) : v])));
vi.mock("@/lib/tenants/queries", async (original) => mockAll(await original()));
vi.mock("@/lib/members/members", async (original) => mockAll(await original()));
vi.mock("@/lib/invitations/invitations", async (original) => mockAll(await original()));
vi.mock("@/lib/invitations/create-invitation", async (original) => mockAll(await original()));
vi.mock("@/lib/invitations/manage-invitation", async (original) => mockAll(await original()));
vi.mock("@/lib/activity/list-activity", async (original) => mockAll(await original()));
vi.mock("@/lib/webhooks/endpoints", async (original) => mockAll(await original()));

const nobody = "00000000-0000-4000-8000-000000000000";
type Op = { route: Route; method: string; path: (id: string) => string; body?: () => unknown; needsId?: boolean };
const OPS: Record<string, Op> = {
  getWorkspace: { route: workspace.GET as Route, method: "GET", path: () => "/api/v1/workspace" },
  listMembers: { route: members.GET as Route, method: "GET", path: () => "/api/v1/members" },
  listInvitations: { route: invitationList.GET as Route, method: "GET", path: () => "/api/v1/invitations" },
  createInvitation: { route: invitationList.POST as Route, method: "POST", path: () => "/api/v1/invitations", body: () => ({ email: `i-${crypto.randomUUID()}@example.test`, role: "member" }) },
  revokeInvitation: { route: invitationItem.DELETE as Route, method: "DELETE", path: (id) => `/api/v1/invitations/${id}`, needsId: true },
  listActivity: { route: activity.GET as Route, method: "GET", path: () => "/api/v1/activity" },
  listWebhookEndpoints: { route: endpointList.GET as Route, method: "GET", path: () => "/api/v1/webhook-endpoints" },
  createWebhookEndpoint: { route: endpointList.POST as Route, method: "POST", path: () => "/api/v1/webhook-endpoints", body: () => ({ url: "http://localhost:9/hooks" }) },
  getWebhookEndpoint: { route: endpointItem.GET as Route, method: "GET", path: (id) => `/api/v1/webhook-endpoints/${id}`, needsId: true },
  updateWebhookEndpoint: { route: endpointItem.PATCH as Route, method: "PATCH", path: (id) => `/api/v1/webhook-endpoints/${id}`, body: () => ({ description: "x" }), needsId: true },
  deleteWebhookEndpoint: { route: endpointItem.DELETE as Route, method: "DELETE", path: (id) => `/api/v1/webhook-endpoints/${id}`, needsId: true },
};

const seen = new Set<string>();
async function expectAnswer(operationId: string, status: number, sent: Omit<Sent, "path"> & { id?: string } = {}) {
  const op = OPS[operationId]!;
  const id = sent.id ?? nobody;
  const body = "body" in sent ? sent.body : op.body?.();
  const answer = await send(op.route, { method: op.method, ...sent, body, path: op.path(id), id: op.needsId ? id : undefined });
  expect(answer.status, `${operationId} → ${answer.text.slice(0, 300)}`).toBe(status);
  expect(contractProblems(operationId, answer)).toEqual([]);
  seen.add(`${operationId} ${status}`);
  return answer;
}

let team: Awaited<ReturnType<typeof teamOfEveryRole>>;
let all: string, customersOnly: string;

beforeAll(async () => {
  team = await teamOfEveryRole();
  all = (await createApiKey(team.admin.ctx, { name: "Everything", scopes: [...API_SCOPE_IDS] })).key;
  customersOnly = (await createApiKey(team.admin.ctx, { name: "Customers", scopes: ["customers:read"] })).key;
});

afterEach(() => {
  failure.armed = null;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("workspace and webhook operations answer only what the document declares", () => {
  it("succeed with the right scope", async () => {
    const ws = await expectAnswer("getWorkspace", 200, { key: all });
    expect(ws.body.data).toMatchObject({ id: team.tenant.id, slug: team.tenant.slug, plan: "pro", member_count: 4 });
    const people = await expectAnswer("listMembers", 200, { key: all });
    expect(people.body.data.map((m: { role: string }) => m.role).sort()).toEqual(["admin", "billing", "member", "owner"]);
    const invited = await expectAnswer("createInvitation", 201, { key: all, body: { email: "new@example.test", role: "member" } });
    expect(invited.body.data).toMatchObject({ email: "new@example.test", role: "member", status: "pending" });
    expect((await expectAnswer("listInvitations", 200, { key: all })).body.data.map((i: { id: string }) => i.id)).toContain(invited.body.data.id);
    await expectAnswer("revokeInvitation", 204, { key: all, id: invited.body.data.id });
    await expectAnswer("revokeInvitation", 404, { key: all, id: invited.body.data.id });
    const page = await expectAnswer("listActivity", 200, { key: all });
    expect(page.body.data[0]).toMatchObject({ action: "invitation.revoked", actor: "API key “Everything”, created by Adam Admin", api_key: { id: expect.any(String), name: "Everything" } });

    const made = await expectAnswer("createWebhookEndpoint", 201, { key: all, body: { url: "http://localhost:9/hooks", event_types: ["customer.created"] } });
    expect(made.body.data).toMatchObject({ url: "http://localhost:9/hooks", event_types: ["customer.created"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    const id = made.body.data.id;
    expect((await expectAnswer("listWebhookEndpoints", 200, { key: all })).body.data.map((e: { id: string }) => e.id)).toEqual([id]);
    expect((await expectAnswer("getWebhookEndpoint", 200, { key: all, id })).body.data).not.toHaveProperty("secret");
    const off = await expectAnswer("updateWebhookEndpoint", 200, { key: all, id, body: { enabled: false, event_types: [] } });
    expect(off.body.data).toMatchObject({ enabled: false, disabled_reason: "manual", event_types: [] });
    await expectAnswer("deleteWebhookEndpoint", 204, { key: all, id });
    for (const op of ["getWebhookEndpoint", "updateWebhookEndpoint", "deleteWebhookEndpoint"]) await expectAnswer(op, 404, { key: all, id });
  });

  it("pages the activity log with next_cursor, and refuses a bad cursor or limit", async () => {
    const first = await expectAnswer("listActivity", 200, { key: all });
    const limited = await send(activity.GET as Route, { key: all, path: "/api/v1/activity?limit=2" });
    expect(limited.body.data).toHaveLength(2);
    const next = await send(activity.GET as Route, { key: all, path: `/api/v1/activity?limit=2&cursor=${limited.body.next_cursor}` });
    expect(next.body.data[0].id).toBe(first.body.data[2].id);
    for (const query of ["limit=0", "limit=101", "limit=x", "cursor=abc", "cursor=0", "cursor=1&cursor=2"]) {
      const bad = await send(activity.GET as Route, { key: all, path: `/api/v1/activity?${query}` });
      expect(bad.status, query).toBe(422);
      expect(contractProblems("listActivity", bad)).toEqual([]);
    }
    seen.add("listActivity 422");
  });

  it("refuse another workspace's ids with 404, and its data never shows", async () => {
    const other = await memberOf(await createTenant({ planId: "pro" }), "owner");
    const { endpoint } = await createWebhookEndpoint(other.ctx, { url: "http://localhost:9/theirs" });
    const [invitation] = await db.insert(invitations).values({ tenantId: other.tenant.id, email: "x@other.test", role: "member", tokenHash: `h-${Date.now()}`, expiresAt: new Date(Date.now() + 86_400_000) }).returning();
    for (const op of ["getWebhookEndpoint", "updateWebhookEndpoint", "deleteWebhookEndpoint"]) await expectAnswer(op, 404, { key: all, id: endpoint.id });
    await expectAnswer("revokeInvitation", 404, { key: all, id: invitation!.id });
    await expectAnswer("revokeInvitation", 404, { key: all, id: "not-a-uuid" });
    const [still] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(still).toMatchObject({ description: "", disabledAt: null });
    const [open] = await db.select().from(invitations).where(eq(invitations.id, invitation!.id));
    expect(open!.revokedAt).toBeNull();
    const lists = await Promise.all(["listWebhookEndpoints", "listInvitations", "listMembers"].map((op) => expectAnswer(op, 200, { key: all })));
    expect(JSON.stringify(lists.map((l) => l.body))).not.toMatch(/theirs|other\.test/);
  });

  it("every operation: 401 without a key, 403 without its scope", async () => {
    for (const op of Object.keys(OPS)) {
      await expectAnswer(op, 401);
      await expectAnswer(op, 403, { key: customersOnly });
    }
  });

  it("writes: 400, 413, 415 and 422 for bodies that are not what they should be; the plan's limits are 403", async () => {
    for (const op of ["createInvitation", "createWebhookEndpoint", "updateWebhookEndpoint"]) {
      await expectAnswer(op, 400, { key: all, body: "{not json" });
      await expectAnswer(op, 413, { key: all, body: { description: "x".repeat(MAX_BODY_BYTES) } });
      await expectAnswer(op, 415, { key: all, body: "{}", contentType: "text/plain" });
      await expectAnswer(op, 422, { key: all, body: { url: "ftp://nope", email: "nope", unknown: 1 } });
    }
    const post = (body: object) => send(OPS.createWebhookEndpoint!.route, { key: all, method: "POST", path: "/api/v1/webhook-endpoints", body });
    expect((await post({ url: "https://example.com", event_types: ["nope"] })).body.error.details).toEqual({ "event_types.0": [expect.stringMatching(/Unknown event type/)] });
    expect((await post({ url: "https://user:pw@example.com" })).body.error.details).toEqual({ url: [expect.stringMatching(/user name and password/)] });
    expect((await post({ url: "http://10.0.0.1/hooks" })).body.error.details).toEqual({ url: ["Use https (http only to localhost)."] });
    await expectAnswer("createInvitation", 422, { key: all, body: { email: "boss@example.test", role: "owner" } });
    await expectAnswer("updateWebhookEndpoint", 422, { key: all, body: { enabled: "yes" } });
  });

  it("POSTs: the same Idempotency-Key retried in parallel makes one row and gives every retry the first answer", async () => {
    const headers = { "idempotency-key": crypto.randomUUID() };
    const body = { email: "once@example.test", role: "member" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(OPS.createInvitation!.route, { key: all, method: "POST", path: "/api/v1/invitations", body, headers })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1);
    const [rows] = await db.select({ n: count() }).from(invitations).where(and(eq(invitations.tenantId, team.tenant.id), eq(invitations.email, "once@example.test")));
    expect(rows!.n).toBe(1);
    // Another key's same Idempotency-Key is its own.
    const other = (await createApiKey(team.owner.ctx, { name: "Other", scopes: ["invitations:write"] })).key;
    const second = await send(OPS.createInvitation!.route, { key: other, method: "POST", path: "/api/v1/invitations", body: { email: "twice@example.test", role: "member" }, headers });
    expect(second.status).toBe(201);
  });

  it("POSTs: 409 while the first request with the key still runs", async () => {
    const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.tenantId, team.tenant.id), eq(apiKeys.name, "Everything")));
    idempotencyWait.ms = 0;
    try {
      for (const op of ["createInvitation", "createWebhookEndpoint"]) {
        const body = JSON.stringify(OPS[op]!.body!());
        const running = crypto.randomUUID();
        // A first request that holds the key and has not answered yet.
        await db.insert(apiIdempotencyKeys).values({ tenantId: team.tenant.id, apiKeyId: key!.id, key: running, requestHash: idempotencyHash("POST", OPS[op]!.path(nobody), body) });
        const answer = await expectAnswer(op, 409, { key: all, body, headers: { "idempotency-key": running } });
        expect(answer.body.error.code).toBe("idempotency_in_progress");
      }
    } finally {
      idempotencyWait.ms = 10_000;
    }
  });

  it("every operation: 429 with Retry-After once the key's limit is spent", async () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "1");
    for (const op of Object.keys(OPS)) {
      const answer = await expectAnswer(op, 429, { key: all });
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("every operation: 500 saying nothing of the cause, and 503 with Retry-After while the database is unreachable", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const [endpointId] = (await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.tenantId, team.tenant.id))).map((r) => r.id);
    const id = endpointId ?? nobody;
    for (const op of Object.keys(OPS)) {
      failure.armed = "unexpected";
      const crashed = await expectAnswer(op, 500, { key: all, id });
      expect(crashed.body.error).toEqual({ code: "internal_error", message: "Something went wrong on our side." });
      failure.armed = "unavailable";
      const down = await expectAnswer(op, 503, { key: all, id });
      expect(Number(down.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(logged).toHaveBeenCalled();
  });

  it("covered every status of every operation", () => {
    const declared = operations
      .filter(({ operation }) => operation.operationId in OPS)
      .flatMap(({ operation }) => Object.keys(operation.responses).map((status) => `${operation.operationId} ${status}`));
    expect(declared.filter((pair) => !seen.has(pair))).toEqual([]);
  });
});
