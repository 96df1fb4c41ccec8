import { describe, expect, it } from "vitest";
import { emailTransportOf, EnvError, isDemoMode, parseEnv } from "./env";

const problemsOf = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
};

describe("environment", () => {
  it("needs nothing in development", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(emailTransportOf(env)).toBe("outbox");
  });

  it("names each wrong variable on one line", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://x", EMAIL_SERVER: "http://x", EMAIL_FROM: "a@b.c", AUTH_SECRET: "short" });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith("DATABASE_URL "))).toMatch(/postgres:\/\//);
    expect(problems.find((p) => p.startsWith("EMAIL_SERVER "))).toMatch(/smtp:\/\//);
    expect(problems.find((p) => p.startsWith("AUTH_SECRET "))).toMatch(/32 characters/);
    expect(problems.every((p) => !p.includes("\n"))).toBe(true);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", EMAIL_SERVER: " " }).DATABASE_URL).toBeUndefined();
  });

  it("wants both halves of an OAuth pair, and a sender with SMTP", () => {
    expect(problemsOf({ AUTH_GITHUB_ID: "id" })).toEqual([expect.stringMatching(/^AUTH_GITHUB_SECRET is required/)]);
    expect(problemsOf({ AUTH_GOOGLE_SECRET: "s" })).toEqual([expect.stringMatching(/^AUTH_GOOGLE_ID is required/)]);
    expect(problemsOf({ EMAIL_SERVER: "smtp://localhost:25" })).toEqual([expect.stringMatching(/^EMAIL_FROM is required/)]);
  });

  it("refuses production without a secret or a way to send mail", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toEqual([
      expect.stringMatching(/^AUTH_SECRET is required in production/),
      expect.stringMatching(/^TRUSTED_PROXY is required in production outside Vercel/),
      expect.stringMatching(/^AUTH_URL is required in production outside Vercel/),
      expect.stringMatching(/^EMAIL_SERVER is required in production.*EMAIL_OUTBOX=true/),
    ]);
  });

  it("wants production outside Vercel to say who may report client addresses", () => {
    const base = { NODE_ENV: "production", AUTH_SECRET: "s".repeat(32), AUTH_URL: "https://app.example.com", EMAIL_SERVER: "smtp://m:25", EMAIL_FROM: "a@b.c" };
    expect(problemsOf(base)).toEqual([expect.stringMatching(/^TRUSTED_PROXY is required in production outside Vercel/)]);
    for (const TRUSTED_PROXY of ["none", "1", "vercel"]) expect(problemsOf({ ...base, TRUSTED_PROXY })).toEqual([]);
    expect(problemsOf({ ...base, VERCEL: "1", DATABASE_URL: "postgres://x", CRON_SECRET: "c".repeat(16) })).toEqual([]);
    expect(problemsOf({ ...base, TRUSTED_PROXY: "true" })).toEqual([expect.stringMatching(/^TRUSTED_PROXY must be "vercel", "none", or the number/)]);
  });

  it("trusts the Host header in production only when told to, and only with \"true\"", () => {
    const base = { NODE_ENV: "production", AUTH_SECRET: "s".repeat(32), EMAIL_SERVER: "smtp://m:25", EMAIL_FROM: "a@b.c", TRUSTED_PROXY: "1" };
    expect(problemsOf({ ...base, AUTH_TRUST_HOST: "true" })).toEqual([]);
    expect(problemsOf({ ...base, VERCEL: "1", DATABASE_URL: "postgres://u@h/db", CRON_SECRET: "c".repeat(16) })).toEqual([]);
    expect(problemsOf({ ...base, AUTH_TRUST_HOST: "false" })).toEqual([
      expect.stringMatching(/^AUTH_TRUST_HOST must be "true", or unset/),
    ]);
  });

  it("refuses the outbox on Vercel, where anyone could read sign-in links", () => {
    expect(problemsOf({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db", EMAIL_OUTBOX: "true", CRON_SECRET: "c".repeat(16) })).toEqual([
      expect.stringMatching(/^EMAIL_OUTBOX cannot be used on Vercel/),
    ]);
  });

  it("wants a real Postgres on Vercel, where no disk lasts", () => {
    expect(problemsOf({ VERCEL: "1", CRON_SECRET: "c".repeat(16) })).toEqual([expect.stringMatching(/^DATABASE_URL is required on Vercel/)]);
    expect(problemsOf({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db", CRON_SECRET: "c".repeat(16) })).toEqual([]);
  });

  it("wants a cron secret on Vercel, where only the cron route runs background jobs", () => {
    expect(problemsOf({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db" })).toEqual([expect.stringMatching(/^CRON_SECRET is required on Vercel/)]);
    expect(problemsOf({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db", CRON_SECRET: "short" })).toEqual([expect.stringMatching(/^CRON_SECRET must be at least 16/)]);
  });

  it("takes JOBS_WORKER as inline, cron or off", () => {
    for (const JOBS_WORKER of ["inline", "cron", "off"]) expect(problemsOf({ JOBS_WORKER })).toEqual([]);
    expect(problemsOf({ JOBS_WORKER: "yes" })).toEqual([expect.stringMatching(/^JOBS_WORKER must be "inline", "cron" or "off"/)]);
  });

  it("accepts production with SMTP, or with the outbox chosen explicitly for a demo", () => {
    const secret = "s".repeat(32);
    const base = { NODE_ENV: "production", AUTH_SECRET: secret, AUTH_URL: "https://app.example.com", TRUSTED_PROXY: "none" };
    const smtp = parseEnv({ ...base, EMAIL_SERVER: "smtp://mail:25", EMAIL_FROM: "a@b.c" });
    expect(emailTransportOf(smtp)).toBe("smtp");
    const outbox = parseEnv({ ...base, EMAIL_OUTBOX: "true", DEMO_MODE: "true" });
    expect(emailTransportOf(outbox)).toBe("outbox");
    expect(problemsOf({ EMAIL_OUTBOX: "yes" })).toEqual([expect.stringMatching(/^EMAIL_OUTBOX must be "true" or "false"/)]);
  });

  it("refuses the outbox in production unless DEMO_MODE says it is a demo", () => {
    const base = { NODE_ENV: "production", AUTH_SECRET: "s".repeat(32), AUTH_URL: "https://app.example.com", EMAIL_OUTBOX: "true", TRUSTED_PROXY: "none" };
    expect(problemsOf(base)).toEqual([expect.stringMatching(/^EMAIL_OUTBOX cannot be used in production unless DEMO_MODE=true: /)]);
    expect(problemsOf({ ...base, DEMO_MODE: "false" })).toHaveLength(1);
    expect(problemsOf({ ...base, DEMO_MODE: "true" })).toEqual([]);
    // Alongside SMTP too: EMAIL_OUTBOX still wins, and still opens the outbox.
    expect(problemsOf({ ...base, EMAIL_SERVER: "smtp://mail:25", EMAIL_FROM: "a@b.c" })).toHaveLength(1);
    // Development and tests keep their zero-setup outbox.
    expect(problemsOf({ EMAIL_OUTBOX: "true" })).toEqual([]);
    expect(problemsOf({ NODE_ENV: "test", EMAIL_OUTBOX: "true" })).toEqual([]);
    // Vercel's own refusal stands, demo or not, and is said once.
    expect(problemsOf({ ...base, VERCEL: "1", DATABASE_URL: "postgres://u@h/db", CRON_SECRET: "c".repeat(16) })).toEqual([
      expect.stringMatching(/^EMAIL_OUTBOX cannot be used on Vercel/),
    ]);
    expect(problemsOf({ ...base, VERCEL: "1", DATABASE_URL: "postgres://u@h/db", CRON_SECRET: "c".repeat(16), DEMO_MODE: "true" })).toEqual([
      expect.stringMatching(/^EMAIL_OUTBOX cannot be used on Vercel/),
    ]);
  });

  it("checks the outbox token and the database timeouts", () => {
    expect(problemsOf({ OUTBOX_TOKEN: "short" })).toEqual([expect.stringMatching(/^OUTBOX_TOKEN must be at least 16 characters/)]);
    expect(parseEnv({ DATABASE_CONNECT_TIMEOUT: "2.5", DATABASE_STATEMENT_TIMEOUT: "0" })).toMatchObject({
      DATABASE_CONNECT_TIMEOUT: 2.5,
      DATABASE_STATEMENT_TIMEOUT: 0,
    });
    const problems = problemsOf({ DATABASE_CONNECT_TIMEOUT: "0", DATABASE_STATEMENT_TIMEOUT: "soon" });
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_CONNECT_TIMEOUT must be a number of seconds, at least 0.1/),
      expect.stringMatching(/^DATABASE_STATEMENT_TIMEOUT must be a number of seconds \(0 for none\)/),
    ]);
  });

  it("reads DEMO_MODE on its own, for the banner", () => {
    expect(isDemoMode({ DEMO_MODE: "true" })).toBe(true);
    expect(isDemoMode({ DEMO_MODE: "1" })).toBe(true);
    for (const value of [undefined, "", "false", "0", "yes"]) expect(isDemoMode({ DEMO_MODE: value })).toBe(false);
  });
});
