import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, authenticators, users } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { passkeyAddedEmail } from "@/lib/email/templates/passkey-added";
import { NotFoundError } from "@/lib/errors";
import type { SessionUser } from "@/lib/session/session-user";
import { parseOrThrow } from "@/lib/validation";
import { removePasskeySchema, renamePasskeySchema, type RemovePasskeyInput, type RenamePasskeyInput } from "./schemas";

/** Auth.js's id of the passkey provider, and the `accounts.provider` of each passkey. */
export const PASSKEY_PROVIDER_ID = "passkey";

export type Passkey = { credentialId: string; name: string; createdAt: Date; lastUsedAt: Date | null; synced: boolean };

/**
 * Whether this user may add or sign in with a passkey: only with a verified email, read
 * from the database (a passkey never replaces that check, and an unknown user has none).
 */
export async function mayUsePasskey(userId: string | undefined): Promise<boolean> {
  if (!userId) return false;
  const [row] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, userId));
  return Boolean(row?.verified);
}

/** Auth.js's signIn callback: a passkey (added or used) only for a verified email; other methods pass. */
export async function allowSignIn({ user, account }: { user: { id?: string }; account?: { type?: string } | null }): Promise<boolean> {
  return account?.type === "webauthn" ? mayUsePasskey(user.id) : true;
}

/** Auth.js's linkAccount event: a passkey just added is announced to the account's address. */
export async function announceNewPasskey({ user, account }: { user: { email?: string | null }; account: { type?: string } }, appUrl: string): Promise<void> {
  if (account.type !== "webauthn" || !user.email) return;
  await sendEmail({ to: user.email, ...passkeyAddedEmail({ accountUrl: `${appUrl}/account#passkeys` }) });
}

/** The user's own passkeys, oldest first. */
export async function listPasskeys(user: Pick<SessionUser, "id">): Promise<Passkey[]> {
  const rows = await db
    .select({
      credentialId: authenticators.credentialID,
      name: authenticators.name,
      createdAt: authenticators.createdAt,
      lastUsedAt: authenticators.lastUsedAt,
      deviceType: authenticators.credentialDeviceType,
    })
    .from(authenticators)
    .where(eq(authenticators.userId, user.id))
    .orderBy(asc(authenticators.createdAt), asc(authenticators.credentialID));
  return rows.map(({ deviceType, ...passkey }) => ({ ...passkey, synced: deviceType === "multiDevice" }));
}

/** Renames one of the user's passkeys; another user's is not found. */
export async function renamePasskey(user: Pick<SessionUser, "id">, input: RenamePasskeyInput): Promise<void> {
  const { credentialId, name } = parseOrThrow(renamePasskeySchema, input);
  const [row] = await db
    .update(authenticators)
    .set({ name })
    .where(and(eq(authenticators.userId, user.id), eq(authenticators.credentialID, credentialId)))
    .returning({ id: authenticators.credentialID });
  if (!row) throw new NotFoundError("That passkey was not found.");
}

/**
 * Removes one of the user's passkeys: the credential and the account Auth.js linked for
 * it, together, so it can sign no one in again. Signing in by email link still works.
 */
export async function removePasskey(user: Pick<SessionUser, "id">, input: RemovePasskeyInput): Promise<void> {
  const { credentialId } = parseOrThrow(removePasskeySchema, input);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(authenticators)
      .where(and(eq(authenticators.userId, user.id), eq(authenticators.credentialID, credentialId)))
      .returning({ id: authenticators.credentialID });
    if (!row) throw new NotFoundError("That passkey was not found.");
    await tx
      .delete(accounts)
      .where(and(eq(accounts.userId, user.id), eq(accounts.provider, PASSKEY_PROVIDER_ID), eq(accounts.providerAccountId, credentialId)));
  });
}
