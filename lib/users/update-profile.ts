import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { SessionUser } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { profileSchema, type ProfileInput } from "./schemas";

export async function updateProfile(user: Pick<SessionUser, "id">, input: ProfileInput) {
  const { name } = parseOrThrow(profileSchema, input);
  const [row] = await db.update(users).set({ name }).where(eq(users.id, user.id)).returning({ id: users.id, name: users.name });
  if (!row) throw new NotFoundError("User not found");
  return row;
}
