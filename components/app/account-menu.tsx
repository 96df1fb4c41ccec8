"use client";

import { LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { useRef, useTransition } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type AccountMenuProps = {
  user: { name: string | null; email: string | null };
  initials: string;
  /** The trigger's classes, the same as the lightweight trigger's. */
  className: string;
  signOut: () => Promise<void>;
  /** How the lightweight trigger was activated; the menu mounts open. */
  openedWith: "pointer" | "keyboard";
};

/** The account menu, mounted open the first time its trigger is used. */
export function AccountMenu({ user, initials, className, signOut, openedWith }: AccountMenuProps) {
  const [pending, startTransition] = useTransition();
  const firstOpen = useRef(true);
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger className={className} aria-label="Account menu">
        {initials}
      </DropdownMenuTrigger>
      <DropdownMenuContent
        onFocus={(event) => {
          // Opened from the keyboard before this menu existed: start on the first item,
          // as the menu does by itself when it is opened from the keyboard.
          if (!firstOpen.current || event.target !== event.currentTarget) return;
          firstOpen.current = false;
          if (openedWith === "keyboard") event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus();
        }}
      >
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
