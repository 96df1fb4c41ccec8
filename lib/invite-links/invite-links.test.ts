import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createTenant, createUser } from "@/db/factories";
import { activityLog, inviteLinks, memberships, tenants } from "@/db/schema";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import { changeMemberRole } from "@/lib/members/change-role";
import { removeMember } from "@/lib/members/remove-member";
import { TenantFullError } from "@/lib/plans/limits";
import type { SessionUser } from "@/lib/tenancy/context";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { createInviteLink } from "./create-invite-link";
import { findUsableInviteLink, listInviteLinks } from "./invite-links";
import { InvalidInviteLinkError, InviteLinkUsedUpError, joinByInviteLink } from "./join-by-link";
import { revokeInviteLink } from "./revoke-invite-link";
import { hashLinkToken } from "@/lib/security/link-token";

const APP = "http://localhost:3000";
type Tenant = Awaited<ReturnType<typeof createTenant>>;

async function person(name?: string): Promise<SessionUser> {
  const row = await createUser(name ? { name } : {});
  return { id: row.id, name: row.name, email: row.email, image: row.image };
}

const linkRow = async (id: string) => (await db.select().from(inviteLinks).where(eq(inviteLinks.id, id)))[0]!;
const linkCount = async (tenantId: string) => (await db.select({ n: count() }).from(inviteLinks).where(eq(inviteLinks.tenantId, tenantId)))[0]!.n;
const memberCount = async (tenantId: string) => (await db.select({ n: count() }).from(memberships).where(eq(memberships.tenantId, tenantId)))[0]!.n;
const roleOf = async (tenant: Tenant, userId: string) =>
  (await db.select().from(memberships).where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, userId))))[0]?.role ?? null;
const entries = (tenantId: string, action: string) =>
  db.select().from(activityLog).where(and(eq(activityLog.tenantId, tenantId), eq(activityLog.action, action))).orderBy(activityLog.id);

