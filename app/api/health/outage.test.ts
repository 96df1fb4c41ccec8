// A database outage as the app's clients see it: the API's JSON 503 and the health
// route's 503, quickly, then both back to 200 once the database returns, on the same
// connection pool. The outage is a real one (a refused port, a silent server, a proxy
// to PostgreSQL that is stopped and started), not a mocked error.
import { sql, type SQL } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { getDatabaseHandle, openPostgres } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/errors";
import { withDatabase } from "@/db/testing/database-url";
import { closedPort, postgresOnPort, startBlackhole, startStoppableProxy, withDatabaseHandle } from "@/db/testing/network";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { memberOf } from "@/testing/tenant-context";
import * as customers from "../v1/customers/route";
import { GET as health } from "./route";

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const KEY = `sk_live_${"a".repeat(43)}`;

async function listCustomers(key: string) {
  const started = Date.now();
  const request = new Request("http://localhost/api/v1/customers", { headers: { authorization: `Bearer ${key}` } });
  const response = await customers.GET(request, { params: Promise.resolve({}) as never });
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get("retry-after"), ms: Date.now() - started };
}

const UNAVAILABLE = { error: { code: "unavailable", message: "The database is unavailable. Retry in a moment." } };

describe("the API while the database is down", () => {
  it("answers 503 JSON with Retry-After at once when the database refuses connections", async () => {
    const answer = await withDatabaseHandle(postgresOnPort(await closedPort()), () => listCustomers(KEY));
    expect(answer).toMatchObject({ status: 503, body: UNAVAILABLE, retryAfter: "5" });
    expect(answer.ms).toBeLessThan(1_000);
    expect(console.error).toHaveBeenCalledWith("API request failed: the database is unavailable", expect.objectContaining({ code: "ECONNREFUSED" }));
  });

  it("answers a crowd of requests 503 within a second or two, not after postgres.js's growing reconnect delays", async () => {
    vi.stubEnv("DATABASE_POOL_MAX", "2");
    const started = Date.now();
    const answers = await withDatabaseHandle(postgresOnPort(await closedPort()), () => Promise.all(Array.from({ length: 24 }, () => listCustomers(KEY))));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([503]));
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it("answers 503 after DATABASE_CONNECT_TIMEOUT when the database never answers", async () => {
    vi.stubEnv("DATABASE_CONNECT_TIMEOUT", "1");
    const blackhole = await startBlackhole();
    try {
      const answer = await withDatabaseHandle(postgresOnPort(blackhole.port), () => listCustomers(KEY));
      expect(answer).toMatchObject({ status: 503, body: UNAVAILABLE, retryAfter: "5" });
      expect(answer.ms).toBeGreaterThanOrEqual(900);
      expect(answer.ms).toBeLessThan(3_000);
    } finally {
      await blackhole.close();
    }
  });
});

// These need a PostgreSQL server behind the proxy, so they exist only when the suite
// runs on one (DATABASE_URL); on the embedded database there is no server to stop.
const testDatabase = inject("testDatabase");
if (testDatabase.kind === "postgres") {
  const server = new URL(testDatabase.serverUrl);
  // postgres.js answers `execute` with the rows themselves.
  const rowsOf = async <T>(query: SQL, db = getDatabaseHandle().db) => (await db.execute(query)) as unknown as T[];
  /** This file's own database (db/testing/setup-database.ts), reached directly or through a proxy. */
  const thisDatabase = async () => (await rowsOf<{ name: string }>(sql`select current_database() as name`))[0]!.name;

  describe("PostgreSQL going away and coming back", () => {
    it("answers 503 while it is away and 200 once it is back, without a restart", async () => {
      const name = await thisDatabase();
      const proxy = await startStoppableProxy({ host: server.hostname, port: Number(server.port || 5432) });
      try {
        await withDatabaseHandle(postgresOnPort(proxy.port, name), async () => {
          const { tenant, ctx } = await memberOf(null, "admin");
          const { key } = await createApiKey(ctx, { name: "Sync", scopes: ["customers:read"] });
          expect((await listCustomers(key)).status).toBe(200);
          expect((await health()).status).toBe(200);

          await proxy.stop();
          expect(await listCustomers(key)).toMatchObject({ status: 503, body: UNAVAILABLE });
          const down = await health();
          expect(down.status).toBe(503);
          expect(await down.json()).toEqual({ status: "unavailable", database: "unavailable" });

          await proxy.start();
          expect(await (await health()).json()).toEqual({ status: "ok", database: "ok" });
          const back = await listCustomers(key);
          expect(back.status).toBe(200);
          expect(back.body.data).toEqual([]);
          expect(tenant.id).toBeTruthy();
        });
      } finally {
        await proxy.stop();
      }
    });

    it("has the server cancel a statement after DATABASE_STATEMENT_TIMEOUT, which counts as unavailable", async () => {
      vi.stubEnv("DATABASE_STATEMENT_TIMEOUT", "0.3");
      const url = withDatabase(testDatabase.serverUrl, await thisDatabase());
      await withDatabaseHandle(openPostgres(url), async () => {
        const { db } = getDatabaseHandle();
        const started = Date.now();
        const error = await db.execute(sql`select pg_sleep(2)`).then(() => null, (e: unknown) => e);
        expect((error as { cause?: { code?: string } }).cause?.code).toBe("57014");
        expect(isDatabaseUnavailable(error)).toBe(true);
        expect(Date.now() - started).toBeLessThan(1_500);
        const [timeouts] = await rowsOf(sql`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`);
        expect(timeouts).toEqual({ statement: "300ms", idle: "300ms" });
      });
    });

    it("sets 15 s by default, and none for migrations", async () => {
      const url = withDatabase(testDatabase.serverUrl, await thisDatabase());
      for (const [handle, expected] of [
        [openPostgres(url), "15s"],
        [openPostgres(url, { statementTimeoutSeconds: 0 }), "0"],
      ] as const) {
        await withDatabaseHandle(handle, async () => {
          const [row] = await rowsOf<{ timeout: string }>(sql`select current_setting('statement_timeout') as timeout`, handle.db);
          expect(row!.timeout).toBe(expected);
        });
      }
    });
  });
}
