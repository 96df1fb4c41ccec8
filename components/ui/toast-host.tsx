"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { FLASH_COOKIE } from "@/lib/actions/flash-cookie";
import { loadSonner, notify, onToastWanted, toasterMounted, toasterUnmounted } from "./toast";

type Sonner = Awaited<ReturnType<typeof loadSonner>>;

/** Reads, then clears, the toast a server action left for the page it redirected to. */
function takeFlash(): string | null {
  const match = document.cookie.match(new RegExp(`(?:^|; )${FLASH_COOKIE}=([^;]*)`));
  if (!match) return null;
  document.cookie = `${FLASH_COOKIE}=; path=/; max-age=0`;
  try {
    return decodeURIComponent(match[1]!).slice(0, 200) || null;
  } catch {
    return null;
  }
}

/** The root layout's toast area; sonner arrives with the first toast. */
export function ToastHost() {
  const [sonner, setSonner] = useState<Sonner | null>(null);
  const pathname = usePathname();

  useEffect(() => onToastWanted(() => void loadSonner().then(setSonner, () => {})), []);

  useEffect(() => {
    const message = takeFlash();
    if (message) notify({ message });
  }, [pathname]);

  useEffect(() => {
    if (!sonner) return;
    toasterMounted(sonner);
    return toasterUnmounted;
  }, [sonner]);

  if (!sonner) return null;
  const { Toaster } = sonner;
  const root = document.documentElement.classList;
  const theme = root.contains("dark") ? "dark" : root.contains("light") ? "light" : "system";
  return <Toaster position="bottom-right" theme={theme} closeButton toastOptions={{ className: "font-sans" }} />;
}
