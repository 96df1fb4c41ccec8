import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env/env";
import { listOutbox } from "@/lib/email/outbox";
import { deliverQueuedMail } from "@/testing/jobs";
import { installPeerAddressHeader } from "@/lib/request/peer-address";
import { buildProviders, configuredOAuthProviders, normalizeSignInEmail, TooManySignInEmails } from "./providers";

const idsOf = (env: Record<string, string>) =>
  buildProviders(parseEnv(env)).map((p) => (typeof p === "function" ? p().id : p.id));

describe("sign-in providers", () => {
  it("offers the magic link and passkeys with nothing configured", () => {
    expect(idsOf({})).toEqual(["email", "passkey"]);
    expect(configuredOAuthProviders(parseEnv({}))).toEqual([]);
  });

  it("adds GitHub and Google when their keys are set", () => {
    const env = { AUTH_GITHUB_ID: "gh", AUTH_GITHUB_SECRET: "s", AUTH_GOOGLE_ID: "go", AUTH_GOOGLE_SECRET: "s" };
    expect(idsOf(env)).toEqual(["email", "passkey", "github", "google"]);
    expect(configuredOAuthProviders(parseEnv(env)).map((p) => p.name)).toEqual(["GitHub", "Google"]);
  });

  it("never links accounts by matching email", () => {
    const env = parseEnv({ AUTH_GITHUB_ID: "gh", AUTH_GITHUB_SECRET: "s", AUTH_GOOGLE_ID: "go", AUTH_GOOGLE_SECRET: "s" });
    for (const provider of buildProviders(env)) {
      const config = typeof provider === "function" ? provider() : provider;
      const options = (config as { options?: { allowDangerousEmailAccountLinking?: boolean } }).options;
      expect(options?.allowDangerousEmailAccountLinking ?? false).toBe(false);
      expect((config as { allowDangerousEmailAccountLinking?: boolean }).allowDangerousEmailAccountLinking ?? false).toBe(false);
    }
  });
});

describe("addresses given to Auth.js's own sign-in endpoint", () => {
  it("are held to the sign-in form's rule, after NFKC normalisation", () => {
    expect(normalizeSignInEmail("  Ada@Example.TEST ")).toBe("ada@example.test");
    expect(normalizeSignInEmail("ada\uFF20example.test")).toBe("ada@example.test");
    for (const bad of ["a\u0000b@example.test", "\u0007@example.test", `${"x".repeat(300)}@example.test`, '"a@b"@example.test', "a@b@example.test", "", "no-at-sign"]) {
      expect(() => normalizeSignInEmail(bad), JSON.stringify(bad.slice(0, 20))).toThrow("Invalid email address.");
    }
  });

  it("are normalised by that rule in the email provider", () => {
    const provider = buildProviders(parseEnv({}))[0] as unknown as { normalizeIdentifier: (v: string) => string };
    expect(provider.normalizeIdentifier).toBe(normalizeSignInEmail);
  });
});

describe("magic link rate limits", () => {
  const emailProvider = (env: Record<string, string> = { TRUSTED_PROXY: "1" }) => {
    const provider = buildProviders(parseEnv({ MAGIC_LINK_LIMIT_PER_IP: "8", ...env }))[0] as unknown as {
      sendVerificationRequest: (params: { identifier: string; url: string; request: Request }) => Promise<void>;
    };
    return (identifier: string, headers: string | HeadersInit) =>
      provider.sendVerificationRequest({
        identifier,
        url: "http://localhost:3000/api/auth/callback/email?token=t",
        request: new Request("http://localhost:3000/api/auth/signin/email", {
          headers: typeof headers === "string" ? { "x-forwarded-for": headers } : headers,
        }),
      });
  };

  it("sends at most 5 links per address per window, and refuses the rest unsent", async () => {
    const send = emailProvider();
    for (let i = 0; i < 5; i++) await send("flood@example.test", `10.0.0.${i}`);
    await expect(send("flood@example.test", "10.0.0.99")).rejects.toBeInstanceOf(TooManySignInEmails);
    await deliverQueuedMail();
    expect((await listOutbox(100)).filter((m) => m.to === "flood@example.test")).toHaveLength(5);
  });

  it("limits one client asking for many addresses, whatever it writes in front of its proxy's entry", async () => {
    const send = emailProvider();
    for (let i = 0; i < 8; i++) await send(`spray-${i}@example.test`, `6.6.6.${i}, 10.9.9.9`);
    await expect(send("spray-last@example.test", "7.7.7.7, 10.9.9.9")).rejects.toBeInstanceOf(TooManySignInEmails);
    await send("spray-last@example.test", "10.9.9.10");
  });

  it("keeps no shared bucket for clients whose address is unknown", async () => {
    // No proxy trusted and no peer address (nothing stamps it here): nobody's address is known.
    const send = emailProvider({ TRUSTED_PROXY: "none" });
    for (let i = 0; i < 20; i++) await send(`unknown-${i}@example.test`, { "x-forwarded-for": "10.1.1.1", "x-real-ip": "10.1.1.1" });
    await deliverQueuedMail();
    expect((await listOutbox(100)).filter((m) => m.to.startsWith("unknown-"))).toHaveLength(20);
  });
});

describe("magic link rate limits, clients connecting directly", () => {
  it("count the TCP peer's address; spoofed forwarding headers change nothing", async () => {
    installPeerAddressHeader();
    const provider = buildProviders(parseEnv({ MAGIC_LINK_LIMIT_PER_IP: "3", TRUSTED_PROXY: "none" }))[0] as unknown as {
      sendVerificationRequest: (params: { identifier: string; url: string; request: Request }) => Promise<void>;
    };
    const server = http.createServer((req, res) => {
      const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
      provider
        .sendVerificationRequest({ identifier: String(req.headers["x-email"]), url: "http://localhost/cb", request: new Request("http://localhost/", { headers }) })
        .then(() => res.end("sent"), (error) => res.writeHead(error instanceof TooManySignInEmails ? 429 : 500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`http://127.0.0.1:${port}/`, {
          headers: { "x-email": `direct-${i}@example.test`, "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}`, "x-peer-address": `192.0.2.${i}` },
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
