import type { Metadata } from "next";
import Link from "next/link";
import { AvatarForm } from "@/components/account/avatar-form";
import { CancelEmailChange } from "@/components/account/cancel-email-change";
import { EmailChangeForm } from "@/components/account/email-change-form";
import { PasskeyList } from "@/components/passkeys/passkey-list";
import { PageHeader } from "@/components/app/page-header";
import { ConfirmByTypingForm } from "@/components/danger/confirm-by-typing-form";
import { RestoreTenantButton } from "@/components/danger/restore-tenant-button";
import { ExportList } from "@/components/exports/export-list";
import { RequestExportForm } from "@/components/exports/request-export-form";
import { NameForm } from "@/components/forms/name-form";
import { Avatar } from "@/components/ui/avatar";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { LocalTime } from "@/components/ui/local-time";
import { requireUser } from "@/lib/session/current-user";
import { listAccountExports } from "@/lib/exports/exports";
import { listPasskeys, mayUsePasskey } from "@/lib/passkeys/passkeys";
import { formatDate } from "@/lib/format/dates";
import { getViewer } from "@/lib/format/viewer";
import { tenantPath } from "@/lib/tenancy/paths";
import { listRestorableTenants } from "@/lib/tenants/restore-tenant";
import { isOwnAvatar } from "@/lib/users/avatar-style";
import { pendingEmailChange } from "@/lib/users/change-email";
import { accountDeletionPlan } from "@/lib/users/delete-account";
import {
  cancelEmailChangeAction,
  deleteAccountAction,
  exportAccountAction,
  removeAvatarAction,
  removePasskeyAction,
  renamePasskeyAction,
  requestEmailChangeAction,
  restoreTenantAction,
  updateProfileAction,
  uploadAvatarAction,
} from "./actions";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/account");
  const [query, restorable, exports, plan, emailChange, viewer, passkeys, verified] = await Promise.all([
    searchParams,
    listRestorableTenants(user),
    listAccountExports(user.id),
    accountDeletionPlan(user),
    pendingEmailChange(user.id),
    getViewer(),
    listPasskeys(user),
    mayUsePasskey(user.id),
  ]);
  const { deleted } = query;

  return (
    <main className="mx-auto grid w-full grid-cols-1 max-w-3xl gap-6 px-4 py-8 sm:px-6">
      <PageHeader title="Account settings" description="How you appear to the people you work with, your data, and your account." />
      <Card>
        <CardHeader>
          <CardTitle>Profile picture</CardTitle>
          <CardDescription>Shown next to your name. Without one, your initials are.</CardDescription>
        </CardHeader>
        <CardContent>
          <AvatarForm upload={uploadAvatarAction} remove={removeAvatarAction} canRemove={isOwnAvatar(user.image, user.id)}>
            <Avatar id={user.id} name={user.name} email={user.email} image={user.image} size="lg" />
          </AvatarForm>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Display name</CardTitle>
          <CardDescription>Shown to members of your workspaces and in invitations you send.</CardDescription>
        </CardHeader>
        <NameForm action={updateProfileAction} label="Name" initialName={user.name ?? ""} maxLength={80} autoComplete="name" />
      </Card>
      <Card id="email">
        <CardHeader>
          <CardTitle>Email address</CardTitle>
          <CardDescription>The address you sign in with and get mail at.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3 pb-0 sm:pb-0">
          {query["email-changed"] && <FormMessage tone="success">Your address is changed. Sign in with it from now on.</FormMessage>}
          <p className="font-medium break-all">{user.email ?? "No address"}</p>
          {emailChange && (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
              <p className="min-w-0">
                Changing to <strong className="font-medium break-all">{emailChange.newEmail}</strong>: waiting for the link sent there to be opened
                (until <LocalTime date={emailChange.expiresAt} viewer={viewer} style="dateTime" />
                ).
              </p>
              <CancelEmailChange action={cancelEmailChangeAction} />
            </div>
          )}
        </CardContent>
        <EmailChangeForm action={requestEmailChangeAction} />
      </Card>
      <Card id="passkeys">
        <CardHeader>
          <CardTitle>Passkeys</CardTitle>
          <CardDescription>Sign in with your fingerprint, face, device PIN or a security key instead of waiting for an email.</CardDescription>
        </CardHeader>
        <CardContent>
          <PasskeyList
            passkeys={passkeys.map((p) => ({
              credentialId: p.credentialId,
              name: p.name,
              synced: p.synced,
              created: <LocalTime date={p.createdAt} viewer={viewer} />,
              lastUsed: p.lastUsedAt ? <LocalTime date={p.lastUsedAt} viewer={viewer} style="relative" /> : null,
            }))}
            canAdd={verified}
            actions={{ rename: renamePasskeyAction, remove: removePasskeyAction }}
          />
        </CardContent>
      </Card>
      {(restorable.length > 0 || deleted) && (
        <Card id="deleted-workspaces">
          <CardHeader>
            <CardTitle>Deleted workspaces</CardTitle>
            <CardDescription>Workspaces you own that were deleted. Restore one to give its members access again; its plan starts on Free.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            {deleted && <FormMessage tone="success">The workspace was deleted. You can restore it here until the date shown.</FormMessage>}
            {restorable.length === 0 ? (
              <p className="text-sm text-zinc-500">Nothing to restore.</p>
            ) : (
              <ul className="grid gap-2">
                {restorable.map((t) => (
                  <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-zinc-200 px-3 py-2">
                    <span className="min-w-0">
                      <span className="block truncate font-medium">{t.name}</span>
                      <span className="text-xs text-zinc-500">
                        Deleted {formatDate(t.deletedAt, viewer)} · erased for good on {formatDate(t.purgeAt, viewer)}
                      </span>
                    </span>
                    <RestoreTenantButton action={restoreTenantAction} tenantId={t.id} name={t.name} />
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Export your data</CardTitle>
          <CardDescription>
            A zip of your profile, your memberships, your sessions and sign-in methods (no secrets), and everything you did in your workspaces, as JSON and CSV.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <RequestExportForm action={exportAccountAction} label="Export my data" />
          <ExportList exports={exports} />
        </CardContent>
      </Card>
      <Card className="border-red-200">
        <CardHeader>
          <CardTitle className="text-red-700">Delete your account</CardTitle>
          <CardDescription>
            Signs you out everywhere and removes you from every workspace. What you did stays in their activity logs as “Deleted user”. API keys you created stop
            working (a key acts with its creator&apos;s role, so it could not outlive you).
          </CardDescription>
        </CardHeader>
        {plan.blockers.length > 0 ? (
          <CardContent className="grid gap-2 text-sm">
            <p>You are the only owner of these workspaces, which have other members. Make someone else an owner, or delete the workspace, first:</p>
            <ul className="list-disc pl-5">
              {plan.blockers.map((t) => (
                <li key={t.id}>
                  {t.name}:{" "}
                  <Link className="underline underline-offset-2" href={`${tenantPath(t.slug)}/members`}>
                    transfer ownership
                  </Link>{" "}
                  or{" "}
                  <Link className="underline underline-offset-2" href={`${tenantPath(t.slug)}/settings`}>
                    delete it
                  </Link>
                </li>
              ))}
            </ul>
          </CardContent>
        ) : (
          <>
            {plan.deletedWithAccount.length > 0 && (
              <CardContent className="text-sm">
                Deleted with it, since you are their only member: {plan.deletedWithAccount.map((t) => t.name).join(", ")}.
              </CardContent>
            )}
            <ConfirmByTypingForm
              action={deleteAccountAction}
              name="confirmEmail"
              expected={user.email ?? ""}
              caseInsensitive
              label={`Type ${user.email ?? "your email"} to confirm`}
              button="Delete my account"
              pendingLabel="Deleting…"
            />
          </>
        )}
      </Card>
    </main>
  );
}
