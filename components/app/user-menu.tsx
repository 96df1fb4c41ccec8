import { UserMenuTrigger } from "./user-menu-trigger";

function initialsOf(name: string | null, email: string | null) {
  const source = name?.trim() || email || "?";
  const parts = source.split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (name && parts[1] ? parts[1][0] : "")).toUpperCase();
}

/**
 * The signed-in user's initials, opening a menu with their account and signing out.
 * Rendered on the server; the menu's code is fetched when someone reaches for it.
 */
export function UserMenu({
  user,
  signOut,
}: {
  user: { name: string | null; email: string | null };
  signOut: () => Promise<void>;
}) {
  return (
    <UserMenuTrigger
      user={{ name: user.name, email: user.email }}
      initials={initialsOf(user.name, user.email)}
      className="flex size-9 items-center justify-center rounded-full bg-zinc-900 text-sm font-medium text-white hover:bg-zinc-700"
      signOut={signOut}
    />
  );
}
