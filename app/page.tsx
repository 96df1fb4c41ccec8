import { Building2, KeyRound, ShieldCheck } from "@/components/ui/icons";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/app/app-header";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/session/current-user";
import { APP_NAME } from "@/lib/config/app";
import { resolveHomePath } from "@/lib/tenants/home";

const FEATURES = [
  { icon: Building2, title: "Workspaces for every team", text: "Belong to several, switch in one click, invite the people you work with." },
  { icon: ShieldCheck, title: "Roles that hold", text: "Owners, admins, members and billing, checked on the server for every action." },
  { icon: KeyRound, title: "Sign in without a password", text: "A link by email, or your GitHub or Google account." },
];

export default async function HomePage() {
  const user = await getCurrentUser();
  if (user) redirect(await resolveHomePath(user));

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-16 w-full max-w-6xl items-center justify-between px-4 sm:px-6">
        <Logo />
        <Button asChild variant="outline">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </header>
      <main className="mx-auto flex w-full max-w-6xl flex-1 flex-col justify-center gap-12 px-4 py-16 sm:px-6">
        <div className="max-w-2xl">
          <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">Your team&apos;s work, in one place.</h1>
          <p className="mt-4 text-lg text-zinc-600">
            {APP_NAME} gives every team its own workspace, with the right people and the right permissions.
          </p>
          <div className="mt-8 flex gap-3">
            <Button asChild size="lg">
              <Link href="/sign-in">Get started</Link>
            </Button>
          </div>
        </div>
        <ul className="grid gap-4 sm:grid-cols-3">
          {FEATURES.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-xl border border-zinc-200 bg-white p-5">
              <Icon className="size-5 text-zinc-700" aria-hidden />
              <h2 className="mt-3 font-medium">{title}</h2>
              <p className="mt-1 text-sm text-zinc-600">{text}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
