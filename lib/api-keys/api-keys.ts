import "server-only";
import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, memberships, tenants, users } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import type { Role } from "@/lib/permissions/roles";
import { assertWithinLimit } from "@/lib/plans/limits";
import { tenantScope } from "@/lib/tenancy/scope";
import type { Tenant, TenantContext } from "@/lib/tenants/context";
import { parseOrThrow } from "@/lib/validation";
import { createApiKeySchema, type CreateApiKeyInput } from "./schemas";
import { isApiScope, scopesForRole, type ApiScope } from "./scopes";
import { hashApiKey, newApiKey } from "./token";

export type ApiKey = typeof apiKeys.$inferSelect;
export type ApiKeyRow = Omit<ApiKey, "keyHash"> & { createdBy: string | null; expired: boolean };

const DENIED = "Only owners and admins can manage API keys.";

export async function listApiKeys(ctx: TenantContext): Promise<ApiKeyRow[]> {
  assertCan(ctx, "apiKeys.manage", DENIED);
  const rows = await db
    .select({ key: apiKeys, creatorName: users.name, creatorEmail: users.email })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .where(tenantScope(ctx).owned(apiKeys, isNull(apiKeys.revokedAt)))
    .orderBy(asc(apiKeys.createdAt));
  const now = Date.now();
  return rows.map(({ key: { keyHash: _hash, ...key }, creatorName, creatorEmail }) => ({
    ...key,
    createdBy: creatorName || creatorEmail,
    expired: Boolean(key.expiresAt && key.expiresAt.getTime() <= now),
  }));
}

/** Makes a key; the full key is in the result once and never again. */
export async function createApiKey(ctx: TenantContext, input: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKey }> {
  assertCan(ctx, "apiKeys.manage", DENIED);
  const { name, scopes, expiresInDays } = parseOrThrow(createApiKeySchema, input);
  const allowed = scopesForRole(ctx.role);
  const beyond = scopes.filter((s) => !allowed.includes(s as ApiScope));
  if (beyond.length) {
    throw new UserError("A key cannot do more than you can.", { scopes: [`Your role cannot grant ${beyond.join(", ")}.`] });
  }
  const { key, hash, display } = newApiKey();
  const apiKey = await db.transaction(async (tx) => {
    await assertWithinLimit(ctx, tx, "apiKeys");
    const [row] = await tenantScope(ctx, tx).insert(apiKeys, {
      name,
      display,
      keyHash: hash,
      scopes,
      createdById: ctx.user.id,
      expiresAt: expiresInDays === "never" ? null : new Date(Date.now() + Number(expiresInDays) * 86_400_000),
    });
    await logActivity(ctx, tx, { action: "api_key.created", target: { type: "api_key", id: row!.id, label: name }, metadata: { scopes } });
    return row!;
  });
  return { key, apiKey };
}

export async function revokeApiKey(ctx: TenantContext, input: { id: string }): Promise<void> {
  assertCan(ctx, "apiKeys.manage", DENIED);
  await db.transaction(async (tx) => {
    const [row] = await tenantScope(ctx, tx).update(apiKeys, { revokedAt: new Date() }, and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt))!);
    if (row) await logActivity(ctx, tx, { action: "api_key.revoked", target: { type: "api_key", id: row.id, label: row.name } });
  });
}

export type AuthenticatedKey = {
  key: ApiKey;
  tenant: Tenant;
  /** The scopes the key has and its creator still may grant. */
  scopes: ApiScope[];
  creator: { id: string; name: string | null; email: string | null; role: Role } | null;
};

export type KeyRefusal = "missing" | "unknown" | "revoked" | "expired";

/**
 * The key in an `Authorization: Bearer` header, with its tenant. The key alone decides
 * the tenant. Its scopes are cut to what its creator's current role allows, so a key
 * never outlives its creator's rights (a removed creator's key can do nothing).
 */
export async function authenticateApiKey(authorization: string | null): Promise<AuthenticatedKey | KeyRefusal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return "missing";
  const [row] = await db
    .select({ key: apiKeys, tenant: tenants, creatorRole: memberships.role, creatorName: users.name, creatorEmail: users.email })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .leftJoin(memberships, and(eq(memberships.tenantId, apiKeys.tenantId), eq(memberships.userId, apiKeys.createdById)))
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .where(and(eq(apiKeys.keyHash, hashApiKey(match[1]!)), isNull(tenants.deletedAt)))
    .limit(1);
  if (!row) return "unknown";
  if (row.key.revokedAt) return "revoked";
  if (row.key.expiresAt && row.key.expiresAt.getTime() <= Date.now()) return "expired";
  const role = row.creatorRole;
  const scopes = row.key.scopes.filter(isApiScope).filter((s) => role && scopesForRole(role).includes(s));
  // Last use is written at most once a minute per key.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, row.key.tenantId), eq(apiKeys.id, row.key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
  return {
    key: row.key,
    tenant: row.tenant,
    scopes,
    creator: role && row.key.createdById ? { id: row.key.createdById, name: row.creatorName, email: row.creatorEmail, role } : null,
  };
}
