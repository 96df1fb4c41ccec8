// Every page under /t/{slug} goes through the guard, and the pages that need a permission
// get it from the page guard: called here as Next calls them, with a fake request.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { NoAccess } from "@/components/app/no-access";
import { recordStatements } from "@/db/statement-log";
import { createCustomer } from "@/lib/customers/customers";
import { can, type Permission } from "@/lib/permissions/permissions";
import { ROLES } from "@/lib/permissions/roles";
import { newRequest, outcome, request, signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { renameTenantAction } from "./settings/actions";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));
// The layout's sign-out action reaches Auth.js, which does not load outside Next; it is not called here.
vi.mock("@/lib/auth/auth", () => ({ signOut: async () => {} }));

type Entry = (props: Record<string, unknown>) => Promise<unknown>;
const here = import.meta.dirname;
const entries = import.meta.glob<{ default: Entry }>(["./**/page.tsx", "./layout.tsx"]);
const onDisk = readdirSync(here, { recursive: true, encoding: "utf8" })
  .filter((file) => /(^|\/)page\.tsx$/.test(file.split(path.sep).join("/")))
  .map((file) => `./${file.split(path.sep).join("/")}`);

/** Calls a page (or the layout) as Next would, for `slug`. */
function render(file: string, slug: unknown, id = "00000000-0000-4000-8000-000000000000") {
  return entries[file]!().then(({ default: Entry }) =>
    Entry({ params: Promise.resolve({ slug, id }), searchParams: Promise.resolve({}), children: null }),
  );
}

beforeEach(() => {
  newRequest();
  request.headers = new Headers({ "x-return-to": "/t/somewhere" });
});

describe("every tenant page", () => {
  it("is found", () => {
    expect(Object.keys(entries).filter((file) => file.endsWith("page.tsx")).sort()).toEqual(onDisk.sort());
    expect(onDisk.length).toBeGreaterThanOrEqual(10);
  });

  it("sends the signed-out to sign-in, and answers 404 to a stranger and to a slug that cannot be one (without a query)", async () => {
    const team = await memberOf(null, "owner");
    const stranger = await memberOf(null, "owner");
    for (const file of Object.keys(entries)) {
      newRequest();
      expect(await outcome(render(file, team.tenant.slug)), file).toBe("redirect /sign-in?callbackUrl=%2Ft%2Fsomewhere");
      await signInAs(stranger.user);
      expect(await outcome(render(file, team.tenant.slug)), file).toBe("404");
      for (const slug of [`${stranger.tenant.slug}\0`, "x".repeat(100), 7]) {
        const { result, statements } = await recordStatements(() => outcome(render(file, slug)));
        expect(result, file).toBe("404");
        expect(statements, file).toEqual([]);
      }
    }
  });

  it("leaves the no-access card to the page guard (no copied permission gate)", () => {
    for (const file of onDisk) {
      const source = readFileSync(path.join(here, file), "utf8");
      expect(source, file).toMatch(/\b(requireTenant|tenantPage)\(/);
      expect(source, file).not.toMatch(/no-access|NoAccess/);
    }
  });
});

// Restated on purpose: a page that stops asking for its permission fails here.
const GATED: Record<string, { permission: Permission; title?: string; denied: string }> = {
  "./activity/page.tsx": { permission: "activity.read", title: "Activity", denied: "Only owners and admins can see the activity log." },
  "./api-keys/page.tsx": { permission: "apiKeys.manage", title: "API keys", denied: "Only owners and admins can manage API keys." },
  "./billing/page.tsx": { permission: "billing.manage", title: "Billing", denied: "Only owners and billing members can see and change the plan." },
  "./customers/new/page.tsx": { permission: "customers.write", denied: "Your role can read customers but not add them." },
  "./customers/[id]/edit/page.tsx": { permission: "customers.write", denied: "Your role can read customers but not change them." },
};

describe.each(Object.entries(GATED))("%s", (file, { permission, title, denied }) => {
  it(`shows the no-access card to a member without ${permission}, and the page to one with it`, async () => {
    const team = await teamOfEveryRole();
    const customer = await createCustomer(team.owner.ctx, { name: "Ada Lovelace" });
    for (const role of ROLES) {
      await signInAs(team[role].user);
      const page = (await render(file, team.tenant.slug, customer.id)) as ReactElement<{ title?: string; children: string }>;
      if (can(role, permission)) {
        expect(page.type, role).not.toBe(NoAccess);
        continue;
      }
      expect(page.type, role).toBe(NoAccess);
      expect(page.props, role).toEqual({ title, children: denied });
      const html = renderToStaticMarkup(page);
      expect(html).toContain(denied);
      if (title) expect(html).toContain(`>${title}</h1>`);
    }
  });
});

describe("an action", () => {
  it("answers 404 to a bound slug that cannot be one, without a query and changing nothing", async () => {
    const owner = await memberOf(null, "owner");
    await signInAs(owner.user);
    const form = new FormData();
    form.set("name", "Renamed");
    for (const slug of [`${owner.tenant.slug}\0`, "\0", "Acme", "a".repeat(49), 7, null, ["acme"]]) {
      const { result, statements } = await recordStatements(() => outcome(renameTenantAction(slug as string, { status: "idle" }, form)));
      expect(result, JSON.stringify(slug)).toBe("404");
      expect(statements).toEqual([]);
    }
  });
});
