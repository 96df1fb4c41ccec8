import Link from "next/link";
import { Button } from "@/components/ui/button";

// The same page for a tenant that does not exist and one the user is not in.
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-medium text-zinc-500">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-zinc-600">This page does not exist, or you do not have access to it. Check the address, or ask for an invitation.</p>
      <Button asChild>
        <Link href="/">Go to your dashboard</Link>
      </Button>
    </main>
  );
}
