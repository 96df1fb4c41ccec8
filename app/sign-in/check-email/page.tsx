import { MailCheck } from "@/components/ui/icons";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ResendSignInLinkForm } from "@/components/forms/sign-in-form";
import { Button } from "@/components/ui/button";
import { signInUrl } from "@/lib/session/callback-url";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/providers";
import { recallSignInEmail } from "@/lib/auth/sign-in-email-cookie";
import { isOutboxEnabled } from "@/lib/email/outbox";
import { resendSignInLink } from "../actions";

export const metadata: Metadata = { title: "Check your email" };

const link = "font-medium text-zinc-900 underline underline-offset-2";

// Auth.js's own endpoint also lands here, with no cookie: the page then reads well
// without an address, and offers the sign-in form instead of a resend.
export default async function CheckEmailPage() {
  await connection(); // whether the outbox is on is a run-time setting
  const sent = await recallSignInEmail();
  const outbox = isOutboxEnabled();
  const minutes = MAGIC_LINK_MAX_AGE_SECONDS / 60;
  const signInAgain = sent ? signInUrl(sent.callbackUrl) : "/sign-in";
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="text-center">
          <MailCheck className="mx-auto size-10 text-zinc-700" aria-hidden />
          <h1 className="mt-4 text-xl font-semibold">Check your email</h1>
          <p className="mt-2 text-sm text-zinc-600">
            {sent ? (
              <>
                We sent a sign-in link to <strong className="font-medium break-all text-zinc-900">{sent.email}</strong>.
              </>
            ) : (
              "Check your email for the sign-in link."
            )}{" "}
            Open it to sign in; you can close this tab.
          </p>
        </div>
        <div className="mt-6 grid gap-2">
          {outbox && (
            <Button asChild>
              <Link href="/dev/outbox">Open the development outbox</Link>
            </Button>
          )}
          {sent ? (
            <ResendSignInLinkForm action={resendSignInLink} />
          ) : (
            <Button asChild variant="outline">
              <Link href="/sign-in">Back to sign-in</Link>
            </Button>
          )}
        </div>
        <section className="mt-6 border-t border-zinc-200 pt-5" aria-labelledby="nothing-arrived">
          <h2 id="nothing-arrived" className="text-sm font-medium text-zinc-900">
            Nothing arrived?
          </h2>
          <ul className="mt-2 grid list-disc gap-1.5 pl-5 text-sm text-zinc-600">
            <li>Look in your spam or junk folder; it can take a minute to arrive.</li>
            <li>
              Check the address is spelled right.{" "}
              <Link href={signInAgain} className={link}>
                Use a different email
              </Link>
            </li>
            <li>
              Links work once and expire after {minutes} minutes.{" "}
              {sent ? (
                "Resend it to get a fresh one."
              ) : (
                <Link href="/sign-in" className={link}>
                  Ask for a new one
                </Link>
              )}
            </li>
            {outbox && (
              <li>
                No mail server is set up here: links go to the{" "}
                <Link href="/dev/outbox" className={link}>
                  development outbox
                </Link>
                .
              </li>
            )}
          </ul>
        </section>
      </div>
    </main>
  );
}
