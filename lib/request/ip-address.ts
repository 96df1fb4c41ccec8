import { isIP } from "node:net";

/**
 * A plain IPv4 or IPv6 address, or null. Accepts what proxies write in X-Forwarded-For
 * ("1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443") and unwraps IPv4-mapped IPv6, so one
 * client has one rate-limit key and nothing else (junk, NUL bytes) reaches the database.
 */
export function normalizeIp(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed || trimmed.length > 64) return null;
  let ip: string = trimmed;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else {
    const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(ip);
    if (withPort) ip = withPort[1]!;
  }
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version === 6) return ip.toLowerCase();
  return null;
}
