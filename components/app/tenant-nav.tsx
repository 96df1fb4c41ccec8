"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/**
 * The tenant's sections; the current one is marked for eyes and screen readers.
 * A client component only to read the path; plain class strings keep tailwind-merge out of it.
 */
export function TenantNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const active = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav aria-label="Sections" className="-mb-px flex gap-1 overflow-x-auto">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item === active ? "page" : undefined}
          className={`border-b-2 px-3 py-2.5 text-sm whitespace-nowrap transition-colors ${
            item === active ? "border-zinc-900 font-medium text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-900"
          }`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
