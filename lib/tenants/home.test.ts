import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { addMember, createTenant, createUser } from "@/db/factories";
import { invitations, memberships, tenants, users } from "@/db/schema";
import { recordStatements } from "@/db/statement-log";
import { invitationExpiry } from "@/lib/invitations/invitations";
import { acceptInvitationById } from "@/lib/invitations/respond-by-id";
import { removeMember, leaveTenant } from "@/lib/members/remove-member";
import type { Role } from "@/lib/permissions/roles";
import { memberOf } from "@/testing/tenant-context";
import type { SessionUser } from "@/lib/tenancy/context";
import { INVITATIONS_PATH, NEW_TENANT_PATH, resolveHomePath, resolveNotFoundView, startPersonalTenant, tenantSlugOfPath } from "./home";
import { ensurePersonalTenant } from "./personal-tenant";
import { listTenantsForUser } from "./queries";
import { hashLinkToken } from "@/lib/security/link-token";

type Tenant = Awaited<ReturnType<typeof createTenant>>;

async function person(overrides: Partial<typeof users.$inferInsert> = {}): Promise<SessionUser> {
  const row = await createUser(overrides);
  return { id: row.id, name: row.name, email: row.email, image: row.image };
}

/** An open invitation row for `email`, as createInvitation leaves it (the mail is not the point here). */
async function invite(tenant: Tenant, email: string, extra: Partial<typeof invitations.$inferInsert> = {}, role: Role = "member") {
  const [row] = await db
    .insert(invitations)
    .values({ tenantId: tenant.id, email, role, tokenHash: hashLinkToken(randomUUID()), expiresAt: invitationExpiry(), ...extra })
    .returning();
  return row!;
}

const tenantsOwnedBy = async (userId: string) =>
  (await db.select({ n: count() }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.role, "owner"))))[0]!.n;
const tenantCount = async () => (await db.select({ n: count() }).from(tenants))[0]!.n;
const personalClaim = async (userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0]!.personalTenantCreatedAt;

