import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { emailTransportOf, type Env } from "@/lib/env/env";

export const OUTBOX_PATH = "/dev/outbox";
export const OUTBOX_UNLOCK_PATH = "/dev/outbox/unlock";
export const OUTBOX_COOKIE = "outbox_token";

/**
 * Who may read the outbox: nobody when SMTP sends mail; anyone in development (zero
 * setup); in a production demo (EMAIL_OUTBOX with DEMO_MODE), only who holds its token.
 */
export type OutboxAccess = { kind: "closed" } | { kind: "open" } | { kind: "token"; token: string };

/** The demo's token when OUTBOX_TOKEN is unset: derived from AUTH_SECRET, which it does not reveal. */
export function derivedOutboxToken(authSecret: string): string {
  return createHmac("sha256", authSecret).update("outbox").digest("base64url").slice(0, 24);
}

export function outboxAccessOf(env: Env): OutboxAccess {
  if (emailTransportOf(env) !== "outbox") return { kind: "closed" };
  if (env.NODE_ENV !== "production") return { kind: "open" };
  const token = env.OUTBOX_TOKEN ?? (env.AUTH_SECRET ? derivedOutboxToken(env.AUTH_SECRET) : undefined);
  return token ? { kind: "token", token } : { kind: "closed" };
}

/** Constant time: hashing first makes the lengths equal, so nothing is learnt from timing. */
export function outboxTokenMatches(token: string, candidate: string | null | undefined): boolean {
  if (!candidate) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(token), digest(candidate));
}

/**
 * What a visit to the outbox page gets: the page, a detour through the route that
 * sets the cookie (pages cannot set cookies), or the same 404 as a disabled outbox.
 */
export function outboxVisit(access: OutboxAccess, visit: { queryToken?: string; cookieToken?: string }): "show" | "unlock" | "not-found" {
  if (access.kind === "closed") return "not-found";
  if (access.kind === "open") return "show";
  if (visit.queryToken !== undefined) return outboxTokenMatches(access.token, visit.queryToken) ? "unlock" : "not-found";
  return outboxTokenMatches(access.token, visit.cookieToken) ? "show" : "not-found";
}
