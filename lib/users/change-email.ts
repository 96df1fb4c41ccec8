import "server-only";
import { hashLinkToken, newLinkToken } from "@/lib/security/link-token";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { emailChanges, users, verificationTokens } from "@/db/schema";
import type { SessionUser } from "@/lib/session/session-user";
import { sendEmail } from "@/lib/email/send-email";
import { confirmNewEmailEmail, emailAlreadyUsedEmail, emailChangeNoticeEmail } from "@/lib/email/templates/email-change";
import { NotFoundError, UserError } from "@/lib/errors";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit/rate-limit";
import { parseOrThrow } from "@/lib/validation";
import { changeEmailSchema, type ChangeEmailInput } from "./schemas";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

/** Change requests per account and per new address, per hour: each sends two emails. */
export const EMAIL_CHANGE_LIMITS = {
  perUser: { limit: 5, windowSeconds: 60 * 60 },
  perAddress: { limit: 5, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/** The link's page; for what cannot be a token (a hand-edited URL), the account page. */
export const emailChangePath = (token: string) => (TOKEN.test(token) ? `/account/confirm-email/${token}` : "/account");

export type PendingEmailChange = { newEmail: string; expiresAt: Date };

const sameAddress = (a: string | null | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase();

/** Another account with this address, compared as sign-in compares them (without case). */
async function addressTaken(executor: Executor, email: string, userId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, ne(users.id, userId)))
    .limit(1);
  return !!row;
}

/**
 * Starts a change of address: mails a link to the new address and a notice to the old
 * one, in the transaction that stores the request (only the link token's hash), which
 * replaces any earlier one. An address that already has an account gets a note instead
 * of a link, and the asker sees the same as for any address: asking tells nobody
 * whether an address is registered.
 */
export async function requestEmailChange(user: Pick<SessionUser, "id">, input: ChangeEmailInput, appUrl: string): Promise<PendingEmailChange> {
  const { email } = parseOrThrow(changeEmailSchema, input);
  const [current] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
  if (!current) throw new NotFoundError("This account no longer exists.");
  if (sameAddress(current.email, email)) {
    throw new UserError("That is already your address.", { email: [`${email} is already your address. Enter the new one.`] });
  }
  const checks: [string, RateLimit][] = [
    [`email-change:user:${user.id}`, EMAIL_CHANGE_LIMITS.perUser],
    [`email-change:to:${email}`, EMAIL_CHANGE_LIMITS.perAddress],
  ];
  for (const [key, rule] of checks) {
    const result = await consumeRateLimit(key, rule);
    if (!result.allowed) {
      throw new UserError(`Too many requests to change the address. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`);
    }
  }

  const { token, hash } = newLinkToken();
  const expiresAt = new Date(Date.now() + EMAIL_CHANGE_TTL_MS);
  await db.transaction(async (tx) => {
    const [me] = await tx.select({ email: users.email, timeZone: users.timeZone }).from(users).where(eq(users.id, user.id)).for("update");
    if (!me) throw new NotFoundError("This account no longer exists.");
    const change = { newEmail: email, tokenHash: hash, expiresAt, createdAt: new Date() };
    await tx.insert(emailChanges).values({ userId: user.id, ...change }).onConflictDoUpdate({ target: emailChanges.userId, set: change });
    const message = (await addressTaken(tx, email, user.id))
      ? emailAlreadyUsedEmail({ newEmail: email, signInUrl: `${appUrl}/sign-in` })
      : confirmNewEmailEmail({ newEmail: email, url: `${appUrl}${emailChangePath(token)}`, expiresAt, timeZone: me.timeZone });
    await sendEmail({ to: email, ...message }, { executor: tx });
    if (me.email) {
      const notice = emailChangeNoticeEmail({ oldEmail: me.email, newEmail: email, accountUrl: `${appUrl}/account`, expiresAt, timeZone: me.timeZone });
      await sendEmail({ to: me.email, ...notice }, { executor: tx });
    }
  });
  return { newEmail: email, expiresAt };
}

/** The user's change waiting for confirmation, if any and not expired. */
export async function pendingEmailChange(userId: string): Promise<PendingEmailChange | null> {
  const [row] = await db
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), gt(emailChanges.expiresAt, new Date())));
  return row ?? null;
}

