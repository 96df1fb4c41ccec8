import { InvitationAnswer } from "@/components/forms/invitation-answer";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ActionState } from "@/lib/actions/action-state";
import type { Viewer } from "@/lib/format/dates";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { TenantAvatar } from "./tenant-avatar";

/** One invitation as its invitee sees it (lib/invitations/for-user.ts lists them). */
export type PendingInvitationRow = { id: string; tenantName: string; tenantSlug: string; role: Role; inviter: string | null; expiresAt: Date };

type AnswerAction = (invitationId: string, previous: ActionState, formData: FormData) => Promise<ActionState>;

/** The signed-in user's own pending invitations, each with Accept and Decline. */
export function PendingInvitationsList({
  invitations,
  accept,
  decline,
  viewer,
}: {
  invitations: PendingInvitationRow[];
  accept: AnswerAction;
  decline: AnswerAction;
  /** From getViewer(), for the expiry dates. */
  viewer: Viewer;
}) {
  return (
    <ul className="divide-y divide-zinc-200">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="grid gap-3 px-5 py-4 sm:px-6" data-testid="pending-invitation">
          <div className="flex items-start gap-3">
            <TenantAvatar name={invitation.tenantName} seed={invitation.tenantSlug} className="mt-0.5 size-8 text-sm" />
            <div className="min-w-0 flex-1">
              <p className="font-medium [overflow-wrap:anywhere]">{invitation.tenantName}</p>
              <p className="text-sm text-zinc-500">
                {invitation.inviter ? `Invited by ${invitation.inviter}` : "Invited by a member"} · expires <LocalTime date={invitation.expiresAt} viewer={viewer} />
              </p>
            </div>
            <Badge>{ROLE_LABELS[invitation.role]}</Badge>
          </div>
          <InvitationAnswer accept={accept.bind(null, invitation.id)} decline={decline.bind(null, invitation.id)} />
        </li>
      ))}
    </ul>
  );
}
