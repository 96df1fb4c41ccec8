import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

const headersOf = (production: boolean, source: string) =>
  Object.fromEntries(securityHeaders({ production }).find((rule) => rule.source === source)!.headers.map((h) => [h.key, h.value]));

describe("the headers of every response", () => {
  it("forbid framing and sniffing, and keep referrers and powerful features in check", () => {
    const all = headersOf(true, "/:path*");
    expect(all["X-Frame-Options"]).toBe("DENY");
    expect(all["X-Content-Type-Options"]).toBe("nosniff");
    expect(all["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(all["Permissions-Policy"]).toContain("camera=()");
    expect(all["Cross-Origin-Opener-Policy"]).toBe("same-origin");
  });

  it("send HSTS in production only", () => {
    expect(headersOf(true, "/:path*")["Strict-Transport-Security"]).toMatch(/^max-age=63072000/);
    expect(headersOf(false, "/:path*")["Strict-Transport-Security"]).toBeUndefined();
  });

  it("give routes that are not pages a policy that loads nothing and forbids framing", () => {
    expect(headersOf(true, "/api/:path*")["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
