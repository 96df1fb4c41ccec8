import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { activityLog, apiKeys, dataExports, memberships, tenants, users, verificationTokens } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { queueSeatSync } from "@/lib/billing/seats";
import { sendEmail } from "@/lib/email/send-email";
import { accountDeletedEmail } from "@/lib/email/templates/account-deleted";
import { NotFoundError, UserError } from "@/lib/errors";
import type { Role } from "@/lib/permissions/roles";
import type { SessionUser } from "@/lib/tenancy/context";
import { softDeleteTenant } from "@/lib/tenants/delete-tenant";
import { parseOrThrow } from "@/lib/validation";
import { toMemberResource } from "@/lib/resources/member";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { deleteAccountSchema, type DeleteAccountInput } from "./schemas";

/** How a deleted user appears in activity logs. */
export const DELETED_USER_LABEL = "Deleted user";

export type MyTenant = { id: string; slug: string; name: string; role: Role; joinedAt: Date; members: number; owners: number };

const others = alias(memberships, "others");

/** The user's live workspaces, each with its member and owner counts. */
async function myTenants(executor: Executor, userId: string): Promise<MyTenant[]> {
  return executor
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
      members: sql<number>`(SELECT count(*) FROM ${memberships} ${others} WHERE ${others.tenantId} = ${tenants.id})`.mapWith(Number),
      owners: sql<number>`(SELECT count(*) FROM ${memberships} ${others} WHERE ${others.tenantId} = ${tenants.id} AND ${others.role} = 'owner')`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), isNull(tenants.deletedAt)))
    .orderBy(tenants.name);
}

/** Workspaces that would be left with members but no owner: while there is one, the account stays. */
export const blockersOf = (list: MyTenant[]) => list.filter((t) => t.role === "owner" && t.owners === 1 && t.members > 1);
/** Workspaces the user is alone in: deleted with the account. */
export const soloTenantsOf = (list: MyTenant[]) => list.filter((t) => t.members === 1);

/** What deleting the account would do now: what blocks it, and which workspaces go with it. */
export async function accountDeletionPlan(user: Pick<SessionUser, "id">) {
  const list = await myTenants(db, user.id);
  return { blockers: blockersOf(list), deletedWithAccount: soloTenantsOf(list) };
}

/**
 * Deletes the account for good, in one transaction: sessions, sign-in methods and
 * memberships go at once (so every device is signed out), API keys it created are
 * revoked, its activity-log entries stay but name a "Deleted user", and workspaces it
 * alone belongs to are deleted (the 30-day rule; nobody is left to restore them).
 * Refused while it is the only owner of a workspace with other members.
 */
export async function deleteAccount(user: SessionUser, input: DeleteAccountInput, ip: string | null, appUrl: string): Promise<void> {
  const { confirmEmail } = parseOrThrow(deleteAccountSchema, input);
  if (!user.email || confirmEmail.toLowerCase() !== user.email.toLowerCase()) {
    throw new UserError("The email address does not match.", { confirmEmail: [`Type ${user.email ?? "your email address"} exactly to delete your account.`] });
  }
  const email = user.email;
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    if (!locked) throw new NotFoundError("This account no longer exists.");
    // The workspace rows, as every membership change locks them (in id order, so two
    // deletions cannot deadlock): no owner leaves or joins while the counts below are read.
    await tx
      .select({ id: tenants.id })
      .from(tenants)
      .innerJoin(memberships, eq(memberships.tenantId, tenants.id))
      .where(eq(memberships.userId, user.id))
      .orderBy(tenants.id)
      .for("update", { of: tenants });
    const list = await myTenants(tx, user.id);
    const blockers = blockersOf(list);
    if (blockers.length > 0) {
      const names = blockers.map((t) => t.name).join(", ");
      throw new UserError(
        `You are the only owner of ${names}, which has other members. Make someone else an owner there, or delete it, first.`,
        undefined,
        { href: `/t/${blockers[0]!.slug}/members`, label: `Open the members of ${blockers[0]!.name}` },
      );
    }
    for (const tenant of soloTenantsOf(list)) {
      const [row] = await tx.select().from(tenants).where(eq(tenants.id, tenant.id));
      await softDeleteTenant({ tenant: row!, user, ip }, tx, appUrl);
    }
    for (const tenant of list.filter((t) => t.members > 1)) {
      await recordActivity(tx, { tenantId: tenant.id, actor: null, actorLabel: DELETED_USER_LABEL, ip, action: "account.deleted" });
      // Their id only: the name and address leave with the account.
      await emitWebhookEvent(tx, tenant.id, {
        type: "member.removed",
        data: { member: toMemberResource({ userId: user.id, name: null, email: null, role: tenant.role, joinedAt: tenant.joinedAt }), reason: "account_deleted" },
      });
      await queueSeatSync(tx, tenant.id);
    }
    await tx.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.createdById, user.id), isNull(apiKeys.revokedAt)));
    // What they did stays; who did it, and from which address, does not.
    await tx.update(activityLog).set({ actorLabel: DELETED_USER_LABEL, ip: null }).where(eq(activityLog.actorId, user.id));
    // Their own account's exports go; workspace exports they asked for stay for the other admins.
    await tx.delete(dataExports).where(and(eq(dataExports.kind, "account"), eq(dataExports.requestedById, user.id)));
    await tx
      .update(activityLog)
      .set({ targetLabel: DELETED_USER_LABEL })
      .where(and(eq(activityLog.targetType, "user"), eq(activityLog.targetId, user.id)));
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email.toLowerCase()));
    await sendEmail({ to: email, ...accountDeletedEmail({ email }) }, { executor: tx });
    // Cascades: sessions, accounts, memberships.
    await tx.delete(users).where(eq(users.id, user.id));
  });
}
