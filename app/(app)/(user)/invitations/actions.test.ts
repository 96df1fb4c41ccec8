// The invitations page's actions, called as its forms call them (the invitation's id bound
// by the page, so it comes back from the client as anything at all).
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createUser } from "@/db/factories";
import { invitations, memberships, tenants } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { invitationExpiry } from "@/lib/invitations/invitations";
import { resolveHomePath } from "@/lib/tenants/home";
import { listTenantsForUser } from "@/lib/tenants/queries";
import { newRequest, request, signInAs } from "@/testing/fake-request";
import { memberOf } from "@/testing/tenant-context";
import { acceptMyInvitationAction, createOwnWorkspaceAction, declineMyInvitationAction } from "./actions";
import { hashLinkToken } from "@/lib/security/link-token";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const GENERIC = "Something went wrong on our side. Please try again.";
const idle: ActionState = { status: "idle" };

async function outcomeOf(run: () => Promise<ActionState | void>): Promise<ActionState | { status: "redirect"; to: string } | void> {
  try {
    return await run();
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { status: "redirect", to: digest.split(";")[2]! };
    throw error;
  }
}

async function invitedPerson() {
  const owner = await memberOf(null, "owner");
  const row = await createUser({ name: "Ines Invited" });
  const user = { id: row.id, name: row.name, email: row.email, image: null };
  const [invitation] = await db
    .insert(invitations)
    .values({ tenantId: owner.tenant.id, email: row.email!, role: "member", tokenHash: hashLinkToken(randomUUID()), expiresAt: invitationExpiry() })
    .returning();
  await signInAs(user);
  return { owner, user, invitation: invitation! };
}

const tenantCount = async () => (await db.select({ n: count() }).from(tenants))[0]!.n;
const membershipsOf = async (tenantId: string) => (await db.select({ n: count() }).from(memberships).where(eq(memberships.tenantId, tenantId)))[0]!.n;

beforeEach(() => {
  newRequest();
  request.headers = new Headers();
});

describe("the invitations page's actions", () => {
  it("accept joins and goes to the workspace", async () => {
    const { owner, user, invitation } = await invitedPerson();
    expect(await outcomeOf(() => acceptMyInvitationAction(invitation.id, idle, new FormData()))).toEqual({ status: "redirect", to: `/t/${owner.tenant.slug}` });
    expect(await listTenantsForUser(user.id)).toEqual([expect.objectContaining({ slug: owner.tenant.slug, role: "member" })]);
  });

  it("decline closes the invitation, stays on the page, and makes no workspace", async () => {
    const { owner, invitation } = await invitedPerson();
    const before = await tenantCount();
    expect(await outcomeOf(() => declineMyInvitationAction(invitation.id, idle, new FormData()))).toEqual({ status: "success", message: "Invitation declined." });
    expect((await db.select().from(invitations).where(eq(invitations.id, invitation.id)))[0]!.declinedAt).toBeInstanceOf(Date);
    expect(await membershipsOf(owner.tenant.id)).toBe(1);
    expect(await tenantCount()).toBe(before);
  });

  it("'create my own instead' makes exactly one workspace, even sent twice at once, and goes there", async () => {
    const { user, invitation } = await invitedPerson();
    expect(await resolveHomePath(user)).toBe("/invitations");
    const before = await tenantCount();
    const results = await Promise.all([outcomeOf(() => createOwnWorkspaceAction()), outcomeOf(() => createOwnWorkspaceAction())]);
    expect(await tenantCount()).toBe(before + 1);
    const [mine] = await listTenantsForUser(user.id);
    expect(mine).toMatchObject({ name: "Ines's workspace", role: "owner" });
    expect(results).toEqual([
      { status: "redirect", to: `/t/${mine!.slug}` },
      { status: "redirect", to: `/t/${mine!.slug}` },
    ]);
    // The invitation stays open for later.
    expect((await db.select().from(invitations).where(eq(invitations.id, invitation.id)))[0]).toMatchObject({ acceptedAt: null, declinedAt: null });
  });

  it("answers a hostile or foreign invitation id with a message, never a failure, changing nothing", async () => {
    const { owner, invitation } = await invitedPerson();
    const other = await invitedPerson(); // signed in as this one from here on
    for (const id of [invitation.id, randomUUID(), "", "\u0000", "not-a-uuid", "x".repeat(100_000), "'; drop table invitations; --", 42, null, undefined]) {
      for (const action of [acceptMyInvitationAction, declineMyInvitationAction]) {
        const result = await outcomeOf(() => action(id as string, idle, new FormData()));
        expect(result, JSON.stringify(id)).toMatchObject({ status: "error" });
        expect((result as { message: string }).message).not.toBe(GENERIC);
      }
    }
    expect(await membershipsOf(owner.tenant.id)).toBe(1);
    expect((await db.select().from(invitations).where(eq(invitations.id, invitation.id)))[0]).toMatchObject({ acceptedAt: null, declinedAt: null });
    expect(await listTenantsForUser(other.user.id)).toEqual([]);
  });

  it("sends the signed-out to sign-in", async () => {
    const { invitation } = await invitedPerson();
    newRequest();
    for (const run of [() => acceptMyInvitationAction(invitation.id, idle, new FormData()), () => declineMyInvitationAction(invitation.id, idle, new FormData()), () => createOwnWorkspaceAction()]) {
      expect(await outcomeOf(run)).toMatchObject({ status: "redirect", to: expect.stringMatching(/^\/sign-in/) });
    }
  });
});
