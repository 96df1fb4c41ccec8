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
 * The TCP peer. When a private peer forwards for someone it is likely a proxy the
 * deployment did not declare, whose address every client would then share: say so once.
 */
function directClientIp(h: Headers): string | null {
  const peer = peerFrom(h);
  if (peer?.forwarding && isPrivateAddress(peer.address) && !warnedAboutProxy) {
    warnedAboutProxy = true;
    console.warn(
      `TRUSTED_PROXY is "none", but requests from ${peer.address} carry X-Forwarded-For: if that is your reverse proxy, ` +
        "set TRUSTED_PROXY to the number of proxies in front of the app, or every client shares its address (and its rate limits).",
    );
  }
  return peer?.address ?? null;
}

function forwardedFor(h: Headers): string[] {
  return (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}
