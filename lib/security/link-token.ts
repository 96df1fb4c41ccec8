import { createHash, randomBytes } from "node:crypto";

/**
 * The secret in a link we mail or hand out (an invitation, an invite link, an address
 * change): 32 random bytes, base64url. Only its SHA-256 is stored, so a leaked database
 * holds no working link.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a value from a URL could be such a token: anything else is unknown without a query. */
export const isLinkToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
