import { describe, expect, it } from "vitest";
import { PermissionDeniedError } from "@/lib/errors";
import { changeMemberRole } from "@/lib/members/change-role";
import { memberOf, teamOfEveryRole } from "@/lib/testing/tenant-context";
import { renameTenant } from "@/lib/tenants/rename-tenant";
import { describeActivity } from "./describe";
import { listActivity } from "./list-activity";

describe("activity log", () => {
  it("is read by owners and admins only", async () => {
    const team = await teamOfEveryRole();
    await expect(listActivity(team.owner.ctx)).resolves.toBeDefined();
    await expect(listActivity(team.admin.ctx)).resolves.toBeDefined();
    for (const who of [team.member, team.billing]) {
      await expect(listActivity(who.ctx)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
  });

  it("lists newest first, page by page, and only the tenant's own entries", async () => {
    const team = await teamOfEveryRole();
    const other = await memberOf(null, "owner");
    await renameTenant(other.ctx, { name: "Elsewhere" });
    for (let i = 1; i <= 5; i++) await renameTenant(team.owner.ctx, { name: `Name ${i}` });
    await changeMemberRole(team.owner.ctx, { userId: team.member.user.id, role: "admin" });

    const first = await listActivity(team.owner.ctx, { limit: 4 });
    expect(first.entries.map((e) => e.action)).toEqual(["member.role_changed", "tenant.renamed", "tenant.renamed", "tenant.renamed"]);
    expect(first.nextBefore).not.toBeNull();
    const second = await listActivity(team.owner.ctx, { limit: 4, before: first.nextBefore! });
    expect(second.entries.map((e) => e.action)).toEqual(["tenant.renamed", "tenant.renamed"]);
    expect(second.nextBefore).toBeNull();
    expect([...first.entries, ...second.entries].some((e) => e.metadata?.to === "Elsewhere")).toBe(false);
    expect(describeActivity(first.entries[0]!)).toBe("changed Mia Member’s role from Member to Admin");
    expect(first.entries[0]).toMatchObject({ actorLabel: "Olive Owner", ip: "203.0.113.7" });
  });
});
