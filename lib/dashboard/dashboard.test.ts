import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { recordStatements } from "@/db/statement-log";
import { tenants } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { createCustomer } from "@/lib/customers/customers";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { dismissOnboarding, getDashboard } from "./dashboard";

const stepsOf = (d: Awaited<ReturnType<typeof getDashboard>>) => Object.fromEntries((d.onboarding ?? []).map((s) => [s.step, s.done]));

describe("the dashboard", () => {
  it("ticks each getting-started step as it happens, in one statement", async () => {
    const { ctx } = await memberOf(null, "owner");
    const { result, statements } = await recordStatements(() => getDashboard(ctx));
    expect(statements).toHaveLength(1);
    expect(stepsOf(result)).toEqual({ invite: false, customer: false, apiKey: false, plan: false });

    await createCustomer(ctx, { name: "Ada" });
    await createInvitation(ctx, { email: `new-${Date.now()}@example.test`, role: "member" }, "http://localhost:3000");
    await createApiKey(ctx, { name: "CI", scopes: ["customers:read"] });
    await db.update(tenants).set({ planId: "pro" }).where(eq(tenants.id, ctx.tenant.id));
    const after = await getDashboard(ctx);
    expect(stepsOf(after)).toEqual({ invite: true, customer: true, apiKey: true, plan: true });
    expect(after.usage).toMatchObject({ customers: 1, members: 2, apiKeys: 1, webhookEndpoints: 0 });
    expect(after.seats).toEqual({ members: 1, pendingInvitations: 1 });
    expect(after.recentActivity.map((e) => e.action)).toEqual(["api_key.created", "member.invited", "customer.created", "tenant.created"].slice(0, after.recentActivity.length));
    expect(after.recentActivity[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("shows each role only the steps it can take, and the log only to those who may read it", async () => {
    const team = await teamOfEveryRole();
    expect(Object.keys(stepsOf(await getDashboard(team.owner.ctx))).sort()).toEqual(["apiKey", "customer", "invite", "plan"]);
    expect(Object.keys(stepsOf(await getDashboard(team.admin.ctx))).sort()).toEqual(["apiKey", "customer", "invite"]);
    expect(Object.keys(stepsOf(await getDashboard(team.member.ctx)))).toEqual(["customer"]);
    expect(Object.keys(stepsOf(await getDashboard(team.billing.ctx)))).toEqual(["plan"]);
    await createCustomer(team.member.ctx, { name: "Logged" });
    expect((await getDashboard(team.admin.ctx)).recentActivity.map((e) => e.targetLabel)).toEqual(["Logged"]);
    expect((await getDashboard(team.member.ctx)).recentActivity).toEqual([]);
  });

  it("counts only its own tenant, and a dismissal is the member's own", async () => {
    const team = await teamOfEveryRole();
    const other = await memberOf(null, "owner");
    await createCustomer(other.ctx, { name: "Elsewhere" });
    expect((await getDashboard(team.owner.ctx)).usage.customers).toBe(0);
    await dismissOnboarding(team.owner.ctx);
    expect((await getDashboard(team.owner.ctx)).onboarding).toBeNull();
    expect((await getDashboard(team.admin.ctx)).onboarding).not.toBeNull();
  });
});
