import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createSession, createTenant, createUser } from "@/db/factories";
import { accounts, activityLog, apiKeys, dataExports, memberships, sessions, tenants, users } from "@/db/schema";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { listActivity } from "@/lib/activity/list-activity";
import { createCustomer } from "@/lib/customers/customers";
import { listOutbox } from "@/lib/email/outbox";
import { requestAccountExport, requestTenantExport } from "@/lib/exports/request-export";
import { UserError } from "@/lib/errors";
import { transferOwnership } from "@/lib/members/transfer-ownership";
import { deliverQueuedMail } from "@/testing/jobs";
import { contextOf, memberOf } from "@/testing/tenant-context";
import { accountDeletionPlan, deleteAccount, DELETED_USER_LABEL } from "./delete-account";

const APP = "http://localhost:3000";
const RULE = { limit: 1000, windowSeconds: 60 };

describe("deleting an account", () => {
  it("is refused, with the workspaces to fix and a link, while the user is the only owner of a workspace with other members", async () => {
    const owner = await memberOf(null, "owner");
    const colleague = await memberOf(owner.tenant, "member");
    expect((await accountDeletionPlan(owner.user)).blockers.map((t) => t.id)).toEqual([owner.tenant.id]);
    const error = (await deleteAccount(owner.user, { confirmEmail: owner.user.email! }, null, APP).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(owner.tenant.name);
    expect(error.link).toEqual({ href: `/t/${owner.tenant.slug}/members`, label: expect.stringContaining(owner.tenant.name) });
    expect(await db.select().from(users).where(eq(users.id, owner.user.id))).toHaveLength(1);

    // Once someone else owns it, the way is clear.
    await transferOwnership(owner.ctx, { userId: colleague.user.id });
    expect((await accountDeletionPlan(owner.user)).blockers).toEqual([]);
    await deleteAccount(owner.user, { confirmEmail: owner.user.email!.toUpperCase() }, null, APP);
    expect(await db.select().from(users).where(eq(users.id, owner.user.id))).toEqual([]);
  });

  it("needs the account's email typed", async () => {
    const user = await memberOf(null, "owner");
    for (const confirmEmail of ["", "someone@else.test", "\u0007"]) {
      await expect(deleteAccount(user.user, { confirmEmail }, null, APP)).rejects.toBeInstanceOf(UserError);
    }
    expect(await db.select().from(users).where(eq(users.id, user.user.id))).toHaveLength(1);
  });

  it("removes sessions, sign-in methods and memberships, revokes the user's API keys, anonymises their activity, and deletes workspaces they were alone in", async () => {
    const leaver = await memberOf(null, "owner", "Lea Leaver"); // alone in this one
    const shared = await memberOf(await createTenant({ planId: "pro" }), "owner", "Sam Shared");
    await db.insert(memberships).values({ tenantId: shared.tenant.id, userId: leaver.user.id, role: "admin" });
    const ctx = await contextOf(leaver.user, shared.tenant);
    await createCustomer(ctx, { name: "Ada" });
    const { key } = await createApiKey(ctx, { name: "Leaver's key", scopes: ["customers:read"] });
    const { key: othersKey } = await createApiKey(shared.ctx, { name: "Sam's key", scopes: ["customers:read"] });
    await db.insert(accounts).values({ userId: leaver.user.id, type: "oauth", provider: "github", providerAccountId: `gh-${leaver.user.id}` });
    await createSession(leaver.user);

    await deleteAccount(leaver.user, { confirmEmail: leaver.user.email! }, "203.0.113.5", APP);

    for (const table of [sessions, accounts, memberships] as const) {
      expect(await db.select().from(table).where(eq(table.userId, leaver.user.id))).toEqual([]);
    }
    expect(await authenticateApiKey(`Bearer ${key}`, RULE)).toBe("revoked");
    expect(await authenticateApiKey(`Bearer ${othersKey}`, RULE)).toMatchObject({ tenant: { id: shared.tenant.id } });
    const [revoked] = await db.select().from(apiKeys).where(eq(apiKeys.name, "Leaver's key"));
    expect(revoked!.revokedAt).toBeInstanceOf(Date);

    // The shared workspace keeps its history, with the actor anonymised.
    const entries = await listActivity(shared.ctx);
    const labels = entries.entries.map((e) => e.actorLabel);
    expect(labels).toContain(DELETED_USER_LABEL);
    expect(labels).not.toContain("Lea Leaver");
    expect(entries.entries.map((e) => e.action)).toContain("account.deleted");
    const raw = await db.select().from(activityLog).where(eq(activityLog.tenantId, shared.tenant.id)).orderBy(activityLog.id);
    expect(JSON.stringify(raw)).not.toContain("Lea Leaver");
    expect(raw.every((r) => r.actorId !== leaver.user.id)).toBe(true);

    // The workspace they were alone in is deleted (the 30-day rule), the shared one lives.
    expect((await db.select().from(tenants).where(eq(tenants.id, leaver.tenant.id)))[0]!.deletedAt).toBeInstanceOf(Date);
    expect((await db.select().from(tenants).where(eq(tenants.id, shared.tenant.id)))[0]!.deletedAt).toBeNull();
    await deliverQueuedMail();
    expect((await listOutbox(100)).some((m) => m.to === leaver.user.email && m.subject === "Your Starter account was deleted")).toBe(true);
  });

  it("never leaves a workspace without an owner when its two owners delete their accounts at once", async () => {
    const a = await memberOf(null, "owner");
    const b = await memberOf(a.tenant, "owner");
    await memberOf(a.tenant, "member");
    const results = await Promise.allSettled([a, b].map((who) => deleteAccount(who.user, { confirmEmail: who.user.email! }, null, APP)));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const owners = await db.select().from(memberships).where(eq(memberships.tenantId, a.tenant.id));
    expect(owners.filter((m) => m.role === "owner")).toHaveLength(1);
  });

  it("keeps the workspace exports the user asked for, for the other admins, and deletes their account's, and their IP addresses", async () => {
    const team = await memberOf(await createTenant({ planId: "pro" }), "owner");
    const admin = await memberOf(team.tenant, "admin");
    const workspaceExport = await requestTenantExport(admin.ctx, APP);
    const accountExport = await requestAccountExport(admin.user, "198.51.100.77", APP);
    await deleteAccount(admin.user, { confirmEmail: admin.user.email! }, null, APP);
    const left = await db.select().from(dataExports).where(inArray(dataExports.id, [workspaceExport.id, accountExport.id]));
    expect(left.map((e) => [e.id, e.requestedById])).toEqual([[workspaceExport.id, null]]);
    const raw = await db.select().from(activityLog).where(eq(activityLog.tenantId, team.tenant.id)).orderBy(activityLog.id);
    expect(raw.some((r) => r.ip === "198.51.100.77")).toBe(false);
  });

  it("leaves a user who never joined a workspace nothing to trip on", async () => {
    const row = await createUser({ email: `lonely-${Date.now()}@example.test` });
    await deleteAccount({ id: row.id, name: null, email: row.email, image: null }, { confirmEmail: row.email! }, null, APP);
    expect(await db.select().from(users).where(eq(users.id, row.id))).toEqual([]);
  });
});
