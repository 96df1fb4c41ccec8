import type { SignInResponse } from "next-auth/react";

/** What the browser says when the person cancels, the prompt times out or the page lost focus. */
const CANCELLED = new Set(["NotAllowedError", "AbortError"]);

export type CeremonyResult = { ok: true; url: string | null } | { ok: false; message: string };

/**
 * Runs a WebAuthn ceremony through Auth.js (next-auth/webauthn), loaded on the click
 * that needs it so no page pays for it up front, and turns every failure into words.
 */
export async function passkeyCeremony(action: "register" | "authenticate", callbackUrl?: string): Promise<CeremonyResult> {
  if (typeof window === "undefined" || !window.PublicKeyCredential) {
    return { ok: false, message: "This browser cannot use passkeys. Sign in with an email link instead." };
  }
  try {
    const { signIn } = await import("next-auth/webauthn");
    const result = (await signIn("passkey", { action, redirect: false, ...(callbackUrl ? { redirectTo: callbackUrl } : {}) })) as SignInResponse | undefined;
    // next-auth/webauthn answers undefined when the server refused to start the ceremony.
    if (!result) return { ok: false, message: action === "register" ? "The passkey could not be added. Reload the page and try again." : "Signing in with a passkey did not start. Try again." };
    if (!result.ok || result.error) {
      return {
        ok: false,
        message:
          action === "register"
            ? "The passkey was not added. Confirm your email address first (sign in with an email link), then try again."
            : "That passkey is not known here. Sign in with an email link, then add the passkey on your account page.",
      };
    }
    return { ok: true, url: result.url };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (CANCELLED.has(name)) return { ok: false, message: "The passkey prompt was closed before it finished. Try again when you are ready." };
    if (name === "InvalidStateError") return { ok: false, message: "This device already holds a passkey for your account." };
    return { ok: false, message: "Something went wrong with the passkey. Try again, or sign in with an email link." };
  }
}
