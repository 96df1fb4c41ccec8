import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, activityLog, authenticators, emailChanges, memberships, sessions, tenants, userAvatars, users } from "@/db/schema";
import { BATCH_ROWS, keysetRows, once, type ExportTable } from "./sources";

/** What an account export holds: the person's own data. No session tokens, no OAuth tokens. */
export function accountExportTables(userId: string): ExportTable[] {
  return [
    {
      name: "profile",
      columns: ["id", "name", "email", "emailVerified", "image", "createdAt"],
      rows: () =>
        once(() =>
          db.select({ id: users.id, name: users.name, email: users.email, emailVerified: users.emailVerified, image: users.image, createdAt: users.createdAt }).from(users).where(eq(users.id, userId)),
        ),
    },
    {
      name: "memberships",
      columns: ["workspace", "slug", "role", "joinedAt"],
      rows: () =>
        once(() =>
          db
            .select({ workspace: tenants.name, slug: tenants.slug, role: memberships.role, joinedAt: memberships.joinedAt })
            .from(memberships)
            .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
            .where(and(eq(memberships.userId, userId), isNull(tenants.deletedAt)))
            .orderBy(asc(tenants.name)),
        ),
    },
    {
      name: "sign_in_methods",
      columns: ["provider", "type"],
      rows: () => once(() => db.select({ provider: accounts.provider, type: accounts.type }).from(accounts).where(eq(accounts.userId, userId))),
    },
    {
      // What the user sees of each passkey; the public key is the credential's, not theirs to need.
      name: "passkeys",
      columns: ["name", "createdAt", "lastUsedAt", "deviceType", "backedUp"],
      rows: () =>
        once(() =>
          db
            .select({
              name: authenticators.name,
              createdAt: authenticators.createdAt,
              lastUsedAt: authenticators.lastUsedAt,
              deviceType: authenticators.credentialDeviceType,
              backedUp: authenticators.credentialBackedUp,
            })
            .from(authenticators)
            .where(eq(authenticators.userId, userId))
            .orderBy(asc(authenticators.createdAt)),
        ),
    },
    {
      // The uploaded picture itself, so the export holds everything the user gave us.
      name: "avatars",
      columns: ["contentType", "sizeBytes", "updatedAt", "bytesBase64"],
      rows: () =>
        once(async () => {
          const rows = await db.select({ contentType: userAvatars.contentType, bytes: userAvatars.bytes, updatedAt: userAvatars.updatedAt }).from(userAvatars).where(eq(userAvatars.userId, userId));
          return rows.map(({ bytes, ...row }) => ({ ...row, sizeBytes: bytes.length, bytesBase64: bytes.toString("base64") }));
        }),
    },
    {
      // No token hash: only what the user asked for.
      name: "email_changes",
      columns: ["newEmail", "expiresAt", "createdAt"],
      rows: () =>
        once(() => db.select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt, createdAt: emailChanges.createdAt }).from(emailChanges).where(eq(emailChanges.userId, userId))),
    },
    {
      name: "sessions",
      columns: ["expires"],
      rows: () => once(() => db.select({ expires: sessions.expires }).from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.expires))),
    },
    {
      name: "activity",
      columns: ["id", "createdAt", "workspace", "apiKeyId", "apiKeyName", "action", "target", "metadata", "ip"],
      rows: () =>
        keysetRows<{ id: number; tenantId: string }>((after) =>
          db
            .select({ id: activityLog.id, tenantId: activityLog.tenantId, createdAt: activityLog.createdAt, workspace: tenants.name, apiKeyId: activityLog.apiKeyId, apiKeyName: activityLog.apiKeyName, action: activityLog.action, target: activityLog.targetLabel, metadata: activityLog.metadata, ip: activityLog.ip })
            .from(activityLog)
            .innerJoin(tenants, eq(tenants.id, activityLog.tenantId))
            .where(and(eq(activityLog.actorId, userId), after ? gt(activityLog.id, after.id) : undefined))
            .orderBy(asc(activityLog.id))
            .limit(BATCH_ROWS),
        ),
    },
  ];
}
