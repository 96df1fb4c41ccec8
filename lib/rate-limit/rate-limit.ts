import "server-only";
import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type RateLimit = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/** The start of the fixed window `now` falls in. */
export function windowStartOf({ windowSeconds }: RateLimit, now: number): Date {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now / windowMs) * windowMs);
}

/**
 * The upsert's SET: one more hit in the same window, else the first of a new one.
 * Shared by every statement that counts hits, so they all count alike.
 */
export const countHit = {
  count: sql`CASE WHEN ${rateLimits.windowStart} = excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
  windowStart: sql`excluded.window_start`,
};

/** What `count` hits in the window of `now` mean for the caller. */
export function rateLimitResult(count: number, rule: RateLimit, now: number): RateLimitResult {
  const windowEnd = windowStartOf(rule, now).getTime() + rule.windowSeconds * 1000;
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)),
  };
}

/**
 * Counts one hit for `key` in the current fixed window and says whether it is within
 * `limit`. One atomic upsert, so parallel requests on any number of instances count
 * exactly.
 */
export async function consumeRateLimit(key: string, rule: RateLimit, executor: Executor = db): Promise<RateLimitResult> {
  const now = Date.now();
  const [row] = await executor
    .insert(rateLimits)
    .values({ key, windowStart: windowStartOf(rule, now), count: 1 })
    .onConflictDoUpdate({ target: rateLimits.key, set: countHit })
    .returning({ count: rateLimits.count });
  return rateLimitResult(row?.count ?? 1, rule, now);
}
