"use server";

import { getCurrentUser } from "@/lib/session/current-user";
import { saveTimeZone } from "@/lib/users/time-zone";

/** Called by the browser when its time zone is new or changed; signed out, the cookie is enough. */
export async function rememberTimeZone(zone: unknown): Promise<void> {
  if (typeof zone !== "string") return;
  const user = await getCurrentUser();
  if (user) await saveTimeZone(user.id, zone);
}
