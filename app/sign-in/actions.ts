"use server";

import { AuthError } from "next-auth";
import { redirect, unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/session/callback-url";
import { TooManySignInEmails } from "@/lib/auth/providers";
import { emailSignInSchema } from "@/lib/auth/schemas";
import { forgetSignInEmail, recallSignInEmail, rememberSignInEmail, type SignInEmail } from "@/lib/auth/sign-in-email-cookie";
import { fieldErrorsOf } from "@/lib/validation";

/** Asks Auth.js for a magic link: null once sent, else what to tell the person. */
async function sendSignInLink({ email, callbackUrl }: SignInEmail): Promise<string | null> {
  try {
    // redirect: false, so that we go to our page directly rather than through
    // Auth.js's /api/auth/verify-request hop.
    const next = await signIn("email", { email, redirectTo: callbackUrl, redirect: false });
    // Errors that are not Auth.js's own come back as a link to the error page.
    if (new URL(next, "http://localhost").searchParams.has("error")) {
      return "We could not send the sign-in email. Please try again in a moment.";
    }
    return null;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof TooManySignInEmails) {
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      return `Too many sign-in links were asked for. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    }
    console.error(error);
    return error instanceof AuthError
      ? "We could not send the sign-in email. Please try again in a moment."
      : "Something went wrong on our side. Please try again.";
  }
}

export async function signInWithEmail(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get("email") ?? ""), callbackUrl: String(formData.get("callbackUrl") ?? "/") };
  const parsed = emailSignInSchema.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: "Check your email address.", fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  const link = { email: parsed.data.email, callbackUrl: safeCallbackUrl(parsed.data.callbackUrl) };
  const failure = await sendSignInLink(link);
  if (failure) return { status: "error", message: failure, values };
  await rememberSignInEmail(link);
  redirect("/sign-in/check-email");
}

/** The "Check your email" page's button: the same link again, to the address the cookie holds (never one from the form). */
export async function resendSignInLink(_previous: ActionState, _formData: FormData): Promise<ActionState> {
  const remembered = await recallSignInEmail();
  if (!remembered) {
    await forgetSignInEmail();
    return {
      status: "error",
      message: "We no longer know which address to send the link to. Enter it again to get a new link.",
      link: { href: "/sign-in", label: "Back to sign-in" },
    };
  }
  const failure = await sendSignInLink(remembered);
  if (failure) return { status: "error", message: failure };
  await rememberSignInEmail(remembered); // the new link lives from now
  return { status: "success", message: `We sent a new link to ${remembered.email}.` };
}

export async function signInWithProvider(provider: "github" | "google", callbackUrl: string): Promise<void> {
  await signIn(provider, { redirectTo: safeCallbackUrl(callbackUrl) });
}
