import { NON_PAGE_CONTENT_SECURITY_POLICY } from "./content-security-policy";

type Header = { key: string; value: string };

/**
 * Headers every response carries (next.config.ts). Pages get their Content-Security-Policy,
 * with a nonce, from proxy.ts; every other route gets the strict one here.
 * HSTS is sent in production only; browsers ignore it over plain http.
 */
export function securityHeaders({ production }: { production: boolean }): { source: string; headers: Header[] }[] {
  const everywhere: Header[] = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
  return [
    { source: "/:path*", headers: everywhere },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CONTENT_SECURITY_POLICY }] },
  ];
}
