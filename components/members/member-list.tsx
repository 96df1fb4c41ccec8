"use client";

import { MoreHorizontal } from "lucide-react";
import { onDemand, useOnDemand } from "@/components/ui/on-demand";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import type { MemberActions, MemberActionsMenuProps, MemberRow as ActionsRow } from "./member-actions";

/** A row of the list: what the menu needs, and the member's picture (`users.image`) when they have one. */
export type MemberRow = ActionsRow & { image?: string | null };
export type { MemberActions };

// The row menu and its dialogs bring Radix's menu, dialog and positioning: fetch them when asked for.
const menu = onDemand(() => import("./member-actions").then((m) => m.MemberActionsMenu));

export function MemberList({ members, actions }: { members: MemberRow[]; actions: MemberActions }) {
  return (
    <ul className="divide-y divide-zinc-200">
      {members.map((member) => (
        <li key={member.userId} className="flex items-center gap-3 px-5 py-3 sm:px-6" data-testid="member-row">
          <Avatar id={member.userId} name={member.name} email={member.email} image={member.image} />
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
          <MemberMenuTrigger member={member} actions={actions} />
        </li>
      ))}
    </ul>
  );
}

/** A row's menu button, until the menu it opens is first wanted. */
function MemberMenuTrigger(props: Omit<MemberActionsMenuProps, "openedWith">) {
  const { Loaded, activated, triggerProps } = useOnDemand(menu, { menu: true });
  const { member } = props;
  if (member.roleChoices.length === 0 && !member.canRemove && !member.canMakeOwner && !member.isMe) return <span className="size-8" />;
  if (Loaded && activated) return <Loaded {...props} openedWith={activated} />;
  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      className="size-8"
      aria-label={`Actions for ${member.name || member.email}`}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      {...triggerProps}
    >
      <MoreHorizontal aria-hidden />
    </Button>
  );
}
