import { MailCheck } from "@/components/ui/icons";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/providers";
import { isOutboxEnabled } from "@/lib/email/outbox";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  await connection(); // whether the outbox is on is a run-time setting
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 text-center shadow-sm sm:p-8">
        <MailCheck className="mx-auto size-10 text-zinc-700" aria-hidden />
        <h1 className="mt-4 text-xl font-semibold">Check your email</h1>
        <p className="mt-2 text-sm text-zinc-600">
          We sent you a sign-in link. It works once and expires in {MAGIC_LINK_MAX_AGE_SECONDS / 60} minutes. You can close this tab.
        </p>
        <div className="mt-6 grid gap-2">
          {isOutboxEnabled() && (
            <Button asChild>
              <Link href="/dev/outbox">Open the development outbox</Link>
            </Button>
          )}
          <Button asChild variant="ghost">
            <Link href="/sign-in">Use a different email</Link>
          </Button>
        </div>
      </div>
    </main>
  );
}
