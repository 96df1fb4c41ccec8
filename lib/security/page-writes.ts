import { trustedProxyOf } from "@/lib/request/trusted-proxy";
import { refuseBodySize } from "@/lib/request/bounded-body";
import { ACTION_BODY_LIMIT_BYTES } from "./body-limit";


type HostEnv = { AUTH_URL?: string; AUTH_TRUST_HOST?: string; TRUSTED_PROXY?: string; VERCEL?: string };

/**
 * The host this app answers as. AUTH_URL decides when set; X-Forwarded-Host counts
 * only from an edge the deployment trusts (Vercel's, or declared proxies with
 * AUTH_TRUST_HOST); else the Host header the connection carried.
 */
export function publicHostOf(headers: Headers, env: HostEnv): string | null {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).host;
  const trust = trustedProxyOf(env);
  if (trust.kind === "vercel" || (trust.kind === "hops" && env.AUTH_TRUST_HOST)) {
    const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get("host");
}

export type Refusal = { status: number; message: string };


/**
 * Checks a write to a page (a server action or a form post) before Next.js reads it:
 * another site's Origin is refused whatever X-Forwarded-Host claims, and so is a body
 * over the limit (413, where Next.js itself answered 500) or of unknown length (411).
 */
export function refusePageWrite(method: string, headers: Headers, publicHost: string | null): Refusal | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const origin = headers.get("origin");
  if (origin !== null && hostOfOrigin(origin) !== publicHost) {
    return { status: 403, message: "This form was sent from another site, so it was refused." };
  }
  if (headers.get("sec-fetch-site") === "cross-site") {
    return { status: 403, message: "This form was sent from another site, so it was refused." };
  }
  return refuseBodySize(headers, ACTION_BODY_LIMIT_BYTES, "a form");
}

function hostOfOrigin(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}
