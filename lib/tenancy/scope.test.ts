import { and, eq, sql } from "drizzle-orm";
import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createTenantWithMember } from "@/db/factories";
import { NotFoundError } from "@/lib/errors";
import type { TenantContext } from "./context";
import { loadTenantContext } from "@/testing/tenant-context";
import { preparedTenantQuery, tenantScope } from "./scope";

// A tenant-owned table shaped like the app's own: tenant_id leads the primary key.
const notes = pgTable(
  "scope_test_notes",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

async function contextFor(role: "owner" | "member" = "owner"): Promise<TenantContext> {
  const { user, tenant } = await createTenantWithMember(role);
  const ctx = await loadTenantContext(user, tenant.slug);
  if (!ctx) throw new Error("member has no context");
  return ctx;
}

let a: TenantContext;
let b: TenantContext;
let bNoteId: string;

beforeAll(async () => {
  await db.execute(sql`CREATE TABLE scope_test_notes (
    tenant_id uuid NOT NULL, id uuid NOT NULL DEFAULT gen_random_uuid(), body text NOT NULL,
    PRIMARY KEY (tenant_id, id))`);
  a = await contextFor();
  b = await contextFor();
  await tenantScope(a).insert(notes, [{ body: "a1" }, { body: "a2" }]);
  const [bNote] = await tenantScope(b).insert(notes, { body: "b1" });
  bNoteId = bNote!.id;
});

describe("tenantScope", () => {
  it("reads only the context's tenant", async () => {
    const rows = await tenantScope(a).findMany(notes, { orderBy: notes.body });
    expect(rows.map((r) => r.body)).toEqual(["a1", "a2"]);
    expect(rows.every((r) => r.tenantId === a.tenant.id)).toBe(true);
    expect(await tenantScope(a).count(notes)).toBe(2);
  });

  it("answers not found for another tenant's id", async () => {
    expect(await tenantScope(a).findFirst(notes, eq(notes.id, bNoteId))).toBeUndefined();
    await expect(tenantScope(a).getOrThrow(notes, eq(notes.id, bNoteId))).rejects.toBeInstanceOf(NotFoundError);
    expect((await tenantScope(b).getOrThrow(notes, eq(notes.id, bNoteId))).body).toBe("b1");
  });

  it("cannot update another tenant's row", async () => {
    const changed = await tenantScope(a).update(notes, { body: "hijacked" }, eq(notes.id, bNoteId));
    expect(changed).toEqual([]);
    expect((await tenantScope(b).getOrThrow(notes, eq(notes.id, bNoteId))).body).toBe("b1");
  });

  it("cannot move a row to another tenant by setting tenantId", async () => {
    const [mine] = await tenantScope(a).insert(notes, { body: "mine" });
    const smuggled = { body: "moved", tenantId: b.tenant.id } as { body: string };
    const [updated] = await tenantScope(a).update(notes, smuggled, eq(notes.id, mine!.id));
    expect(updated!.tenantId).toBe(a.tenant.id);
    expect(await tenantScope(b).findFirst(notes, eq(notes.id, mine!.id))).toBeUndefined();
  });

  it("cannot delete another tenant's row", async () => {
    expect(await tenantScope(a).delete(notes, eq(notes.id, bNoteId))).toEqual([]);
    expect(await tenantScope(b).count(notes)).toBe(1);
  });

  it("inserts into the context's tenant even when told otherwise", async () => {
    const smuggled = { body: "planted", tenantId: b.tenant.id } as { body: string };
    const [row] = await tenantScope(a).insert(notes, smuggled);
    expect(row!.tenantId).toBe(a.tenant.id);
    expect(await tenantScope(b).findFirst(notes, eq(notes.body, "planted"))).toBeUndefined();
  });

  it("keeps the filter when a condition has its own OR", async () => {
    const anyBody = sql`${notes.body} = 'nothing' OR true`;
    const scope = tenantScope(a);
    expect((await scope.findMany(notes, { where: anyBody })).every((r) => r.tenantId === a.tenant.id)).toBe(true);
    expect(await scope.count(notes, anyBody)).toBe(await scope.count(notes));
    expect(await scope.update(notes, { body: "or-hijack" }, anyBody)).not.toContainEqual(expect.objectContaining({ tenantId: b.tenant.id }));
    expect(await scope.delete(notes, sql`${notes.id} = ${bNoteId} OR false`)).toEqual([]);
    expect((await tenantScope(b).getOrThrow(notes, eq(notes.id, bNoteId))).body).toBe("b1");
  });

  it("keeps the filter in custom queries built with owned()", async () => {
    const scope = tenantScope(a);
    const rows = await db.select({ body: notes.body }).from(notes).where(scope.owned(notes, eq(notes.body, "b1")));
    expect(rows).toEqual([]);
  });

  it("runs a transaction that stands or falls together", async () => {
    const before = await tenantScope(a).count(notes);
    await expect(
      tenantScope(a).transaction(async (tx) => {
        await tx.insert(notes, { body: "in-tx" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await tenantScope(a).count(notes)).toBe(before);
    expect(await tenantScope(a).findFirst(notes, and(eq(notes.body, "in-tx")))).toBeUndefined();
  });
});

describe("preparedTenantQuery", () => {
  const bodies = preparedTenantQuery((database, owned) =>
    database
      .select({ body: notes.body })
      .from(notes)
      .where(owned(notes, sql`${notes.body} LIKE ${sql.placeholder("prefix")} || '%'`))
      .orderBy(notes.body)
      .prepare("scope_test_bodies"),
  );

  it("runs for the context's tenant only, however often and whatever values it is given", async () => {
    const own = async (ctx: TenantContext) => (await tenantScope(ctx).findMany(notes, { orderBy: notes.body })).map((n) => ({ body: n.body }));
    expect(await bodies(a, { prefix: "" })).toEqual(await own(a));
    expect(await bodies(b, { prefix: "" })).toEqual(await own(b));
    expect(await bodies(b, { prefix: "" })).toContainEqual({ body: "b1" });
    // A tenant id among the values is overwritten by the context's.
    expect(await bodies(a, { prefix: "", tenantId: b.tenant.id })).toEqual(await own(a));
    expect(await bodies(a, { prefix: "b1" })).toEqual([]);
  });
});
