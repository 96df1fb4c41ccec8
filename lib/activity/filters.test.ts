import { describe, expect, it } from "vitest";
import * as customersRoute from "@/app/api/v1/customers/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { createCustomer } from "@/lib/customers/customers";
import { PermissionDeniedError } from "@/lib/errors";
import { changeMemberRole } from "@/lib/members/change-role";
import { leaveTenant } from "@/lib/members/remove-member";
import { memberOf, teamOfEveryRole, type TestMember } from "@/testing/tenant-context";
import { renameTenant } from "@/lib/tenants/rename-tenant";
import { deleteAccount, DELETED_USER_LABEL } from "@/lib/users/delete-account";
import { db } from "@/db/client";
import { loadActivityPage } from "./activity-page";
import { actorName, OTHER_ACTORS, type ActorFilter } from "./actors";
import { ACTIVITY_ACTIONS } from "./events";
import { ACTIVITY_KINDS, actionsOfKind, kindOfAction } from "./kinds";
import { recordActivity } from "./record";
import type { ActivityFilter } from "./schemas";

const user = (member: { user: { id: string } }): ActorFilter => ({ type: "user", userId: member.user.id });
const keyOf = async (member: TestMember, name: string) => (await createApiKey(member.ctx, { name, scopes: ["customers:write"] })).key;

async function viaApi(key: string, customer: string) {
  const response = await customersRoute.POST(
    new Request("http://localhost/api/v1/customers", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ name: customer }) }),
    { params: Promise.resolve({}) } as never,
  );
  expect(response.status).toBe(201);
}
const actions = (page: { entries: { action: string }[] }) => page.entries.map((e) => e.action);

describe("kinds of activity", () => {
  it("put every action in exactly one kind, and leave no kind empty", () => {
    const grouped = ACTIVITY_KINDS.flatMap((k) => actionsOfKind(k.value));
    expect(grouped.sort()).toEqual([...ACTIVITY_ACTIONS].sort());
    for (const kind of ACTIVITY_KINDS) expect(actionsOfKind(kind.value), kind.value).not.toEqual([]);
  });

  it("group by prefix, with an invitation sent counted with the invitations", () => {
    expect(actionsOfKind("customers")).toEqual(ACTIVITY_ACTIONS.filter((a) => a.startsWith("customer.")));
    expect(actionsOfKind("customers")).toContain("customer.created");
    expect(kindOfAction("member.invited")).toBe("invitations");
    expect(kindOfAction("invitation.revoked")).toBe("invitations");
    expect(kindOfAction("member.role_changed")).toBe("members");
    expect(kindOfAction("tenant.renamed")).toBe("workspace");
  });
});

