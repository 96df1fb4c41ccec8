import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env/env";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether a request carries the cron secret as Vercel Cron sends it
 * (`Authorization: Bearer $CRON_SECRET`). Without CRON_SECRET set, nothing passes.
 */
export function hasCronSecret(request: Request): boolean {
  const secret = getEnv().CRON_SECRET;
  const header = request.headers.get("authorization") ?? "";
  if (!secret || !header.startsWith("Bearer ")) return false;
  return timingSafeEqual(digest(header.slice("Bearer ".length)), digest(secret));
}
