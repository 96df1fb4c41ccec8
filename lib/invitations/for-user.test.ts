import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { addMember, createTenant, createUser } from "@/db/factories";
import { activityLog, invitations, memberships, users } from "@/db/schema";
import { UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/tenancy/context";
import { listTenantsForUser } from "@/lib/tenants/queries";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { createInvitation } from "./create-invitation";
import { listInvitationsForUser } from "./for-user";
import { invitationExpiry } from "./invitations";
import { acceptInvitationById, CLOSED_INVITATION_TEXT, declineInvitationById } from "./respond-by-id";
import { hashLinkToken } from "@/lib/security/link-token";

const APP = "http://localhost:3000";
type Tenant = Awaited<ReturnType<typeof createTenant>>;

async function person(overrides: Partial<typeof users.$inferInsert> = {}): Promise<SessionUser> {
  const row = await createUser(overrides);
  return { id: row.id, name: row.name, email: row.email, image: row.image };
}

async function invite(tenant: Tenant, email: string, extra: Partial<typeof invitations.$inferInsert> = {}) {
  const [row] = await db
    .insert(invitations)
    .values({ tenantId: tenant.id, email, role: "member", tokenHash: hashLinkToken(randomUUID()), expiresAt: invitationExpiry(), ...extra })
    .returning();
  return row!;
}

const invitationRow = async (id: string) => (await db.select().from(invitations).where(eq(invitations.id, id)))[0]!;
const membershipCount = async (tenantId: string) => (await db.select({ n: count() }).from(memberships).where(eq(memberships.tenantId, tenantId)))[0]!.n;

describe("listInvitationsForUser", () => {
  it("lists the user's own open invitations with the workspace, who invited, and the role", async () => {
    const team = await teamOfEveryRole();
    const invitee = await person();
    await createInvitation(team.admin.ctx, { email: invitee.email!, role: "admin" }, APP);
    const list = await listInvitationsForUser(invitee.id);
    expect(list).toEqual([
      {
        id: expect.any(String),
        tenantId: team.tenant.id,
        tenantName: team.tenant.name,
        tenantSlug: team.tenant.slug,
        role: "admin",
        inviter: "Adam Admin",
        expiresAt: expect.any(Date),
      },
    ]);
    // Someone else sees none of it.
    expect(await listInvitationsForUser((await person()).id)).toEqual([]);
  });

  it("leaves out closed invitations, deleted workspaces, ones they are already in, and unverified addresses", async () => {
    const owner = await memberOf(null, "owner");
    const invitee = await person();
    const past = new Date(Date.now() - 1000);
    for (const extra of [{ expiresAt: past }, { revokedAt: past }, { declinedAt: past }, { acceptedAt: past }]) {
      await invite(await createTenant(), invitee.email!, extra);
    }
    await invite(await createTenant({ deletedAt: new Date() }), invitee.email!);
    await addMember(owner.tenant, invitee, "member");
    await invite(owner.tenant, invitee.email!);
    expect(await listInvitationsForUser(invitee.id)).toEqual([]);

    const open = await invite(await createTenant(), invitee.email!);
    expect((await listInvitationsForUser(invitee.id)).map((i) => i.id)).toEqual([open.id]);
    await db.update(users).set({ emailVerified: null }).where(eq(users.id, invitee.id));
    expect(await listInvitationsForUser(invitee.id)).toEqual([]);
  });
});

describe("answering from the list", () => {
  it("accepting joins with the invited role, records it, and uses the invitation up", async () => {
    const team = await teamOfEveryRole();
    const invitee = await person();
    const invitation = await createInvitation(team.owner.ctx, { email: invitee.email!, role: "admin" }, APP);
    expect(await acceptInvitationById(invitee, { invitationId: invitation.id }, "198.51.100.9")).toEqual({ slug: team.tenant.slug });
    expect(await listTenantsForUser(invitee.id)).toEqual([expect.objectContaining({ slug: team.tenant.slug, role: "admin" })]);
    expect(await invitationRow(invitation.id)).toMatchObject({ acceptedById: invitee.id, acceptedAt: expect.any(Date) });
    const [joined] = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, team.tenant.id), eq(activityLog.action, "member.joined")));
    expect(joined).toMatchObject({ actorId: invitee.id, ip: "198.51.100.9", metadata: { role: "admin" } });
    expect((await db.select().from(users).where(eq(users.id, invitee.id)))[0]!.lastTenantId).toBe(team.tenant.id);
    await expect(acceptInvitationById(invitee, { invitationId: invitation.id })).rejects.toThrow(CLOSED_INVITATION_TEXT);
  });

  it("gives exactly one membership to parallel accepts", async () => {
    const owner = await memberOf(null, "owner");
    const invitee = await person();
    const invitation = await invite(owner.tenant, invitee.email!);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => acceptInvitationById(invitee, { invitationId: invitation.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await membershipCount(owner.tenant.id)).toBe(2);
  });

  it("declining closes it, records it, and joins nothing", async () => {
    const owner = await memberOf(null, "owner");
    const invitee = await person();
    const invitation = await invite(owner.tenant, invitee.email!);
    await declineInvitationById(invitee, { invitationId: invitation.id });
    expect((await invitationRow(invitation.id)).declinedAt).toBeInstanceOf(Date);
    expect(await membershipCount(owner.tenant.id)).toBe(1);
    expect(await listInvitationsForUser(invitee.id)).toEqual([]);
    const actions = await db.select({ action: activityLog.action }).from(activityLog).where(eq(activityLog.tenantId, owner.tenant.id)).orderBy(activityLog.id);
    expect(actions.map((a) => a.action)).toContain("invitation.declined");
    await expect(acceptInvitationById(invitee, { invitationId: invitation.id })).rejects.toThrow(CLOSED_INVITATION_TEXT);
  });

  it("refuses someone else's invitation, an unverified address, a closed one and hostile ids, changing nothing", async () => {
    const owner = await memberOf(null, "owner");
    const invitee = await person();
    const invitation = await invite(owner.tenant, invitee.email!);
    const expired = await invite(await createTenant(), invitee.email!, { expiresAt: new Date(Date.now() - 1000) });
    const intruder = await person();
    const unverified = await person({ email: `unverified-${randomUUID()}@example.test`, emailVerified: null });
    const theirs = await invite(owner.tenant, unverified.email!);

    for (const [who, id] of [
      [intruder, invitation.id],
      [unverified, theirs.id],
      [invitee, expired.id],
      [invitee, randomUUID()],
    ] as const) {
      await expect(acceptInvitationById(who, { invitationId: id })).rejects.toThrow(CLOSED_INVITATION_TEXT);
      await expect(declineInvitationById(who, { invitationId: id })).rejects.toThrow(CLOSED_INVITATION_TEXT);
    }
    for (const id of ["", "not-a-uuid", "\u0000", "x".repeat(10_000), 7, null, { id: invitation.id }]) {
      for (const respond of [acceptInvitationById, declineInvitationById]) {
        const error = await respond(invitee, { invitationId: id as string }).catch((e: unknown) => e);
        expect(error, JSON.stringify(id)).toBeInstanceOf(UserError);
        expect((error as UserError).message).toBe("Unknown invitation.");
      }
    }
    expect(await membershipCount(owner.tenant.id)).toBe(1);
    expect(await invitationRow(invitation.id)).toMatchObject({ acceptedAt: null, declinedAt: null });
    expect(await invitationRow(theirs.id)).toMatchObject({ acceptedAt: null, declinedAt: null });
  });
});
