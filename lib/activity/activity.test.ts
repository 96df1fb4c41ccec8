import { describe, expect, it } from "vitest";
import { PermissionDeniedError } from "@/lib/errors";
import { changeMemberRole } from "@/lib/members/change-role";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
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

describe("invite link entries", () => {
  const entry = (action: "invite_link.created" | "invite_link.used" | "invite_link.revoked", metadata: Record<string, unknown>) => ({ action, targetLabel: null, metadata });

  it("say the role and the use limit, how much of a link was used, and what a revoked one had done", () => {
    expect(describeActivity(entry("invite_link.created", { role: "member", maxUses: 5 }))).toBe("created an invite link to join as Member (up to 5 uses)");
    expect(describeActivity(entry("invite_link.created", { role: "billing", maxUses: null }))).toBe("created an invite link to join as Billing");
    expect(describeActivity(entry("invite_link.used", { role: "member", uses: 2, maxUses: 5 }))).toBe("used an invite link (use 2 of 5)");
    expect(describeActivity(entry("invite_link.used", { role: "member", uses: 7, maxUses: null }))).toBe("used an invite link (use 7)");
    expect(describeActivity(entry("invite_link.revoked", { role: "admin", uses: 1 }))).toBe("revoked an invite link to join as Admin (used once)");
    expect(describeActivity(entry("invite_link.revoked", { role: "member", uses: 0 }))).toBe("revoked an invite link to join as Member (never used)");
  });
});
