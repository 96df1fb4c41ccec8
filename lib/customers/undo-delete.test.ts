import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { activityLog, customers } from "@/db/schema";
import { PermissionDeniedError, UserError } from "@/lib/errors";
import { LimitReachedError } from "@/lib/plans/limits";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { createCustomer, deleteCustomer, getCustomerOrThrow } from "./customers";
import { UNDO_WINDOW_MS, undoCustomerDeletion, undoTokenFor } from "./undo-delete";

afterEach(() => vi.useRealTimers());

async function deletedWithToken(ctx: Parameters<typeof createCustomer>[0], name = "Grace") {
  const created = await createCustomer(ctx, { name, email: `${name.toLowerCase()}-${Date.now()}@example.test`, notes: "Likes tea" });
  const deleted = await deleteCustomer(ctx, created.id);
  return { created, token: undoTokenFor(ctx, deleted) };
}

describe("undoing a customer's deletion", () => {
  it("brings the customer back as it was, same id and dates, once however often it is asked", async () => {
    const { ctx } = await memberOf(null, "member");
    const { created, token } = await deletedWithToken(ctx);
    await expect(undoCustomerDeletion(ctx, token)).resolves.toEqual({ id: created.id });
    await expect(undoCustomerDeletion(ctx, token)).resolves.toEqual({ id: created.id });
    const back = await getCustomerOrThrow(ctx, created.id);
    expect(back).toMatchObject({ name: created.name, email: created.email, notes: "Likes tea", createdAt: created.createdAt, createdById: created.createdById });
    const log = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, ctx.tenant.id), eq(activityLog.action, "customer.restored")));
    expect(log).toHaveLength(1);
  });

  it("works only for a few seconds", async () => {
    const { ctx } = await memberOf(null, "owner");
    const { created, token } = await deletedWithToken(ctx);
    vi.useFakeTimers({ now: Date.now() + UNDO_WINDOW_MS + 1, toFake: ["Date"] });
    await expect(undoCustomerDeletion(ctx, token)).rejects.toThrow("This deletion can no longer be undone.");
    vi.useRealTimers();
    expect((await db.select().from(customers).where(eq(customers.id, created.id))).length).toBe(0);
  });

  it("refuses another tenant's token, a forged one, and roles that may not change customers", async () => {
    const a = await memberOf(null, "owner");
    const b = await memberOf(null, "owner");
    const { created, token } = await deletedWithToken(a.ctx);
    await expect(undoCustomerDeletion(b.ctx, token)).rejects.toBeInstanceOf(UserError);
    await expect(undoCustomerDeletion(a.ctx, `${token.slice(0, -2)}xx`)).rejects.toBeInstanceOf(UserError);
    await expect(undoCustomerDeletion(a.ctx, "not a token")).rejects.toBeInstanceOf(UserError);
    const team = await teamOfEveryRole();
    const theirs = await deletedWithToken(team.owner.ctx, "Hopper");
    await expect(undoCustomerDeletion(team.billing.ctx, theirs.token)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await db.select().from(customers).where(eq(customers.id, created.id))).length).toBe(0);
    expect((await db.select().from(customers).where(eq(customers.tenantId, b.tenant.id))).length).toBe(0);
  });

  it("keeps the plan's limit and a taken email", async () => {
    const { ctx, tenant } = await memberOf(null, "owner");
    const { created, token } = await deletedWithToken(ctx);
    await createCustomer(ctx, { name: "Twin", email: created.email! });
    await expect(undoCustomerDeletion(ctx, token)).rejects.toThrow(`another customer now has the email ${created.email}`);
    const second = await deletedWithToken(ctx, "Ada");
    await db.execute(sql`INSERT INTO customers (tenant_id, name) SELECT ${tenant.id}, 'Bulk ' || n FROM generate_series(1, 99) AS n`);
    await expect(undoCustomerDeletion(ctx, second.token)).rejects.toBeInstanceOf(LimitReachedError);
  });
});
