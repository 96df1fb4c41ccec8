import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env/env";
import { listOutbox } from "@/lib/email/outbox";
import { buildProviders, configuredOAuthProviders, TooManySignInEmails } from "./providers";

const idsOf = (env: Record<string, string>) =>
  buildProviders(parseEnv(env)).map((p) => (typeof p === "function" ? p().id : p.id));

describe("sign-in providers", () => {
  it("offers only the magic link with nothing configured", () => {
    expect(idsOf({})).toEqual(["email"]);
    expect(configuredOAuthProviders(parseEnv({}))).toEqual([]);
  });

  it("adds GitHub and Google when their keys are set", () => {
    const env = { AUTH_GITHUB_ID: "gh", AUTH_GITHUB_SECRET: "s", AUTH_GOOGLE_ID: "go", AUTH_GOOGLE_SECRET: "s" };
    expect(idsOf(env)).toEqual(["email", "github", "google"]);
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

describe("magic link rate limits", () => {
  const emailProvider = () => {
    const provider = buildProviders(parseEnv({ MAGIC_LINK_LIMIT_PER_IP: "8" }))[0] as unknown as {
      sendVerificationRequest: (params: { identifier: string; url: string; request: Request }) => Promise<void>;
    };
    return (identifier: string, ip: string) =>
      provider.sendVerificationRequest({
        identifier,
        url: "http://localhost:3000/api/auth/callback/email?token=t",
        request: new Request("http://localhost:3000/api/auth/signin/email", { headers: { "x-forwarded-for": ip } }),
      });
  };

  it("sends at most 5 links per address per window, and refuses the rest unsent", async () => {
    const send = emailProvider();
    for (let i = 0; i < 5; i++) await send("flood@example.test", `10.0.0.${i}`);
    await expect(send("flood@example.test", "10.0.0.99")).rejects.toBeInstanceOf(TooManySignInEmails);
    expect((await listOutbox(100)).filter((m) => m.to === "flood@example.test")).toHaveLength(5);
  });

  it("limits one client asking for many addresses", async () => {
    const send = emailProvider();
    for (let i = 0; i < 8; i++) await send(`spray-${i}@example.test`, "10.9.9.9");
    await expect(send("spray-last@example.test", "10.9.9.9")).rejects.toBeInstanceOf(TooManySignInEmails);
    await send("spray-last@example.test", "10.9.9.10");
  });
});
