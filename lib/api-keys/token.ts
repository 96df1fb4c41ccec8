import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "sk_live_";

/** A new key: the prefix and 32 random bytes. Only its hash and display part are stored. */
export function newApiKey(): { key: string; hash: string; display: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, hash: hashApiKey(key), display: `${key.slice(0, API_KEY_PREFIX.length + 4)}…${key.slice(-4)}` };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
