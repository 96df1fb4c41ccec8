import { z } from "zod";

/** TRUSTED_PROXY: `vercel`, `none` or a number of hops (lib/request/trusted-proxy.ts reads it). */
const TRUSTED_PROXY_PATTERN = /^(vercel|none|[1-9])$/;

// "" counts as unset: `FOO=` in a .env file or a CI variable left empty.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const flag = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" }),
    ),
    DATABASE_PREPARE: optional(flag),
    DATABASE_POOL_MAX: optional(z.coerce.number({ error: "must be a whole number" }).int().min(1).max(100)),
    PGLITE_DATA_DIR: optional(z.string()),
    AUTH_SECRET: optional(z.string().min(32, { error: "must be at least 32 characters (try `openssl rand -base64 33`)" })),
    AUTH_URL: optional(z.url({ error: "must be the app's public URL, e.g. https://app.example.com" })),
    // Auth.js reads any value, "false" included, as true: accept only "true".
    AUTH_TRUST_HOST: optional(z.literal("true", { error: 'must be "true", or unset' })),
    AUTH_GITHUB_ID: optional(z.string()),
    AUTH_GITHUB_SECRET: optional(z.string()),
    AUTH_GOOGLE_ID: optional(z.string()),
    AUTH_GOOGLE_SECRET: optional(z.string()),
    EMAIL_SERVER: optional(
      z.string().regex(/^smtps?:\/\//, { error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@smtp.example.com:587" }),
    ),
    EMAIL_FROM: optional(z.string().regex(/@/, { error: 'must be an address, e.g. "Acme <hello@acme.com>"' })),
    EMAIL_OUTBOX: optional(flag),
    VERCEL: optional(z.string()),
    TRUSTED_PROXY: optional(
      z.string().regex(TRUSTED_PROXY_PATTERN, {
        error: 'must be "vercel", "none", or the number of reverse proxies in front of the app (1-9)',
      }),
    ),
    MAGIC_LINK_LIMIT_PER_IP: optional(z.coerce.number({ error: "must be a whole number" }).int().min(1)),
    STRIPE_SECRET_KEY: optional(z.string().regex(/^(sk|rk)_/, { error: "must be a Stripe secret key (sk_test_... or sk_live_...)" })),
    STRIPE_WEBHOOK_SECRET: optional(z.string().regex(/^whsec_/, { error: "must be a webhook signing secret (whsec_...)" })),
    // For tests: send the Stripe SDK to a local fake of the API, e.g. http://localhost:12111.
    STRIPE_API_BASE: optional(z.url({ error: "must be a URL, e.g. http://localhost:12111" })),
    ...Object.fromEntries(
      ["PRO", "BUSINESS"].flatMap((plan) =>
        ["MONTHLY", "YEARLY"].map((interval) => [
          `STRIPE_PRICE_${plan}_${interval}`,
          optional(z.string().regex(/^price_/, { error: "must be a Stripe price id (price_...)" })),
        ]),
      ),
    ),
    API_RATE_LIMIT_PER_MINUTE: optional(z.coerce.number({ error: "must be a whole number" }).int().min(1)),
    INVITATION_TTL_DAYS: optional(z.coerce.number({ error: "must be a number of days" }).int().min(1).max(90)),
    // Outages and demo mode (docs/decisions/0015-outages-and-demo-mode.md).
    DATABASE_CONNECT_TIMEOUT: optional(
      z.coerce.number({ error: "must be a number of seconds" }).min(0.1, { error: "must be a number of seconds, at least 0.1" }).max(120, { error: "must be at most 120 seconds" }),
    ),
    DATABASE_STATEMENT_TIMEOUT: optional(
      z.coerce.number({ error: "must be a number of seconds (0 for none)" }).min(0, { error: "must be a number of seconds (0 for none)" }).max(3600, { error: "must be at most 3600 seconds" }),
    ),
    DEMO_MODE: optional(flag),
    // Background jobs (docs/decisions/0017-background-jobs.md).
    JOBS_WORKER: optional(z.enum(["inline", "cron", "off"], { error: 'must be "inline", "cron" or "off"' })),
    CRON_SECRET: optional(z.string().min(16, { error: "must be at least 16 characters (try `openssl rand -base64 24`)" })),
    // Outgoing webhooks (docs/decisions/0019-outgoing-webhooks.md): deliveries to this machine and private
    // networks, allowed by default outside production only.
    WEBHOOK_ALLOW_PRIVATE_URLS: optional(flag),
    // DNS servers to resolve with instead of the system's, e.g. "127.0.0.1:5353" (tests run their own).
    DNS_SERVERS: optional(
      z.string().regex(/^\s*[\w.:[\]]+(\s*,\s*[\w.:[\]]+)*\s*$/, { error: 'must be a comma-separated list of addresses, e.g. "127.0.0.1:5353"' }),
    ),
    OUTBOX_TOKEN: optional(z.string().min(16, { error: "must be at least 16 characters (try `openssl rand -base64 18`)" })),
  })
  .superRefine((env, issue) => {
    const add = (path: string, message: string) => issue.addIssue({ code: "custom", path: [path], message });
    for (const [id, secret] of [
      ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
      ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ] as const) {
      if (env[id] && !env[secret]) add(secret, `is required when ${id} is set`);
      if (env[secret] && !env[id]) add(id, `is required when ${secret} is set`);
    }
    if (env.EMAIL_SERVER && !env.EMAIL_FROM) add("EMAIL_FROM", "is required when EMAIL_SERVER is set");
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      add("STRIPE_WEBHOOK_SECRET", "is required when STRIPE_SECRET_KEY is set (from the webhook endpoint, or `stripe listen`)");
    }
    if (env.VERCEL && env.EMAIL_OUTBOX) {
      add("EMAIL_OUTBOX", "cannot be used on Vercel: anyone could read sign-in links at /dev/outbox; set EMAIL_SERVER");
    }
    if (env.VERCEL && !env.CRON_SECRET) {
      add("CRON_SECRET", "is required on Vercel: the cron route that runs background jobs (mail, cleanups) refuses calls without it");
    }
    if (env.VERCEL && env.WEBHOOK_ALLOW_PRIVATE_URLS) {
      add("WEBHOOK_ALLOW_PRIVATE_URLS", "cannot be used on Vercel: webhooks could then reach private and metadata addresses");
    }
    if (env.VERCEL && !env.DATABASE_URL) {
      add("DATABASE_URL", "is required on Vercel: the embedded database needs a disk that lasts (use Neon, Supabase or any Postgres)");
    }
    if (env.NODE_ENV === "production") {
      if (!env.AUTH_SECRET) add("AUTH_SECRET", "is required in production (generate one with `openssl rand -base64 33`)");
      if (!env.VERCEL && !env.TRUSTED_PROXY) {
        add(
          "TRUSTED_PROXY",
          'is required in production outside Vercel: the number of reverse proxies in front of the app (1 behind one nginx, Caddy or load balancer), or "none" when clients connect to it directly',
        );
      }
      if (!env.VERCEL && !env.AUTH_URL && !env.AUTH_TRUST_HOST) {
        add(
          "AUTH_URL",
          "is required in production outside Vercel: the app's public URL, so sign-in links never follow a forged Host header (or AUTH_TRUST_HOST=true behind a proxy that sets it)",
        );
      }
      if (!env.EMAIL_SERVER && !env.EMAIL_OUTBOX) {
        add(
          "EMAIL_SERVER",
          "is required in production to send sign-in links: set EMAIL_SERVER and EMAIL_FROM (or EMAIL_OUTBOX=true with DEMO_MODE=true for a demo that shows mail at /dev/outbox)",
        );
      }
    }
    // A demo flag must not quietly become "anyone can sign in as anyone" in production.
    if (env.NODE_ENV === "production" && env.EMAIL_OUTBOX && !env.DEMO_MODE && !env.VERCEL) {
      add(
        "EMAIL_OUTBOX",
        "cannot be used in production unless DEMO_MODE=true: it shows sign-in links at /dev/outbox (behind a token printed at start); set EMAIL_SERVER and EMAIL_FROM to send real mail",
      );
    }
  });

export type Env = z.output<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates an environment; each problem is one line that starts with the variable's name. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${String(i.path[0] ?? "env")} ${i.message}`));
}

const ENV_KEYS = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
let parsed: { fingerprint: string; env: Env } | undefined;

/**
 * The validated process environment. Parsed again only when one of its variables
 * changed (tests change them): a zod parse of the whole object on every API call
 * was a measurable share of its CPU.
 */
export function getEnv(): Env {
  const fingerprint = ENV_KEYS.map((key) => process.env[key] ?? "\u0000").join("\u0001");
  if (parsed?.fingerprint !== fingerprint) parsed = { fingerprint, env: parseEnv(process.env) };
  return parsed.env;
}

/** Where mail goes: SMTP when configured, else the development outbox. */
export function emailTransportOf(env: Env): "smtp" | "outbox" {
  return env.EMAIL_SERVER && !env.EMAIL_OUTBOX ? "smtp" : "outbox";
}

/**
 * Whether the demo banner shows. Read on its own, without validating the rest: the
 * root layout also renders while `next build` prerenders, with no run-time settings.
 */
export function isDemoMode(source: Record<string, string | undefined> = process.env): boolean {
  return flag.safeParse(source.DEMO_MODE?.trim()).data === true;
}
