import { trustedProxyOf } from "@/lib/request/trusted-proxy";
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
  const length = headers.get("content-length");
  if (length === null) {
    if (headers.has("transfer-encoding")) return { status: 411, message: "Send the request with a Content-Length." };
    return null;
  }
  if (!/^\d+$/.test(length)) return { status: 400, message: "Content-Length is not a number." };
  if (Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, message: `The request is too large: a form may send at most ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB.` };
  }
  return null;
}

function hostOfOrigin(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}
