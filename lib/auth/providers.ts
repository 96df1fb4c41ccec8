import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Env } from "@/lib/env/env";
import { sendEmail } from "@/lib/email/send-email";
import { magicLinkEmail } from "@/lib/email/templates/magic-link";

export const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60;

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
      options: {},
      async sendVerificationRequest({ identifier, url }) {
        await sendEmail({ to: identifier, ...magicLinkEmail({ url, expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 }) });
      },
    },
  ];
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
