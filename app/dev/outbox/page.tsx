import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { Fragment } from "react";
import { Logo } from "@/components/app/app-header";
import { Button } from "@/components/ui/button";
import { listOutbox } from "@/lib/email/outbox";
import { OUTBOX_COOKIE, OUTBOX_UNLOCK_PATH, outboxAccessOf, outboxVisit } from "@/lib/email/outbox-access";
import { getEnv } from "@/lib/env/env";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };

/** The message's text with its links made clickable. */
function Linkified({ text }: { text: string }) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all text-sky-700 underline underline-offset-2">
        {part}
      </a>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection(); // read at request time: the outbox is a run-time setting
  const { token } = await searchParams;
  const queryToken = typeof token === "string" ? token : undefined;
  const visit = outboxVisit(outboxAccessOf(getEnv()), { queryToken, cookieToken: (await cookies()).get(OUTBOX_COOKIE)?.value });
  if (visit === "not-found") notFound();
  if (visit === "unlock") redirect(`${OUTBOX_UNLOCK_PATH}?token=${encodeURIComponent(queryToken!)}`);
  const messages = await listOutbox();

  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <Link href="/">
          <Logo />
        </Link>
        <Button asChild variant="outline" size="sm">
          <Link href="/dev/outbox" prefetch={false}>
            Refresh
          </Link>
        </Button>
      </div>
      <h1 className="text-2xl font-semibold">Development outbox</h1>
      <p className="mt-1 text-sm text-zinc-500">
        No mail server is configured, so mail lands here instead, newest first. Set EMAIL_SERVER and EMAIL_FROM to send real mail.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-zinc-300 p-8 text-center text-zinc-500">
          No mail yet. <Link href="/sign-in" className="underline">Sign in</Link> with any address and its link appears here.
        </p>
      ) : (
        <ol className="mt-6 grid gap-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm" data-testid="outbox-message">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-medium">{message.subject}</h2>
                <time dateTime={message.createdAt.toISOString()} className="text-xs text-zinc-500">
                  {message.createdAt.toLocaleString("en", { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </div>
              <p className="mt-1 text-sm text-zinc-500">
                To: <span data-testid="outbox-to">{message.to}</span>
              </p>
              <pre className="mt-3 font-sans text-sm whitespace-pre-wrap text-zinc-800">
                <Linkified text={message.text} />
              </pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
