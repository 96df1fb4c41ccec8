import { afterEach, describe, expect, it, vi } from "vitest";
import { consumeRateLimit } from "./rate-limit";

afterEach(() => {
  vi.useRealTimers();
});

describe("consumeRateLimit", () => {
  it("allows up to the limit in a window, then refuses with the time left", async () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:10Z"), toFake: ["Date"] });
    const rule = { limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeRateLimit("test:a", rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[2]!.remaining).toBe(0);
    expect(results[4]!.retryAfterSeconds).toBe(50);
  });

  it("starts again in the next window", async () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z"), toFake: ["Date"] });
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await consumeRateLimit("test:b", rule)).allowed).toBe(true);
    expect((await consumeRateLimit("test:b", rule)).allowed).toBe(false);
    vi.setSystemTime(new Date("2026-01-01T00:01:00Z"));
    expect((await consumeRateLimit("test:b", rule)).allowed).toBe(true);
  });

  it("keeps keys apart", async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await consumeRateLimit("test:c1", rule)).allowed).toBe(true);
    expect((await consumeRateLimit("test:c2", rule)).allowed).toBe(true);
  });

  it("counts parallel hits exactly", async () => {
    const rule = { limit: 10, windowSeconds: 3600 };
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit("test:parallel", rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });
});
