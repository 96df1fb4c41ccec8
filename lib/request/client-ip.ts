import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env/env";
import { normalizeIp } from "./ip-address";
import { peerFrom } from "./peer-address";
import { isPrivateAddress } from "./private-address";
import { trustedProxyOf, type TrustedProxy } from "./trusted-proxy";

/**
 * The client's IP as the deployment's own edge saw it, or null when it cannot be known.
 * Forwarding headers count only from the proxies TRUSTED_PROXY declares; a spoofed
 * X-Forwarded-For or X-Real-IP from a client changes nothing.
 */
export function clientIpFrom(h: Headers, trust: TrustedProxy = trustedProxyOf(getEnv())): string | null {
  switch (trust.kind) {
    case "vercel":
      // Vercel's edge overwrites both headers with the address it saw.
      return normalizeIp(h.get("x-real-ip")) ?? normalizeIp(forwardedFor(h).at(-1));
    case "hops": {
      // Each of our N proxies appended the address it saw: the client's is the Nth from the end.
      // Fewer entries means the request did not come through them all: fall back to the peer.
      const entries = forwardedFor(h);
      return entries.length >= trust.count ? normalizeIp(entries[entries.length - trust.count]) : (peerFrom(h)?.address ?? null);
    }
    case "none":
      return directClientIp(h);
  }
}

let warnedAboutProxy = false;

/**
 * The TCP peer, unless it looks like a reverse proxy nobody declared (a private address
 * forwarding for someone): then the address is unknown rather than the proxy's, which
 * every client would share, so one busy client could lock everyone out.
 */
function directClientIp(h: Headers): string | null {
  const peer = peerFrom(h);
  if (!peer || !peer.forwarding || !isPrivateAddress(peer.address)) return peer?.address ?? null;
  if (!warnedAboutProxy) {
    warnedAboutProxy = true;
    console.warn(
      `Requests arrive through a proxy at ${peer.address} (they carry X-Forwarded-For), but TRUSTED_PROXY is not set: ` +
        "client addresses are unknown, so per-IP limits do not apply. Set TRUSTED_PROXY to the number of proxies in front of the app.",
    );
  }
  return null;
}

function forwardedFor(h: Headers): string[] {
  return (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}
