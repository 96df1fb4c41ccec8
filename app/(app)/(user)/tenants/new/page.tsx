import type { Metadata } from "next";
import { CreateTenantForm } from "@/components/app/create-tenant-dialog";
import { PendingInvitationsList } from "@/components/app/pending-invitations-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/session/current-user";
import { TENANT_LABEL } from "@/lib/config/app";
import { getViewer } from "@/lib/format/viewer";
import { listInvitationsForUser } from "@/lib/invitations/for-user";
import { NEW_TENANT_PATH } from "@/lib/tenants/home";
import { listTenantsForUser } from "@/lib/tenants/queries";
import { createTenantAction } from "../../../actions";
import { acceptMyInvitationAction, declineMyInvitationAction } from "../../invitations/actions";

export const metadata: Metadata = { title: `Create a ${TENANT_LABEL.singular}` };

export default async function NewTenantPage() {
  const user = await requireUser(NEW_TENANT_PATH);
  const tenants = await listTenantsForUser(user.id);
  // Someone in no workspace (removed, or theirs deleted) may have been invited back meanwhile.
  const [invitations, viewer] = await Promise.all([tenants.length === 0 ? listInvitationsForUser(user.id) : [], getViewer()]);
  return (
    <main className="mx-auto grid w-full grid-cols-1 max-w-md gap-6 px-4 py-12 sm:px-6">
      {invitations.length > 0 && (
        <Card>
          <CardHeader className="pb-1 sm:pb-1">
            <CardTitle>Pending invitations</CardTitle>
            <CardDescription>Join a {TENANT_LABEL.singular} you were invited to, or create your own below.</CardDescription>
          </CardHeader>
          <PendingInvitationsList invitations={invitations} accept={acceptMyInvitationAction} decline={declineMyInvitationAction} viewer={viewer} />
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Create a {TENANT_LABEL.singular}</CardTitle>
          <CardDescription>
            {tenants.length === 0
              ? `You are not in any ${TENANT_LABEL.singular} right now. Create one, or ask a teammate to invite you.`
              : `A separate space with its own members and data. You will be its owner.`}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTenantForm action={createTenantAction} />
        </CardContent>
      </Card>
    </main>
  );
}
