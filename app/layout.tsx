import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { DemoBanner } from "@/components/app/demo-banner";
import { TimeZoneSync } from "@/components/app/time-zone-sync";
import { ToastHost } from "@/components/ui/toast-host";
import { APP_NAME } from "@/lib/config/app";
import { parseTheme, THEME_COOKIE, themeClass } from "@/lib/preferences/theme";
import "./globals.css";
import { rememberTimeZone } from "./preferences-actions";

export const metadata: Metadata = {
  title: { default: APP_NAME, template: `%s · ${APP_NAME}` },
  description: "A multi-tenant SaaS starter.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page carries its response's script nonce (proxy.ts), so none may be prerendered.
  await connection();
  // The chosen theme is a class on <html> from the first byte: no flash, no script.
  const theme = themeClass(parseTheme((await cookies()).get(THEME_COOKIE)?.value));
  return (
    <html lang="en" className={[GeistSans.variable, GeistMono.variable, theme].filter(Boolean).join(" ")}>
      <body className="min-h-dvh font-sans">
        <DemoBanner />
        {children}
        <ToastHost />
        <TimeZoneSync remember={rememberTimeZone} />
      </body>
    </html>
  );
}
