import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailChange } from "@/components/account/confirm-email-change";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireUser } from "@/lib/session/current-user";
import { emailChangePath, inspectEmailChangeLink } from "@/lib/users/change-email";
import { confirmEmailChangeAction, switchAccountAction } from "./actions";

// The token is in the URL: send no Referer anywhere from here.
export const metadata: Metadata = { title: "Confirm your new address", referrer: "no-referrer", robots: { index: false } };

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requireUser(emailChangePath(token));
  const link = await inspectEmailChangeLink(user, token);

  return (
    <main className="mx-auto grid w-full grid-cols-1 max-w-md gap-6 px-4 py-12 sm:px-6">
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold">Confirm your new address</h1>
          {link.status === "ready" && (
            <CardDescription>
              Your account&apos;s address changes from <strong className="font-medium text-zinc-900 break-all">{user.email}</strong> to{" "}
              <strong className="font-medium text-zinc-900 break-all">{link.newEmail}</strong>. You then sign in with the new one.
            </CardDescription>
          )}
        </CardHeader>
        <CardContent className="grid gap-3">
          {link.status === "ready" ? (
            <ConfirmEmailChange action={confirmEmailChangeAction.bind(null, token)} />
          ) : (
            <>
              <FormMessage tone="error">{link.message}</FormMessage>
              {link.status === "other-account" ? (
                <form action={switchAccountAction.bind(null, token)}>
                  <SubmitButton variant="outline" className="w-full">
                    Sign out and switch account
                  </SubmitButton>
                </form>
              ) : (
                <Button asChild variant="outline">
                  <Link href="/account">Open account settings</Link>
                </Button>
              )}
            </>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
