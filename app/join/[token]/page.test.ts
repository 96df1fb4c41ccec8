// The public /join page, rendered as Next calls it: what each visitor sees, and that
// opening a link (as chat apps and mail scanners do) writes nothing.
import { type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTenant, createUser } from "@/db/factories";
import { recordStatements } from "@/db/statement-log";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { revokeInviteLink } from "@/lib/invite-links/revoke-invite-link";
import { newRequest, outcome, signInAs } from "@/testing/fake-request";
import { memberOf } from "@/testing/tenant-context";
import JoinByLinkPage from "./page";
import { resolveServerComponents } from "@/testing/render-server";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
vi.mock("@/lib/auth/auth", () => ({ signIn: async () => "/sign-in/check-email", signOut: async () => {} }));

const APP = "http://localhost:3000";

const page = async (token: string) => renderToStaticMarkup((await resolveServerComponents(await JoinByLinkPage({ params: Promise.resolve({ token }) }))) as ReactElement);

async function link() {
  const owner = await memberOf(await createTenant({ name: "Acme", planId: "pro" }), "owner", "Olive Owner");
  return { owner, ...(await createInviteLink(owner.ctx, { role: "admin" }, APP)) };
}

const writes = (statements: string[]) => statements.filter((s) => !/^\s*(select|with)\b/i.test(s));

beforeEach(() => newRequest());

describe("the join page", () => {
  it("asks the signed-out to sign in, coming back to the link", async () => {
    const { token } = await link();
    const html = await page(token);
    expect(html).toContain("Olive Owner invites you to join the workspace <strong");
    expect(html).toContain(">Admin</strong>");
    expect(html).toContain("Email me a sign-in link");
    expect(html).toContain(`name="callbackUrl" value="/join/${token}"`);
    expect(html).not.toContain("Join Acme</button>");
  });

  it("offers a signed-in newcomer one Join button, and writes nothing", async () => {
    const { token } = await link();
    await signInAs(await createUser());
    const { result: html, statements } = await recordStatements(() => page(token));
    expect(html).toContain("Join Acme");
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Join Acme<\/button>/);
    expect(writes(statements)).toEqual([]);
  });

  it("sends a member to the workspace instead", async () => {
    const { owner, token } = await link();
    await signInAs(owner.user);
    const html = await page(token);
    expect(html).toContain("You are already a member of Acme.");
    expect(html).toContain(`href="/t/${owner.tenant.slug}"`);
    expect(html).toContain("Open Acme");
  });

  it("is the same 404 for an unknown, a revoked and a malformed link", async () => {
    const { owner, link: row, token } = await link();
    await revokeInviteLink(owner.ctx, { linkId: row.id });
    for (const bad of [token, "A".repeat(43), "\u0000", "x".repeat(10_000)]) {
      const { result, statements } = await recordStatements(() => outcome(JoinByLinkPage({ params: Promise.resolve({ token: bad }) })));
      expect(result).toBe("404");
      expect(writes(statements)).toEqual([]);
    }
  });
});
