"use client";

import { LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { useTransition, type ReactNode } from "react";
import type { Activation } from "@/components/ui/on-demand";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ThemeMenuItems } from "./theme-menu-items";

export type AccountMenuProps = {
  user: { name: string | null; email: string | null };
  /** The trigger's face: the user's picture or initials, rendered on the server. */
  avatar: ReactNode;
  /** The trigger's classes, the same as the lightweight trigger's. */
  className: string;
  signOut: () => Promise<void>;
  /** How the lightweight trigger was activated; the menu mounts open. */
  openedWith: Activation;
};

/** The account menu, mounted open the first time its trigger is used. */
export function AccountMenu({ user, avatar, className, signOut, openedWith }: AccountMenuProps) {
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger className={className} aria-label="Account menu">
        {avatar}
      </DropdownMenuTrigger>
      <DropdownMenuContent focusFirstItem={openedWith === "keyboard"}>
        <DropdownMenuLabel>
          <span className="block truncate font-medium">{user.name || "No name yet"}</span>
          <span className="block truncate text-xs text-zinc-500">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <UserRound aria-hidden />
            Account settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <ThemeMenuItems />
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={pending}
          onSelect={(event) => {
            event.preventDefault();
            startTransition(() => signOut());
          }}
        >
          <LogOut aria-hidden />
          {pending ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
