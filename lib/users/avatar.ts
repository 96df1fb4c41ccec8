import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { userAvatars, users } from "@/db/schema";
import { NotFoundError, UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/tenancy/context";
import { AVATAR_MAX_BYTES, AVATAR_TOO_BIG, AVATAR_WRONG_TYPE, sniffAvatarType, type AvatarType } from "./avatar-format";
import { avatarPath } from "./avatar-style";

const fieldError = (message: string) => new UserError(message, { avatar: [message] });

/**
 * Stores the picture and points `users.image` at it, in one transaction. The file's
 * bytes decide its type; its name and claimed type are ignored. Returns the new URL.
 */
export async function uploadAvatar(user: Pick<SessionUser, "id">, file: unknown): Promise<string> {
  if (!(file instanceof Blob) || file.size === 0) throw fieldError("Choose a picture to upload.");
  // Checked before reading: a larger file is refused without being held in memory.
  if (file.size > AVATAR_MAX_BYTES) throw fieldError(AVATAR_TOO_BIG);
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length > AVATAR_MAX_BYTES) throw fieldError(AVATAR_TOO_BIG);
  const contentType = sniffAvatarType(bytes);
  if (!contentType) throw fieldError(AVATAR_WRONG_TYPE);
  // Milliseconds: the version in the URL must match the stored time exactly.
  const updatedAt = new Date();
  const image = avatarPath(user.id, updatedAt);
  await db.transaction(async (tx) => {
    const [found] = await tx.update(users).set({ image }).where(eq(users.id, user.id)).returning({ id: users.id });
    if (!found) throw new NotFoundError("This account no longer exists.");
    await tx
      .insert(userAvatars)
      .values({ userId: user.id, contentType, bytes, updatedAt })
      .onConflictDoUpdate({ target: userAvatars.userId, set: { contentType, bytes, updatedAt } });
  });
  return image;
}

/**
 * Deletes the uploaded picture. `users.image` is cleared only while it points at it: a
 * sign-in provider's picture set since stays.
 */
export async function removeAvatar(user: Pick<SessionUser, "id">): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(userAvatars).where(eq(userAvatars.userId, user.id));
    await tx
      .update(users)
      .set({ image: null })
      .where(and(eq(users.id, user.id), sql`starts_with(${users.image}, ${`/api/avatars/${encodeURIComponent(user.id)}?`})`));
  });
}

export type StoredAvatar = { contentType: AvatarType; bytes: Buffer; updatedAt: Date };

// User ids are UUIDs (Auth.js's adapter, the factories); anything else is not looked up
// (Postgres refuses NUL in text, and there is no point asking about a megabyte of path).
const USER_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The picture a user uploaded, or null (unknown user, none uploaded, or not an id at all). */
export async function getAvatar(userId: string): Promise<StoredAvatar | null> {
  if (!USER_ID.test(userId)) return null;
  const [row] = await db
    .select({ contentType: userAvatars.contentType, bytes: userAvatars.bytes, updatedAt: userAvatars.updatedAt })
    .from(userAvatars)
    .where(eq(userAvatars.userId, userId));
  return row ? { ...row, contentType: row.contentType as AvatarType } : null;
}