describe("the activity page's data", () => {
  it("is read by owners and admins only", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.member, team.billing]) {
      await expect(loadActivityPage(who.ctx, { filter: {} })).rejects.toBeInstanceOf(PermissionDeniedError);
    }
  });

  it("lists the members by name for the actor filter, and only the tenant's own", async () => {
    const team = await teamOfEveryRole();
    await memberOf(null, "owner", "Someone Else");
    const page = await loadActivityPage(team.owner.ctx, { filter: {} });
    expect(page.members.map((m) => m.name)).toEqual(["Adam Admin", "Bill Billing", "Mia Member", "Olive Owner"]);
    expect(page.members[0]).toEqual({ userId: team.admin.user.id, name: "Adam Admin", email: team.admin.user.email });
  });

  it("filters by actor: what that member did", async () => {
    const team = await teamOfEveryRole();
    await renameTenant(team.owner.ctx, { name: "By owner" });
    await createCustomer(team.admin.ctx, { name: "By admin" });
    await createCustomer(team.member.ctx, { name: "By member" });

    const admin = await loadActivityPage(team.owner.ctx, { filter: { actor: user(team.admin) } });
    expect(admin.entries.map((e) => [e.action, e.targetLabel])).toEqual([["customer.created", "By admin"]]);
    expect(actions(await loadActivityPage(team.owner.ctx, { filter: { actor: user(team.owner) } }))).toEqual(["tenant.renamed"]);
    expect(actions(await loadActivityPage(team.owner.ctx, { filter: { actor: user(team.billing) } }))).toEqual([]);
  });

  it("filters by kind, and by kind and actor together", async () => {
    const team = await teamOfEveryRole();
    await renameTenant(team.owner.ctx, { name: "Renamed" });
    await createCustomer(team.owner.ctx, { name: "Ada" });
    await createCustomer(team.admin.ctx, { name: "Bea" });
    await changeMemberRole(team.owner.ctx, { userId: team.member.user.id, role: "admin" });

    const customers = await loadActivityPage(team.owner.ctx, { filter: { kind: "customers" } });
    expect(customers.entries.map((e) => e.targetLabel)).toEqual(["Bea", "Ada"]);
    expect(actions(await loadActivityPage(team.owner.ctx, { filter: { kind: "members" } }))).toEqual(["member.role_changed"]);
    expect(actions(await loadActivityPage(team.owner.ctx, { filter: { kind: "workspace" } }))).toEqual(["tenant.renamed"]);
    expect(actions(await loadActivityPage(team.owner.ctx, { filter: { kind: "webhooks" } }))).toEqual([]);
    const both = await loadActivityPage(team.owner.ctx, { filter: { kind: "customers", actor: user(team.owner) } });
    expect(both.entries.map((e) => e.targetLabel)).toEqual(["Ada"]);
  });

  it("pages through a filter both ways, keeping to the filter and saying when either end is reached", async () => {
    const team = await teamOfEveryRole();
    for (let i = 1; i <= 7; i++) {
      await createCustomer(team.owner.ctx, { name: `C${i}` });
      await renameTenant(team.owner.ctx, { name: `Name ${i}` });
    }
    const filter: ActivityFilter = { kind: "customers" };
    const names = (page: { entries: { targetLabel: string | null }[] }) => page.entries.map((e) => e.targetLabel);
    const load = (paging: { before?: number; after?: number }) => loadActivityPage(team.owner.ctx, { filter, paging, limit: 3 });

    const first = await load({});
    expect(names(first)).toEqual(["C7", "C6", "C5"]);
    expect(first.newerAfter).toBeNull();
    const second = await load({ before: first.olderBefore! });
    expect(names(second)).toEqual(["C4", "C3", "C2"]);
    const third = await load({ before: second.olderBefore! });
    expect(names(third)).toEqual(["C1"]);
    expect(third.olderBefore).toBeNull();

    const back = await load({ after: third.newerAfter! });
    expect(names(back)).toEqual(["C4", "C3", "C2"]);
    expect(back.olderBefore).toBe(second.olderBefore);
    const top = await load({ after: back.newerAfter! });
    expect(names(top)).toEqual(["C7", "C6", "C5"]);
    expect(top.newerAfter).toBeNull();
    expect(top.olderBefore).not.toBeNull();
    // Entries keep what listActivity gives them.
    expect(top.entries[0]).toMatchObject({ action: "customer.created", actorLabel: "Olive Owner", ip: "203.0.113.7", targetType: "customer" });
    expect(top.entries[0]!.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(top.entries[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("shows nothing of another tenant for its actor's id, alone or with paging", async () => {
    const team = await teamOfEveryRole();
    const other = await memberOf(null, "owner");
    await createCustomer(other.ctx, { name: "Theirs" });
    await renameTenant(other.ctx, { name: "Their name" });
    await createCustomer(team.owner.ctx, { name: "Ours" });

    for (const paging of [{}, { before: Number.MAX_SAFE_INTEGER }, { after: 1 }]) {
      const page = await loadActivityPage(team.owner.ctx, { filter: { actor: user(other) }, paging });
      expect(page.entries, JSON.stringify(paging)).toEqual([]);
      expect(page.members.map((m) => m.userId)).not.toContain(other.user.id);
    }
    const everyone = await loadActivityPage(team.owner.ctx, { filter: {} });
    expect(everyone.entries.map((e) => e.targetLabel)).toEqual(["Ours"]);
  });

  it("matches nothing for a filter that cannot match (null), and still lists the members", async () => {
    const team = await teamOfEveryRole();
    await createCustomer(team.owner.ctx, { name: "Ada" });
    const page = await loadActivityPage(team.owner.ctx, { filter: null });
    expect(page).toMatchObject({ entries: [], olderBefore: null, newerAfter: null });
    expect(page.members).toHaveLength(4);
  });

  it("tells API keys, former members, deleted accounts and automatic actors apart from the members", async () => {
    const team = await teamOfEveryRole();
    const leaver = await memberOf(team.tenant, "admin", "Lee Leaver");
    const deleted = await memberOf(team.tenant, "admin", "Dee Deleted");
    await viaApi(await keyOf(leaver, "Lee's sync"), "Left by key");
    await createCustomer(leaver.ctx, { name: "Left behind" });
    await leaveTenant(leaver.ctx);
    await viaApi(await keyOf(deleted, "Dee's sync"), "Orphan by key");
    await createCustomer(deleted.ctx, { name: "Orphan" });
    await deleteAccount(deleted.user, { confirmEmail: deleted.user.email! }, null, "http://localhost:3000");

    await viaApi(await keyOf(team.admin, "Sync"), "Via API");
    await db.transaction(async (tx) => {
      await recordActivity(tx, { tenantId: team.tenant.id, actor: null, actorLabel: "Stripe", ip: null, action: "billing.plan_changed", metadata: { from: "Free", to: "Pro" } });
      await recordActivity(tx, { tenantId: team.tenant.id, actor: null, actorLabel: "Webhooks", ip: null, action: "webhook.disabled", target: { type: "webhook", id: "w", label: "https://x.test" } });
    });

    const by = async (actor: ActorFilter) => (await loadActivityPage(team.owner.ctx, { filter: { actor } })).entries.map((e) => `${actorName(e)}: ${e.action} ${e.targetLabel ?? ""}`.trim());
    // By the key's id, not its label: a member named like a key is still a member.
    await db.transaction((tx) => recordActivity(tx, { tenantId: team.tenant.id, actor: { ...team.owner.user, name: "API key “Fake”" }, ip: null, action: "tenant.renamed", metadata: { from: "a", to: "b" } }));
    expect(await by({ type: "other", actor: "api-keys" })).toEqual([
      "API key “Sync”, created by Adam Admin: customer.created Via API",
      "API key “Dee's sync”, created by Deleted user: customer.created Orphan by key",
      "API key “Lee's sync”, created by Lee Leaver: customer.created Left by key",
    ]);
    // A member's entries include those of the keys they created, the key named.
    expect(await by(user(team.admin))).toEqual(["API key “Sync”, created by Adam Admin: customer.created Via API", "Adam Admin: api_key.created Sync"]);
    expect(await by(user(team.owner))).toEqual(["API key “Fake”: tenant.renamed"]);
    const leavers = ["Lee Leaver: member.left Lee Leaver", "Lee Leaver: customer.created Left behind", "API key “Lee's sync”, created by Lee Leaver: customer.created Left by key", "Lee Leaver: api_key.created Lee's sync"];
    expect(await by({ type: "other", actor: "former-members" })).toEqual(leavers);
    expect(await by(user(leaver))).toEqual(leavers);
    expect(await by({ type: "other", actor: "deleted-accounts" })).toEqual([
      "Deleted user: account.deleted",
      "Deleted user: customer.created Orphan",
      "API key “Dee's sync”, created by Deleted user: customer.created Orphan by key",
      "Deleted user: api_key.created Dee's sync",
    ]);
    expect(await by({ type: "other", actor: "stripe" })).toEqual(["Stripe: billing.plan_changed"]);
    expect(await by({ type: "other", actor: "webhooks" })).toEqual(["Webhooks: webhook.disabled https://x.test"]);
    expect(OTHER_ACTORS.find((a) => a.value === "deleted-accounts")).toMatchObject({ storedLabel: DELETED_USER_LABEL });

    // Every entry belongs to exactly one person or automatic actor; "API keys" cuts across them.
    const all = await loadActivityPage(team.owner.ctx, { filter: {} });
    const choices: ActorFilter[] = [
      ...all.members.map((m) => ({ type: "user", userId: m.userId }) as const),
      user(leaver),
      ...OTHER_ACTORS.filter((a) => a.value !== "former-members" && a.value !== "api-keys").map((a) => ({ type: "other", actor: a.value }) as const),
    ];
    let counted = 0;
    for (const actor of choices) counted += (await loadActivityPage(team.owner.ctx, { filter: { actor } })).entries.length;
    expect(counted).toBe(all.entries.length);
  });
});
