import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { addMember, createTenant as createTenantRow, createUser, createTenantWithMember } from "@/db/factories";
import { memberships, tenants, users } from "@/db/schema";
import { PermissionDeniedError, UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/tenancy/context";
import { createTenant } from "./create-tenant";
import { rememberLastTenant } from "./last-tenant";
import { ensurePersonalTenant, personalTenantName } from "./personal-tenant";
import { loadTenantContext } from "@/testing/tenant-context";
import { findHomeTenantSlug, listTenantsForUser } from "./queries";
import { renameTenant } from "./rename-tenant";

const asSessionUser = (u: typeof users.$inferSelect): SessionUser => ({ id: u.id, name: u.name, email: u.email, image: u.image });

async function tenantCount() {
  return (await db.select().from(tenants)).length;
}

describe("loadTenantContext (the guard's query)", () => {
  it("gives members their tenant and role", async () => {
    const { user, tenant } = await createTenantWithMember("billing");
    const ctx = await loadTenantContext(asSessionUser(user), tenant.slug);
    expect(ctx?.tenant.id).toBe(tenant.id);
    expect(ctx?.role).toBe("billing");
  });

  it("gives nothing to a non-member of an existing tenant, as for a missing one", async () => {
    const { tenant } = await createTenantWithMember("owner");
    const stranger = asSessionUser(await createUser());
    expect(await loadTenantContext(stranger, tenant.slug)).toBeNull();
    expect(await loadTenantContext(stranger, "no-such-tenant")).toBeNull();
  });

  it("gives nothing for a soft-deleted tenant", async () => {
    const { user, tenant } = await createTenantWithMember("owner");
    await db.update(tenants).set({ deletedAt: new Date() }).where(eq(tenants.id, tenant.id));
    expect(await loadTenantContext(asSessionUser(user), tenant.slug)).toBeNull();
    expect(await listTenantsForUser(user.id)).toEqual([]);
  });

  it("stops at once when the membership is removed", async () => {
    const { user, tenant } = await createTenantWithMember("member");
    await db.delete(memberships).where(eq(memberships.userId, user.id));
    expect(await loadTenantContext(asSessionUser(user), tenant.slug)).toBeNull();
  });
});

describe("createTenant", () => {
  it("makes the creator its owner", async () => {
    const user = await createUser();
    const tenant = await createTenant(user, { name: "  Acme Corp ", slug: "Acme-Corp-1" });
    expect(tenant).toMatchObject({ name: "Acme Corp", slug: "acme-corp-1" });
    expect(await listTenantsForUser(user.id)).toEqual([{ id: tenant.id, slug: "acme-corp-1", name: "Acme Corp", role: "owner" }]);
  });

  it("refuses a taken slug with a field error and creates nothing", async () => {
    const user = await createUser();
    await createTenant(user, { name: "Taken", slug: "taken-slug" });
    const before = await tenantCount();
    const error = await createTenant(user, { name: "Other", slug: "taken-slug" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).fieldErrors?.slug?.[0]).toMatch(/already taken.*taken-slug-2/);
    expect(await tenantCount()).toBe(before);
  });

  it("refuses invalid input and creates nothing", async () => {
    const user = await createUser();
    const before = await tenantCount();
    for (const input of [
      { name: "", slug: "fine-slug" },
      { name: "Fine", slug: "-bad-" },
      { name: "Fine", slug: "new" },
      { name: "x".repeat(65), slug: "fine-slug" },
    ]) {
      await expect(createTenant(user, input)).rejects.toBeInstanceOf(UserError);
    }
    expect(await tenantCount()).toBe(before);
  });
});

describe("personal tenant", () => {
  it("is named from the name, else the email", () => {
    expect(personalTenantName({ name: "Ada Lovelace", email: "ada@x.test" })).toEqual({ name: "Ada's workspace", slug: "ada" });
    expect(personalTenantName({ name: null, email: "grace.hopper@x.test" })).toEqual({
      name: "grace.hopper's workspace",
      slug: "grace-hopper",
    });
    expect(personalTenantName({ name: "李", email: "li@x.test" }).slug).toBe("workspace");
  });

  it("is created once with the user as owner, even when asked for in parallel", async () => {
    const user = await createUser({ name: "Parallel Pat" });
    const results = await Promise.all(Array.from({ length: 8 }, () => ensurePersonalTenant(user.id)));
    const created = results.filter((t) => t !== null);
    expect(created).toHaveLength(1);
    expect(await listTenantsForUser(user.id)).toEqual([
      { id: created[0]!.id, slug: created[0]!.slug, name: "Parallel's workspace", role: "owner" },
    ]);
    expect(await ensurePersonalTenant(user.id)).toBeNull();
  });

  it("takes a free slug when the natural one is taken", async () => {
    await createTenantRow({ slug: "sam" });
    const user = await createUser({ name: "Sam" });
    const tenant = await ensurePersonalTenant(user.id);
    expect(tenant?.slug).toBe("sam-2");
  });
});

describe("home tenant", () => {
  it("is the last one used while the user is still a member, else the oldest membership", async () => {
    const user = await createUser();
    const first = await createTenantRow();
    const second = await createTenantRow();
    await addMember(first, user, "owner");
    await addMember(second, user, "member");
    await db.update(users).set({ lastTenantId: null }).where(eq(users.id, user.id));
    expect(await findHomeTenantSlug(user.id)).toBe(first.slug);

    const ctx = await loadTenantContext(asSessionUser(user), second.slug);
    await rememberLastTenant(ctx!);
    expect(await findHomeTenantSlug(user.id)).toBe(second.slug);

    await db.delete(memberships).where(eq(memberships.tenantId, second.id));
    expect(await findHomeTenantSlug(user.id)).toBe(first.slug);
  });

  it("is null for a user with no tenant", async () => {
    const user = await createUser();
    expect(await findHomeTenantSlug(user.id)).toBeNull();
  });
});

describe("renameTenant", () => {
  it("lets owners and admins rename", async () => {
    for (const role of ["owner", "admin"] as const) {
      const { user, tenant } = await createTenantWithMember(role);
      const ctx = await loadTenantContext(asSessionUser(user), tenant.slug);
      expect((await renameTenant(ctx!, { name: `Renamed by ${role}` })).name).toBe(`Renamed by ${role}`);
    }
  });

  it("refuses members and billing, and changes nothing", async () => {
    for (const role of ["member", "billing"] as const) {
      const { user, tenant } = await createTenantWithMember(role);
      const ctx = await loadTenantContext(asSessionUser(user), tenant.slug);
      await expect(renameTenant(ctx!, { name: "Nope" })).rejects.toBeInstanceOf(PermissionDeniedError);
      const [row] = await db.select().from(tenants).where(eq(tenants.id, tenant.id));
      expect(row!.name).toBe(tenant.name);
    }
  });

  it("refuses an empty name", async () => {
    const { user, tenant } = await createTenantWithMember("owner");
    const ctx = await loadTenantContext(asSessionUser(user), tenant.slug);
    await expect(renameTenant(ctx!, { name: "   " })).rejects.toBeInstanceOf(UserError);
  });
});