/** Calls the pending change off: its link stops working. */
export async function cancelEmailChange(user: Pick<SessionUser, "id">): Promise<void> {
  await db.delete(emailChanges).where(eq(emailChanges.userId, user.id));
}

export const INVALID_LINK_MESSAGE = "This link is not valid. It was used, cancelled, or replaced by a newer request. Ask again from your account settings.";
export const OTHER_ACCOUNT_MESSAGE = "This link is for another account. Sign in to the account that asked for the change to confirm it.";
export const EXPIRED_LINK_MESSAGE = "This link has expired. Ask again from your account settings.";
const takenMessage = (email: string) => `${email} now belongs to another account, so your address was not changed.`;

export type EmailChangeLink =
  | { status: "invalid" | "other-account" | "expired"; message: string }
  | { status: "taken"; newEmail: string; message: string }
  | { status: "ready"; newEmail: string };

async function inspect(executor: Executor, user: Pick<SessionUser, "id">, token: unknown, lock: boolean): Promise<EmailChangeLink> {
  // Tokens are 43 base64url characters; anything that cannot be one is not looked up.
  if (typeof token !== "string" || !TOKEN.test(token)) return { status: "invalid", message: INVALID_LINK_MESSAGE };
  const query = executor.select().from(emailChanges).where(eq(emailChanges.tokenHash, hashLinkToken(token)));
  const [change] = lock ? await query.for("update") : await query;
  if (!change) return { status: "invalid", message: INVALID_LINK_MESSAGE };
  if (change.userId !== user.id) return { status: "other-account", message: OTHER_ACCOUNT_MESSAGE };
  if (change.expiresAt.getTime() <= Date.now()) return { status: "expired", message: EXPIRED_LINK_MESSAGE };
  if (await addressTaken(executor, change.newEmail, user.id)) return { status: "taken", newEmail: change.newEmail, message: takenMessage(change.newEmail) };
  return { status: "ready", newEmail: change.newEmail };
}

/** What the link's page should say to this signed-in user; changes nothing. */
export function inspectEmailChangeLink(user: Pick<SessionUser, "id">, token: unknown): Promise<EmailChangeLink> {
  return inspect(db, user, token, false);
}

/**
 * Makes the change, in one transaction: the new address, verified now (the link proved
 * it), the request used up, and sign-in links still out for the old address voided. Only
 * the account that asked, only once, only before expiry, and never onto an address
 * another account has taken since.
 */
export async function confirmEmailChange(user: Pick<SessionUser, "id">, token: unknown): Promise<{ email: string }> {
  try {
    return await db.transaction(async (tx) => {
      const link = await inspect(tx, user, token, true);
      if (link.status !== "ready") throw new UserError(link.message);
      const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, user.id)).for("update");
      if (!before) throw new NotFoundError("This account no longer exists.");
      await tx.update(users).set({ email: link.newEmail, emailVerified: new Date() }).where(eq(users.id, user.id));
      await tx.delete(emailChanges).where(eq(emailChanges.userId, user.id));
      if (before.email) await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, before.email.toLowerCase()));
      return { email: link.newEmail };
    });
  } catch (error) {
    // Another account took the address between the check and the update.
    if (isUniqueViolation(error, "users_email_unique")) {
      const [row] = await db.select({ newEmail: emailChanges.newEmail }).from(emailChanges).where(eq(emailChanges.userId, user.id));
      throw new UserError(takenMessage(row?.newEmail ?? "That address"));
    }
    throw error;
  }
}
