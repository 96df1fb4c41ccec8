// The members page's "Invite links" card, rendered as Next calls the page: for owners and
// admins only, each link with its state and uses, read beside the page's other lists.
import { type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTenant, createUser } from "@/db/factories";
import { startTrial } from "@/lib/billing/trials";
import { recordStatements } from "@/db/statement-log";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { joinByInviteLink } from "@/lib/invite-links/join-by-link";
import { newRequest, signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import MembersPage from "./page";
import { resolveServerComponents } from "@/testing/render-server";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));

const APP = "http://localhost:3000";

const html = async (slug: string) => renderToStaticMarkup((await resolveServerComponents((await MembersPage({ params: Promise.resolve({ slug }) })) as ReactNode)) as ReactElement);
const rows = (markup: string) => markup.split('data-testid="invite-link-row"').length - 1;

beforeEach(() => newRequest());

describe("the members page's invite links", () => {
  it("lists each link with its uses and state for an admin, with the form, in the page's one parallel read", async () => {
    const team = await teamOfEveryRole();
    const { token } = await createInviteLink(team.owner.ctx, { role: "member", maxUses: 3 }, APP);
    await createInviteLink(team.admin.ctx, { role: "admin" }, APP);
    await joinByInviteLink({ ...(await createUser()), image: null }, token);

    await signInAs(team.admin.user);
    const { result: page, statements } = await recordStatements(() => html(team.tenant.slug));
    expect(page).toContain(">Invite links</h2>");
    expect(page).toContain("Anyone signed in with the link can join this workspace as the chosen role until it expires");
    expect(rows(page)).toBe(2);
    expect(page).toContain("1 of 3 uses");
    expect(page).toContain("0 uses");
    expect(page).toContain("Created by Olive Owner");
    expect(page).toContain(">Live</span>");
    expect(page).toContain("Create invite link");
    // The admin's choices: the roles an admin may give.
    const roleSelect = /<select[^>]*id="invite-link-role".*?<\/select>/.exec(page)?.[0] ?? "";
    expect([...roleSelect.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual(["admin", "member"]);
    // The guard's statement, then the page's lists side by side: members, invitations, links, viewer.
    expect(statements.length, statements.join("\n\n")).toBe(4);
    expect(page).not.toContain(token);
  });

  it("shows no invite links to members and billing", async () => {
    const team = await teamOfEveryRole();
    await createInviteLink(team.owner.ctx, { role: "member" }, APP);
    for (const who of [team.member, team.billing]) {
      await signInAs(who.user);
      const page = await html(team.tenant.slug);
      expect(page).not.toContain("Invite links");
      expect(rows(page)).toBe(0);
    }
  });

  it("says so when there are none yet", async () => {
    const team = await teamOfEveryRole();
    await signInAs(team.owner.user);
    expect(await html(team.tenant.slug)).toContain("No invite links yet.");
  });
});

describe("the members page's invitation cost", () => {
  it("tells an owner of a per-seat plan what a seat costs, and nobody else, with no query on other plans", async () => {
    const owner = await memberOf(await createTenant(), "owner");
    const admin = await memberOf(owner.tenant, "admin");
    await startTrial(owner.ctx, { planId: "business" });

    await signInAs(owner.user);
    const cost = /data-testid="invitation-cost"[^>]*>([^<]*)</.exec(await html(owner.tenant.slug))?.[1];
    expect(cost).toBe("Free during your trial; once you subscribe, this invitation adds 1 seat, about $15 per month.");

    await signInAs(admin.user);
    expect(await html(owner.tenant.slug)).not.toContain("invitation-cost");

    const pro = await memberOf(await createTenant({ planId: "pro" }), "owner");
    await signInAs(pro.user);
    const { result, statements } = await recordStatements(() => html(pro.tenant.slug));
    expect(result).not.toContain("invitation-cost");
    expect(statements.length).toBe(4);
  });
});
