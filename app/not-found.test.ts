// The 404 page as Next renders it, for the signed-in and the signed-out.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { addMember, createTenant } from "@/db/factories";
import { recordStatements } from "@/db/statement-log";
import { requireTenant, getTenantFrame } from "@/lib/tenancy/require-tenant";
import { newRequest, request, signInAs } from "@/testing/fake-request";
import { memberOf } from "@/testing/tenant-context";
import NotFound from "./not-found";
import { resolveServerComponents } from "@/testing/render-server";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));
// The header's sign-out action reaches Auth.js, which does not load outside Next; it is not called here.
vi.mock("@/lib/auth/auth", () => ({ signOut: async () => {} }));

async function html(path: string | null) {
  request.headers = new Headers(path ? { "x-return-to": path } : {});
  return renderToStaticMarkup(await resolveServerComponents(await NotFound()));
}
/** The page's main part: what differs between cases, if anything. */
const main = (markup: string) => markup.slice(markup.indexOf("<main"), markup.indexOf("</main>"));

beforeEach(() => newRequest());

describe("the 404 page, rendered on every request", () => {
  // Next renders not-found.tsx as the fallback of every page, shown or not: it must not
  // add a statement to the page it stands behind.
  it("asks nothing more on a tenant page than the tenant layout did, nor on a page of the signed-in user", async () => {
    const me = await memberOf(null, "owner");
    await signInAs(me.user);
    request.headers = new Headers({ "x-return-to": `/t/${me.tenant.slug}/customers` });
    const { statements } = await recordStatements(async () => {
      await requireTenant(me.tenant.slug);
      await getTenantFrame(me.tenant.slug);
      await resolveServerComponents(await NotFound());
    });
    expect(statements).toHaveLength(1);
  });
});

describe("the 404 page, signed in", () => {
  it("says the viewer has no access, the same for another's workspace as for a missing one, and lists only their own", async () => {
    const me = await memberOf(await createTenant({ name: "Mine Ltd" }), "member");
    await addMember(await createTenant({ name: "Second Co" }), me.user, "admin");
    const theirs = await memberOf(await createTenant({ name: "Secret Theirs" }), "owner");
    await signInAs(me.user);

    const strangers = await html(`/t/${theirs.tenant.slug}/customers`);
    const missing = await html("/t/no-such-workspace-here");
    expect(main(strangers)).toBe(main(missing));
    expect(main(strangers)).toContain("You do not have access to a workspace at this address");
    expect(strangers).toContain("<header");
    expect(strangers).not.toContain("Secret Theirs");
    expect(strangers).not.toContain(theirs.tenant.slug);
    const links = [...main(strangers).matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);
    expect(links).toEqual(expect.arrayContaining([`/t/${me.tenant.slug}`, "/tenants/new"]));
    expect(links).toHaveLength(3);
    expect(main(strangers)).toContain("Mine Ltd");
    expect(main(strangers)).toContain("Second Co");
  });

  it("is a missing page inside the viewer's own workspace, and says so for one in no workspace", async () => {
    const me = await memberOf(await createTenant({ name: "Home Base" }), "owner");
    await signInAs(me.user);
    expect(main(await html(`/t/${me.tenant.slug}/nothing-here`))).toContain("This page does not exist in Home Base.");

    const { createUser } = await import("@/db/factories");
    const alone = await createUser();
    await signInAs(alone);
    const page = main(await html(`/t/${me.tenant.slug}`));
    expect(page).toContain("You are not in any workspace right now.");
    expect(page).toContain('href="/tenants/new"');
    expect(page).not.toContain("Home Base");
  });
});

describe("the 404 page, signed out", () => {
  it("keeps its look, without the app's header, with a sign-in link", async () => {
    const page = await html(null);
    expect(page).not.toContain("<header");
    expect(page).toContain("Page not found");
    expect(page).toContain('href="/sign-in"');
  });
});
