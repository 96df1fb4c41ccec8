import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes for the link; only the SHA-256 of it is stored. */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const invitationPath = (token: string) => `/invite/${token}`;
