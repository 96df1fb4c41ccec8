// The invite-link actions of the members page, called as its forms call them, with the
// cookies of the people who may and may not use them. Hostile input gets a message.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { inviteLinks } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { findUsableInviteLink } from "@/lib/invite-links/invite-links";
import { newRequest, signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { createInviteLinkAction, revokeInviteLinkAction } from "./actions";
import { hashLinkToken } from "@/lib/security/link-token";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const APP = "http://localhost:3000";
const GENERIC = "Something went wrong on our side. Please try again.";
const DENIED = "Only owners and admins can manage invite links.";

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(key, one);
  return data;
};

async function outcome(run: () => Promise<ActionState>) {
  try {
    return await run();
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { status: "404" as const };
    throw error;
  }
}

const linkCount = async (tenantId: string) => (await db.select({ n: count() }).from(inviteLinks).where(eq(inviteLinks.tenantId, tenantId)))[0]!.n;

let team: Awaited<ReturnType<typeof teamOfEveryRole>>;
beforeAll(async () => {
  team = await teamOfEveryRole();
});

describe("the invite-link actions", () => {
  it("create a link for an admin and hand its URL back once; revoke it", async () => {
    await signInAs(team.admin.user);
    const created = await createInviteLinkAction(team.tenant.slug, { status: "idle" }, form({ role: "member", expiresInDays: "30", maxUses: "3" }));
    expect(created).toEqual({ status: "success", data: { url: expect.stringMatching(/^https?:\/\/[^/]+\/join\/[A-Za-z0-9_-]{43}$/), role: "member", maxUses: 3 } });
    const token = (created as { data: { url: string } }).data.url.split("/join/")[1]!;
    const [row] = await db.select().from(inviteLinks).where(eq(inviteLinks.tokenHash, hashLinkToken(token)));
    expect(row).toMatchObject({ tenantId: team.tenant.id, role: "member", maxUses: 3 });

    expect(await revokeInviteLinkAction(team.tenant.slug, { status: "idle" }, form({ linkId: row!.id }))).toEqual({ status: "success" });
    expect(await findUsableInviteLink(token)).toBeNull();
  });

  it("refuse members and billing, and an admin's owner link, writing nothing", async () => {
    const before = await linkCount(team.tenant.id);
    const { link } = await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    for (const who of [team.member, team.billing]) {
      await signInAs(who.user);
      expect(await createInviteLinkAction(team.tenant.slug, { status: "idle" }, form({ role: "member", expiresInDays: "7", maxUses: "" }))).toMatchObject({ status: "error", message: DENIED });
      expect(await revokeInviteLinkAction(team.tenant.slug, { status: "idle" }, form({ linkId: link.id }))).toMatchObject({ status: "error", message: DENIED });
    }
    await signInAs(team.admin.user);
    expect(await createInviteLinkAction(team.tenant.slug, { status: "idle" }, form({ role: "owner", expiresInDays: "7" }))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/links you make can be for Admin or Member/),
    });
    expect(await linkCount(team.tenant.id)).toBe(before + 1);
    expect((await db.select().from(inviteLinks).where(eq(inviteLinks.id, link.id)))[0]!.revokedAt).toBeNull();
  });

  it("refuse bad input with a field error and store nothing", async () => {
    const before = await linkCount(team.tenant.id);
    const bad: [Record<string, string | string[]>, string][] = [
      [{ role: "member", maxUses: "0" }, "maxUses"],
      [{ role: "member", maxUses: "1001" }, "maxUses"],
      [{ role: "member", maxUses: "abc" }, "maxUses"],
      [{ role: "member", maxUses: "\u0000" }, "maxUses"],
      [{ role: "member", maxUses: ["2", "3"] }, "maxUses"],
      [{ role: "member", expiresInDays: "3" }, "expiresInDays"],
      [{ role: "member", expiresInDays: "x".repeat(100_000) }, "expiresInDays"],
      [{ role: "god" }, "role"],
      [{}, "role"],
    ];
    for (const [fields, field] of bad) {
      newRequest();
      await signInAs(team.owner.user);
      const result = await createInviteLinkAction(team.tenant.slug, { status: "idle" }, form(fields));
      expect(result.status, JSON.stringify(fields).slice(0, 60)).toBe("error");
      expect((result as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field], JSON.stringify(fields).slice(0, 60)).toBeDefined();
    }
    const hostile: Record<string, string | string[]>[] = [{}, { linkId: "" }, { linkId: "not-a-uuid" }, { linkId: "\u0000" }, { linkId: ["a", "b"] }];
    for (const fields of hostile) {
      const result = await revokeInviteLinkAction(team.tenant.slug, { status: "idle" }, form(fields));
      expect(result.status, JSON.stringify(fields)).toBe("error");
      expect((result as { message: string }).message).not.toBe(GENERIC);
    }
    expect(await linkCount(team.tenant.id)).toBe(before);
  });

  it("treat another workspace's link as gone, and answer 404 to someone outside", async () => {
    const stranger = await memberOf(null, "owner");
    const theirs = await createInviteLink(stranger.ctx, { role: "member" }, APP);
    const mine = await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    await signInAs(team.owner.user);
    expect(await revokeInviteLinkAction(team.tenant.slug, { status: "idle" }, form({ linkId: theirs.link.id }))).toMatchObject({ status: "error", message: "It no longer exists." });
    expect(await findUsableInviteLink(theirs.token)).not.toBeNull();

    await signInAs(stranger.user);
    expect(await outcome(() => revokeInviteLinkAction(team.tenant.slug, { status: "idle" }, form({ linkId: mine.link.id })))).toEqual({ status: "404" });
    expect(await outcome(() => createInviteLinkAction(team.tenant.slug, { status: "idle" }, form({ role: "member" })))).toEqual({ status: "404" });
    expect(await findUsableInviteLink(mine.token)).not.toBeNull();
  });
});
