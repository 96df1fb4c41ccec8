import { UserRoundPlus } from "@/components/ui/icons";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Logo } from "@/components/app/app-header";
import { EmailSignInForm } from "@/components/forms/sign-in-form";
import { InvitationAnswer } from "@/components/forms/invitation-answer";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { getCurrentUser } from "@/lib/session/current-user";
import { APP_NAME, TENANT_LABEL } from "@/lib/config/app";
import { findUsableInvitation } from "@/lib/invitations/invitations";
import { invitationMismatch } from "@/lib/invitations/respond";
import { invitationPath } from "@/lib/invitations/token";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantPath } from "@/lib/tenancy/paths";
import { listTenantsForUser } from "@/lib/tenants/queries";
import { signInWithEmail } from "../../sign-in/actions";
import { acceptInvitationAction, declineInvitationAction, switchAccountAction } from "./actions";

// The token is in the URL: send no Referer anywhere from here.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false } };

// Opening the link changes nothing (mail scanners follow links): answers are POSTs.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findUsableInvitation(token);
  if (!invitation) notFound();
  const user = await getCurrentUser();
  const mismatch = user ? await invitationMismatch(user, invitation) : null;
  const alreadyMember = user && !mismatch && (await listTenantsForUser(user.id)).some((t) => t.slug === invitation.tenant.slug);

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <Link href="/" className="mb-8 flex justify-center">
          <Logo />
        </Link>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
          <UserRoundPlus className="size-8 text-zinc-700" aria-hidden />
          <h1 className="mt-4 text-xl font-semibold">Join {invitation.tenant.name}</h1>
          <p className="mt-2 text-zinc-600">
            {invitation.inviter ?? "A member"} invited <strong className="font-medium text-zinc-900">{invitation.email}</strong> to the{" "}
            {TENANT_LABEL.singular} <strong className="font-medium text-zinc-900">{invitation.tenant.name}</strong> on {APP_NAME}, as{" "}
            <strong className="font-medium text-zinc-900">{ROLE_LABELS[invitation.role]}</strong>.
          </p>
          <div className="mt-6">
            {!user || mismatch === "unverified" ? (
              <div className="grid gap-3">
                <p className="text-sm text-zinc-600">
                  {user ? "First confirm the address:" : "Sign in to answer:"} we email a sign-in link to {invitation.email}, and it brings you back here.
                </p>
                <EmailSignInForm action={signInWithEmail} callbackUrl={invitationPath(token)} email={invitation.email} />
              </div>
            ) : mismatch === "wrong-account" ? (
              <div className="grid gap-3">
                <p className="text-sm text-zinc-600">
                  You are signed in as <strong className="font-medium text-zinc-900">{user.email}</strong>, but this invitation is for{" "}
                  {invitation.email}.
                </p>
                <form action={switchAccountAction.bind(null, token)}>
                  <SubmitButton className="w-full">Sign out and switch account</SubmitButton>
                </form>
              </div>
            ) : alreadyMember ? (
              <div className="grid gap-3">
                <p className="text-sm text-zinc-600">You are already a member of {invitation.tenant.name}.</p>
                <Button asChild>
                  <Link href={tenantPath(invitation.tenant.slug)}>Open {invitation.tenant.name}</Link>
                </Button>
              </div>
            ) : (
              <InvitationAnswer accept={acceptInvitationAction.bind(null, token)} decline={declineInvitationAction.bind(null, token)} />
            )}
          </div>
        </div>
      </div>
    </main>
  );
}
