"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/format/time-zone-cookie";

// Once per page load: with cookies refused, setting it again after each refresh would never end.
let synced = false;

/**
 * Tells the server the browser's time zone (a cookie), so dates render in it. Only when
 * it is new or changed: then the page is drawn again in the right zone, once.
 */
export function TimeZoneSync({ remember }: { remember: (zone: string) => Promise<void> }) {
  const router = useRouter();
  useEffect(() => {
    if (synced) return;
    synced = true;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie.match(new RegExp(`(?:^|; )${TIME_ZONE_COOKIE}=([^;]*)`))?.[1];
    if (current && decodeURIComponent(current) === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${60 * 60 * 24 * 400}; samesite=lax`;
    void remember(zone).catch(() => {});
    router.refresh();
  }, [router, remember]);
  return null;
}