describe("home for someone with pending invitations", () => {
  it("is the invitations page, and no tenant is made", async () => {
    const team = await memberOf(null, "owner");
    const invitee = await person();
    await invite(team.tenant, invitee.email!);
    const before = await tenantCount();

    const { result, statements } = await recordStatements(() => resolveHomePath(invitee));
    expect(result).toBe(INVITATIONS_PATH);
    expect(statements, statements.join("\n\n")).toHaveLength(1);
    expect(statements[0]).toMatch(/^\s*select\b/i);
    expect(await tenantCount()).toBe(before);
    expect(await listTenantsForUser(invitee.id)).toEqual([]);
    expect(await personalClaim(invitee.id)).toBeNull();
    // Asked again (a reload), still the same, still nothing made.
    expect(await resolveHomePath(invitee)).toBe(INVITATIONS_PATH);
    expect(await tenantCount()).toBe(before);
  });

  it("matches the address whatever its case, but only once verified", async () => {
    const team = await memberOf(null, "owner");
    const email = `mixed-${randomUUID()}@example.test`;
    const unverified = await person({ email: email.replace("mixed", "MIXED"), emailVerified: null });
    await invite(team.tenant, email);
    // Unverified, the invitation could not be accepted, so it does not hold the personal tenant back.
    expect(await resolveHomePath(unverified)).toMatch(/^\/t\//);

    const verified = await person({ email: `Case-${randomUUID()}@Example.test` });
    await invite(team.tenant, verified.email!.toLowerCase());
    expect(await resolveHomePath(verified)).toBe(INVITATIONS_PATH);
  });

  it("does not count expired, revoked, declined or accepted invitations, or a deleted tenant's", async () => {
    const team = await memberOf(null, "owner");
    const gone = await createTenant({ deletedAt: new Date() });
    const past = new Date(Date.now() - 1000);
    const closed: Partial<typeof invitations.$inferInsert>[] = [{ expiresAt: past }, { revokedAt: past }, { declinedAt: past }, { acceptedAt: past }];
    for (const extra of closed) {
      const someone = await person();
      await invite(team.tenant, someone.email!, extra);
      expect(await resolveHomePath(someone), JSON.stringify(extra)).toMatch(/^\/t\//);
    }
    const invitedToDeleted = await person();
    await invite(gone, invitedToDeleted.email!);
    expect(await resolveHomePath(invitedToDeleted)).toMatch(/^\/t\//);
  });

  it("is their tenant when they are in one, invitations or not", async () => {
    const member = await memberOf(null, "member");
    const other = await memberOf(null, "owner");
    await invite(other.tenant, member.user.email!);
    const { result, statements } = await recordStatements(() => resolveHomePath(member.user));
    expect(result).toBe(`/t/${member.tenant.slug}`);
    expect(statements).toHaveLength(1);
  });
});

describe("choosing to create one's own workspace", () => {
  it("makes exactly one, even clicked in parallel, and lands in it", async () => {
    const team = await memberOf(null, "owner");
    const invitee = await person({ name: "Quinn Chooser" });
    await invite(team.tenant, invitee.email!);
    const before = await tenantCount();

    const paths = await Promise.all(Array.from({ length: 5 }, () => startPersonalTenant(invitee)));
    expect(await tenantCount()).toBe(before + 1);
    const mine = await listTenantsForUser(invitee.id);
    expect(mine).toEqual([expect.objectContaining({ name: "Quinn's workspace", role: "owner" })]);
    expect(new Set(paths)).toEqual(new Set([`/t/${mine[0]!.slug}`]));
    // From now on `/` goes there; the invitation is still open for later.
    expect(await resolveHomePath(invitee)).toBe(`/t/${mine[0]!.slug}`);
    expect(await startPersonalTenant(invitee)).toBe(`/t/${mine[0]!.slug}`);
    expect(await tenantCount()).toBe(before + 1);
  });

  it("sends someone whose personal workspace was made before to the create page, making none", async () => {
    const user = await person();
    const personal = await ensurePersonalTenant(user.id);
    await db.delete(memberships).where(eq(memberships.tenantId, personal!.id));
    const before = await tenantCount();
    expect(await startPersonalTenant(user)).toBe(NEW_TENANT_PATH);
    expect(await tenantCount()).toBe(before);
  });
});

describe("home after removal", () => {
  it("is the create page for someone who joined by invitation and was removed, and no tenant is made", async () => {
    const team = await memberOf(null, "owner");
    const invitee = await person();
    const invitation = await invite(team.tenant, invitee.email!);
    await acceptInvitationById(invitee, { invitationId: invitation.id });
    expect(await resolveHomePath(invitee)).toBe(`/t/${team.tenant.slug}`);

    await removeMember(team.ctx, { userId: invitee.id });
    const before = await tenantCount();
    const { result, statements } = await recordStatements(() => resolveHomePath(invitee));
    expect(result).toBe(NEW_TENANT_PATH);
    expect(statements).toHaveLength(1);
    expect(await tenantCount()).toBe(before);
    expect(await tenantsOwnedBy(invitee.id)).toBe(0);
    expect(await personalClaim(invitee.id)).toBeNull();
  });

  it("is the create page for someone who left, and for someone whose personal workspace was made once", async () => {
    const team = await memberOf(null, "owner");
    const invitee = await person();
    await acceptInvitationById(invitee, { invitationId: (await invite(team.tenant, invitee.email!)).id });
    const { contextOf } = await import("@/testing/tenant-context");
    await leaveTenant(await contextOf(invitee, team.tenant));

    const veteran = await person();
    const personal = await ensurePersonalTenant(veteran.id);
    await addMember(team.tenant, veteran, "member");
    await db.delete(memberships).where(and(eq(memberships.userId, veteran.id), eq(memberships.tenantId, personal!.id)));
    await removeMember(team.ctx, { userId: veteran.id });

    const before = await tenantCount();
    expect(await resolveHomePath(invitee)).toBe(NEW_TENANT_PATH);
    expect(await resolveHomePath(veteran)).toBe(NEW_TENANT_PATH);
    expect(await tenantCount()).toBe(before);
  });

  it("is the invitations page when they were invited back", async () => {
    const team = await memberOf(null, "owner");
    const invitee = await person();
    await acceptInvitationById(invitee, { invitationId: (await invite(team.tenant, invitee.email!)).id });
    await removeMember(team.ctx, { userId: invitee.id });
    await invite(team.tenant, invitee.email!);
    expect(await resolveHomePath(invitee)).toBe(INVITATIONS_PATH);
  });

  it("still makes the personal workspace on a first visit with nothing pending", async () => {
    const newcomer = await person({ name: "Nova First" });
    const before = await tenantCount();
    const home = await resolveHomePath(newcomer);
    expect(await tenantCount()).toBe(before + 1);
    expect(await listTenantsForUser(newcomer.id)).toEqual([expect.objectContaining({ name: "Nova's workspace", role: "owner" })]);
    expect(home).toBe(`/t/${(await listTenantsForUser(newcomer.id))[0]!.slug}`);
  });
});

describe("the signed-in 404", () => {
  it("lists only the viewer's own live workspaces, the same for another's workspace as for a missing one", async () => {
    const mine = await memberOf(await createTenant({ name: "Mine" }), "admin");
    const second = await createTenant({ name: "Also mine" });
    await addMember(second, mine.user, "billing");
    const deleted = await createTenant({ name: "Deleted one", deletedAt: new Date() });
    await addMember(deleted, mine.user, "owner");
    const theirs = await memberOf(await createTenant({ name: "Theirs" }), "owner");

    const strangers = await resolveNotFoundView(mine.user, `/t/${theirs.tenant.slug}/settings?tab=1`);
    const missing = await resolveNotFoundView(mine.user, "/t/no-such-workspace");
    const impossible = await resolveNotFoundView(mine.user, "/t/%00ACME");
    expect(strangers).toEqual({
      missing: "workspace",
      current: null,
      tenants: [
        { slug: second.slug, name: "Also mine", role: "billing" },
        { slug: mine.tenant.slug, name: "Mine", role: "admin" },
      ],
    });
    expect(missing).toEqual(strangers);
    expect(impossible).toEqual(strangers);
    expect((await resolveNotFoundView(theirs.user, `/t/${mine.tenant.slug}`)).tenants).toEqual([{ slug: theirs.tenant.slug, name: "Theirs", role: "owner" }]);
  });

  it("is a missing page, not a missing workspace, inside the viewer's own workspace or outside any", async () => {
    const mine = await memberOf(null, "member");
    const inside = await resolveNotFoundView(mine.user, `/t/${mine.tenant.slug}/no-such-page`);
    expect(inside).toMatchObject({ missing: "page", current: { slug: mine.tenant.slug } });
    expect(await resolveNotFoundView(mine.user, "/no-such-page")).toMatchObject({ missing: "page", current: null });
    expect(await resolveNotFoundView(mine.user, null)).toMatchObject({ missing: "page", current: null });
    const alone = await person();
    expect(await resolveNotFoundView(alone, "/t/anything")).toEqual({ missing: "workspace", current: null, tenants: [] });
  });

  it("reads the slug of a tenant path, and nothing from other paths", () => {
    expect(tenantSlugOfPath("/t/acme")).toBe("acme");
    expect(tenantSlugOfPath("/t/acme/customers/1?x=2")).toBe("acme");
    expect(tenantSlugOfPath("/t/acme?x=2")).toBe("acme");
    expect(tenantSlugOfPath("/t/%E0%A4%A")).toBe("%E0%A4%A");
    expect(tenantSlugOfPath("/t/")).toBeNull();
    expect(tenantSlugOfPath("/tenants/new")).toBeNull();
    expect(tenantSlugOfPath("/account")).toBeNull();
    expect(tenantSlugOfPath(null)).toBeNull();
  });
});
