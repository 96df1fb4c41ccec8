import "server-only";
import { cookies } from "next/headers";
import { getAppUrl } from "@/lib/config/app-url";
import { safeCallbackUrl } from "@/lib/session/callback-url";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "./providers";
import { emailSignInSchema } from "./schemas";

/**
 * Which address the last sign-in link went to, and where it returns to, for the
 * "Check your email" page and its resend button: Auth.js sends the browser there
 * without the address, and one taken from the query string would let anyone craft a
 * page saying anything.
 *
 * Not sealed: it holds only what its holder typed into the sign-in form, and every
 * read holds it to that form's rules again, so editing it gains nothing the form
 * does not already allow (the resend goes through the same rate limits).
 */
export const SIGN_IN_EMAIL_COOKIE = "sign_in_email";
export const SIGN_IN_EMAIL_COOKIE_PATH = "/sign-in";

/** Longer return paths are dropped (back to home): the cookie must stay under the 4 kB browsers keep. */
export const MAX_REMEMBERED_CALLBACK_URL = 1024;

export type SignInEmail = { email: string; callbackUrl: string };

export function encodeSignInEmail({ email, callbackUrl }: SignInEmail): string {
  const kept = callbackUrl.length <= MAX_REMEMBERED_CALLBACK_URL ? callbackUrl : "/";
  return Buffer.from(JSON.stringify({ email, callbackUrl: kept }), "utf8").toString("base64url");
}

/** The cookie's value as the sign-in form would take it, or null when it is anything else. */
export function decodeSignInEmail(value: string | undefined): SignInEmail | null {
  if (!value) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = emailSignInSchema.safeParse(decoded);
  if (!parsed.success) return null;
  return { email: parsed.data.email, callbackUrl: safeCallbackUrl(parsed.data.callbackUrl) };
}

/** Call from a server action once the link is sent; it lives as long as the link does. */
export async function rememberSignInEmail(value: SignInEmail): Promise<void> {
  const secure = (await getAppUrl()).startsWith("https:");
  (await cookies()).set(SIGN_IN_EMAIL_COOKIE, encodeSignInEmail(value), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: SIGN_IN_EMAIL_COOKIE_PATH,
    maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  });
}

export async function recallSignInEmail(): Promise<SignInEmail | null> {
  return decodeSignInEmail((await cookies()).get(SIGN_IN_EMAIL_COOKIE)?.value);
}

/** Server actions only (pages cannot write cookies). */
export async function forgetSignInEmail(): Promise<void> {
  (await cookies()).delete({ name: SIGN_IN_EMAIL_COOKIE, path: SIGN_IN_EMAIL_COOKIE_PATH });
}
