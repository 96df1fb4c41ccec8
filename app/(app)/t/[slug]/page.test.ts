// The dashboard as Next calls it: the "Join …" cards of the viewer's verified email domain,
// within the page's budget of two statements (the guard's, which carries them, and the dashboard's).
import { type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTenant } from "@/db/factories";
import { recordStatements } from "@/db/statement-log";
import { claimDomain } from "@/lib/domains/claim-domain";
import { personAt, uniqueDomain, workspaceOf } from "@/testing/domains";
import { newRequest, signInAs } from "@/testing/fake-request";
import { getTenantFrame } from "@/lib/tenancy/require-tenant";
import DashboardPage from "./page";
import { resolveServerComponents } from "@/testing/render-server";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));

async function html(slug: string) {
  const page = await DashboardPage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({}) });
  return renderToStaticMarkup(await resolveServerComponents(page as ReactNode));
}

beforeEach(() => newRequest());

describe("the dashboard's domain suggestions", () => {
  it("offer the workspace of the viewer's verified domain, with the layout's frame, in two statements", async () => {
    const domain = uniqueDomain();
    const acme = await workspaceOf(await personAt(domain), "owner", await createTenant({ name: "Acme Rockets", planId: "pro" }));
    await claimDomain(acme.ctx, { domain });
    const colleague = await workspaceOf(await personAt(domain));
    await signInAs(colleague.user);

    const { result, statements } = await recordStatements(async () => ({ page: await html(colleague.tenant.slug), frame: await getTenantFrame(colleague.tenant.slug) }));
    expect(statements, statements.join("\n\n")).toHaveLength(2);
    expect(result.page).toContain("Join Acme Rockets");
    expect(result.page).toContain(`People at ${domain} can join.`);
    expect(result.page).toContain(`value="${acme.tenant.id}"`);
    expect(result.frame.suggestions).toEqual([{ tenantId: acme.tenant.id, tenantName: "Acme Rockets", domain }]);
  });

  it("show nothing to someone at the domain whose address is unverified", async () => {
    const domain = uniqueDomain();
    const acme = await workspaceOf(await personAt(domain), "owner", await createTenant({ name: "Acme Rockets", planId: "pro" }));
    await claimDomain(acme.ctx, { domain });
    const unverified = await workspaceOf(await personAt(domain, { verified: false }));
    await signInAs(unverified.user);
    const page = await html(unverified.tenant.slug);
    expect(page).not.toContain("Join Acme Rockets");
    expect(page).not.toContain('data-testid="domain-suggestion"');
    expect((await getTenantFrame(unverified.tenant.slug)).suggestions).toEqual([]);
  });
});
