import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { validTimeZone } from "@/lib/format/dates";

/** Remembers the zone the user's browser reports, for the emails we send them. */
export async function saveTimeZone(userId: string, zone: string): Promise<boolean> {
  const valid = validTimeZone(zone);
  if (!valid) return false;
  const rows = await db
    .update(users)
    .set({ timeZone: valid })
    .where(and(eq(users.id, userId), sql`${users.timeZone} is distinct from ${valid}`))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The zone to write a user's emails in, or null when their browser never told us. */
export async function timeZoneOf(userId: string): Promise<string | null> {
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return validTimeZone(row?.timeZone);
}
