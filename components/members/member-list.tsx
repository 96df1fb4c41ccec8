"use client";

import { Crown, LogOut, MoreHorizontal, ShieldCheck, UserMinus } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { TENANT_LABEL } from "@/lib/config/app";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { runAction, type FormAction } from "@/lib/actions/run-action";

export type MemberRow = {
  userId: string;
  name: string | null;
  email: string | null;
  role: Role;
  joinedAt: string;
  isMe: boolean;
  /** Roles the viewer may give this member (empty: none). */
  roleChoices: Role[];
  canRemove: boolean;
  canMakeOwner: boolean;
};

export type MemberActions = { changeRole: FormAction; remove: FormAction; leave: FormAction; transfer: FormAction };

type Kind = "role" | "remove" | "leave" | "transfer";
type Pending = { kind: Kind; member: MemberRow } | null;

export const ROLE_HINTS: Record<Role, string> = {
  owner: "Everything, including deleting the workspace.",
  admin: "Manages members, settings and API keys.",
  member: "Works with the workspace's data.",
  billing: "Manages the plan and payment; reads the rest.",
};

export function MemberList({ members, actions }: { members: MemberRow[]; actions: MemberActions }) {
  const [confirm, setConfirm] = useState<Pending>(null);
  const nameOf = (m: MemberRow) => m.name || m.email || "This member";

  return (
    <>
      <ul className="divide-y divide-zinc-200">
        {members.map((member) => (
          <li key={member.userId} className="flex items-center gap-3 px-5 py-3 sm:px-6" data-testid="member-row">
            <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-sm font-medium text-zinc-700 uppercase">
              {(member.name || member.email || "?")[0]}
            </span>
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">
                {member.name || member.email}
                {member.isMe && <span className="ml-1.5 text-sm font-normal text-zinc-500">(you)</span>}
              </p>
              <p className="truncate text-sm text-zinc-500">
                {member.name ? `${member.email} · ` : ""}joined {member.joinedAt}
              </p>
            </div>
            <Badge data-testid="member-role">{ROLE_LABELS[member.role]}</Badge>
            <MemberMenu member={member} onChoose={(kind) => setConfirm({ kind, member })} />
          </li>
        ))}
      </ul>
      {confirm?.kind === "role" && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setConfirm(null)}
          destructive={false}
          title={`Change ${nameOf(confirm.member)}'s role`}
          description="It takes effect on their next click."
          confirmLabel="Save role"
          pendingLabel="Saving…"
          onConfirm={(form) => runAction(actions.changeRole, { userId: confirm.member.userId, role: String(form.get("role")) })}
        >
          <fieldset className="grid gap-2">
            <legend className="sr-only">Role</legend>
            {confirm.member.roleChoices.map((role) => (
              <label key={role} className="flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 p-3 has-[:checked]:border-zinc-900 has-[:checked]:bg-zinc-50">
                <input type="radio" name="role" value={role} defaultChecked={role === confirm.member.role} className="mt-1 accent-zinc-900" />
                <span>
                  <span className="block text-sm font-medium">{ROLE_LABELS[role]}</span>
                  <span className="block text-sm text-zinc-500">{ROLE_HINTS[role]}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </ConfirmDialog>
      )}
      {confirm && confirm.kind !== "role" && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setConfirm(null)}
          destructive={confirm.kind !== "transfer"}
          {...(confirm.kind === "remove"
            ? {
                title: `Remove ${nameOf(confirm.member)}?`,
                description: `They lose access to this ${TENANT_LABEL.singular} at once. You can invite them again later.`,
                confirmLabel: "Remove",
                pendingLabel: "Removing…",
                onConfirm: () => runAction(actions.remove, { userId: confirm.member.userId }),
              }
            : confirm.kind === "leave"
              ? {
                  title: `Leave this ${TENANT_LABEL.singular}?`,
                  description: "You lose access at once. Someone will have to invite you to come back.",
                  confirmLabel: "Leave",
                  pendingLabel: "Leaving…",
                  onConfirm: () => runAction(actions.leave, {}),
                }
              : {
                  title: `Make ${nameOf(confirm.member)} the owner?`,
                  description: "They become an owner and you become an admin. Only an owner can make you owner again.",
                  confirmLabel: "Transfer ownership",
                  pendingLabel: "Transferring…",
                  onConfirm: () => runAction(actions.transfer, { userId: confirm.member.userId }),
                })}
        />
      )}
    </>
  );
}

function MemberMenu({ member, onChoose }: { member: MemberRow; onChoose: (kind: Kind) => void }) {
  const canChangeRole = member.roleChoices.length > 0;
  if (!canChangeRole && !member.canRemove && !member.canMakeOwner && !member.isMe) return <span className="size-8" />;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for ${member.name || member.email}`}>
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        {canChangeRole && (
          <DropdownMenuItem onSelect={() => onChoose("role")}>
            <ShieldCheck aria-hidden /> Change role…
          </DropdownMenuItem>
        )}
        {member.canMakeOwner && (
          <DropdownMenuItem onSelect={() => onChoose("transfer")}>
            <Crown aria-hidden /> Transfer ownership…
          </DropdownMenuItem>
        )}
        {(member.canRemove || member.isMe) && (canChangeRole || member.canMakeOwner) && <DropdownMenuSeparator />}
        {member.isMe ? (
          <DropdownMenuItem onSelect={() => onChoose("leave")} className="text-red-700">
            <LogOut aria-hidden /> Leave {TENANT_LABEL.singular}…
          </DropdownMenuItem>
        ) : (
          member.canRemove && (
            <DropdownMenuItem onSelect={() => onChoose("remove")} className="text-red-700">
              <UserMinus aria-hidden /> Remove…
            </DropdownMenuItem>
          )
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
