// Hostile input on every operation: never a 5xx, a 4xx always in the documented error shape,
// nothing written when refused, and whatever the document's schemas refuse is refused.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { activityLog, customers } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { send, type Answer, type Route, type Sent } from "@/testing/api/client";
import { conformsTo, contractProblems } from "@/testing/api/contract";
import { teamOfEveryRole } from "@/testing/tenant-context";
import * as item from "./customers/[id]/route";
import * as collection from "./customers/route";

const CONTROL = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f"];
const LINE_BREAKS = ["\t", "\n", "\r", "\r\n"];
const UNICODE = ["\ud800", "\udfff", "a\udc00b", "\udbff\ud800", "😀", "👩‍👩‍👧‍👦", "e\u0301", "\u202e", "\ufeff", "\u2028", "𝕏".repeat(120), "𝕏".repeat(121)];
const LONG = ["a".repeat(100_000), " ".repeat(100_000)];
const WRONG_TYPES: unknown[] = [42, 0, -1.5, true, false, [], ["a"], {}, { $gt: "" }, null];

/** Hostile values of one string field, around a printable word. */
const stringValues = [...CONTROL, ...LINE_BREAKS, ...UNICODE].flatMap((c) => [c, `Ada${c}Lovelace`]).concat(LONG);
const FIELDS = ["name", "company", "email", "phone", "notes"] as const;

// Dates JavaScript makes but Postgres refuses or that no row has, and strings that are not our format.
const DATES = [
  "0000-01-01T00:00:00.000Z",
  "-004713-01-01T00:00:00.000Z",
  "+100000-01-01T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00.000Z",
  "2024-02-30T00:00:00.000Z",
  "2024-13-01T00:00:00.000Z",
  "2024-01-01T00:00:00Z",
  "2024-01-01",
  "1",
  "1969-12-31T23:59:59.999Z",
];
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const uuid = "00000000-0000-4000-8000-000000000000";
const CURSORS = [
  ...DATES.map((date) => cursorOf([date, uuid])),
  cursorOf([0, uuid]),
  cursorOf(["2024-01-01T00:00:00.000Z", "not-a-uuid"]),
  cursorOf(["2024-01-01T00:00:00.000Z", uuid, "extra"]),
  cursorOf({ createdAt: "2024-01-01T00:00:00.000Z", id: uuid }),
  cursorOf(null),
  "garbage",
  "!!!",
  "%00",
  "a".repeat(201),
  "a".repeat(100_000),
  Buffer.from("\u0000\u0001").toString("base64url"),
];

const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

let team: Awaited<ReturnType<typeof teamOfEveryRole>>;
let key: string;
let id: string;

async function rows() {
  const [c] = await db.select({ n: count() }).from(customers).where(eq(customers.tenantId, team.tenant.id));
  const [a] = await db.select({ n: count() }).from(activityLog).where(and(eq(activityLog.tenantId, team.tenant.id)));
  return { customers: Number(c!.n), activity: Number(a!.n) };
}

/** Sends and checks the rules every answer obeys; returns the answer. */
async function attack(operationId: string, route: Route, sent: Sent): Promise<Answer> {
  const before = await rows();
  const answer = await send(route, { key, ...sent });
  const label = `${operationId} ${JSON.stringify(sent).slice(0, 160)} → ${answer.status} ${answer.text.slice(0, 200)}`;
  expect(answer.status, label).toBeLessThan(500);
  expect(contractProblems(operationId, answer), label).toEqual([]);
  if (answer.status >= 400) {
    expect(answer.body.error, label).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(await rows(), label).toEqual(before);
  }
  return answer;
}

beforeAll(async () => {
  team = await teamOfEveryRole();
  key = (await createApiKey(team.admin.ctx, { name: "Fuzz", scopes: ["customers:read", "customers:write"] })).key;
  id = (await send(collection.POST as Route, { key, method: "POST", body: { name: "Target" } })).body.data.id;
});

