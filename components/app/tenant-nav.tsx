"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { focusHeadingIfAsked } from "./focus-heading";

export type NavItem = { href: string; label: string };

/** Which ends of the tab strip hide tabs, for the fade that says "scroll for more". */
function hiddenEnds(strip: HTMLElement) {
  const end = strip.scrollWidth - strip.clientWidth;
  return { start: strip.scrollLeft > 1, end: strip.scrollLeft < end - 1 };
}

const FADE = {
  none: "",
  start: "[mask-image:linear-gradient(to_right,transparent,black_2.5rem)]",
  end: "[mask-image:linear-gradient(to_left,transparent,black_2.5rem)]",
  both: "[mask-image:linear-gradient(to_right,transparent,black_2.5rem,black_calc(100%-2.5rem),transparent)]",
};

/**
 * The tenant's sections; the current one is marked for eyes and screen readers. On a
 * narrow screen the strip scrolls, the current tab is scrolled into view, and a fade at
 * either end shows that more tabs wait there. Plain class strings keep tailwind-merge out.
 */
export function TenantNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const strip = useRef<HTMLElement>(null);
  const [ends, setEnds] = useState({ start: false, end: false });
  const active = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];

  useEffect(() => {
    focusHeadingIfAsked();
    const el = strip.current;
    if (!el) return;
    el.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
    const update = () => setEnds(hiddenEnds(el));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [pathname]);

  const fade = ends.start && ends.end ? FADE.both : ends.start ? FADE.start : ends.end ? FADE.end : FADE.none;
  return (
    <nav
      ref={strip}
      aria-label="Sections"
      className={`-mb-px flex gap-1 overflow-x-auto [scrollbar-width:none] ${fade}`}
      onScroll={(event) => setEnds(hiddenEnds(event.currentTarget))}
      data-more-start={ends.start || undefined}
      data-more-end={ends.end || undefined}
    >
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
