// Joining a suggested workspace from the dashboard's card or the selector's item.
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { addMember, createTenant } from "@/db/factories";
import { memberships } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { FLASH_COOKIE } from "@/lib/actions/flash-cookie";
import { claimDomain } from "@/lib/domains/claim-domain";
import { personAt, uniqueDomain, workspaceOf } from "@/testing/domains";
import { request, signInAs } from "@/testing/fake-request";
import { joinSuggestedTenantAction } from "./domain-actions";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const GENERIC = "Something went wrong on our side. Please try again.";

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(key, one);
  return data;
};

async function outcome(run: () => Promise<ActionState>) {
  try {
    return await run();
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { status: "redirect" as const, to: digest.split(";")[2] };
    throw error;
  }
}

async function workspaceAt(domain: string, planId = "pro") {
  const tenant = await createTenant({ name: "Acme", planId });
  const owner = await workspaceOf(await personAt(domain), "owner", tenant);
  await claimDomain(owner.ctx, { domain });
  return tenant;
}

const isMember = async (tenantId: string, userId: string) =>
  (await db.select().from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))).length === 1;

describe("joining a suggested workspace", () => {
  it("joins and opens it, with a toast for the next page", async () => {
    const domain = uniqueDomain();
    const tenant = await workspaceAt(domain);
    const colleague = await personAt(domain);
    await signInAs(colleague);
    expect(await outcome(() => joinSuggestedTenantAction({ status: "idle" }, form({ tenantId: tenant.id })))).toEqual({ status: "redirect", to: `/t/${tenant.slug}` });
    expect(await isMember(tenant.id, colleague.id)).toBe(true);
    expect(request.cookies.get(FLASH_COOKIE)).toBe("You joined Acme.");
  });

  it("refuses, in words, someone unverified, a full workspace, and hostile input", async () => {
    const domain = uniqueDomain();
    const tenant = await workspaceAt(domain);
    const unverified = await personAt(domain, { verified: false });
    await signInAs(unverified);
    const refused = await outcome(() => joinSuggestedTenantAction({ status: "idle" }, form({ tenantId: tenant.id })));
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/can't join this workspace/) });
    expect(await isMember(tenant.id, unverified.id)).toBe(false);

    const fullDomain = uniqueDomain();
    const full = await workspaceAt(fullDomain, "free");
    await addMember(full, await personAt(uniqueDomain()), "member");
    await addMember(full, await personAt(uniqueDomain()), "member");
    const late = await personAt(fullDomain);
    await signInAs(late);
    expect(await outcome(() => joinSuggestedTenantAction({ status: "idle" }, form({ tenantId: full.id })))).toMatchObject({ status: "error", message: expect.stringMatching(/Acme is full/) });
    expect(await isMember(full.id, late.id)).toBe(false);

    const hostile: Record<string, string | string[]>[] = [{}, { tenantId: "" }, { tenantId: "\u0000" }, { tenantId: "x".repeat(10_000) }, { tenantId: [tenant.id, tenant.id] }, { tenantId: "00000000-0000-4000-8000-000000000000" }];
    for (const fields of hostile) {
      const result = await outcome(() => joinSuggestedTenantAction({ status: "idle" }, form(fields)));
      expect(result.status, JSON.stringify(fields).slice(0, 40)).toBe("error");
      expect((result as { message: string }).message).not.toBe(GENERIC);
    }
  });
});
