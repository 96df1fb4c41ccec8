import "server-only";
import { headers } from "next/headers";

/** The client's IP as the edge in front of us reports it (Vercel sets x-forwarded-for). */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || null;
}
