import { describe, expect, it } from "vitest";
import { sameOriginRedirect, safeCallbackUrl, signInUrl } from "./callback-url";

describe("callback URLs", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/t/acme/settings?tab=1")).toBe("/t/acme/settings?tab=1");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.test", "//evil.test", "/\\evil.test", "javascript:alert(1)", "", undefined, 42, "/\nx", "/\u0000", "/\u007f"]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("percent-encodes what a Location header cannot carry", () => {
    expect(safeCallbackUrl("/t/acme/customers?q=日本")).toBe("/t/acme/customers?q=%E6%97%A5%E6%9C%AC");
    expect(safeCallbackUrl("/t/ça/ü#ō")).toBe("/t/%C3%A7a/%C3%BC#%C5%8D");
    for (const url of ["/t/日本", "/x?y=\u{1F600}", "/a#Ω"]) {
      expect(() => new Headers({ location: safeCallbackUrl(url) })).not.toThrow();
    }
  });

  it("refuses a path that resolves to another site or is absurdly long", () => {
    expect(safeCallbackUrl("/" + "a".repeat(5000))).toBe("/");
    expect(safeCallbackUrl("/\\evil.test")).toBe("/");
    // Dot segments that resolve to a protocol-relative URL.
    for (const bad of ["/.//evil.test/phish", "/a/..//evil.test", "/%2e//evil.test", "/./\\evil.test", "/a/../\\evil.test"]) {
      expect(safeCallbackUrl(bad), bad).toBe("/");
    }
  });

  it("builds the sign-in URL", () => {
    expect(signInUrl("/t/acme")).toBe("/sign-in?callbackUrl=%2Ft%2Facme");
    expect(signInUrl("//evil.test")).toBe("/sign-in?callbackUrl=%2F");
  });
});

describe("Auth.js's redirects", () => {
  const base = "http://localhost:3000";

  it("stay on this origin, percent-encoded so a Location header can carry them", () => {
    expect(sameOriginRedirect("/t/日本?q=ü", base)).toBe("http://localhost:3000/t/%E6%97%A5%E6%9C%AC?q=%C3%BC");
    expect(sameOriginRedirect("http://localhost:3000/t/acme", base)).toBe("http://localhost:3000/t/acme");
    expect(() => new Headers({ location: sameOriginRedirect("/ü/日本", base) })).not.toThrow();
  });

  it("send anything else home", () => {
    for (const url of ["https://evil.test/", "//evil.test", "/\\evil.test", "javascript:alert(1)", "http://localhost:3001/"]) {
      expect(sameOriginRedirect(url, base), url).toBe("http://localhost:3000/");
    }
  });
});
