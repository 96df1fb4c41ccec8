import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { RESOURCES } from "@/db/resources";
import type { Role } from "@/lib/permissions/roles";
import { apiKeys, memberships, rateLimits, tenants } from "@/db/schema";
import { recordStatements } from "@/db/statement-log";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { scopesForRole } from "@/lib/api-keys/scopes";
import { createCustomer, listCustomers } from "@/lib/customers/customers";
import { PermissionDeniedError } from "@/lib/errors";
import { LimitReachedError } from "@/lib/plans/limits";
import { toTenantContext } from "@/lib/tenancy/context";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import * as item from "./customers/[id]/route";
import * as collection from "./customers/route";
import { GET as openapi } from "./openapi.json/route";

// Route handlers differ in their params type; the test passes what each expects.
type Route = (request: Request, route: { params: Promise<never> }) => Promise<Response>;

async function call(route: Route, { key, method = "GET", path = "/api/v1/customers", body, id }: { key?: string; method?: string; path?: string; body?: unknown; id?: string }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const params: Record<string, string> = id ? { id } : {};
  const response = await route(request, { params: Promise.resolve(params) as Promise<never> });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

afterEach(() => vi.unstubAllEnvs());

/** Resources declared beside customers that the API serves. */
const ADDED = RESOURCES.filter((r) => r.key !== "customers" && r.api);

async function setup() {
  const team = await teamOfEveryRole();
  const rw = (await createApiKey(team.admin.ctx, { name: "Sync", scopes: ["customers:read", "customers:write"] })).key;
  const ro = (await createApiKey(team.owner.ctx, { name: "Reports", scopes: ["customers:read"] })).key;
  const wo = (await createApiKey(team.owner.ctx, { name: "Import", scopes: ["customers:write"] })).key;
  const created = await call(collection.POST, { key: rw, method: "POST", body: { name: "Ada", email: "ada@example.test" } });
  expect(created.status).toBe(201);
  return { team, rw, ro, wo, customerId: created.body.data.id as string };
}

const endpoints = (id: string) =>
  [
    ["GET /customers", collection.GET, { method: "GET" }, "customers:read"],
    ["POST /customers", collection.POST, { method: "POST", body: { name: "New" } }, "customers:write"],
    ["GET /customers/{id}", item.GET, { method: "GET", id }, "customers:read"],
    ["PATCH /customers/{id}", item.PATCH, { method: "PATCH", id, body: { notes: "x" } }, "customers:write"],
    ["DELETE /customers/{id}", item.DELETE, { method: "DELETE", id }, "customers:write"],
  ] as const;

describe("every endpoint", () => {
  it("answers 401 without a key, or with an unknown, revoked or expired one", async () => {
    const { team, rw, customerId } = await setup();
    const revoked = await createApiKey(team.owner.ctx, { name: "Old", scopes: ["customers:read", "customers:write"] });
    await revokeApiKey(team.owner.ctx, { id: revoked.apiKey.id });
    const expired = await createApiKey(team.owner.ctx, { name: "Expired", scopes: ["customers:read", "customers:write"], expiresInDays: "30" });
    await db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, expired.apiKey.id));

    for (const [name, route, options] of endpoints(customerId)) {
      for (const [label, key, message] of [
        ["no key", undefined, "Send an API key"],
        ["unknown key", `${rw.slice(0, -4)}AAAA`, "not valid"],
        ["revoked key", revoked.key, "revoked"],
        ["expired key", expired.key, "expired"],
      ] as const) {
        const response = await call(route as Route, { ...options, key });
        expect(response.status, `${name} with ${label}`).toBe(401);
        expect(response.body.error.code).toBe("unauthorized");
        expect(response.body.error.message).toContain(message);
      }
    }
    expect((await call(item.GET as Route, { key: rw, id: customerId })).body.data.name).toBe("Ada");
  });

  it("answers 403 for a missing scope", async () => {
    const { ro, wo, customerId } = await setup();
    for (const [name, route, options, scope] of endpoints(customerId)) {
      const key = scope === "customers:read" ? wo : ro;
      const response = await call(route as Route, { ...options, key });
      expect(response.status, name).toBe(403);
      expect(response.body.error).toMatchObject({ code: "forbidden", message: `This key lacks the ${scope} scope.` });
    }
    expect((await call(item.GET as Route, { key: ro, id: customerId })).status).toBe(200);
  });

  it("answers 404 for another tenant's customer, and lists only the key's tenant", async () => {
    const { customerId } = await setup();
    const other = await memberOf(null, "owner");
    const key = (await createApiKey(other.ctx, { name: "Other", scopes: ["customers:read", "customers:write"] })).key;
    for (const [name, route, options] of endpoints(customerId).filter(([n]) => n.includes("{id}"))) {
      const response = await call(route as Route, { ...options, key });
      expect(response.status, name).toBe(404);
      expect(response.body.error.code).toBe("not_found");
    }
    expect((await call(collection.GET as Route, { key })).body.data).toEqual([]);
    expect((await call(item.GET as Route, { key, id: "not-a-uuid" })).status).toBe(404);
  });

  it("cuts a key's scopes to what its creator may still do", async () => {
    const { team, rw } = await setup();
    await db.update(memberships).set({ role: "billing" }).where(eq(memberships.userId, team.admin.user.id));
    expect((await call(collection.POST as Route, { key: rw, method: "POST", body: { name: "After demotion" } })).status).toBe(403);
    expect((await call(collection.GET as Route, { key: rw })).status).toBe(200);
    await db.delete(memberships).where(eq(memberships.userId, team.admin.user.id));
    const gone = await call(collection.GET as Route, { key: rw });
    expect(gone.status).toBe(403);
    expect(gone.body.error.message).toContain("creator is no longer a member");
  });
});

