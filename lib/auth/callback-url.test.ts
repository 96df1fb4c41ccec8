import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInUrl } from "./callback-url";

describe("callback URLs", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/t/acme/settings?tab=1")).toBe("/t/acme/settings?tab=1");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.test", "//evil.test", "/\\evil.test", "javascript:alert(1)", "", undefined, 42, "/\nx"]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("builds the sign-in URL", () => {
    expect(signInUrl("/t/acme")).toBe("/sign-in?callbackUrl=%2Ft%2Facme");
    expect(signInUrl("//evil.test")).toBe("/sign-in?callbackUrl=%2F");
  });
});
