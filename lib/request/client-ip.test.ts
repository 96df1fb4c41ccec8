import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

describe("clientIpFrom", () => {
  it("prefers the proxy's X-Real-IP", () => {
    expect(clientIpFrom(new Headers({ "x-real-ip": "203.0.113.9", "x-forwarded-for": "1.1.1.1, 203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("takes the entry the nearest proxy added, never the one the client wrote", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "198.51.100.4" }))).toBe("198.51.100.4");
  });

  it("is null when nothing says", () => {
    expect(clientIpFrom(new Headers())).toBeNull();
  });
});
