import { CircleAlert } from "@/components/ui/icons";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { INVALID_INVITE_LINK_TEXT } from "@/lib/invite-links/copy";

// One page for every link that does not work (expired, used up, revoked, its workspace
// deleted, its creator no longer allowed, or never issued), so it reveals nothing about which.
export default function InvalidInviteLink() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-6 text-center shadow-sm sm:p-8">
        <CircleAlert className="mx-auto size-10 text-zinc-500" aria-hidden />
        <h1 className="mt-4 text-xl font-semibold">Invite link not valid</h1>
        <p className="mt-2 text-sm text-zinc-600">{INVALID_INVITE_LINK_TEXT}</p>
        <Button asChild variant="outline" className="mt-6">
          <Link href="/">Go to the app</Link>
        </Button>
      </div>
    </main>
  );
}
