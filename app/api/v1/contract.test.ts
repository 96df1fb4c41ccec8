// Every operation, answering every status its OpenAPI document declares, each answer checked
// against the document (status declared, headers, body) with a JSON Schema 2020-12 validator.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { and, eq } from "drizzle-orm";
import { apiIdempotencyKeys, apiKeys, customers } from "@/db/schema";
import { idempotencyHash, idempotencyWait } from "@/lib/api/idempotency";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { send, type Route, type Sent } from "@/testing/api/client";
import { contractProblems, operations } from "@/testing/api/contract";
import { encodeCursor } from "@/lib/validation/cursor";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import * as item from "./customers/[id]/route";
import * as collection from "./customers/route";

// A failure in lib: the next call of any customers function throws, either something
// unexpected (the 500s) or the database being unreachable (the 503s).
const failure = vi.hoisted(() => ({ armed: null as null | "unexpected" | "unavailable" }));
vi.mock("@/lib/customers/customers", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/customers/customers")>();
  const failing =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A) => {
      const kind = failure.armed;
      if (!kind) return fn(...args);
      failure.armed = null;
      const error = kind === "unavailable" ? Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) : new Error("an unexpected failure");
      return Promise.reject(error);
    };
  return {
    ...real,
    listCustomers: failing(real.listCustomers),
    createCustomer: failing(real.createCustomer),
    getCustomerOrThrow: failing(real.getCustomerOrThrow),
    updateCustomer: failing(real.updateCustomer),
    deleteCustomer: failing(real.deleteCustomer),
  };
});

const routes: Record<string, [Route, string]> = {
  listCustomers: [collection.GET as Route, "GET"],
  createCustomer: [collection.POST as Route, "POST"],
  getCustomer: [item.GET as Route, "GET"],
  updateCustomer: [item.PATCH as Route, "PATCH"],
  deleteCustomer: [item.DELETE as Route, "DELETE"],
};

const seen = new Set<string>();
const withBody = (operationId: string, body: unknown) => (routes[operationId]![1] === "GET" ? undefined : body);

/** Sends, expects `status`, and fails on anything the document does not say. */
async function expectAnswer(operationId: string, status: number, sent: Sent) {
  const [route, method] = routes[operationId]!;
  const answer = await send(route, { method, ...sent });
  expect(answer.status, `${operationId} ${JSON.stringify(sent).slice(0, 200)} → ${answer.text.slice(0, 300)}`).toBe(status);
  expect(contractProblems(operationId, answer)).toEqual([]);
  seen.add(`${operationId} ${status}`);
  return answer;
}

let team: Awaited<ReturnType<typeof teamOfEveryRole>>;
let rw: string, ro: string, wo: string, id: string;
const nobody = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  team = await teamOfEveryRole();
  rw = (await createApiKey(team.admin.ctx, { name: "Sync", scopes: ["customers:read", "customers:write"] })).key;
  ro = (await createApiKey(team.owner.ctx, { name: "Reports", scopes: ["customers:read"] })).key;
  wo = (await createApiKey(team.owner.ctx, { name: "Import", scopes: ["customers:write"] })).key;
  id = (await expectAnswer("createCustomer", 201, { key: rw, body: { name: "Ada", email: "ada@example.test", notes: "Line one\nLine two" } })).body.data.id;
});

