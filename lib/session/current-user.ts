import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { SessionUser } from "./session-user";
import { signInUrl } from "./callback-url";
import { findSessionUser, readSessionToken } from "./session";

/**
 * The signed-in user, read once per request from the database session: one
 * statement, no write. (Auth.js's own `auth()` reads the same row, but costs a
 * round of its request machinery and extends the session in the database, which a
 * page cannot pass on to the cookie anyway.)
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken();
  return token ? findSessionUser(token) : null;
});

/** Sends a signed-out visitor to sign-in, to come back to the page asked for (as proxy.ts recorded it), else to `fallback`. */
export async function redirectToSignIn(fallback = "/"): Promise<never> {
  redirect(signInUrl((await headers()).get("x-return-to") ?? fallback));
}

/** The signed-in user, or a redirect to sign-in that comes back afterwards. */
export async function requireUser(fallback = "/"): Promise<SessionUser> {
  return (await getCurrentUser()) ?? redirectToSignIn(fallback);
}
