import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createUser } from "@/db/factories";
import { activityLog, invitations, memberships, users } from "@/db/schema";
import { listOutbox } from "@/lib/email/outbox";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/tenancy/context";
import { deliverQueuedMail, jobsIn, makeRetriesDue } from "@/testing/jobs";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { findHomeTenantSlug, listTenantsForUser } from "@/lib/tenants/queries";
import { createInvitation } from "./create-invitation";
import { findUsableInvitation, listPendingInvitations } from "./invitations";
import { resendInvitation, revokeInvitation } from "./manage-invitation";
import { acceptInvitation, declineInvitation, InvalidInvitationError } from "./respond";

const APP = "http://localhost:3000";

/** The token in the newest invitation mailed to `email`, read from the outbox as a person would. */
async function tokenMailedTo(email: string): Promise<string> {
  await deliverQueuedMail();
  const message = (await listOutbox(200)).find((m) => m.to === email);
  const match = message?.text.match(/\/invite\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invitation mailed to ${email}`);
  return match[1]!;
}

let counter = 0;
const newAddress = () => `invitee-${Date.now()}-${counter++}@example.test`;

async function invitee(email: string, verified = true): Promise<SessionUser> {
  const row = await createUser({ email, name: "Ivy Invitee", emailVerified: verified ? new Date() : null });
  return { id: row.id, name: row.name, email: row.email, image: null };
}

async function membershipCount(tenantId: string, userId: string) {
  return (await db.select().from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))).length;
}

describe("creating invitations", () => {
  it("mails a link naming the tenant and the inviter, and stores only the token's hash", async () => {
    const team = await teamOfEveryRole();
    const email = newAddress();
    const invitation = await createInvitation(team.admin.ctx, { email: email.toUpperCase(), role: "member" }, APP);
    expect(invitation.email).toBe(email);
    const token = await tokenMailedTo(email);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(invitation.tokenHash).not.toContain(token);
    const [message] = (await listOutbox(200)).filter((m) => m.to === email);
    expect(message!.subject).toBe(`Adam Admin invited you to ${team.tenant.name} on Starter`);
    expect(message!.text).toContain(`${APP}/invite/${token}`);
    expect(await findUsableInvitation(token)).toMatchObject({ email, role: "member", tenant: { slug: team.tenant.slug }, inviter: "Adam Admin" });
    const expiresInDays = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(6.99);
    expect(expiresInDays).toBeLessThan(7.01);
  });

  it("gives the expiry in the invitee's own zone when they have an account, else in UTC, named", async () => {
    const team = await teamOfEveryRole();
    const stranger = newAddress();
    const known = newAddress();
    await createUser({ email: known, timeZone: "Asia/Tokyo" });
    await createInvitation(team.admin.ctx, { email: stranger, role: "member" }, APP);
    await createInvitation(team.admin.ctx, { email: known, role: "member" }, APP);
    await deliverQueuedMail();
    const mails = await listOutbox(200);
    expect(mails.find((m) => m.to === stranger)!.text).toMatch(/expires on .*\d{1,2}:\d{2} (AM|PM) UTC/);
    expect(mails.find((m) => m.to === known)!.text).toMatch(/expires on .*\d{1,2}:\d{2} (AM|PM) GMT\+9/);
  });

  it("is for owners and admins, never with a role above the inviter's", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.member, team.billing]) {
      await expect(createInvitation(who.ctx, { email: newAddress(), role: "member" }, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    for (const role of ["owner", "billing"] as const) {
      const error = await createInvitation(team.admin.ctx, { email: newAddress(), role }, APP).catch((e: unknown) => e);
      expect((error as UserError).fieldErrors?.role).toEqual(["You can invite people as Admin or Member."]);
    }
    await createInvitation(team.owner.ctx, { email: newAddress(), role: "billing" }, APP);
    expect(await listPendingInvitations(team.owner.ctx)).toHaveLength(1);
  });

  it("refuses existing members and addresses with a pending invitation, clearly and without a trace", async () => {
    const team = await teamOfEveryRole();
    const memberError = await createInvitation(team.owner.ctx, { email: team.member.user.email!, role: "member" }, APP).catch((e: unknown) => e);
    expect((memberError as UserError).fieldErrors?.email?.[0]).toMatch(/is already a member/);

    const email = newAddress();
    await createInvitation(team.owner.ctx, { email, role: "member" }, APP);
    const again = await createInvitation(team.owner.ctx, { email, role: "admin" }, APP).catch((e: unknown) => e);
    expect((again as UserError).fieldErrors?.email?.[0]).toMatch(/already has a pending invitation/);
    expect(await listPendingInvitations(team.owner.ctx)).toHaveLength(1);
    await deliverQueuedMail();
    expect((await listOutbox(200)).filter((m) => m.to === email)).toHaveLength(1);
  });

  it("refuses bad input and changes nothing", async () => {
    const team = await teamOfEveryRole();
    await expect(createInvitation(team.owner.ctx, { email: "not-an-email", role: "member" }, APP)).rejects.toBeInstanceOf(UserError);
    await expect(createInvitation(team.owner.ctx, { email: newAddress(), role: "boss" as "member" }, APP)).rejects.toBeInstanceOf(UserError);
    expect(await listPendingInvitations(team.owner.ctx)).toEqual([]);
  });

  it("allows a new invitation once the old one has expired", async () => {
    const team = await teamOfEveryRole();
    const email = newAddress();
    const first = await createInvitation(team.owner.ctx, { email, role: "member" }, APP);
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, first.id));
    expect((await listPendingInvitations(team.owner.ctx))[0]?.expired).toBe(true);
    await createInvitation(team.owner.ctx, { email, role: "admin" }, APP);
    const pending = await listPendingInvitations(team.owner.ctx);
    expect(pending.map((p) => [p.role, p.expired])).toEqual([["admin", false]]);
  });

  it("stands while the mail server is down, and its mail goes out once the server is back", async () => {
    const team = await teamOfEveryRole();
    const email = newAddress();
    vi.stubEnv("EMAIL_SERVER", "smtp://127.0.0.1:1");
    vi.stubEnv("EMAIL_FROM", "hello@starter.test");
    try {
      await createInvitation(team.owner.ctx, { email, role: "member" }, APP);
      expect((await deliverQueuedMail()).failed).toBeGreaterThan(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await listPendingInvitations(team.owner.ctx)).toHaveLength(1);
    expect((await jobsIn("email-send")).find((j) => j.data.to === email)?.state).toBe("retry");
    await makeRetriesDue("email-send");
    expect(await tokenMailedTo(email)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("accepting", () => {
  it("adds the invitee with the invited role, once, and records it", async () => {
    const team = await teamOfEveryRole();
    const email = newAddress();
    await createInvitation(team.owner.ctx, { email, role: "admin" }, APP);
    const token = await tokenMailedTo(email);
    const user = await invitee(email);

    expect(await acceptInvitation(user, token, "198.51.100.1")).toEqual({ slug: team.tenant.slug });
    expect(await listTenantsForUser(user.id)).toEqual([expect.objectContaining({ slug: team.tenant.slug, role: "admin" })]);
    expect(await findHomeTenantSlug(user.id)).toBe(team.tenant.slug);
    const [joined] = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, team.tenant.id), eq(activityLog.action, "member.joined")));
    expect(joined).toMatchObject({ actorId: user.id, ip: "198.51.100.1", metadata: { role: "admin" } });

    // A replay of the same link does nothing.
    await expect(acceptInvitation(user, token)).rejects.toBeInstanceOf(InvalidInvitationError);
    expect(await findUsableInvitation(token)).toBeNull();
    // Arriving by invitation, the user got no personal tenant.
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.personalTenantCreatedAt).toBeNull();
  });

  it("is only for the invited address, verified", async () => {
    const team = await teamOfEveryRole();
    const email = newAddress();
    await createInvitation(team.owner.ctx, { email, role: "member" }, APP);
    const token = await tokenMailedTo(email);

    const someoneElse = await invitee(newAddress());
    await expect(acceptInvitation(someoneElse, token)).rejects.toThrow(`This invitation is for ${email}`);
    await expect(declineInvitation(someoneElse, token)).rejects.toThrow(`This invitation is for ${email}`);
    expect(await membershipCount(team.tenant.id, someoneElse.id)).toBe(0);

    const unverified = await invitee(email, false);
    await expect(acceptInvitation(unverified, token)).rejects.toThrow(/confirm the address/);
    expect(await membershipCount(team.tenant.id, unverified.id)).toBe(0);
    expect(await findUsableInvitation(token)).not.toBeNull();
  });

  it("gives exactly one membership to twenty parallel accepts", async () => {
    const team = await teamOfEveryRole();
    const email = newAddress();
    await createInvitation(team.owner.ctx, { email, role: "member" }, APP);
    const token = await tokenMailedTo(email);
    const user = await invitee(email);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => acceptInvitation(user, token)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof InvalidInvitationError)).toBe(true);
    expect(await membershipCount(team.tenant.id, user.id)).toBe(1);
    expect(await db.select().from(activityLog).where(and(eq(activityLog.tenantId, team.tenant.id), eq(activityLog.action, "member.joined")))).toHaveLength(1);
  });

  it("refuses expired, revoked, declined, resent-over and unknown links alike", async () => {
    const team = await teamOfEveryRole();
    const cases: Record<string, string> = {};

    const expired = newAddress();
    const inv = await createInvitation(team.owner.ctx, { email: expired, role: "member" }, APP);
    cases.expired = await tokenMailedTo(expired);
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, inv.id));

    const revoked = newAddress();
    const revokedInv = await createInvitation(team.owner.ctx, { email: revoked, role: "member" }, APP);
    cases.revoked = await tokenMailedTo(revoked);
    await revokeInvitation(team.admin.ctx, { invitationId: revokedInv.id });

    const declined = newAddress();
    await createInvitation(team.owner.ctx, { email: declined, role: "member" }, APP);
    cases.declined = await tokenMailedTo(declined);
    await declineInvitation(await invitee(declined), cases.declined);

    const resent = newAddress();
    const resentInv = await createInvitation(team.owner.ctx, { email: resent, role: "member" }, APP);
    cases.resentOver = await tokenMailedTo(resent);
    await resendInvitation(team.owner.ctx, { invitationId: resentInv.id }, APP);
    const fresh = await tokenMailedTo(resent);
    expect(fresh).not.toBe(cases.resentOver);

    cases.unknown = "A".repeat(43);

    for (const [name, token] of Object.entries(cases)) {
      expect(await findUsableInvitation(token), name).toBeNull();
      const email = { expired, revoked, declined, resentOver: resent, unknown: newAddress() }[name]!;
      const user = name === "declined" ? (await db.select().from(users).where(eq(users.email, email)))[0]! : await invitee(email);
      await expect(acceptInvitation(user, token), name).rejects.toBeInstanceOf(InvalidInvitationError);
    }
    // The new link of the resent one works.
    const resentUser = (await db.select().from(users).where(eq(users.email, resent)))[0]!;
    await acceptInvitation(resentUser, fresh);
    expect(await membershipCount(team.tenant.id, resentUser.id)).toBe(1);
  });
});

describe("resending", () => {
  it("is refused to someone who may not grant the invitation's role", async () => {
    const team = await teamOfEveryRole();
    const invitation = await createInvitation(team.owner.ctx, { email: newAddress(), role: "billing" }, APP);
    await expect(resendInvitation(team.admin.ctx, { invitationId: invitation.id }, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
    await resendInvitation(team.owner.ctx, { invitationId: invitation.id }, APP);
  });

  it("counts an expired invitation against the plan again before renewing it", async () => {
    const owner = await memberOf(null, "owner"); // Free: 3 members, pending invitations included
    const old = await createInvitation(owner.ctx, { email: newAddress(), role: "member" }, APP);
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, old.id));
    await createInvitation(owner.ctx, { email: newAddress(), role: "member" }, APP);
    await createInvitation(owner.ctx, { email: newAddress(), role: "member" }, APP);
    await expect(resendInvitation(owner.ctx, { invitationId: old.id }, APP)).rejects.toThrow("The Free plan allows 3 members");
    expect((await listPendingInvitations(owner.ctx)).find((i) => i.id === old.id)?.expired).toBe(true);
  });
});

describe("managing invitations", () => {
  it("is for owners and admins, within their own tenant", async () => {
    const team = await teamOfEveryRole();
    const email = newAddress();
    const invitation = await createInvitation(team.owner.ctx, { email, role: "member" }, APP);
    for (const who of [team.member, team.billing]) {
      await expect(resendInvitation(who.ctx, { invitationId: invitation.id }, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(revokeInvitation(who.ctx, { invitationId: invitation.id })).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(listPendingInvitations(who.ctx)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    const other = await memberOf(null, "owner");
    await expect(resendInvitation(other.ctx, { invitationId: invitation.id }, APP)).rejects.toBeInstanceOf(NotFoundError);
    await revokeInvitation(other.ctx, { invitationId: invitation.id });
    expect(await listPendingInvitations(team.owner.ctx)).toHaveLength(1);
    expect(await findUsableInvitation(await tokenMailedTo(email))).not.toBeNull();
  });
});
