import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { prepared } from "@/db/prepared";
import { apiKeys, memberships, rateLimits, tenants, users } from "@/db/schema";
import type { Role } from "@/lib/permissions/roles";
import { countHit, rateLimitResult, windowStartOf, type RateLimit, type RateLimitResult } from "@/lib/rate-limit/rate-limit";
import type { Tenant } from "@/lib/tenancy/context";
import type { ApiKey } from "./api-keys";
import { isApiScope, scopesForRole, type ApiScope } from "./scopes";
import { hashApiKey } from "./token";

export type AuthenticatedKey = {
  key: ApiKey;
  tenant: Tenant;
  /** The scopes the key has and its creator still may grant. */
  scopes: ApiScope[];
  creator: { id: string; name: string | null; email: string | null; role: Role } | null;
  /** This request's hit on the key's rate limit, already counted. */
  rateLimit: RateLimitResult;
};

export type KeyRefusal = "missing" | "unknown" | "revoked" | "expired";


// Built once (see db/prepared.ts); the time is the app's, so expiry and windows agree
// with the checks below.
const authenticate = prepared((db) => {
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  const usable = db.$with("usable_key").as(
    db
      .select({ tenantId: apiKeys.tenantId, id: apiKeys.id })
      .from(apiKeys)
      .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
      .where(
        and(
          eq(apiKeys.keyHash, sql.placeholder("hash")),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), sql`${apiKeys.expiresAt} > ${now}`),
          isNull(tenants.deletedAt),
        ),
      ),
  );
  const hit = db.$with("hit").as(
    db
      .insert(rateLimits)
      .select(
        db
          .select({
            key: sql<string>`'api:' || ${usable.id}`.as("key"),
            windowStart: sql`${sql.placeholder("windowStart")}::timestamptz`.as("window_start"),
            count: sql<number>`1`.as("count"),
          })
          .from(usable),
      )
      .onConflictDoUpdate({ target: rateLimits.key, set: countHit })
      .returning({ count: rateLimits.count }),
  );
  const touch = db.$with("touch").as(
    db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          sql`(${apiKeys.tenantId}, ${apiKeys.id}) IN (SELECT ${usable.tenantId}, ${usable.id} FROM ${usable})`,
          // Last use is written at most once a minute per key.
          or(isNull(apiKeys.lastUsedAt), sql`${apiKeys.lastUsedAt} < ${now} - interval '1 minute'`),
        ),
      )
      .returning({ id: apiKeys.id }),
  );
  return db
    .with(usable, hit, touch)
    .select({
      key: apiKeys,
      tenant: tenants,
      creatorRole: memberships.role,
      creatorName: users.name,
      creatorEmail: users.email,
      hits: sql<number | null>`(SELECT ${hit.count} FROM ${hit})`.mapWith(Number),
    })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .leftJoin(memberships, and(eq(memberships.tenantId, apiKeys.tenantId), eq(memberships.userId, apiKeys.createdById)))
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .where(and(eq(apiKeys.keyHash, sql.placeholder("hash")), isNull(tenants.deletedAt)))
    .limit(1)
    .prepare("authenticate_api_key");
}, { onServer: true });

/**
 * The key in an `Authorization: Bearer` header, with its tenant, its creator's current
 * role, and one hit counted on its rate limit: ONE statement. Its data-modifying parts
 * (the rate-limit upsert, `last_used_at` when stale) act only on a usable key: not
 * revoked, not expired, of a live tenant. The key alone decides the tenant. Its scopes
 * are cut to what its creator's current role allows, so a key never outlives its
 * creator's rights (a removed creator's key can do nothing).
 */
export async function authenticateApiKey(authorization: string | null, rule: RateLimit): Promise<AuthenticatedKey | KeyRefusal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return "missing";
  const now = Date.now();

  const [row] = await authenticate({
    hash: hashApiKey(match[1]!),
    now: new Date(now).toISOString(),
    windowStart: windowStartOf(rule, now).toISOString(),
  });
  if (!row) return "unknown";
  if (row.key.revokedAt) return "revoked";
  if (row.key.expiresAt && row.key.expiresAt.getTime() <= now) return "expired";
  const role = row.creatorRole;
  const scopes = row.key.scopes.filter(isApiScope).filter((s) => role && scopesForRole(role).includes(s));
  return {
    key: row.key,
    tenant: row.tenant,
    scopes,
    creator: role && row.key.createdById ? { id: row.key.createdById, name: row.creatorName, email: row.creatorEmail, role } : null,
    rateLimit: rateLimitResult(row.hits ?? 1, rule, now),
  };
}
