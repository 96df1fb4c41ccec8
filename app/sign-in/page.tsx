import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/app/app-header";
import { EmailSignInForm } from "@/components/forms/sign-in-form";
import { PasskeySignIn } from "@/components/passkeys/passkey-sign-in";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { safeCallbackUrl } from "@/lib/session/callback-url";
import { getCurrentUser } from "@/lib/session/current-user";
import { configuredOAuthProviders } from "@/lib/auth/providers";
import { APP_NAME } from "@/lib/config/app";
import { isOutboxEnabled } from "@/lib/email/outbox";
import { getEnv } from "@/lib/env/env";
import { signInWithEmail, signInWithProvider } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends errors here as ?error=Code.
const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  OAuthAccountNotLinked: "This email is already used with another sign-in method. Sign in the way you did before.",
  AccessDenied: "Sign-in was cancelled or not allowed.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? "Sign-in failed. Please try again.") : null;
  const accountDeleted = params.deleted === "1";
  const providers = configuredOAuthProviders(getEnv());

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <Link href="/" className="mb-8 flex justify-center">
          <Logo />
        </Link>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold">Sign in to {APP_NAME}</h1>
          <p className="mt-1 mb-6 text-sm text-zinc-500">New here? Signing in creates your account.</p>
          {error && (
            <FormMessage tone="error" className="mb-4">
              {error}
            </FormMessage>
          )}
          {accountDeleted && (
            <FormMessage tone="success" className="mb-4">
              Your account was deleted and you were signed out everywhere.
            </FormMessage>
          )}
          <EmailSignInForm action={signInWithEmail} callbackUrl={callbackUrl} />
          <div className="my-6 flex items-center gap-3 text-xs text-zinc-500">
            <span className="h-px flex-1 bg-zinc-200" />
            or
            <span className="h-px flex-1 bg-zinc-200" />
          </div>
          <div className="grid gap-2">
            <PasskeySignIn callbackUrl={callbackUrl} />
            {providers.map((provider) => (
              <form key={provider.id} action={signInWithProvider.bind(null, provider.id, callbackUrl)}>
                <Button type="submit" variant="outline" className="w-full">
                  Continue with {provider.name}
                </Button>
              </form>
            ))}
          </div>
        </div>
        {isOutboxEnabled() && (
          <p className="mt-4 text-center text-xs text-zinc-500">
            No mail server is set up: sign-in links go to the{" "}
            <Link href="/dev/outbox" className="underline">
              development outbox
            </Link>
            .
          </p>
        )}
      </div>
    </main>
  );
}
