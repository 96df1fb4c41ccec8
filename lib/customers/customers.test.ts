import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activityLog, customers } from "@/db/schema";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import { LimitReachedError } from "@/lib/plans/limits";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { createCustomer, deleteCustomer, getCustomerOrThrow, listCustomers, updateCustomer } from "./customers";

async function rowOf(id: string) {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row;
}

describe("customers across tenants", () => {
  it("answers not found for another tenant's id on read, update and delete, and changes nothing", async () => {
    const a = await memberOf(null, "owner");
    const b = await memberOf(null, "owner");
    const theirs = await createCustomer(b.ctx, { name: "Theirs", email: "theirs@example.test" });
    await expect(getCustomerOrThrow(a.ctx, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCustomer(a.ctx, theirs.id, { name: "Mine now" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCustomer(a.ctx, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await rowOf(theirs.id))?.name).toBe("Theirs");
    expect((await listCustomers(a.ctx)).customers).toEqual([]);
    await expect(getCustomerOrThrow(a.ctx, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps an email unique within a tenant, not across tenants", async () => {
    const a = await memberOf(null, "owner");
    const b = await memberOf(null, "owner");
    await createCustomer(a.ctx, { name: "Ana", email: "ana@example.test" });
    const error = await createCustomer(a.ctx, { name: "Ana again", email: "ANA@example.test" }).catch((e: unknown) => e);
    expect((error as UserError).fieldErrors?.email).toEqual(["ana@example.test is already a customer in this workspace."]);
    await expect(createCustomer(b.ctx, { name: "Ana at B", email: "ana@example.test" })).resolves.toBeDefined();
    const other = await createCustomer(a.ctx, { name: "Other", email: "other@example.test" });
    await expect(updateCustomer(a.ctx, other.id, { email: "ana@example.test" })).rejects.toBeInstanceOf(UserError);
    expect((await listCustomers(a.ctx)).customers).toHaveLength(2);
  });
});

describe("permissions", () => {
  it("lets members, admins and owners write, and the billing role only read", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.owner, team.admin, team.member]) {
      const customer = await createCustomer(who.ctx, { name: `By ${who.ctx.role}` });
      await updateCustomer(who.ctx, customer.id, { notes: "edited" });
      await deleteCustomer(who.ctx, customer.id);
    }
    const kept = await createCustomer(team.owner.ctx, { name: "Kept" });
    await expect(createCustomer(team.billing.ctx, { name: "Nope" })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(updateCustomer(team.billing.ctx, kept.id, { name: "Nope" })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(deleteCustomer(team.billing.ctx, kept.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await getCustomerOrThrow(team.billing.ctx, kept.id)).name).toBe("Kept");
    expect((await listCustomers(team.billing.ctx)).customers.map((c) => c.name)).toEqual(["Kept"]);
  });

  it("records every change in the activity log", async () => {
    const owner = await memberOf(null, "owner");
    const customer = await createCustomer(owner.ctx, { name: "Logged" });
    await updateCustomer(owner.ctx, customer.id, { company: "Acme" });
    await deleteCustomer(owner.ctx, customer.id);
    const entries = await db.select().from(activityLog).where(eq(activityLog.tenantId, owner.tenant.id)).orderBy(activityLog.id);
    expect(entries.filter((e) => e.targetType === "customer").map((e) => e.action)).toEqual(["customer.created", "customer.updated", "customer.deleted"]);
  });
});

describe("validation", () => {
  it("explains each bad field and creates nothing", async () => {
    const owner = await memberOf(null, "owner");
    const error = (await createCustomer(owner.ctx, { name: " ", email: "nope", phone: "call me" }).catch((e: unknown) => e)) as UserError;
    expect(error.fieldErrors).toEqual({
      name: ["Enter a name."],
      email: ["Enter a valid email address, like ana@example.com."],
      phone: ["Use digits, spaces and + ( ) - . only."],
    });
    await expect(createCustomer(owner.ctx, { name: "X", phone: "12" })).rejects.toThrow();
    expect((await listCustomers(owner.ctx)).customers).toEqual([]);
  });

  it("stores empty optional fields as null, trimmed and lowercased where it matters", async () => {
    const owner = await memberOf(null, "owner");
    const customer = await createCustomer(owner.ctx, { name: "  Bo  ", company: "", email: " Bo@Example.TEST ", phone: "+44 (20) 7946-0958", notes: "" });
    expect(customer).toMatchObject({ name: "Bo", company: null, email: "bo@example.test", phone: "+44 (20) 7946-0958", notes: null });
  });

  it("leaves a row as it was when an update is invalid", async () => {
    const owner = await memberOf(null, "owner");
    const customer = await createCustomer(owner.ctx, { name: "Stable", email: "stable@example.test" });
    await expect(updateCustomer(owner.ctx, customer.id, { name: "", email: "bad" })).rejects.toBeInstanceOf(UserError);
    expect(await rowOf(customer.id)).toMatchObject({ name: "Stable", email: "stable@example.test" });
  });
});

describe("listing", () => {
  it("searches name, company and email, case-insensitively, taking % and _ literally", async () => {
    const owner = await memberOf(null, "owner");
    await createCustomer(owner.ctx, { name: "Grace Hopper", company: "Navy", email: "grace@navy.test" });
    await createCustomer(owner.ctx, { name: "Ada Lovelace", company: "Analytical Engines", email: "ada@engines.test" });
    await createCustomer(owner.ctx, { name: "100% Cotton", company: "under_score" });
    const names = async (q: string) => (await listCustomers(owner.ctx, { q })).customers.map((c) => c.name).sort();
    expect(await names("hopper")).toEqual(["Grace Hopper"]);
    expect(await names("ENGINES")).toEqual(["Ada Lovelace"]);
    expect(await names("navy.test")).toEqual(["Grace Hopper"]);
    expect(await names("0%")).toEqual(["100% Cotton"]);
    expect(await names("r_s")).toEqual(["100% Cotton"]);
    expect(await names("_")).toEqual(["100% Cotton"]);
    expect(await names("zzz")).toEqual([]);
  });

  it("pages newest first without gaps or repeats, across equal timestamps and with a search", async () => {
    const owner = await memberOf(null, "owner");
    const created: Awaited<ReturnType<typeof createCustomer>>[] = [];
    for (let i = 0; i < 11; i++) created.push(await createCustomer(owner.ctx, { name: `Page ${String(i).padStart(2, "0")}`, company: i % 2 ? "odd" : "even" }));
    // Five share one timestamp: the id breaks the tie.
    await db.execute(sql`UPDATE customers SET created_at = '2026-01-01T00:00:00Z' WHERE tenant_id = ${owner.tenant.id} AND name IN ('Page 03','Page 04','Page 05','Page 06','Page 07')`);

    const walk = async (q?: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listCustomers(owner.ctx, { q, cursor, limit: 3 });
        expect(page.customers.length).toBeLessThanOrEqual(3);
        seen.push(...page.customers.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    const all = await walk();
    expect(all).toHaveLength(11);
    expect(new Set(all).size).toBe(11);
    const expected = [...(await db.select().from(customers).where(eq(customers.tenantId, owner.tenant.id)))]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((c) => c.id);
    expect(all).toEqual(expected);
    expect(await walk("odd")).toEqual(expected.filter((id) => created.find((c) => c.id === id)!.company === "odd"));
    expect((await listCustomers(owner.ctx, { cursor: "garbage" })).customers).toHaveLength(11 > 25 ? 25 : 11);
  });
});

describe("the plan's customer limit", () => {
  it("refuses the customer past the limit, also when created in parallel", async () => {
    const owner = await memberOf(null, "owner");
    await db.execute(sql`INSERT INTO customers (tenant_id, name) SELECT ${owner.tenant.id}, 'Bulk ' || n FROM generate_series(1, 97) AS n`);
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => createCustomer(owner.ctx, { name: `Racer ${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(LimitReachedError);
    expect(refused.reason.message).toBe("The Free plan allows 100 customers. Upgrade on the billing page to add more.");
  });
});
