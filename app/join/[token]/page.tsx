import { UserRoundPlus } from "@/components/ui/icons";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Logo } from "@/components/app/app-header";
import { EmailSignInForm } from "@/components/forms/sign-in-form";
import { JoinByLinkForm } from "@/components/invite-links/join-by-link-form";
import { PasskeySignIn } from "@/components/passkeys/passkey-sign-in";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/session/current-user";
import { APP_NAME, TENANT_LABEL } from "@/lib/config/app";
import { findUsableInviteLink } from "@/lib/invite-links/invite-links";
import { inviteLinkPath } from "@/lib/invite-links/token";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantPath } from "@/lib/tenancy/paths";
import { listTenantsForUser } from "@/lib/tenants/queries";
import { signInWithEmail } from "../../sign-in/actions";
import { joinByLinkAction } from "./actions";

// The token is in the URL: send no Referer anywhere from here, and keep it out of search engines.
export const metadata: Metadata = { title: "Join a workspace", referrer: "no-referrer", robots: { index: false, follow: false } };

// Opening the link changes nothing (chat apps and mail scanners fetch links): joining is a POST.
export default async function JoinByLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [link, user] = await Promise.all([findUsableInviteLink(token), getCurrentUser()]);
  if (!link) notFound();
  const alreadyMember = user ? (await listTenantsForUser(user.id)).some((t) => t.slug === link.tenant.slug) : false;
  const workspace = link.tenant.name;
  const role = ROLE_LABELS[link.role];

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <Link href="/" className="mb-8 flex justify-center">
          <Logo />
        </Link>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
          <UserRoundPlus className="size-8 text-zinc-700" aria-hidden />
          <h1 className="mt-4 text-xl font-semibold">Join {workspace}</h1>
          <p className="mt-2 text-zinc-600">
            {link.inviter ?? "A member"} invites you to join the {TENANT_LABEL.singular}{" "}
            <strong className="font-medium text-zinc-900">{workspace}</strong> on {APP_NAME} as{" "}
            <strong className="font-medium text-zinc-900">{role}</strong>.
          </p>
          <div className="mt-6">
            {!user ? (
              <div className="grid gap-3">
                <p className="text-sm text-zinc-600">
                  Sign in first: we email you a sign-in link, and it brings you back here to join. New here? Signing in creates your account.
                </p>
                <EmailSignInForm action={signInWithEmail} callbackUrl={inviteLinkPath(token)} />
                <div className="flex items-center gap-3 text-xs text-zinc-500">
                  <span className="h-px flex-1 bg-zinc-200" />
                  or
                  <span className="h-px flex-1 bg-zinc-200" />
                </div>
                <PasskeySignIn callbackUrl={inviteLinkPath(token)} />
              </div>
            ) : alreadyMember ? (
              <div className="grid gap-3">
                <p className="text-sm text-zinc-600">You are already a member of {workspace}.</p>
                <Button asChild>
                  <Link href={tenantPath(link.tenant.slug)}>Open {workspace}</Link>
                </Button>
              </div>
            ) : (
              <div className="grid gap-3">
                <p className="text-sm text-zinc-600">
                  You are signed in as <strong className="font-medium text-zinc-900">{user.email}</strong>.
                </p>
                <JoinByLinkForm action={joinByLinkAction.bind(null, token)} workspace={workspace} />
              </div>
            )}
          </div>
        </div>
      </div>
    </main>
  );
}
