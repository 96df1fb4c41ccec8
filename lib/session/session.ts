import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { prepared } from "@/db/prepared";
import { sessions, users } from "@/db/schema";
import type { SessionUser } from "./session-user";
import { sessionTokenFrom } from "./session-cookies";

/** The database session's token from the request's cookie, if any. */
export async function readSessionToken(): Promise<string | null> {
  return sessionTokenFrom(await cookies());
}

/**
 * Where a session row counts: the token in the `sessionToken` placeholder, not expired.
 * Auth.js's table stays the truth.
 */
export const liveSession = () => and(eq(sessions.sessionToken, sql.placeholder("sessionToken")), gt(sessions.expires, sql`now()`));

export const sessionUserColumns = { id: users.id, name: users.name, email: users.email, image: users.image };

const sessionUser = prepared((db) =>
  db.select(sessionUserColumns).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(liveSession()).limit(1).prepare("session_user"),
  { onServer: true },
);

/** The user of a live session, in one statement; null for an unknown or expired token. */
export async function findSessionUser(sessionToken: string): Promise<SessionUser | null> {
  const [row] = await sessionUser({ sessionToken });
  return row ?? null;
}
