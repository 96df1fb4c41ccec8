import "server-only";
import { authenticateApiKey, type KeyRefusal } from "@/lib/api-keys/authenticate";
import { API_SCOPES, type ApiScope } from "@/lib/api-keys/scopes";
import { getEnv } from "@/lib/env/env";
import { clientIpFrom } from "@/lib/request/client-ip";
import { toTenantContext, type TenantContext } from "@/lib/tenancy/context";
import { ApiError, toApiError } from "./errors";
import { withIdempotency } from "./idempotency";

const REFUSALS: Record<KeyRefusal, string> = {
  missing: "Send an API key: Authorization: Bearer sk_live_...",
  unknown: "This API key is not valid.",
  revoked: "This API key was revoked.",
  expired: "This API key has expired.",
};

type Handler<P> = (ctx: TenantContext, request: Request, params: P) => Promise<Response>;

/**
 * Every /api/v1 endpoint is built with this, so none can skip a check: the key (401),
 * its rate limit (429, counted in Postgres across instances), the scope (403), then the
 * handler with a tenant context the key alone decides, a POST at most once per
 * Idempotency-Key. Errors become JSON.
 */
export function apiRoute<P = Record<string, never>>(scope: ApiScope, handler: Handler<P>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      // One statement: the key, its tenant, its creator's role, and this request's hit on its rate limit.
      const auth = await authenticateApiKey(request.headers.get("authorization"), { limit: getEnv().API_RATE_LIMIT_PER_MINUTE ?? 120, windowSeconds: 60 });
      if (typeof auth === "string") throw new ApiError(401, "unauthorized", REFUSALS[auth], undefined, { "WWW-Authenticate": "Bearer" });
      const limit = auth.rateLimit;
      if (!limit.allowed) {
        throw new ApiError(429, "rate_limited", "Too many requests for this key. Slow down and retry.", undefined, {
          "Retry-After": String(limit.retryAfterSeconds),
        });
      }
      if (!auth.scopes.includes(scope) || !auth.creator) {
        throw new ApiError(403, "forbidden", `This key lacks the ${scope} scope${auth.creator ? "" : " (its creator is no longer a member)"}.`);
      }

      const ctx = toTenantContext({
        // Acts as its creator (their role, cut to its scopes); the activity log names the key and them.
        user: { id: auth.creator.id, name: auth.creator.name, email: auth.creator.email, image: null },
        actor: { type: "api_key", id: auth.key.id, name: auth.key.name },
        tenant: auth.tenant,
        role: auth.creator.role,
        // Every lib function's assertCan is bounded by the key's scopes, not only this route's.
        grants: auth.scopes.map((s) => API_SCOPES[s].permission),
        ip: clientIpFrom(request.headers),
      });
      const params = await route.params;
      if (request.method === "POST") {
        return await withIdempotency({ tenantId: auth.tenant.id, apiKeyId: auth.key.id }, request, async (replayable) => {
          try {
            return await handler(ctx, replayable, params);
          } catch (error) {
            return toApiError(error).toResponse();
          }
        });
      }
      return await handler(ctx, request, params);
    } catch (error) {
      return toApiError(error).toResponse();
    }
  };
}
