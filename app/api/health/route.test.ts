import { afterEach, describe, expect, it, vi } from "vitest";
import { closedPort, postgresOnPort, startBlackhole, withDatabaseHandle } from "@/db/testing/network";
import { GET } from "./route";

afterEach(() => vi.unstubAllEnvs());

async function health() {
  const started = Date.now();
  const response = await GET();
  return { status: response.status, body: await response.json(), headers: response.headers, ms: Date.now() - started };
}


describe("GET /api/health", () => {
  it("answers 200 while the database answers, never cached, with nothing else in it", async () => {
    const { status, body, headers } = await health();
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", database: "ok" });
    expect(headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 at once when the database refuses connections", async () => {
    const { status, body, headers, ms } = await withDatabaseHandle(postgresOnPort(await closedPort()), health);
    expect(status).toBe(503);
    expect(body).toEqual({ status: "unavailable", database: "unavailable" });
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("retry-after")).toBe("5");
    expect(ms).toBeLessThan(1_000);
  });

  it("answers 503 within 2 s when the database never answers, whatever the connect timeout", async () => {
    vi.stubEnv("DATABASE_CONNECT_TIMEOUT", "20");
    const blackhole = await startBlackhole();
    try {
      const { status, body, ms } = await withDatabaseHandle(postgresOnPort(blackhole.port), async () => {
        const answer = await health();
        await blackhole.close(); // the connection attempt ends now, not in 20 s
        return answer;
      });
      expect(status).toBe(503);
      expect(body).toEqual({ status: "unavailable", database: "unavailable" });
      expect(ms).toBeGreaterThanOrEqual(1_900);
      expect(ms).toBeLessThan(3_000);
    } finally {
      await blackhole.close();
    }
  });
});
