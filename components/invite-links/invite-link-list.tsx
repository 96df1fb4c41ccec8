"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirmFor } from "@/components/ui/use-confirm-for";
import { notify } from "@/components/ui/toast";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import type { InviteLinkStatus } from "@/lib/invite-links/status";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";

export type InviteLinkItem = {
  id: string;
  role: Role;
  status: InviteLinkStatus;
  uses: number;
  maxUses: number | null;
  createdBy: string | null;
  created: string;
  expires: string;
};

const STATUS: Record<InviteLinkStatus, { label: string; className: string; title?: string }> = {
  live: { label: "Live", className: "border-emerald-200 bg-emerald-50 text-emerald-800" },
  expired: { label: "Expired", className: "border-amber-200 bg-amber-50 text-amber-800" },
  used_up: { label: "Used up", className: "" },
  revoked: { label: "Revoked", className: "" },
  inactive: { label: "Inactive", className: "border-amber-200 bg-amber-50 text-amber-800", title: "Whoever made it can no longer give this role, so it does not work." },
};

export const usesText = ({ uses, maxUses }: Pick<InviteLinkItem, "uses" | "maxUses">) =>
  maxUses === null ? `${uses} ${uses === 1 ? "use" : "uses"}` : `${uses} of ${maxUses} uses`;

export function InviteLinkList({ links, revoke }: { links: InviteLinkItem[]; revoke: FormAction }) {
  const { triggerFor, asking: revoking, Dialog, dialogProps } = useConfirmFor<InviteLinkItem>();

  if (links.length === 0) return <p className="px-5 pb-5 text-sm text-zinc-500 sm:px-6 sm:pb-6">No invite links yet.</p>;
  return (
    <>
      <ul className="divide-y divide-zinc-200">
        {links.map((link) => {
          const status = STATUS[link.status];
          const working = link.status === "live" || link.status === "inactive";
          return (
            <li key={link.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-5 py-3 sm:px-6" data-testid="invite-link-row">
              <div className="min-w-0 flex-1 basis-48">
                <p className="font-medium">
                  {ROLE_LABELS[link.role]} <span className="font-normal text-zinc-500">· {usesText(link)}</span>
                </p>
                <p className="text-sm text-zinc-500">
                  {link.createdBy ? `Created by ${link.createdBy}, ${link.created}` : `Created ${link.created}`} ·{" "}
                  {link.status === "expired" ? `expired ${link.expires}` : `expires ${link.expires}`}
                </p>
              </div>
              <Badge className={status.className} title={status.title} data-testid="invite-link-status">
                {status.label}
              </Badge>
              {working && (
                <Button
                  variant="ghost"
                  size="sm"
                  className="text-red-700"
                  {...triggerFor(link)}
                >
                  Revoke
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {revoking && Dialog && (
        <Dialog
          {...dialogProps}
          title={`Revoke this ${ROLE_LABELS[revoking.role]} invite link?`}
          description="It stops working at once for everyone who has it. People who already joined through it stay members."
          confirmLabel="Revoke"
          pendingLabel="Revoking…"
          onConfirm={async () => {
            const result = await runAction(revoke, { linkId: revoking.id });
            if (result.status === "success") notify({ message: "The invite link was revoked." });
            return result;
          }}
        />
      )}
    </>
  );
}
