import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { getAuthSecret } from "@/lib/config/auth-secret";

export type Sealer = { seal(value: unknown): string; unseal<T>(sealed: string): T };

/**
 * AES-256-GCM with a key derived from AUTH_SECRET and `purpose`, for secrets the database
 * must hold readable to the app but useless to a copy of the database alone: a queued
 * email's links, a webhook endpoint's signing secret. Each purpose has its own key.
 */
export function sealerFor(purpose: "email-job" | "webhook-secret" | "customer-undo"): Sealer {
  const key = () => createHash("sha256").update(`${purpose}:${getAuthSecret()}`).digest();
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key(), iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    unseal<T>(sealed: string): T {
      const bytes = Buffer.from(sealed, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as T;
    },
  };
}
