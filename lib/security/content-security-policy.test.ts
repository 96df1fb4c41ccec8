import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy } from "./content-security-policy";

describe("the page policy", () => {
  it("runs scripts only with this response's nonce, and forbids framing", () => {
    const policy = pageContentSecurityPolicy({ nonce: "abc", development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("default-src 'self'");
  });

  it("allows eval and the reload socket in development only", () => {
    const policy = pageContentSecurityPolicy({ nonce: "abc", development: true });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain("connect-src 'self' ws: wss:");
  });

  it("makes a different 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});
