import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { derivedOutboxToken } from "@/lib/email/outbox-access";
import { GET } from "./route";

const SECRET = "a-demo-secret-a-demo-secret-a-demo-secret";
const unlock = (token?: string) => GET(new NextRequest(`http://localhost/dev/outbox/unlock${token === undefined ? "" : `?token=${encodeURIComponent(token)}`}`));

describe("GET /dev/outbox/unlock in a production demo", () => {
  beforeEach(() => {
    for (const [key, value] of Object.entries({ NODE_ENV: "production", AUTH_SECRET: SECRET, AUTH_URL: "https://demo.example.com", TRUSTED_PROXY: "none", EMAIL_OUTBOX: "true", DEMO_MODE: "true", EMAIL_SERVER: "" })) {
      vi.stubEnv(key, value);
    }
  });
  afterEach(() => vi.unstubAllEnvs());

  it("turns the right token into a cookie for the outbox alone, and takes it out of the address bar", () => {
    const token = derivedOutboxToken(SECRET);
    const response = unlock(token);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dev/outbox");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toContain(`outbox_token=${token}`);
    expect(cookie).toMatch(/Path=\/dev\/outbox(;|$)/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Secure/i);
  });

  it("sets nothing for a wrong or missing token", () => {
    for (const token of [undefined, "", "guess", derivedOutboxToken(SECRET).slice(0, -1)]) {
      const response = unlock(token);
      expect(response.headers.get("location")).toBe("/dev/outbox");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("honours OUTBOX_TOKEN instead of the derived one", () => {
    vi.stubEnv("OUTBOX_TOKEN", "an-explicit-outbox-token");
    expect(unlock(derivedOutboxToken(SECRET)).headers.get("set-cookie")).toBeNull();
    expect(unlock("an-explicit-outbox-token").headers.get("set-cookie")).toContain("outbox_token=an-explicit-outbox-token");
  });
});
