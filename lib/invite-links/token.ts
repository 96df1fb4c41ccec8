import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes for the link, base64url; only the SHA-256 of it is stored. */
export function newInviteLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashInviteLinkToken(token) };
}

export function hashInviteLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a value from the URL could be one of our tokens: anything else is unknown without a query. */
export const isInviteLinkToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

export const inviteLinkPath = (token: string) => `/join/${token}`;
