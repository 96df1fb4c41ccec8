import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { SessionUser } from "@/lib/tenants/context";
import { auth } from "./auth";
import { signInUrl } from "./callback-url";

/** The signed-in user, read once per request from the database session. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? null, email: user.email ?? null, image: user.image ?? null };
});

/**
 * The signed-in user, or a redirect to sign-in that comes back to the page asked for
 * (as proxy.ts recorded it), else to `fallback`.
 */
export async function requireUser(fallback = "/"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInUrl((await headers()).get("x-return-to") ?? fallback));
  return user;
}
