import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env/env";

/**
 * The app's public origin, for links in emails: AUTH_URL when set, the deployment's
 * URL on Vercel, else (development) the origin of the current request.
 */
export async function getAppUrl(): Promise<string> {
  const configured = configuredAppUrl();
  if (configured) return configured;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
}

/** The app's public origin when the environment says it (AUTH_URL, Vercel's), for a job outside any request. */
export function configuredAppUrl(): string | null {
  const env = getEnv();
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  if (process.env.VERCEL_ENV === "production" && process.env.VERCEL_PROJECT_PRODUCTION_URL) {
    return `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}`;
  }
  if (process.env.VERCEL_URL) return `https://${process.env.VERCEL_URL}`;
  return null;
}
