import "server-only";
import { and, isNotNull, isNull, lt, or } from "drizzle-orm";
import { db } from "@/db/client";
import { apiIdempotencyKeys, dataExports, emailOutbox, invitations, rateLimits, sessions, verificationTokens, webhookEvents, emailChanges } from "@/db/schema";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long what is over is kept before the cleanup job removes it. */
export const RETENTION = {
  /** Expired, revoked or declined invitations stay listed (and resendable) this long. */
  closedInvitationDays: 30,
  /** Rate-limit windows are at most 15 minutes; a day covers every rule. */
  rateLimitWindowDays: 1,
  outboxDays: 7,
  /** Exports that failed (or never finished) are dropped after this long; ready ones when their link expires. */
  unfinishedExportDays: 7,
  /** Webhook events, with their delivery log, stay resendable this long (the retries end after about three days). */
  webhookEventDays: 30,
  /** An Idempotency-Key's first answer is replayed for a day. */
  idempotencyKeyDays: 1,
} as const;

export type CleanupResult = Record<"sessions" | "verificationTokens" | "emailChanges" | "invitations" | "rateLimits" | "outbox" | "exports" | "webhookEvents" | "idempotencyKeys", number>;

/** The `maintenance-cleanup` job: deletes what has expired. Safe to run twice. */
export async function cleanUpExpired(now = new Date()): Promise<CleanupResult> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const closedBefore = daysAgo(RETENTION.closedInvitationDays);
  const count = async (query: Promise<unknown[]>) => (await query).length;
  return {
    sessions: await count(db.delete(sessions).where(lt(sessions.expires, now)).returning({ token: sessions.sessionToken })),
    verificationTokens: await count(db.delete(verificationTokens).where(lt(verificationTokens.expires, now)).returning({ token: verificationTokens.token })),
    emailChanges: await count(db.delete(emailChanges).where(lt(emailChanges.expiresAt, now)).returning({ userId: emailChanges.userId })),
    invitations: await count(
      db
        .delete(invitations)
        .where(
          and(
            isNull(invitations.acceptedAt),
            or(lt(invitations.expiresAt, closedBefore), and(isNotNull(invitations.revokedAt), lt(invitations.revokedAt, closedBefore)), and(isNotNull(invitations.declinedAt), lt(invitations.declinedAt, closedBefore))),
          ),
        )
        .returning({ id: invitations.id }),
    ),
    rateLimits: await count(db.delete(rateLimits).where(lt(rateLimits.windowStart, daysAgo(RETENTION.rateLimitWindowDays))).returning({ key: rateLimits.key })),
    exports: await count(
      db
        .delete(dataExports)
        .where(or(lt(dataExports.expiresAt, now), and(isNull(dataExports.expiresAt), lt(dataExports.createdAt, daysAgo(RETENTION.unfinishedExportDays)))))
        .returning({ id: dataExports.id }),
    ),
    webhookEvents: await count(db.delete(webhookEvents).where(lt(webhookEvents.createdAt, daysAgo(RETENTION.webhookEventDays))).returning({ id: webhookEvents.id })),
    idempotencyKeys: await count(
      db.delete(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.createdAt, daysAgo(RETENTION.idempotencyKeyDays))).returning({ key: apiIdempotencyKeys.key }),
    ),
    outbox: await count(db.delete(emailOutbox).where(lt(emailOutbox.createdAt, daysAgo(RETENTION.outboxDays))).returning({ id: emailOutbox.id })),
  };
}