describe("fuzzing every operation", () => {
  // Many requests from one key: the rate limit is not what is tested here.
  beforeAll(() => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "1000000");
    return () => vi.unstubAllEnvs();
  });

  it("POST and PATCH: hostile values in every field; what the document refuses is refused", async () => {
    let accepted = 0;
    for (const field of FIELDS) {
      for (const value of [...stringValues, ...WRONG_TYPES]) {
        const body = field === "name" ? { [field]: value } : { name: "Fuzz", [field]: value };
        const created = await attack("createCustomer", collection.POST as Route, { method: "POST", body });
        if (!conformsTo("#/components/schemas/CustomerInput", body)) expect(created.status, `${field}=${JSON.stringify(value).slice(0, 40)}`).toBe(422);
        if (created.status === 201) {
          accepted++;
          expect(JSON.stringify(created.body.data)).not.toMatch(/\\u00[01]|\\ud[89a-f]/i);
          await attack("deleteCustomer", item.DELETE as Route, { method: "DELETE", id: created.body.data.id });
        }
        const patched = await attack("updateCustomer", item.PATCH as Route, { method: "PATCH", id, body: { [field]: value } });
        if (!conformsTo("#/components/schemas/CustomerPatch", { [field]: value })) expect(patched.status).toBe(422);
      }
    }
    // Emoji, combining marks and line breaks in notes are text, not attacks.
    expect(accepted).toBeGreaterThan(20);
  });

  it("POST and PATCH: bodies that are not a JSON object, not JSON, not UTF-8, not declared as JSON, or too large", async () => {
    const bodies: [unknown, string | null][] = [
      ...["[]", '"text"', "null", "42", "true", '[{"name":"x"}]'].map((b): [unknown, string] => [b, "application/json"]),
      ...["", "{", "{'name':'x'}", '{"name":"x"', "\u0000", '{"name":"x"}garbage', "NaN"].map((b): [unknown, string] => [b, "application/json"]),
      [new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), "application/json"],
      ...["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/jsonp", "application/json; charset=utf-16", "", null].map(
        (type): [unknown, string | null] => ['{"name":"x"}', type],
      ),
      [JSON.stringify({ name: "x", notes: "a".repeat(2 * 1024 * 1024) }), "application/json"],
      [`{"name":"x","pad":"${"\\u0000".repeat(400_000)}"}`, "application/json"],
      [`{"name":${"[".repeat(50_000)}${"]".repeat(50_000)}}`, "application/json"],
      ['{"name":"x","__proto__":{"admin":true},"constructor":{"prototype":{}}}', "application/json"],
      [JSON.stringify({ name: "x", tenant_id: uuid, id: uuid, created_at: "2020-01-01T00:00:00Z" }), "application/json"],
    ];
    for (const [body, contentType] of bodies) {
      const created = await attack("createCustomer", collection.POST as Route, { method: "POST", body, contentType });
      expect(created.status).toBeGreaterThanOrEqual(400);
      const patched = await attack("updateCustomer", item.PATCH as Route, { method: "PATCH", id, body, contentType });
      expect(patched.status).toBeGreaterThanOrEqual(400);
    }
  });

  it("GET /customers: hostile q, limit and cursor", async () => {
    const queries = [
      ...[...CONTROL, ...LINE_BREAKS, ...UNICODE.filter(wellFormed), ...LONG, "%", "_", "\\", "'; DROP TABLE customers; --"].map((q) => `q=${encodeURIComponent(q)}`),
      // A lone surrogate cannot be percent-encoded; its bytes as they would come, and bytes that are not UTF-8.
      "q=%ED%A0%80",
      "q=%FF%FE",
      "q=%C0%80",
      ...["0", "101", "-1", "abc", "", "1.5", "1e1", " 5", "0x10", "99999999999999999999", "NaN", "Infinity"].map((l) => `limit=${encodeURIComponent(l)}`),
      ...CURSORS.map((c) => `cursor=${encodeURIComponent(c)}`),
      "q=a&q=b",
      "limit=1&limit=2",
      "%ZZ=1",
    ];
    for (const query of queries) {
      const answer = await attack("listCustomers", collection.GET as Route, { path: `/api/v1/customers?${query}` });
      expect([200, 422], query).toContain(answer.status);
    }
  });

  it("GET, PATCH and DELETE /customers/{id}: hostile ids", async () => {
    for (const bad of ["not-a-uuid", "\u0000", "a".repeat(100_000), uuid, `${id}\u0000`, id.toUpperCase().replace(/.$/, "G"), "../customers", "😀"]) {
      expect((await attack("getCustomer", item.GET as Route, { id: bad })).status).toBe(404);
      expect((await attack("updateCustomer", item.PATCH as Route, { method: "PATCH", id: bad, body: { company: "x" } })).status).toBe(404);
      expect((await attack("deleteCustomer", item.DELETE as Route, { method: "DELETE", id: bad })).status).toBe(404);
    }
    expect((await attack("getCustomer", item.GET as Route, { id })).status).toBe(200);
  });
});