afterEach(() => {
  failure.armed = null;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const huge = { name: "Big", notes: "x".repeat(MAX_BODY_BYTES) };

describe("every operation answers only what the document declares", () => {
  it("listCustomers", async () => {
    await expectAnswer("createCustomer", 201, { key: rw, body: { name: "Grace" } });
    const first = await expectAnswer("listCustomers", 200, { key: ro, path: "/api/v1/customers?limit=1" });
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const last = await expectAnswer("listCustomers", 200, { key: ro, path: `/api/v1/customers?limit=1&cursor=${first.body.next_cursor}` });
    expect(last.body).toMatchObject({ data: [{ name: "Ada", notes: "Line one\nLine two" }], next_cursor: null });
    await expectAnswer("listCustomers", 200, { key: ro, path: "/api/v1/customers?q=GRACE" });

    await expectAnswer("listCustomers", 401, {});
    await expectAnswer("listCustomers", 403, { key: wo });
    for (const query of ["limit=0", "limit=101", "limit=-1", "limit=abc", `q=${"a".repeat(101)}`, "q=%00", "cursor=garbage", "limit=2&limit=3"]) {
      const answer = await expectAnswer("listCustomers", 422, { key: ro, path: `/api/v1/customers?${query}` });
      expect(Object.keys(answer.body.error.details)).toEqual([query.split("=")[0]]);
    }
    const year0 = encodeCursor({ createdAt: new Date("0000-06-01T00:00:00Z"), id: nobody });
    expect((await expectAnswer("listCustomers", 422, { key: ro, path: `/api/v1/customers?cursor=${year0}` })).body.error.details.cursor).toEqual([
      "cursor must be a next_cursor from an earlier page.",
    ]);
  });

  it("createCustomer", async () => {
    await expectAnswer("createCustomer", 400, { key: rw, body: "{not json" });
    await expectAnswer("createCustomer", 401, { body: { name: "x" } });
    await expectAnswer("createCustomer", 403, { key: ro, body: { name: "x" } });
    await expectAnswer("createCustomer", 413, { key: rw, body: huge });
    await expectAnswer("createCustomer", 415, { key: rw, body: '{"name":"x"}', contentType: "text/plain" });
    await expectAnswer("createCustomer", 415, { key: rw, body: '{"name":"x"}', contentType: null });
    await expectAnswer("createCustomer", 201, { key: rw, body: { name: "Charset" }, contentType: "application/json; charset=UTF-8" });
    const invalid = await expectAnswer("createCustomer", 422, { key: rw, body: { name: "A\u0000", nickname: "Al" } });
    expect(invalid.body.error.details).toEqual({ name: ["Name can't contain line breaks or control characters."], nickname: ["Unknown field."] });
    for (const body of [[], "text", null, 42]) await expectAnswer("createCustomer", 422, { key: rw, body: JSON.stringify(body) });
    await expectAnswer("createCustomer", 422, { key: rw, body: { name: 42 } });
  });

  it("createCustomer, at the plan's customer limit", async () => {
    const owner = await memberOf(null, "owner");
    const key = (await createApiKey(owner.ctx, { name: "Free", scopes: ["customers:write"] })).key;
    await db.insert(customers).values(Array.from({ length: 100 }, (_, i) => ({ tenantId: owner.tenant.id, name: `Row ${i}` })));
    const answer = await expectAnswer("createCustomer", 403, { key, body: { name: "One too many" } });
    expect(answer.body.error.code).toBe("limit_reached");
  });

  it("getCustomer", async () => {
    await expectAnswer("getCustomer", 200, { key: ro, id });
    await expectAnswer("getCustomer", 401, { id });
    await expectAnswer("getCustomer", 403, { key: wo, id });
    await expectAnswer("getCustomer", 404, { key: ro, id: nobody });
    await expectAnswer("getCustomer", 404, { key: ro, id: "not-a-uuid" });
  });

  it("updateCustomer", async () => {
    const changed = await expectAnswer("updateCustomer", 200, { key: rw, id, body: { company: "Engines", phone: null } });
    expect(changed.body.data).toMatchObject({ name: "Ada", company: "Engines", phone: null });
    await expectAnswer("updateCustomer", 400, { key: rw, id, body: "{" });
    await expectAnswer("updateCustomer", 401, { id, body: {} });
    await expectAnswer("updateCustomer", 403, { key: ro, id, body: {} });
    await expectAnswer("updateCustomer", 404, { key: rw, id: nobody, body: { company: "x" } });
    await expectAnswer("updateCustomer", 413, { key: rw, id, body: huge });
    await expectAnswer("updateCustomer", 415, { key: rw, id, body: '{"company":"x"}', contentType: "application/x-www-form-urlencoded" });
    await expectAnswer("updateCustomer", 415, { key: rw, id, body: '{"company":"x"}', contentType: "application/json; charset=latin1" });
    await expectAnswer("updateCustomer", 422, { key: rw, id, body: { name: null } });
    await expectAnswer("updateCustomer", 422, { key: rw, id, body: { created_at: "2020-01-01T00:00:00Z" } });
  });

  it("deleteCustomer", async () => {
    const doomed = (await expectAnswer("createCustomer", 201, { key: rw, body: { name: "Doomed" } })).body.data.id;
    await expectAnswer("deleteCustomer", 401, { id: doomed });
    await expectAnswer("deleteCustomer", 403, { key: ro, id: doomed });
    await expectAnswer("deleteCustomer", 204, { key: rw, id: doomed });
    await expectAnswer("deleteCustomer", 404, { key: rw, id: doomed });
  });

  it("createCustomer with an Idempotency-Key: the first answer again for a retry, 422 for another body, 409 while the first still runs", async () => {
    const headers = { "idempotency-key": `contract-${Date.now()}` };
    const first = await expectAnswer("createCustomer", 201, { key: rw, body: { name: "Once" }, headers });
    const again = await expectAnswer("createCustomer", 201, { key: rw, body: { name: "Once" }, headers });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const reused = await expectAnswer("createCustomer", 422, { key: rw, body: { name: "Twice" }, headers });
    expect(reused.body.error.code).toBe("idempotency_key_reused");
    await expectAnswer("createCustomer", 422, { key: rw, body: { name: "Bad key" }, headers: { "idempotency-key": "has spaces in it" } });

    const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.tenantId, team.tenant.id), eq(apiKeys.name, "Sync")));
    const body = JSON.stringify({ name: "Running" });
    await db.insert(apiIdempotencyKeys).values({ tenantId: team.tenant.id, apiKeyId: key!.id, key: "running", requestHash: idempotencyHash("POST", "/api/v1/customers", body) });
    idempotencyWait.ms = 0;
    try {
      const running = await expectAnswer("createCustomer", 409, { key: rw, body, headers: { "idempotency-key": "running" } });
      expect(running.body.error.code).toBe("idempotency_in_progress");
    } finally {
      idempotencyWait.ms = 10_000;
    }
  });

  it("every operation: 429 with Retry-After once the key's limit is spent", async () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "1");
    for (const operationId of Object.keys(routes)) {
      const answer = await expectAnswer(operationId, 429, { key: rw, id, body: withBody(operationId, {}) });
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("every operation: 500 in the error shape, saying nothing of the cause, when lib fails unexpectedly", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const operationId of Object.keys(routes)) {
      failure.armed = "unexpected";
      const answer = await expectAnswer(operationId, 500, { key: rw, id, body: withBody(operationId, { name: "Boom" }) });
      expect(answer.body.error).toEqual({ code: "internal_error", message: "Something went wrong on our side." });
    }
    expect(logged).toHaveBeenCalledTimes(5);
  });

  it("a status the document does not declare fails the check", () => {
    const answer = { status: 418, headers: new Headers({ "content-type": "application/json" }), text: "{}", body: {} };
    expect(contractProblems("getCustomer", answer)).toEqual([expect.stringContaining("does not declare")]);
    const noRetryAfter = { ...answer, status: 429, body: { error: { code: "rate_limited", message: "Slow down" } } };
    expect(contractProblems("getCustomer", noRetryAfter)).toEqual(["missing header Retry-After"]);
  });

  it("every operation: 503 with Retry-After while the database is unreachable", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const operationId of Object.keys(routes)) {
      failure.armed = "unavailable";
      const answer = await expectAnswer(operationId, 503, { key: rw, id, body: withBody(operationId, { name: "Down" }) });
      expect(answer.body.error.code).toBe("unavailable");
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    logged.mockRestore();
  });

  it("covered every status of every operation", () => {
    const declared = operations
      .filter(({ operation }) => operation.operationId in routes)
      .flatMap(({ operation }) => Object.keys(operation.responses).map((status) => `${operation.operationId} ${status}`));
    expect(declared.filter((pair) => !seen.has(pair))).toEqual([]);
  });
});
