import { describe, expect, it } from "vitest";
import { publicHostOf, refusePageWrite } from "./page-writes";

const h = (init: Record<string, string>) => new Headers(init);

describe("publicHostOf", () => {
  it("is AUTH_URL's host when set, whatever the request says", () => {
    expect(publicHostOf(h({ host: "internal:3000", "x-forwarded-host": "evil.example" }), { AUTH_URL: "https://app.example.com" })).toBe("app.example.com");
  });

  it("trusts X-Forwarded-Host only from a declared edge", () => {
    const headers = h({ host: "internal:3000", "x-forwarded-host": "app.example.com, other" });
    expect(publicHostOf(headers, {})).toBe("internal:3000");
    expect(publicHostOf(headers, { TRUSTED_PROXY: "1" })).toBe("internal:3000");
    expect(publicHostOf(headers, { TRUSTED_PROXY: "1", AUTH_TRUST_HOST: "true" })).toBe("app.example.com");
    expect(publicHostOf(headers, { VERCEL: "1" })).toBe("app.example.com");
  });
});

describe("refusePageWrite", () => {
  const post = (headers: Record<string, string>) => refusePageWrite("POST", h(headers), "app.example.com");

  it("lets reads and same-site writes through", () => {
    expect(refusePageWrite("GET", h({ origin: "https://evil.example" }), "app.example.com")).toBeNull();
    expect(post({ origin: "https://app.example.com", "content-length": "120" })).toBeNull();
    expect(post({ "content-length": "120" })).toBeNull(); // not a browser: no cookies it did not choose to send
  });

  it("refuses another site's Origin, a null Origin, and a cross-site fetch", () => {
    expect(post({ origin: "https://evil.example" })?.status).toBe(403);
    expect(post({ origin: "https://app.example.com.evil.example" })?.status).toBe(403);
    expect(post({ origin: "null" })?.status).toBe(403);
    expect(post({ "sec-fetch-site": "cross-site" })?.status).toBe(403);
  });

  it("refuses a body over 1 MB, or of unknown or nonsensical length", () => {
    expect(post({ origin: "https://app.example.com", "content-length": String(1024 * 1024 + 1) })?.status).toBe(413);
    expect(post({ origin: "https://app.example.com", "content-length": String(1024 * 1024) })).toBeNull();
    expect(post({ origin: "https://app.example.com", "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(post({ origin: "https://app.example.com", "content-length": "-1" })?.status).toBe(400);
  });
});
