"use server";

import { AuthError } from "next-auth";
import { redirect, unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { TooManySignInEmails } from "@/lib/auth/providers";
import { emailSignInSchema } from "@/lib/auth/schemas";
import { fieldErrorsOf } from "@/lib/validation";

export async function signInWithEmail(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get("email") ?? ""), callbackUrl: String(formData.get("callbackUrl") ?? "/") };
  const parsed = emailSignInSchema.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: "Check your email address.", fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    // redirect: false, so that we go to our page directly rather than through
    // Auth.js's /api/auth/verify-request hop.
    const next = await signIn("email", { email: parsed.data.email, redirectTo: safeCallbackUrl(parsed.data.callbackUrl), redirect: false });
    // Errors that are not Auth.js's own come back as a link to the error page.
    if (new URL(next, "http://localhost").searchParams.has("error")) {
      return { status: "error", message: "We could not send the sign-in email. Please try again in a moment.", values };
    }
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof TooManySignInEmails) {
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      return {
        status: "error",
        message: `Too many sign-in links were asked for. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        values,
      };
    }
    console.error(error);
    const message =
      error instanceof AuthError
        ? "We could not send the sign-in email. Please try again in a moment."
        : "Something went wrong on our side. Please try again.";
    return { status: "error", message, values };
  }
  redirect("/sign-in/check-email");
}

export async function signInWithProvider(provider: "github" | "google", callbackUrl: string): Promise<void> {
  await signIn(provider, { redirectTo: safeCallbackUrl(callbackUrl) });
}