describe("creating invite links", () => {
  it("gives the token once, stores only its hash, and records who made it for which role", async () => {
    const team = await teamOfEveryRole();
    const { link, token, url } = await createInviteLink(team.admin.ctx, { role: "member", maxUses: "5" }, APP);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(url).toBe(`${APP}/join/${token}`);
    expect(link).not.toHaveProperty("tokenHash");

    const row = await linkRow(link.id);
    expect(row).toMatchObject({ tenantId: team.tenant.id, role: "member", createdById: team.admin.user.id, maxUses: 5, uses: 0, revokedAt: null });
    expect(row.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);

    const [created] = await entries(team.tenant.id, "invite_link.created");
    expect(created).toMatchObject({ actorId: team.admin.user.id, targetType: "invite_link", targetId: link.id, metadata: { role: "member", maxUses: 5 } });
    expect(JSON.stringify(created)).not.toContain(token);

    expect(await findUsableInviteLink(token)).toEqual({
      id: link.id,
      tenantId: team.tenant.id,
      role: "member",
      expiresAt: row.expiresAt,
      tenant: { name: team.tenant.name, slug: team.tenant.slug },
      inviter: "Adam Admin",
    });
  });

  it("takes 1, 7 or 30 days and no limit from an empty field", async () => {
    const team = await teamOfEveryRole();
    for (const [expiresInDays, days] of [["1", 1], [30, 30], [undefined, 7], ["", 7]] as const) {
      const { link } = await createInviteLink(team.owner.ctx, { role: "member", expiresInDays: expiresInDays as "7", maxUses: "" }, APP);
      expect(Math.round((link.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(days);
      expect(link.maxUses).toBeNull();
    }
  });

  it("is for owners and admins, never with a role above the creator's", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.member, team.billing]) {
      await expect(createInviteLink(who.ctx, { role: "member" }, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(listInviteLinks(who.ctx)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    for (const role of ["owner", "billing"]) {
      const error = await createInviteLink(team.admin.ctx, { role }, APP).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect((error as Error).message).toMatch(/links you make can be for Admin or Member/);
    }
    expect(await linkCount(team.tenant.id)).toBe(0);
    await createInviteLink(team.owner.ctx, { role: "owner" }, APP);
    await createInviteLink(team.admin.ctx, { role: "admin" }, APP);
    expect(await linkCount(team.tenant.id)).toBe(2);
  });

  it("refuses bad input with a field error and stores nothing", async () => {
    const team = await teamOfEveryRole();
    const bad: [Record<string, unknown>, string][] = [
      [{ role: "member", maxUses: 0 }, "maxUses"],
      [{ role: "member", maxUses: "0" }, "maxUses"],
      [{ role: "member", maxUses: 1001 }, "maxUses"],
      [{ role: "member", maxUses: "abc" }, "maxUses"],
      [{ role: "member", maxUses: "2.5" }, "maxUses"],
      [{ role: "member", maxUses: "1e3" }, "maxUses"],
      [{ role: "member", maxUses: -3 }, "maxUses"],
      [{ role: "member", maxUses: "\u0000" }, "maxUses"],
      [{ role: "member", expiresInDays: 3 }, "expiresInDays"],
      [{ role: "member", expiresInDays: "3" }, "expiresInDays"],
      [{ role: "member", expiresInDays: "never" }, "expiresInDays"],
      [{ role: "boss" }, "role"],
      [{}, "role"],
    ];
    for (const [input, field] of bad) {
      const error = await createInviteLink(team.owner.ctx, input as never, APP).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(UserError);
      expect((error as UserError).fieldErrors?.[field], JSON.stringify(input)).toBeDefined();
    }
    expect(await linkCount(team.tenant.id)).toBe(0);
    expect(await entries(team.tenant.id, "invite_link.created")).toEqual([]);
  });
});

describe("listing invite links", () => {
  it("shows each link's state, uses and creator, newest first, for this tenant only", async () => {
    const team = await teamOfEveryRole();
    const live = await createInviteLink(team.owner.ctx, { role: "member", maxUses: 3 }, APP);
    const expired = await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    await db.update(inviteLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(inviteLinks.id, expired.link.id));
    const usedUp = await createInviteLink(team.admin.ctx, { role: "member", maxUses: 1 }, APP);
    await joinByInviteLink(await person(), usedUp.token);
    const revoked = await createInviteLink(team.admin.ctx, { role: "admin" }, APP);
    await revokeInviteLink(team.owner.ctx, { linkId: revoked.link.id });
    await createInviteLink((await memberOf(null, "owner")).ctx, { role: "member" }, APP);

    const list = await listInviteLinks(team.admin.ctx);
    expect(list.map((l) => [l.id, l.status, l.uses, l.maxUses, l.createdBy])).toEqual([
      [revoked.link.id, "revoked", 0, null, "Adam Admin"],
      [usedUp.link.id, "used_up", 1, 1, "Adam Admin"],
      [expired.link.id, "expired", 0, null, "Olive Owner"],
      [live.link.id, "live", 0, 3, "Olive Owner"],
    ]);
    expect(list[0]).not.toHaveProperty("tokenHash");
  });
});

describe("joining by invite link", () => {
  it("adds the user with the link's role, takes one use, and records it with the joiner as actor", async () => {
    const team = await teamOfEveryRole();
    const { link, token } = await createInviteLink(team.admin.ctx, { role: "admin", maxUses: 3 }, APP);
    const joiner = await person("Jo Joiner");
    expect(await joinByInviteLink(joiner, token, "198.51.100.4")).toEqual({
      tenant: { id: team.tenant.id, name: team.tenant.name, slug: team.tenant.slug },
      alreadyMember: false,
    });
    expect(await roleOf(team.tenant, joiner.id)).toBe("admin");
    expect((await linkRow(link.id)).uses).toBe(1);
    const [used] = await entries(team.tenant.id, "invite_link.used");
    expect(used).toMatchObject({ actorId: joiner.id, actorLabel: "Jo Joiner", ip: "198.51.100.4", targetId: link.id, metadata: { role: "admin" } });
    const [joined] = await entries(team.tenant.id, "member.joined");
    expect(joined).toMatchObject({ actorId: joiner.id, metadata: { role: "admin", via: "invite_link", linkId: link.id } });
  });

  it("gives a max_uses=5 link exactly five memberships out of twenty parallel joins", async () => {
    const owner = await memberOf(await createTenant({ planId: "business" }), "owner");
    const { link, token } = await createInviteLink(owner.ctx, { role: "member", maxUses: 5 }, APP);
    const people = await Promise.all(Array.from({ length: 20 }, () => person()));
    const results = await Promise.allSettled(people.map((p) => joinByInviteLink(p, token)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InviteLinkUsedUpError);
    expect(await memberCount(owner.tenant.id)).toBe(6);
    expect((await linkRow(link.id)).uses).toBe(5);
    expect(await entries(owner.tenant.id, "invite_link.used")).toHaveLength(5);
    expect(await findUsableInviteLink(token)).toBeNull();
  });

  it("refuses a full workspace with TenantFullError and takes no use", async () => {
    const owner = await memberOf(null, "owner"); // Free: 3 members
    const { link, token } = await createInviteLink(owner.ctx, { role: "member" }, APP);
    await joinByInviteLink(await person(), token);
    await joinByInviteLink(await person(), token);
    const late = await person();
    const error = await joinByInviteLink(late, token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantFullError);
    expect((error as TenantFullError).tenantName).toBe(owner.tenant.name);
    expect(await roleOf(owner.tenant, late.id)).toBeNull();
    expect((await linkRow(link.id)).uses).toBe(2);
  });

  it("takes no use from someone already a member", async () => {
    const team = await teamOfEveryRole();
    const { link, token } = await createInviteLink(team.owner.ctx, { role: "admin", maxUses: 1 }, APP);
    expect(await joinByInviteLink(team.member.user, token)).toMatchObject({ alreadyMember: true, tenant: { slug: team.tenant.slug } });
    expect(await roleOf(team.tenant, team.member.user.id)).toBe("member");
    expect((await linkRow(link.id)).uses).toBe(0);
    expect(await entries(team.tenant.id, "invite_link.used")).toEqual([]);
    // A member of a full workspace is told they are in, not that it is full.
    const full = await memberOf(null, "owner");
    const fullLink = await createInviteLink(full.ctx, { role: "member" }, APP);
    await joinByInviteLink(await person(), fullLink.token);
    await joinByInviteLink(await person(), fullLink.token);
    expect(await joinByInviteLink(full.user, fullLink.token)).toMatchObject({ alreadyMember: true });
    // The same person ten times in parallel: one membership, one use, and every answer says they are in.
    const open = await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    const joiner = await person();
    const results = await Promise.all(Array.from({ length: 10 }, () => joinByInviteLink(joiner, open.token)));
    expect(results.filter((r) => !r.alreadyMember)).toHaveLength(1);
    expect((await linkRow(open.link.id)).uses).toBe(1);
    expect(await entries(team.tenant.id, "invite_link.used")).toHaveLength(1);
  });

  it("refuses an expired link, a revoked one, a deleted workspace's and unknown tokens", async () => {
    const team = await teamOfEveryRole();
    const expired = await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    await db.update(inviteLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(inviteLinks.id, expired.link.id));
    const revoked = await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    await revokeInviteLink(team.admin.ctx, { linkId: revoked.link.id });
    const gone = await memberOf(await createTenant({ planId: "pro" }), "owner");
    const deleted = await createInviteLink(gone.ctx, { role: "member" }, APP);
    await db.update(tenants).set({ deletedAt: new Date() }).where(eq(tenants.id, gone.tenant.id));

    const joiner = await person();
    for (const token of [expired.token, revoked.token, deleted.token, "A".repeat(43), "", "\u0000", "x".repeat(10_000), 7, null]) {
      expect(await findUsableInviteLink(token), String(token).slice(0, 10)).toBeNull();
      await expect(joinByInviteLink(joiner, token), String(token).slice(0, 10)).rejects.toBeInstanceOf(InvalidInviteLinkError);
    }
    expect(await roleOf(team.tenant, joiner.id)).toBeNull();
    expect(await roleOf(gone.tenant, joiner.id)).toBeNull();
    for (const link of [expired, revoked, deleted]) expect((await linkRow(link.link.id)).uses).toBe(0);
  });

  it("stops working when its creator can no longer give its role, or leaves", async () => {
    const team = await teamOfEveryRole();
    const admin = await memberOf(team.tenant, "admin", "Ada Admin");
    const { token } = await createInviteLink(admin.ctx, { role: "member" }, APP);
    const other = await memberOf(team.tenant, "admin");
    const second = await createInviteLink(other.ctx, { role: "admin" }, APP);

    await changeMemberRole(team.owner.ctx, { userId: admin.user.id, role: "member" });
    expect(await findUsableInviteLink(token)).toBeNull();
    await expect(joinByInviteLink(await person(), token)).rejects.toBeInstanceOf(InvalidInviteLinkError);
    expect((await listInviteLinks(team.owner.ctx)).find((l) => l.createdBy === "Ada Admin")?.status).toBe("inactive");

    await removeMember(team.owner.ctx, { userId: other.user.id });
    await expect(joinByInviteLink(await person(), second.token)).rejects.toBeInstanceOf(InvalidInviteLinkError);
  });
});

describe("revoking invite links", () => {
  it("stops the link, records it once, and keeps who joined", async () => {
    const team = await teamOfEveryRole();
    const { link, token } = await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    const joiner = await person();
    await joinByInviteLink(joiner, token);
    await revokeInviteLink(team.admin.ctx, { linkId: link.id });
    await revokeInviteLink(team.admin.ctx, { linkId: link.id });
    expect((await linkRow(link.id)).revokedAt).toBeInstanceOf(Date);
    await expect(joinByInviteLink(await person(), token)).rejects.toBeInstanceOf(InvalidInviteLinkError);
    expect(await roleOf(team.tenant, joiner.id)).toBe("member");
    const revoked = await entries(team.tenant.id, "invite_link.revoked");
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ actorId: team.admin.user.id, targetType: "invite_link", targetId: link.id });
  });

  it("is for owners and admins of the link's own tenant: another tenant's id is not found", async () => {
    const team = await teamOfEveryRole();
    const { link, token } = await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    for (const who of [team.member, team.billing]) {
      await expect(revokeInviteLink(who.ctx, { linkId: link.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    const other = await memberOf(null, "owner");
    await expect(revokeInviteLink(other.ctx, { linkId: link.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeInviteLink(team.owner.ctx, { linkId: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(NotFoundError);
    for (const linkId of ["", "not-a-uuid", "\u0000", 7, null]) {
      await expect(revokeInviteLink(team.owner.ctx, { linkId: linkId as string })).rejects.toBeInstanceOf(UserError);
    }
    expect((await linkRow(link.id)).revokedAt).toBeNull();
    expect(await findUsableInviteLink(token)).not.toBeNull();
    expect(await entries(team.tenant.id, "invite_link.revoked")).toEqual([]);
    expect(await entries(other.tenant.id, "invite_link.revoked")).toEqual([]);
  });
});
