import "server-only";
import { headers } from "next/headers";

/**
 * The client's IP as our own edge saw it. X-Real-IP is set by the proxy (Vercel, nginx's
 * usual config); else the last X-Forwarded-For entry, the one the nearest proxy added.
 * The first entry is whatever the client sent, so it is never used: it would let anyone
 * dodge per-IP rate limits or forge the activity log.
 */
export function clientIpFrom(h: Headers): string | null {
  const real = h.get("x-real-ip")?.trim();
  if (real) return real;
  const forwarded = h.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? null;
}

export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}
