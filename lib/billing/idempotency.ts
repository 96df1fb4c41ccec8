import "server-only";
import { createHash } from "node:crypto";

/**
 * An idempotency key for one request: the same scope and parameters give the same key
 * (a double click, a retry), other parameters another key, since Stripe answers a key
 * reused with different parameters with an error rather than a new object.
 */
export function requestKey(scope: string, params: object): string {
  return `${scope}:${createHash("sha256").update(JSON.stringify(params)).digest("base64url").slice(0, 22)}`;
}
