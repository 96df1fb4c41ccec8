import { Avatar } from "@/components/ui/avatar";
import { UserMenuTrigger } from "./user-menu-trigger";

/**
 * The signed-in user's picture (else initials), opening a menu with their account and
 * signing out. Rendered on the server; the menu's code is fetched when someone reaches for it.
 */
export function UserMenu({
  user,
  signOut,
}: {
  user: { id?: string; name: string | null; email: string | null; image?: string | null };
  signOut: () => Promise<void>;
}) {
  return (
    <UserMenuTrigger
      user={{ name: user.name, email: user.email }}
      avatar={<Avatar id={user.id} name={user.name} email={user.email} image={user.image} />}
      className="flex size-9 items-center justify-center rounded-full hover:opacity-90"
      signOut={signOut}
    />
  );
}
