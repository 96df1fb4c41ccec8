import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env/env";

/**
 * The app's public origin, for links in emails: AUTH_URL when set, the deployment's
 * URL on Vercel, else (development) the origin of the current request.
 */
export async function getAppUrl(): Promise<string> {
  const env = getEnv();
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  if (process.env.VERCEL_ENV === "production" && process.env.VERCEL_PROJECT_PRODUCTION_URL) {
    return `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}`;
  }
  if (process.env.VERCEL_URL) return `https://${process.env.VERCEL_URL}`;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
}
