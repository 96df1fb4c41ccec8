import { describe, expect, it, vi } from "vitest";
import { clientIpFrom } from "./client-ip";
import { normalizeIp } from "./ip-address";
import { installPeerAddressHeader, stampedHeaders } from "./peer-address";
import { isPrivateAddress } from "./private-address";
import { trustedProxyOf } from "./trusted-proxy";

const headers = (init: Record<string, string>) => new Headers(init);
const spoofed = { "x-real-ip": "6.6.6.6", "x-forwarded-for": "7.7.7.7, 8.8.8.8", "x-peer-address": "9.9.9.9" };

describe("trustedProxyOf", () => {
  it("trusts Vercel's edge on Vercel and nothing elsewhere unless told", () => {
    expect(trustedProxyOf({ VERCEL: "1" })).toEqual({ kind: "vercel" });
    expect(trustedProxyOf({})).toEqual({ kind: "none" });
    expect(trustedProxyOf({ TRUSTED_PROXY: "2" })).toEqual({ kind: "hops", count: 2 });
    expect(trustedProxyOf({ TRUSTED_PROXY: "none", VERCEL: "1" })).toEqual({ kind: "none" });
  });
});

describe("clientIpFrom", () => {
  it("with no proxy trusted, ignores every forwarding header a client can write", () => {
    // Nothing stamps the peer address in this process, so the address is unknown.
    expect(clientIpFrom(headers(spoofed), { kind: "none" })).toBeNull();
  });

  it("behind N proxies, takes the entry the Nth proxy from us added", () => {
    expect(clientIpFrom(headers({ "x-forwarded-for": "7.7.7.7, 198.51.100.4" }), { kind: "hops", count: 1 })).toBe("198.51.100.4");
    expect(clientIpFrom(headers({ "x-forwarded-for": "7.7.7.7, 198.51.100.4, 10.0.0.2" }), { kind: "hops", count: 2 })).toBe("198.51.100.4");
    // X-Real-IP is the client's word when it reaches a proxy that does not overwrite it.
    expect(clientIpFrom(headers({ "x-real-ip": "6.6.6.6", "x-forwarded-for": "198.51.100.4" }), { kind: "hops", count: 1 })).toBe("198.51.100.4");
  });

  it("behind N proxies, a shorter chain did not pass through them: no address from it", () => {
    expect(clientIpFrom(headers({ "x-forwarded-for": "198.51.100.4" }), { kind: "hops", count: 2 })).toBeNull();
  });

  it("on Vercel, reads the edge's X-Real-IP, else the entry the edge added", () => {
    expect(clientIpFrom(headers({ "x-real-ip": "203.0.113.9", "x-forwarded-for": "203.0.113.9" }), { kind: "vercel" })).toBe("203.0.113.9");
    expect(clientIpFrom(headers({ "x-forwarded-for": "7.7.7.7, 203.0.113.9" }), { kind: "vercel" })).toBe("203.0.113.9");
  });

  it("never returns something that is not an address", () => {
    expect(clientIpFrom(headers({ "x-forwarded-for": "not-an-ip" }), { kind: "hops", count: 1 })).toBeNull();
    expect(clientIpFrom(headers({ "x-real-ip": "1.2.3.4; drop table" }), { kind: "vercel" })).toBeNull();
    expect(clientIpFrom(headers({}), { kind: "vercel" })).toBeNull();
  });
});

describe("normalizeIp", () => {
  it("accepts the shapes proxies write, and unwraps IPv4-mapped IPv6", () => {
    expect(normalizeIp(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeIp("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeIp("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("unknown")).toBeNull();
    expect(normalizeIp("300.1.1.1")).toBeNull();
    expect(normalizeIp("1".repeat(100))).toBeNull();
  });
});

describe("clientIpFrom, clients connecting directly", () => {
  it("is the TCP peer, never what the client wrote", () => {
    installPeerAddressHeader();
    expect(clientIpFrom(headers({ ...stampedHeaders("203.0.113.7", true), "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" }), { kind: "none" })).toBe("203.0.113.7");
    // Next.js itself writes X-Forwarded-For when the peer sent none: that is not forwarding.
    expect(clientIpFrom(headers({ ...stampedHeaders("10.0.0.5"), "x-forwarded-for": "10.0.0.5" }), { kind: "none" })).toBe("10.0.0.5");
  });

  it("behind N proxies, falls back to the peer when the chain is shorter", () => {
    installPeerAddressHeader();
    expect(clientIpFrom(headers({ ...stampedHeaders("10.0.0.9"), "x-forwarded-for": "198.51.100.4" }), { kind: "hops", count: 2 })).toBe("10.0.0.9");
  });

  it("never reads a stamp the client wrote itself", () => {
    installPeerAddressHeader();
    expect(clientIpFrom(headers({ "x-peer-address": "9.9.9.9", "x-peer-forwarded": "1" }), { kind: "none" })).toBeNull();
  });

  it("is the peer even when it forwards for someone, and a private one gets a warning to declare it", () => {
    installPeerAddressHeader();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(clientIpFrom(headers({ ...stampedHeaders("10.0.0.5", true), "x-forwarded-for": "198.51.100.4" }), { kind: "none" })).toBe("10.0.0.5");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("set TRUSTED_PROXY"));
    warn.mockRestore();
  });
});

describe("isPrivateAddress", () => {
  it("knows loopback, private, link-local and CGNAT ranges", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.31.0.1", "192.168.1.1", "100.64.0.1", "::1", "fd00::1", "fe80::1"]) expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["203.0.113.7", "172.32.0.1", "8.8.8.8", "2001:db8::1"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });
});
