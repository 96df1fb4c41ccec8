"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirmFor } from "@/components/ui/use-confirm-for";
import { notify } from "@/components/ui/toast";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { runAction, type FormAction } from "@/lib/actions/run-action";

export type InvitationRow = { id: string; email: string; role: Role; invitedBy: string | null; expires: string; expired: boolean };

export function InvitationList({
  invitations,
  actions,
}: {
  invitations: InvitationRow[];
  actions: { resend: FormAction; revoke: FormAction };
}) {
  const { triggerFor, asking: revoking, Dialog, dialogProps } = useConfirmFor<InvitationRow>();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  if (invitations.length === 0) {
    return <p className="px-5 pb-5 text-sm text-zinc-500 sm:px-6 sm:pb-6">No pending invitations.</p>;
  }
  return (
    <>
      <ul className="divide-y divide-zinc-200">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-5 py-3 sm:px-6" data-testid="invitation-row">
            <div className="min-w-0 flex-1 basis-48">
              <p className="truncate font-medium" title={invitation.email}>{invitation.email}</p>
              <p className="text-sm text-zinc-500">
                {invitation.invitedBy ? `Invited by ${invitation.invitedBy} · ` : ""}
                {invitation.expired ? <span className="text-amber-700">expired {invitation.expires}</span> : `expires ${invitation.expires}`}
              </p>
            </div>
            <Badge>{ROLE_LABELS[invitation.role]}</Badge>
            <div className="flex gap-2">
              <Button
                variant="outline"
                size="sm"
                disabled={pendingId === invitation.id}
                onClick={() => {
                  setPendingId(invitation.id);
                  startTransition(async () => {
                    const result = await runAction(actions.resend, { invitationId: invitation.id });
                    notify(
                      result.status === "error"
                        ? { tone: "error", message: result.message }
                        : { message: `A new invitation link was sent to ${invitation.email}.` },
                    );
                    setPendingId(null);
                  });
                }}
              >
                {pendingId === invitation.id ? "Sending…" : "Resend"}
              </Button>
              <Button
                variant="ghost"
                size="sm"
                className="text-red-700"
                {...triggerFor(invitation)}
              >
                Revoke
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {revoking && Dialog && (
        <Dialog
          {...dialogProps}
          title={`Revoke the invitation to ${revoking.email}?`}
          description="The link in their email stops working. You can invite them again later."
          confirmLabel="Revoke"
          pendingLabel="Revoking…"
          onConfirm={async () => {
            const result = await runAction(actions.revoke, { invitationId: revoking.id });
            if (result.status === "success") notify({ message: `The invitation to ${revoking.email} was revoked.` });
            return result;
          }}
        />
      )}
    </>
  );
}
