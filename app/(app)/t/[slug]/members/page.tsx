import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { CreateInviteLinkForm } from "@/components/invite-links/create-invite-link-form";
import { InviteLinkList } from "@/components/invite-links/invite-link-list";
import { InvitationList } from "@/components/members/invitation-list";
import { InviteForm } from "@/components/members/invite-form";
import { MemberList, type MemberRow } from "@/components/members/member-list";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TENANT_LABEL } from "@/lib/config/app";
import { formatDate, formatDateTime, type Viewer } from "@/lib/format/dates";
import { getViewer } from "@/lib/format/viewer";
import { currentPlanOf } from "@/lib/plans/plans";
import { pendingNote } from "@/components/plans/usage-meters";
import { getInvitationCost } from "@/lib/billing/invitation-cost";
import { listPendingInvitations } from "@/lib/invitations/invitations";
import { listInviteLinks } from "@/lib/invite-links/invite-links";
import { listMembers, type ListedMember } from "@/lib/members/members";
import { can, grantableRoles } from "@/lib/permissions/permissions";
import type { TenantContext } from "@/lib/tenancy/context";
import { requireTenant } from "@/lib/tenancy/require-tenant";
import {
  changeRoleAction,
  createInviteLinkAction,
  inviteAction,
  leaveTenantAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  revokeInviteLinkAction,
  transferOwnershipAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

/** What the viewer may do to each member. The lib functions check it again on every action. */
function toRow(ctx: TenantContext, member: ListedMember, viewer: Viewer): MemberRow {
  const isMe = member.userId === ctx.user.id;
  const manages = can(ctx.role, "members.manage") && (member.role !== "owner" || ctx.role === "owner");
  const choices = manages ? grantableRoles(ctx.role) : [];
  return {
    ...member,
    joinedAt: formatDate(member.joinedAt, viewer),
    isMe,
    roleChoices: choices.includes(member.role) ? choices : [],
    canRemove: manages && !isMe,
    canMakeOwner: can(ctx.role, "tenant.delete") && !isMe && member.role !== "owner",
  };
}

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireTenant(slug);
  const canInvite = can(ctx.role, "invitations.manage");
  const [members, invitations, links, viewer, cost] = await Promise.all([
    listMembers(ctx),
    canInvite ? listPendingInvitations(ctx) : [],
    canInvite ? listInviteLinks(ctx) : [],
    getViewer(),
    // What a seat costs, for those who see billing (null for the others, without a query).
    canInvite ? getInvitationCost(ctx) : null,
  ]);
  const seatLimit = currentPlanOf(ctx.tenant).limits.members;
  const pending = invitations.filter((i) => !i.expired).length;
  const people = `${members.length} ${members.length === 1 ? "person" : "people"} in ${ctx.tenant.name}`;
  // The same count as billing's: a pending invitation holds a seat until it is answered or expires.
  const seats = canInvite && seatLimit !== null ? ` · ${members.length + pending} of ${seatLimit} seats${pending ? `, ${pendingNote(pending)}` : ""}` : "";

  return (
    <>
      <PageHeader
        title="Members"
        description={`${people}${seats}.`}
      />
      {canInvite && (
        <Card>
          <CardHeader>
            <CardTitle>Invite someone</CardTitle>
            <CardDescription>They get an email with a link to join this {TENANT_LABEL.singular}.</CardDescription>
          </CardHeader>
          <InviteForm action={inviteAction.bind(null, slug)} roles={grantableRoles(ctx.role)} cost={cost} />
        </Card>
      )}
      <Card>
        <CardHeader className="pb-3 sm:pb-3">
          <CardTitle>People</CardTitle>
        </CardHeader>
        <MemberList
          members={members.map((m) => toRow(ctx, m, viewer))}
          actions={{
            changeRole: changeRoleAction.bind(null, slug),
            remove: removeMemberAction.bind(null, slug),
            leave: leaveTenantAction.bind(null, slug),
            transfer: transferOwnershipAction.bind(null, slug),
          }}
        />
      </Card>
      {canInvite && (
        <Card>
          <CardHeader className="pb-3 sm:pb-3">
            <CardTitle>Pending invitations</CardTitle>
          </CardHeader>
          <InvitationList
            invitations={invitations.map((i) => ({ ...i, expires: formatDate(i.expiresAt, viewer) }))}
            actions={{ resend: resendInvitationAction.bind(null, slug), revoke: revokeInvitationAction.bind(null, slug) }}
          />
        </Card>
      )}
      {canInvite && (
        <Card>
          <CardHeader className="pb-3 sm:pb-3">
            <CardTitle>Invite links</CardTitle>
            <CardDescription>
              Anyone signed in with the link can join this {TENANT_LABEL.singular} as the chosen role until it expires, while the plan has a free seat.
            </CardDescription>
          </CardHeader>
          <InviteLinkList
            links={links.map(({ createdAt, expiresAt, ...link }) => ({ ...link, created: formatDate(createdAt, viewer), expires: formatDateTime(expiresAt, viewer) }))}
            revoke={revokeInviteLinkAction.bind(null, slug)}
          />
          <CreateInviteLinkForm action={createInviteLinkAction.bind(null, slug)} roles={grantableRoles(ctx.role)} />
        </Card>
      )}
    </>
  );
}
