import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activityLog, memberships } from "@/db/schema";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import { contextOf, loadTenantContext, memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { listTenantsForUser } from "@/lib/tenants/queries";
import { changeMemberRole } from "./change-role";
import { LAST_OWNER_MESSAGE, listMembers } from "./members";
import { leaveTenant, removeMember } from "./remove-member";
import { transferOwnership } from "./transfer-ownership";

async function roleOf(tenantId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

describe("listMembers", () => {
  it("shows every role the members, and nothing of other tenants", async () => {
    const team = await teamOfEveryRole();
    await memberOf(null, "owner");
    for (const who of [team.owner, team.admin, team.member, team.billing]) {
      const members = await listMembers(who.ctx);
      expect(members.map((m) => m.role).sort()).toEqual(["admin", "billing", "member", "owner"]);
    }
  });
});

describe("changeMemberRole", () => {
  it("lets an owner change any role, and records it", async () => {
    const team = await teamOfEveryRole();
    await changeMemberRole(team.owner.ctx, { userId: team.member.user.id, role: "admin" });
    expect(await roleOf(team.tenant.id, team.member.user.id)).toBe("admin");
    const [entry] = await db.select().from(activityLog).where(eq(activityLog.action, "member.role_changed"));
    expect(entry).toMatchObject({ tenantId: team.tenant.id, actorId: team.owner.user.id, metadata: { from: "member", to: "admin" }, ip: "203.0.113.7" });
  });

  it("lets an admin manage non-owners, but not touch owners or grant owner or billing", async () => {
    const team = await teamOfEveryRole();
    await changeMemberRole(team.admin.ctx, { userId: team.member.user.id, role: "admin" });
    expect(await roleOf(team.tenant.id, team.member.user.id)).toBe("admin");
    await expect(changeMemberRole(team.admin.ctx, { userId: team.owner.user.id, role: "member" })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(changeMemberRole(team.admin.ctx, { userId: team.billing.user.id, role: "owner" })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(changeMemberRole(team.admin.ctx, { userId: team.member.user.id, role: "billing" })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await roleOf(team.tenant.id, team.owner.user.id)).toBe("owner");
    expect(await roleOf(team.tenant.id, team.billing.user.id)).toBe("billing");
  });

  it("refuses members and billing", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.member, team.billing]) {
      await expect(changeMemberRole(who.ctx, { userId: team.admin.user.id, role: "member" })).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await roleOf(team.tenant.id, team.admin.user.id)).toBe("admin");
  });

  it("never leaves a tenant without an owner", async () => {
    const team = await teamOfEveryRole();
    await expect(changeMemberRole(team.owner.ctx, { userId: team.owner.user.id, role: "admin" })).rejects.toThrow(LAST_OWNER_MESSAGE);
    expect(await roleOf(team.tenant.id, team.owner.user.id)).toBe("owner");

    await changeMemberRole(team.owner.ctx, { userId: team.admin.user.id, role: "owner" });
    await changeMemberRole(team.owner.ctx, { userId: team.owner.user.id, role: "admin" });
    expect(await roleOf(team.tenant.id, team.owner.user.id)).toBe("admin");
  });

  it("lets only one of two owners demote the other at the same moment", async () => {
    const a = await memberOf(null, "owner");
    const b = await memberOf(a.tenant, "owner");
    const results = await Promise.allSettled([
      changeMemberRole(a.ctx, { userId: b.user.id, role: "member" }),
      changeMemberRole(b.ctx, { userId: a.user.id, role: "member" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The loser is told why (it is no longer an owner), not hit by a deadlock.
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(PermissionDeniedError);
    const roles = [await roleOf(a.tenant.id, a.user.id), await roleOf(a.tenant.id, b.user.id)];
    expect(roles.filter((r) => r === "owner")).toHaveLength(1);
  });

  it("checks the actor's role as it is now, not as the request found it", async () => {
    const team = await teamOfEveryRole();
    const staleAdmin = team.admin.ctx;
    await changeMemberRole(team.owner.ctx, { userId: team.admin.user.id, role: "member" });
    await expect(changeMemberRole(staleAdmin, { userId: team.member.user.id, role: "admin" })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(removeMember(staleAdmin, { userId: team.billing.user.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await roleOf(team.tenant.id, team.member.user.id)).toBe("member");
    expect(await roleOf(team.tenant.id, team.billing.user.id)).toBe("billing");
  });

  it("answers not found for a user of another tenant", async () => {
    const team = await teamOfEveryRole();
    const stranger = await memberOf(null, "member");
    await expect(changeMemberRole(team.owner.ctx, { userId: stranger.user.id, role: "admin" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await roleOf(stranger.tenant.id, stranger.user.id)).toBe("member");
  });
});

describe("removeMember and leaveTenant", () => {
  it("removes a member, who loses access at once", async () => {
    const team = await teamOfEveryRole();
    await removeMember(team.admin.ctx, { userId: team.member.user.id });
    expect(await loadTenantContext(team.member.user, team.tenant.slug)).toBeNull();
    expect(await listTenantsForUser(team.member.user.id)).toEqual([]);
  });

  it("refuses members, billing, and admins removing owners", async () => {
    const team = await teamOfEveryRole();
    await expect(removeMember(team.member.ctx, { userId: team.billing.user.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(removeMember(team.billing.ctx, { userId: team.member.user.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(removeMember(team.admin.ctx, { userId: team.owner.user.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await listMembers(team.owner.ctx)).length).toBe(4);
  });

  it("cannot remove someone from another tenant", async () => {
    const team = await teamOfEveryRole();
    const stranger = await memberOf(null, "member");
    await expect(removeMember(team.owner.ctx, { userId: stranger.user.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await roleOf(stranger.tenant.id, stranger.user.id)).toBe("member");
  });

  it("lets anyone leave but the last owner", async () => {
    const team = await teamOfEveryRole();
    await leaveTenant(team.billing.ctx);
    expect(await roleOf(team.tenant.id, team.billing.user.id)).toBeNull();
    await expect(leaveTenant(team.owner.ctx)).rejects.toThrow(LAST_OWNER_MESSAGE);
    await expect(removeMember(team.owner.ctx, { userId: team.owner.user.id })).rejects.toThrow(LAST_OWNER_MESSAGE);
    expect(await roleOf(team.tenant.id, team.owner.user.id)).toBe("owner");
  });

  it("lets an owner remove another owner while one remains", async () => {
    const a = await memberOf(null, "owner");
    const b = await memberOf(a.tenant, "owner");
    await removeMember(a.ctx, { userId: b.user.id });
    expect(await roleOf(a.tenant.id, b.user.id)).toBeNull();
  });
});

describe("transferOwnership", () => {
  it("makes the member owner and the owner admin, in one step", async () => {
    const team = await teamOfEveryRole();
    await transferOwnership(team.owner.ctx, { userId: team.member.user.id });
    expect(await roleOf(team.tenant.id, team.member.user.id)).toBe("owner");
    expect(await roleOf(team.tenant.id, team.owner.user.id)).toBe("admin");
  });

  it("is for owners only, to members of the same tenant", async () => {
    const team = await teamOfEveryRole();
    await expect(transferOwnership(team.admin.ctx, { userId: team.member.user.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    const stranger = await memberOf(null, "member");
    await expect(transferOwnership(team.owner.ctx, { userId: stranger.user.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(transferOwnership(team.owner.ctx, { userId: team.owner.user.id })).rejects.toBeInstanceOf(UserError);
    expect(await roleOf(team.tenant.id, team.owner.user.id)).toBe("owner");
    // a stale context: the caller stopped being owner since the page loaded
    await changeMemberRole(team.owner.ctx, { userId: team.admin.user.id, role: "owner" });
    await changeMemberRole(await contextOf(team.admin.user, team.tenant), { userId: team.owner.user.id, role: "member" });
    const stale = team.owner.ctx;
    await expect(transferOwnership(stale, { userId: team.member.user.id })).rejects.toBeInstanceOf(UserError);
    expect(await roleOf(team.tenant.id, team.member.user.id)).toBe("member");
    expect((await contextOf(team.owner.user, team.tenant)).role).toBe("member");
  });
});
