import "server-only";
import { EmailSignInError } from "@auth/core/errors";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Passkey from "next-auth/providers/passkey";
import type { Env } from "@/lib/env/env";
import { sendEmail } from "@/lib/email/send-email";
import { emailSchema } from "./schemas";
import { magicLinkEmail } from "@/lib/email/templates/magic-link";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit/rate-limit";
import { clientIpFrom } from "@/lib/request/client-ip";
import { trustedProxyOf } from "@/lib/request/trusted-proxy";

export const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60;

/** Sign-in emails per address and per client IP, per 15 minutes: stops inbox flooding. */
export function magicLinkLimits(env: Env) {
  return {
    perEmail: { limit: 5, windowSeconds: 15 * 60 },
    perIp: { limit: env.MAGIC_LINK_LIMIT_PER_IP ?? 30, windowSeconds: 15 * 60 },
  };
}

export class TooManySignInEmails extends EmailSignInError {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many sign-in emails requested");
  }
}

async function assertMagicLinkAllowed(env: Env, email: string, request: Request) {
  const limits = magicLinkLimits(env);
  const checks: [string, RateLimit][] = [[`magic-link:email:${email}`, limits.perEmail]];
  // An unknown address gets no per-IP bucket: one shared "unknown" bucket would let
  // anyone lock everybody out of signing in. The per-address limit still holds.
  const ip = clientIpFrom(request.headers, trustedProxyOf(env));
  if (ip) checks.push([`magic-link:ip:${ip}`, limits.perIp]);
  for (const [key, rule] of checks) {
    const result = await consumeRateLimit(key, rule);
    if (!result.allowed) throw new TooManySignInEmails(result.retryAfterSeconds);
  }
}

/**
 * Auth.js's own sign-in endpoint takes any string as the address: hold it to the rule
 * of the sign-in form (no control characters, at most 254 characters, one plain
 * address), after the NFKC normalisation Auth.js does (homoglyphs of "@"). A refusal
 * sends no mail and stores nothing.
 */
export function normalizeSignInEmail(identifier: string): string {
  const parsed = emailSchema.safeParse(String(identifier ?? "").normalize("NFKC").trim());
  if (!parsed.success) throw new Error("Invalid email address.");
  return parsed.data;
}

export type OAuthProviderInfo = { id: "github" | "google"; name: string };

/** The OAuth providers whose keys are configured, for the sign-in page's buttons. */
export function configuredOAuthProviders(env: Env): OAuthProviderInfo[] {
  const list: OAuthProviderInfo[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}

export function buildProviders(env: Env): Provider[] {
  const providers: Provider[] = [
    {
      id: "email",
      type: "email",
      name: "Email",
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      normalizeIdentifier: normalizeSignInEmail,
      options: {},
      // Limited here, not only in our form's action, so Auth.js's own endpoint is covered too.
      async sendVerificationRequest({ identifier, url, request }) {
        await assertMagicLinkAllowed(env, identifier, request);
        await sendEmail({ to: identifier, ...magicLinkEmail({ url, expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 }) });
      },
    },
  ];
  providers.push(passkeyProvider());
  // Accounts are never linked by matching email (allowDangerousEmailAccountLinking stays
  // off): someone who controls a GitHub account with your address must not get yours.
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return providers;
}

/**
 * Passkeys (WebAuthn) through Auth.js. A passkey is added only by a signed-in user
 * (Auth.js then uses the session's user and never asks `getUserInfo`); a visitor who
 * is not signed in can only authenticate with a passkey they already have, because
 * `getUserInfo` answers null: no account is ever made from a passkey alone, so an
 * email is always verified first. lib/auth/auth.ts also refuses a passkey sign-in
 * for a user whose email is not verified.
 */
export function passkeyProvider(): Provider {
  return Passkey({
    getUserInfo: async () => null,
    // Our own sign-in page loads the browser code when it is needed.
    simpleWebAuthnBrowserVersion: false,
    enableConditionalUI: false,
  });
}
