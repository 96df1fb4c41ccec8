import Link from "next/link";
import type { ReactNode } from "react";
import { APP_NAME } from "@/lib/config/app";
import type { CreateTenantAction } from "./create-tenant-dialog";
import type { FormAction } from "@/lib/actions/run-action";
import type { DomainSuggestion } from "@/lib/tenancy/context";
import type { TenantOption } from "@/lib/tenancy/context";
import { TenantSelector } from "./tenant-selector";
import { UserMenu } from "./user-menu";

export function Logo() {
  return (
    <span className="flex items-center gap-2 font-semibold">
      <span aria-hidden className="flex size-7 items-center justify-center rounded-lg bg-zinc-900 text-sm text-white">
        {APP_NAME[0]}
      </span>
      <span className="sr-only sm:not-sr-only">{APP_NAME}</span>
    </span>
  );
}

export function AppHeader({
  user,
  tenants,
  currentSlug,
  createTenant,
  suggestions,
  joinSuggestion,
  signOut,
  nav,
}: {
  user: { id: string; name: string | null; email: string | null; image: string | null };
  tenants: TenantOption[];
  currentSlug?: string;
  createTenant: CreateTenantAction;
  /** Workspaces the user may join by their verified email's domain, offered in the selector with `joinSuggestion`. */
  suggestions?: DomainSuggestion[];
  joinSuggestion?: FormAction;
  signOut: () => Promise<void>;
  nav?: ReactNode;
}) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:px-6">
        <Link href="/" className="rounded-md">
          <Logo />
        </Link>
        <span aria-hidden className="text-zinc-300">
          /
        </span>
        <TenantSelector tenants={tenants} currentSlug={currentSlug} createTenant={createTenant} suggestions={suggestions} joinSuggestion={joinSuggestion} />
        <div className="ml-auto">
          <UserMenu user={user} signOut={signOut} />
        </div>
      </div>
      {nav && <div className="mx-auto max-w-6xl px-2 sm:px-4">{nav}</div>}
    </header>
  );
}