describe("scopes", () => {
  it("bound every lib call made for a key, not only the route's own check", async () => {
    const team = await teamOfEveryRole();
    const readOnly = toTenantContext({ user: team.owner.user, tenant: team.tenant, role: "owner", grants: ["tenant.read"] });
    await expect(createCustomer(readOnly, { name: "Sneaky" })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listCustomers(readOnly)).resolves.toBeDefined();
  });

  it("a role can hold only the scopes its permissions back", () => {
    // A resource added since (npm run new:resource) brings its scopes, for the roles its declaration names.
    const added = (role: Role) => ADDED.flatMap((r) => [`${r.key}:read`, ...((r.writers as readonly Role[]).includes(role) ? [`${r.key}:write`] : [])]);
    const workspace = ["workspace:read", "members:read", "invitations:read", "invitations:write", "activity:read", "webhooks:read", "webhooks:write"];
    expect(scopesForRole("owner")).toEqual(["customers:read", "customers:write", ...added("owner"), ...workspace]);
    expect(scopesForRole("admin")).toEqual(["customers:read", "customers:write", ...added("admin"), ...workspace]);
    expect(scopesForRole("member")).toEqual(["customers:read", "customers:write", ...added("member"), "workspace:read", "members:read"]);
    expect(scopesForRole("billing")).toEqual(["customers:read", ...added("billing"), "workspace:read", "members:read"]);
  });
});

