// The pages that list a user's own pending invitations, rendered as Next calls them.
import { type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { removeMember } from "@/lib/members/remove-member";
import { acceptInvitationById } from "@/lib/invitations/respond-by-id";
import { newRequest, signInAs } from "@/testing/fake-request";
import { teamOfEveryRole } from "@/testing/tenant-context";
import NewTenantPage from "../tenants/new/page";
import InvitationsPage from "./page";
import { resolveServerComponents } from "@/testing/render-server";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));
vi.mock("@/lib/auth/auth", () => ({ signOut: async () => {} }));

const APP = "http://localhost:3000";

async function render(page: () => Promise<ReactNode>) {
  return renderToStaticMarkup((await resolveServerComponents(await page())) as ReactElement);
}

const rows = (markup: string) => markup.split('data-testid="pending-invitation"').length - 1;

beforeEach(() => newRequest());

describe("the invitations page", () => {
  it("lists each invitation with its workspace, who invited, the role, Accept and Decline, and offers a workspace of one's own", async () => {
    const team = await teamOfEveryRole();
    const invitee = await createUser();
    await createInvitation(team.admin.ctx, { email: invitee.email!, role: "admin" }, APP);
    await signInAs(invitee);
    const page = await render(() => InvitationsPage());
    expect(rows(page)).toBe(1);
    expect(page).toContain(team.tenant.name);
    expect(page).toContain("Invited by Adam Admin");
    expect(page).toContain(">Admin<");
    expect(page).toContain("Accept invitation");
    expect(page).toContain("Decline");
    expect(page).toContain("Create my own workspace instead");
  });

  it("shows nobody else's invitations", async () => {
    const team = await teamOfEveryRole();
    await createInvitation(team.owner.ctx, { email: "somebody-else@example.test", role: "member" }, APP);
    await signInAs(await createUser());
    const page = await render(() => InvitationsPage());
    expect(rows(page)).toBe(0);
    expect(page).not.toContain(team.tenant.name);
    expect(page).toContain("No invitations are waiting for you.");
  });
});

describe("the create-a-workspace page", () => {
  it("tells someone removed that they are in no workspace, with the invitations waiting for them", async () => {
    const team = await teamOfEveryRole();
    const row = await createUser();
    const user = { id: row.id, name: row.name, email: row.email, image: null };
    const first = await createInvitation(team.owner.ctx, { email: row.email!, role: "member" }, APP);
    await acceptInvitationById(user, { invitationId: first.id });
    await removeMember(team.owner.ctx, { userId: user.id });
    await signInAs(user);
    let page = await render(() => NewTenantPage());
    expect(page).toContain("You are not in any workspace right now.");
    expect(rows(page)).toBe(0);

    await createInvitation(team.owner.ctx, { email: row.email!, role: "member" }, APP);
    newRequest();
    await signInAs(user);
    page = await render(() => NewTenantPage());
    expect(page).toContain("You are not in any workspace right now.");
    expect(rows(page)).toBe(1);
    expect(page).toContain(team.tenant.name);
  });
});
