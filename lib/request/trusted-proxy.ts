/**
 * Who may tell us the client's address:
 * - `vercel`: Vercel's edge, which overwrites X-Real-IP and X-Forwarded-For (the default on Vercel);
 * - a number N: N reverse proxies of ours, each appending to X-Forwarded-For (nginx, Caddy, a load balancer);
 * - `none`: clients connect to `next start` directly; only the TCP peer address counts.
 */
export type TrustedProxy = { kind: "vercel" } | { kind: "none" } | { kind: "hops"; count: number };

export function trustedProxyOf(env: { TRUSTED_PROXY?: string; VERCEL?: string }): TrustedProxy {
  const value = env.TRUSTED_PROXY ?? (env.VERCEL ? "vercel" : "none");
  if (value === "vercel") return { kind: "vercel" };
  if (value === "none") return { kind: "none" };
  return { kind: "hops", count: Number(value) };
}
