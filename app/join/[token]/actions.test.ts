// Joining by invite link, called as the /join page's form calls it, with the cookies of
// the signed-out, a newcomer, a member, and someone arriving at a full workspace.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createTenant, createUser } from "@/db/factories";
import { inviteLinks, memberships } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { FLASH_COOKIE } from "@/lib/actions/flash-cookie";
import { INVALID_INVITE_LINK_TEXT } from "@/lib/invite-links/copy";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { newRequest, request, signInAs } from "@/testing/fake-request";
import { memberOf } from "@/testing/tenant-context";
import { joinByLinkAction } from "./actions";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const APP = "http://localhost:3000";
const GENERIC = "Something went wrong on our side. Please try again.";

async function outcome(run: () => Promise<ActionState>) {
  try {
    return await run();
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { status: "redirect" as const, to: digest.split(";")[2] };
    throw error;
  }
}

const join = (token: string) => outcome(() => joinByLinkAction(token, { status: "idle" }, new FormData()));
const isMember = async (tenantId: string, userId: string) =>
  (await db.select().from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))).length === 1;
const usesOf = async (id: string) => (await db.select().from(inviteLinks).where(eq(inviteLinks.id, id)))[0]!.uses;

async function workspace(planId = "pro") {
  const owner = await memberOf(await createTenant({ name: "Acme", planId }), "owner");
  const created = await createInviteLink(owner.ctx, { role: "member", maxUses: 5 }, APP);
  return { owner, ...created };
}

beforeEach(() => {
  newRequest();
  request.headers = new Headers();
});

describe("joining by invite link", () => {
  it("sends the signed-out to sign-in, to come back to the link, and joins nothing", async () => {
    const { link, token } = await workspace();
    expect(await join(token)).toEqual({ status: "redirect", to: `/sign-in?callbackUrl=${encodeURIComponent(`/join/${token}`)}` });
    expect(await usesOf(link.id)).toBe(0);
  });

  it("joins and opens the workspace, with a welcome for the next page", async () => {
    const { owner, link, token } = await workspace();
    const newcomer = await createUser();
    await signInAs(newcomer);
    expect(await join(token)).toEqual({ status: "redirect", to: `/t/${owner.tenant.slug}` });
    expect(await isMember(owner.tenant.id, newcomer.id)).toBe(true);
    expect(request.cookies.get(FLASH_COOKIE)).toBe("Welcome to Acme.");
    expect(await usesOf(link.id)).toBe(1);

    // Again, as a member now: opens it, takes no use.
    await signInAs(newcomer);
    expect(await join(token)).toEqual({ status: "redirect", to: `/t/${owner.tenant.slug}` });
    expect(request.cookies.get(FLASH_COOKIE)).toBe("You are already a member of Acme.");
    expect(await usesOf(link.id)).toBe(1);
  });

  it("answers garbage and dead tokens with the dead-link message, never a failure", async () => {
    const { owner, token } = await workspace();
    const stranger = await createUser();
    for (const bad of ["", "A".repeat(43), `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "\u0000", "x".repeat(100_000), "../../t/acme", "\uD800"]) {
      await signInAs(stranger);
      const result = await join(bad);
      expect(result, JSON.stringify(bad.slice(0, 12))).toEqual({ status: "error", message: `${INVALID_INVITE_LINK_TEXT}` });
      expect((result as { message: string }).message).not.toBe(GENERIC);
    }
    expect(await isMember(owner.tenant.id, stranger.id)).toBe(false);
  });

  it("says, in words, that a full workspace has no free seat, and takes no use", async () => {
    const { owner, link, token } = await workspace("free"); // Free: 3 members
    for (const _ of [1, 2]) {
      await signInAs(await createUser());
      await join(token);
    }
    const late = await createUser();
    await signInAs(late);
    expect(await join(token)).toEqual({ status: "error", message: "Acme has no free seats on its plan. Ask an owner to upgrade." });
    expect(await isMember(owner.tenant.id, late.id)).toBe(false);
    expect(await usesOf(link.id)).toBe(2);
  });

  it("says a used-up link is used up", async () => {
    const owner = await memberOf(await createTenant({ name: "Acme", planId: "pro" }), "owner");
    const { token } = await createInviteLink(owner.ctx, { role: "member", maxUses: 1 }, APP);
    await signInAs(await createUser());
    await join(token);
    await signInAs(await createUser());
    expect(await join(token)).toMatchObject({ status: "error", message: expect.stringMatching(/has been used as many times as it allows/) });
  });
});
