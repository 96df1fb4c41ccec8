import "server-only";
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { getAuthSecret } from "@/lib/config/auth-secret";
import { getEnv } from "@/lib/env/env";
import { authAdapter } from "./adapter";
import { sameOriginRedirect } from "@/lib/session/callback-url";
import { getAppUrl } from "@/lib/config/app-url";
import { joinVerifiedDomainTenants } from "@/lib/domains/auto-join";
import { allowSignIn, announceNewPasskey } from "@/lib/passkeys/passkeys";
import { clientIp } from "@/lib/request/client-ip";
import { buildProviders } from "./providers";

/** The most a POST to /api/auth may send: its forms (an address, a CSRF token, a return path) are far smaller. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

// Configured lazily, per request, so that importing this module opens no database
// and reads no secret (Next imports it at build time).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: authAdapter(getDb()),
  experimental: { enableWebAuthn: true },
  secret: getAuthSecret(),
  session: { strategy: "database" },
  providers: buildProviders(getEnv()),
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
  events: {
    linkAccount: async (message) => announceNewPasskey(message, await getAppUrl()),
    // Workspaces that take people at this address's verified domain automatically. A failure
    // here must not undo the sign-in: the suggestion stays on the dashboard to join by hand.
    signIn: async ({ user }) => {
      if (!user.id) return;
      try {
        await joinVerifiedDomainTenants(user.id, await clientIp(), await getAppUrl());
      } catch (error) {
        console.error("Joining workspaces by verified domain failed at sign-in", error);
      }
    },
  },
  callbacks: {
    redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
    // A passkey never stands in for a verified email: adding or using one needs it.
    signIn: allowSignIn,
    // An explicit shape: the default would hand the session token to the browser.
    session({ session, user }) {
      return {
        expires: session.expires,
        user: { id: user.id, name: user.name ?? null, email: user.email, image: user.image ?? null },
      } as typeof session;
    },
  },
}));
