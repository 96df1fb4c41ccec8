import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { assertWithinLimit } from "@/lib/plans/limits";
import { tenantScope, tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { createApiKeySchema, type CreateApiKeyInput } from "./schemas";
import { scopesForRole, type ApiScope } from "./scopes";
import { newApiKey } from "./token";

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
  const apiKey = await tenantTransaction(ctx, async (scope) => {
    await assertWithinLimit(scope, "apiKeys");
    const [row] = await scope.insert(apiKeys, {
      name,
      display,
      keyHash: hash,
      scopes,
      createdById: ctx.user.id,
      expiresAt: expiresInDays === "never" ? null : new Date(Date.now() + Number(expiresInDays) * 86_400_000),
    });
    await logActivity(scope, { action: "api_key.created", target: { type: "api_key", id: row!.id, label: name }, metadata: { scopes } });
    return row!;
  });
  return { key, apiKey };
}

export async function revokeApiKey(ctx: TenantContext, input: { id: string }): Promise<void> {
  assertCan(ctx, "apiKeys.manage", DENIED);
  await tenantTransaction(ctx, async (scope) => {
    const [row] = await scope.update(apiKeys, { revokedAt: new Date() }, and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt))!);
    if (row) await logActivity(scope, { action: "api_key.revoked", target: { type: "api_key", id: row.id, label: row.name } });
  });
}
