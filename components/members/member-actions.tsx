"use client";

import { Crown, LogOut, MoreHorizontal, ShieldCheck, UserMinus } from "lucide-react";
import { useRef, useState } from "react";
import type { Activation } from "@/components/ui/on-demand";
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
import type { ActionState } from "@/lib/actions/action-state";
import { notify } from "@/components/ui/toast";
import { ROLE_HINTS } from "./role-hints";

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

export type MemberActionsMenuProps = {
  member: MemberRow;
  actions: MemberActions;
  /** How the lightweight trigger was activated; the menu mounts open. */
  openedWith: Activation;
};

type Kind = "role" | "remove" | "leave" | "transfer";

/** The dialog closes on success; the toast says what changed. */
const toastOnSuccess = (message: string) => (result: ActionState) => {
  if (result.status === "success") notify({ message });
  return result;
};

/** A member row's menu and the dialogs it opens, mounted open the first time its trigger is used. */
export function MemberActionsMenu({ member, actions, openedWith }: MemberActionsMenuProps) {
  const [confirm, setConfirm] = useState<Kind | null>(null);
  const [trigger, setTrigger] = useState<HTMLElement | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const canChangeRole = member.roleChoices.length > 0;
  const name = member.name || member.email || "This member";
  const choose = (kind: Kind) => {
    setConfirm(kind);
    setTrigger(triggerRef.current);
  };
  const close = (open: boolean) => !open && setConfirm(null);

  return (
    <>
      <DropdownMenu defaultOpen>
        <DropdownMenuTrigger asChild>
          <Button ref={triggerRef} variant="ghost" size="icon" className="size-8" aria-label={`Actions for ${member.name || member.email}`}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent focusFirstItem={openedWith === "keyboard"}>
          {canChangeRole && (
            <DropdownMenuItem onSelect={() => choose("role")}>
              <ShieldCheck aria-hidden /> Change role…
            </DropdownMenuItem>
          )}
          {member.canMakeOwner && (
            <DropdownMenuItem onSelect={() => choose("transfer")}>
              <Crown aria-hidden /> Transfer ownership…
            </DropdownMenuItem>
          )}
          {(member.canRemove || member.isMe) && (canChangeRole || member.canMakeOwner) && <DropdownMenuSeparator />}
          {member.isMe ? (
            <DropdownMenuItem onSelect={() => choose("leave")} className="text-red-700">
              <LogOut aria-hidden /> Leave {TENANT_LABEL.singular}…
            </DropdownMenuItem>
          ) : (
            member.canRemove && (
              <DropdownMenuItem onSelect={() => choose("remove")} className="text-red-700">
                <UserMinus aria-hidden /> Remove…
              </DropdownMenuItem>
            )
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {confirm === "role" && (
        <ConfirmDialog
          open
          onOpenChange={close}
          destructive={false}
          title={`Change ${name}'s role`}
          description="It takes effect on their next click."
          confirmLabel="Save role"
          pendingLabel="Saving…"
          onConfirm={(form) =>
            runAction(actions.changeRole, { userId: member.userId, role: String(form.get("role")) }).then(
              toastOnSuccess(`${name} is now ${ROLE_LABELS[String(form.get("role")) as Role] ?? "in a new role"}.`),
            )
          }
          returnFocusTo={trigger}
        >
          <fieldset className="grid gap-2">
            <legend className="sr-only">Role</legend>
            {member.roleChoices.map((role) => (
              <label key={role} className="flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 p-3 has-[:checked]:border-zinc-900 has-[:checked]:bg-zinc-50">
                <input type="radio" name="role" value={role} defaultChecked={role === member.role} className="mt-1 accent-zinc-900" />
                <span>
                  <span className="block text-sm font-medium">{ROLE_LABELS[role]}</span>
                  <span className="block text-sm text-zinc-500">{ROLE_HINTS[role]}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </ConfirmDialog>
      )}
      {confirm && confirm !== "role" && (
        <ConfirmDialog
          open
          onOpenChange={close}
          destructive={confirm !== "transfer"}
          returnFocusTo={trigger}
          {...(confirm === "remove"
            ? {
                title: `Remove ${name}?`,
                description: `They lose access to this ${TENANT_LABEL.singular} at once. You can invite them again later.`,
                confirmLabel: "Remove",
                pendingLabel: "Removing…",
                onConfirm: () => runAction(actions.remove, { userId: member.userId }).then(toastOnSuccess(`${name} was removed.`)),
              }
            : confirm === "leave"
              ? {
                  title: `Leave this ${TENANT_LABEL.singular}?`,
                  description: "You lose access at once. Someone will have to invite you to come back.",
                  confirmLabel: "Leave",
                  pendingLabel: "Leaving…",
                  onConfirm: () => runAction(actions.leave, {}),
                }
              : {
                  title: `Make ${name} the owner?`,
                  description: "They become an owner and you become an admin. Only an owner can make you owner again.",
                  confirmLabel: "Transfer ownership",
                  pendingLabel: "Transferring…",
                  onConfirm: () => runAction(actions.transfer, { userId: member.userId }).then(toastOnSuccess(`${name} is now the owner.`)),
                })}
        />
      )}
    </>
  );
}
