import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env/env";
import { buildProviders, configuredOAuthProviders } from "./providers";

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
