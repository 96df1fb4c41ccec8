import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { sealerFor } from "@/lib/security/sealed";

const sealer = sealerFor("webhook-secret");

/** How long a rotated-out secret keeps signing beside the new one, so receivers can switch without losing events. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/** A Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export const sealSecret = (secret: string) => sealer.seal(secret);
export const unsealSecret = (sealed: string) => sealer.unseal<string>(sealed);

/** The secrets that sign now: the current one, and the previous one during its grace period. */
export function signingSecrets(endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null }, now = new Date()): string[] {
  const secrets = [unsealSecret(endpoint.secret)];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(unsealSecret(endpoint.previousSecret));
  }
  return secrets;
}

/**
 * The Standard Webhooks headers for one attempt: the event id (the same on every retry),
 * the time of this attempt, and one `v1,` signature per secret, space-separated, which
 * any Standard Webhooks library verifies.
 */
export function signatureHeaders(eventId: string, body: string, secrets: string[], now = new Date()): Record<string, string> {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(eventId, now, body)).join(" "),
  };
}