describe("customers over the API", () => {
  it("validates with the app's schema and answers 422 with details per field, changing nothing", async () => {
    const { rw, customerId } = await setup();
    const bad = await call(collection.POST as Route, { key: rw, method: "POST", body: { name: "", email: "nope" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", details: { name: ["Enter a name."], email: ["Enter a valid email address, like ana@example.com."] } });
    const patch = await call(item.PATCH as Route, { key: rw, method: "PATCH", id: customerId, body: { phone: "call me" } });
    expect(patch.status).toBe(422);
    expect((await call(item.GET as Route, { key: rw, id: customerId })).body.data.phone).toBeNull();
    expect((await call(collection.POST as Route, { key: rw, method: "POST", body: "{not json" })).body.error.code).toBe("invalid_json");
    const dup = await call(collection.POST as Route, { key: rw, method: "POST", body: { name: "Twin", email: "ADA@example.test" } });
    expect(dup.status).toBe(422);
    expect((await call(collection.GET as Route, { key: rw })).body.data).toHaveLength(1);
  });

  it("creates, reads, patches only the given fields, lists by cursor, and deletes", async () => {
    const { rw, customerId } = await setup();
    const patched = await call(item.PATCH as Route, { key: rw, method: "PATCH", id: customerId, body: { company: "Engines" } });
    expect(patched.body.data).toMatchObject({ name: "Ada", email: "ada@example.test", company: "Engines" });
    for (let i = 0; i < 4; i++) await call(collection.POST as Route, { key: rw, method: "POST", body: { name: `Batch ${i}` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(collection.GET as Route, { key: rw, path: `/api/v1/customers?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((c: { name: string }) => c.name));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(["Batch 3", "Batch 2", "Batch 1", "Batch 0", "Ada"]);
    expect((await call(collection.GET as Route, { key: rw, path: "/api/v1/customers?q=batch%201" })).body.data.map((c: { name: string }) => c.name)).toEqual(["Batch 1"]);
    expect((await call(item.DELETE as Route, { key: rw, method: "DELETE", id: customerId })).status).toBe(204);
    expect((await call(item.GET as Route, { key: rw, id: customerId })).status).toBe(404);
  });

  it("limits each key's requests per minute, across instances, with Retry-After", async () => {
    const { ro } = await setup();
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "3");
    const statuses = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await call(collection.GET as Route, { key: ro });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.body.error.code).toBe("rate_limited");
  });

  it("counts parallel requests exactly", async () => {
    const { ro } = await setup();
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "10");
    const responses = await Promise.all(Array.from({ length: 25 }, () => call(collection.GET as Route, { key: ro })));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(10);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(15);
  });
});

describe("round trips", () => {
  it("costs two statements per call: key → tenant → creator's role → rate limit (and last use), then the data", async () => {
    const { ro } = await setup();
    await call(collection.GET as Route, { key: ro }); // sets last_used_at: the next calls write it no more
    const { result, statements } = await recordStatements(() => call(collection.GET as Route, { key: ro }));
    expect(result.status).toBe(200);
    expect(result.body.data.map((c: { name: string }) => c.name)).toEqual(["Ada"]);
    expect(statements, statements.join("\n\n")).toHaveLength(2);
  });

  it("counts no hit and writes nothing for a revoked or expired key", async () => {
    const { team } = await setup();
    const revoked = await createApiKey(team.owner.ctx, { name: "Old", scopes: ["customers:read"] });
    await revokeApiKey(team.owner.ctx, { id: revoked.apiKey.id });
    const expired = await createApiKey(team.owner.ctx, { name: "Expired", scopes: ["customers:read"], expiresInDays: "30" });
    await db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, expired.apiKey.id));
    for (const { key, apiKey } of [revoked, expired]) {
      expect((await call(collection.GET as Route, { key })).status).toBe(401);
      expect(await db.select().from(rateLimits).where(eq(rateLimits.key, `api:${apiKey.id}`))).toEqual([]);
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
      expect(row!.lastUsedAt).toBeNull();
    }
  });

  it("writes last use at most once a minute", async () => {
    const { ro, team } = await setup();
    const [key] = await db.select().from(apiKeys).where(and(eq(apiKeys.tenantId, team.tenant.id), eq(apiKeys.name, "Reports")));
    const lastUse = async () => (await db.select().from(apiKeys).where(eq(apiKeys.id, key!.id)))[0]!.lastUsedAt;
    await call(collection.GET as Route, { key: ro });
    const first = await lastUse();
    expect(first).not.toBeNull();
    await call(collection.GET as Route, { key: ro });
    expect(await lastUse()).toEqual(first);
    const stale = new Date(Date.now() - 61_000);
    await db.update(apiKeys).set({ lastUsedAt: stale }).where(eq(apiKeys.id, key!.id));
    await call(collection.GET as Route, { key: ro });
    expect((await lastUse())!.getTime()).toBeGreaterThan(stale.getTime());
  });
});

describe("API keys", () => {
  it("stores only a hash and a display part, shows the key once, and records last use", async () => {
    const owner = await memberOf(null, "owner");
    const { key, apiKey } = await createApiKey(owner.ctx, { name: "CI", scopes: ["customers:read"] });
    expect(key).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(JSON.stringify(row)).not.toContain(key.slice(8));
    expect(row!.display).toBe(`${key.slice(0, 12)}…${key.slice(-4)}`);
    expect(row!.lastUsedAt).toBeNull();
    await call(collection.GET as Route, { key });
    const [used] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(used!.lastUsedAt).not.toBeNull();
  });

  it("refuses scopes beyond the creator's role, other roles, and more keys than the plan allows", async () => {
    const team = await teamOfEveryRole();
    await expect(createApiKey(team.member.ctx, { name: "x", scopes: ["customers:read"] })).rejects.toThrow("Only owners and admins");
    await expect(createApiKey(team.owner.ctx, { name: "x", scopes: ["admin:everything"] })).rejects.toThrow();
    const owner = await memberOf(null, "owner");
    await createApiKey(owner.ctx, { name: "First", scopes: ["customers:read"] });
    await expect(createApiKey(owner.ctx, { name: "Second", scopes: ["customers:read"] })).rejects.toBeInstanceOf(LimitReachedError);
    await db.update(tenants).set({ planId: "pro" }).where(eq(tenants.id, owner.tenant.id));
    await expect(createApiKey(owner.ctx, { name: "Second", scopes: ["customers:read"] })).resolves.toBeDefined();
  });

  it("describes the API in OpenAPI 3.1, from the same schemas", async () => {
    const doc = await (await openapi()).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual([
      "/customers",
      "/customers/{id}",
      ...ADDED.flatMap((r) => [`/${r.key}`, `/${r.key}/{id}`]),
      "/workspace",
      "/members",
      "/invitations",
      "/invitations/{id}",
      "/activity",
      "/webhook-endpoints",
      "/webhook-endpoints/{id}",
    ]);
    expect(doc.components.schemas.CustomerInput.properties.name).toMatchObject({ type: "string", maxLength: 120 });
    expect(doc.components.schemas.CustomerInput.required).toEqual(["name"]);
    expect(doc.components.schemas.CustomerInput.additionalProperties).toBe(false);
    expect(doc.servers[0].url).toBe("/api/v1");
  });
});
