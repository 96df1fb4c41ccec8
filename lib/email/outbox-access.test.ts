import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env/env";
import { derivedOutboxToken, outboxAccessOf, outboxTokenMatches, outboxVisit, type OutboxAccess } from "./outbox-access";

const SECRET = "a-demo-secret-a-demo-secret-a-demo-secret";
const demo = { NODE_ENV: "production", AUTH_SECRET: SECRET, AUTH_URL: "https://demo.example.com", TRUSTED_PROXY: "none", EMAIL_OUTBOX: "true", DEMO_MODE: "true" };

describe("who may read the outbox", () => {
  it("is nobody when SMTP sends mail", () => {
    expect(outboxAccessOf(parseEnv({ EMAIL_SERVER: "smtp://mail:25", EMAIL_FROM: "a@b.c" }))).toEqual({ kind: "closed" });
  });

  it("is anyone in development and tests, with nothing to set up", () => {
    expect(outboxAccessOf(parseEnv({}))).toEqual({ kind: "open" });
    expect(outboxAccessOf(parseEnv({ NODE_ENV: "test", EMAIL_OUTBOX: "true" }))).toEqual({ kind: "open" });
  });

  it("is whoever holds the token in a production demo: derived from AUTH_SECRET, or OUTBOX_TOKEN", () => {
    const derived = createHmac("sha256", SECRET).update("outbox").digest("base64url").slice(0, 24);
    expect(derivedOutboxToken(SECRET)).toBe(derived);
    expect(derived).toHaveLength(24);
    expect(derived).not.toContain(SECRET.slice(0, 8));
    expect(outboxAccessOf(parseEnv(demo))).toEqual({ kind: "token", token: derived });
    expect(outboxAccessOf(parseEnv({ ...demo, OUTBOX_TOKEN: "my-own-outbox-token" }))).toEqual({ kind: "token", token: "my-own-outbox-token" });
  });

  it("is nobody in a production demo with no token to hold", () => {
    expect(outboxAccessOf({ ...parseEnv(demo), AUTH_SECRET: undefined, OUTBOX_TOKEN: undefined })).toEqual({ kind: "closed" });
  });

  it("compares tokens exactly, whatever their length", () => {
    expect(outboxTokenMatches("abcdefghijklmnop", "abcdefghijklmnop")).toBe(true);
    for (const candidate of ["abcdefghijklmnoP", "abcdefghijklmno", "abcdefghijklmnopq", "", null, undefined]) {
      expect(outboxTokenMatches("abcdefghijklmnop", candidate)).toBe(false);
    }
  });
});

describe("a visit to /dev/outbox", () => {
  const token: OutboxAccess = { kind: "token", token: "the-right-token-123" };

  it("needs the token, from the link or from its cookie, in a production demo", () => {
    expect(outboxVisit(token, {})).toBe("not-found");
    expect(outboxVisit(token, { queryToken: "the-right-token-123" })).toBe("unlock");
    expect(outboxVisit(token, { cookieToken: "the-right-token-123" })).toBe("show");
    expect(outboxVisit(token, { queryToken: "guess" })).toBe("not-found");
    expect(outboxVisit(token, { cookieToken: "guess" })).toBe("not-found");
    expect(outboxVisit(token, { queryToken: "guess", cookieToken: "the-right-token-123" })).toBe("not-found");
  });

  it("is open in development and a 404 when disabled, token or not", () => {
    expect(outboxVisit({ kind: "open" }, {})).toBe("show");
    expect(outboxVisit({ kind: "closed" }, { queryToken: "the-right-token-123", cookieToken: "the-right-token-123" })).toBe("not-found");
  });
});
