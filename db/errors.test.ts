import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openPostgres, statementTimeoutSeconds } from "./client";
import { isDatabaseUnavailable, isUniqueViolation } from "./errors";
import { closedPort, startBlackhole } from "./testing/network";

afterEach(() => vi.unstubAllEnvs());

/** What drizzle throws for `select 1` on a postgres.js handle to `port`, and how long it took. */
async function failureOn(port: number) {
  const handle = openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`);
  const started = Date.now();
  try {
    await handle.db.execute(sql`select 1`);
    throw new Error("expected the query to fail");
  } catch (error) {
    return { error, ms: Date.now() - started };
  } finally {
    await handle.close();
  }
}

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, as drizzle wraps it", async () => {
    const { error, ms } = await failureOn(await closedPort());
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(ms).toBeLessThan(1_000);
  });

  it("gives up on a server that never answers after DATABASE_CONNECT_TIMEOUT, not postgres.js's 30 s", async () => {
    vi.stubEnv("DATABASE_CONNECT_TIMEOUT", "1");
    const blackhole = await startBlackhole();
    try {
      const { error, ms } = await failureOn(blackhole.port);
      expect((error as { cause?: { code?: string } }).cause?.code).toBe("CONNECT_TIMEOUT");
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(3_000);
    } finally {
      await blackhole.close();
    }
  });

  it("waits 5 s by default", async () => {
    const blackhole = await startBlackhole();
    try {
      const { ms } = await failureOn(blackhole.port);
      expect(ms).toBeGreaterThanOrEqual(4_900);
      expect(ms).toBeLessThan(7_000);
    } finally {
      await blackhole.close();
    }
  });

  it("knows PostgreSQL's shutdown, startup, overload and timeout codes, and class 08", () => {
    for (const code of ["57P01", "57P02", "57P03", "53300", "57014", "25P03", "08006", "08001", "CONNECTION_CLOSED", "ECONNRESET", "ENOTFOUND"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code })), code).toBe(true);
    }
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new AggregateError([refused, refused]))).toBe(true);
  });

  it("leaves every other error alone", () => {
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    expect(isUniqueViolation(unique)).toBe(true);
    for (const error of [unique, new Error("boom"), Object.assign(new Error("x"), { code: "42P01" }), Object.assign(new Error("unsupported startup parameter: statement_timeout"), { code: "08P01" }), null, undefined, "ECONNREFUSED", { code: 57014 }]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});

describe("the statement timeout", () => {
  it("is 15 s by default, none behind a transaction-mode pooler unless set, and what DATABASE_STATEMENT_TIMEOUT says", () => {
    expect(statementTimeoutSeconds({})).toBe(15);
    expect(statementTimeoutSeconds({ DATABASE_PREPARE: "false" })).toBe(0);
    expect(statementTimeoutSeconds({ DATABASE_PREPARE: "false", DATABASE_STATEMENT_TIMEOUT: "30" })).toBe(30);
    expect(statementTimeoutSeconds({ DATABASE_STATEMENT_TIMEOUT: "0" })).toBe(0);
  });
});
