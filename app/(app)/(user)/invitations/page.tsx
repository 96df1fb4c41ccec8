import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app/page-header";
import { PendingInvitationsList } from "@/components/app/pending-invitations-list";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireUser } from "@/lib/session/current-user";
import { TENANT_LABEL } from "@/lib/config/app";
import { getViewer } from "@/lib/format/viewer";
import { listInvitationsForUser } from "@/lib/invitations/for-user";
import { INVITATIONS_PATH } from "@/lib/tenants/home";
import { listTenantsForUser } from "@/lib/tenants/queries";
import { acceptMyInvitationAction, createOwnWorkspaceAction, declineMyInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitations" };

/** Where `/` sends someone in no workspace while invitations wait for them: join one, or start their own. */
export default async function InvitationsPage() {
  const user = await requireUser(INVITATIONS_PATH);
  const [invitations, tenants, viewer] = await Promise.all([listInvitationsForUser(user.id), listTenantsForUser(user.id), getViewer()]);

  return (
    <main className="mx-auto grid w-full grid-cols-1 max-w-2xl gap-6 px-4 py-8 sm:px-6">
      <PageHeader
        title="Invitations"
        description={
          invitations.length > 0
            ? `You have been invited to join ${invitations.length === 1 ? `a ${TENANT_LABEL.singular}` : TENANT_LABEL.plural}. Accept to join, or decline.`
            : "No invitations are waiting for you."
        }
      />
      {invitations.length > 0 && (
        <Card>
          <CardHeader className="pb-1 sm:pb-1">
            <CardTitle>Pending invitations</CardTitle>
            <CardDescription>For {user.email}.</CardDescription>
          </CardHeader>
          <PendingInvitationsList invitations={invitations} accept={acceptMyInvitationAction} decline={declineMyInvitationAction} viewer={viewer} />
        </Card>
      )}
      {tenants.length > 0 ? (
        <Button asChild variant="outline" className="justify-self-start">
          <Link href="/">Go to your dashboard</Link>
        </Button>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>{invitations.length > 0 ? "Or start on your own" : `Start your own ${TENANT_LABEL.singular}`}</CardTitle>
            <CardDescription>
              A {TENANT_LABEL.singular} of your own, with you as its owner.
              {invitations.length > 0 && " The invitations stay open until they expire: their emailed links still work."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <form action={createOwnWorkspaceAction}>
              <SubmitButton variant={invitations.length > 0 ? "outline" : "default"} pendingLabel="Creating…">
                {invitations.length > 0 ? `Create my own ${TENANT_LABEL.singular} instead` : `Create my own ${TENANT_LABEL.singular}`}
              </SubmitButton>
            </form>
          </CardContent>
        </Card>
      )}
    </main>
  );
}
