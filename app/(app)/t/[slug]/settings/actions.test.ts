// The verified-domain actions, called as the settings form calls them, with the cookies of
// the people who may and may not use them. Hostile input gets a message, never a failure.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { tenantDomains } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { claimDomain } from "@/lib/domains/claim-domain";
import { uniqueDomain } from "@/testing/domains";
import { startDnsServer } from "@/testing/dns-server";
import { newRequest, signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { checkDomainAction, claimDomainAction, removeDomainAction, updateDomainAction } from "./actions";

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
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { status: "404" as const };
    throw error;
  }
}

const domainCount = async () => (await db.select({ n: count() }).from(tenantDomains))[0]!.n;

let dns: Awaited<ReturnType<typeof startDnsServer>>;
let team: Awaited<ReturnType<typeof teamOfEveryRole>>;
beforeAll(async () => {
  dns = await startDnsServer({});
  vi.stubEnv("DNS_SERVERS", dns.address);
  team = await teamOfEveryRole();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await dns.close();
});

describe("the domain actions", () => {
  it("claim, check, set and remove a domain for an admin, each answering in words", async () => {
    await signInAs(team.admin.user);
    const domain = uniqueDomain();
    const claimed = await claimDomainAction(team.tenant.slug, { status: "idle" }, form({ domain: domain.toUpperCase() }));
    expect(claimed).toEqual({ status: "success", data: { domain, verified: false } });
    const [row] = await db.select().from(tenantDomains).where(eq(tenantDomains.domain, domain));

    const missing = await checkDomainAction(team.tenant.slug, { status: "idle" }, form({ domainId: row!.id }));
    expect(missing).toMatchObject({ status: "error", message: `No TXT record workspace-verification=${row!.verificationToken} at _workspace-verification.${domain} yet. DNS changes can take a while.` });

    dns.records[`_workspace-verification.${domain}`] = { TXT: [`workspace-verification=${row!.verificationToken}`] };
    expect(await checkDomainAction(team.tenant.slug, { status: "idle" }, form({ domainId: row!.id }))).toEqual({ status: "success", data: { domain } });
    expect(await updateDomainAction(team.tenant.slug, { status: "idle" }, form({ domainId: row!.id, mode: "automatic", role: "member" }))).toEqual({
      status: "success",
      data: { domain, mode: "automatic", role: "member" },
    });
    const owner = await updateDomainAction(team.tenant.slug, { status: "idle" }, form({ domainId: row!.id, mode: "automatic", role: "owner" }));
    expect(owner).toMatchObject({ status: "error", fieldErrors: { role: [expect.stringMatching(/People joining by domain can be Admin or Member/)] } });
    expect(await removeDomainAction(team.tenant.slug, { status: "idle" }, form({ domainId: row!.id }))).toEqual({ status: "success" });
    expect(await db.select().from(tenantDomains).where(eq(tenantDomains.id, row!.id))).toEqual([]);
  });

  it("refuse public and malformed domains with a message, and store nothing", async () => {
    const before = await domainCount();
    for (const domain of ["gmail.com", "outlook.com", "", "acme", "http://acme.com/", "\u0000", "x".repeat(100_000), "acme..com", "'; drop table tenant_domains; --"]) {
      newRequest();
      await signInAs(team.owner.user);
      const result = await claimDomainAction(team.tenant.slug, { status: "idle" }, form({ domain }));
      expect(result.status, JSON.stringify(domain.slice(0, 20))).toBe("error");
      expect((result as { message: string }).message).not.toBe(GENERIC);
    }
    const oddClaims: Record<string, string | string[]>[] = [{}, { domain: ["a.test", "b.test"] }, { domainId: "x" }];
    for (const fields of oddClaims) {
      expect((await claimDomainAction(team.tenant.slug, { status: "idle" }, form(fields))).status).toBe("error");
    }
    for (const action of [checkDomainAction, removeDomainAction, updateDomainAction]) {
      const hostile: Record<string, string | string[]>[] = [{}, { domainId: "not-a-uuid" }, { domainId: "\u0000" }, { domainId: ["a", "b"] }, { domainId: "00000000-0000-4000-8000-000000000000", mode: "sometimes", role: "god" }];
      for (const fields of hostile) {
        const result = await action(team.tenant.slug, { status: "idle" }, form(fields));
        expect(result.status, JSON.stringify(fields)).toBe("error");
        expect((result as { message: string }).message).not.toBe(GENERIC);
      }
    }
    expect(await domainCount()).toBe(before);
  });

  it("refuse members and billing, and treat another workspace's domain as gone", async () => {
    const stranger = await memberOf(null, "owner");
    const theirs = await claimDomain(stranger.ctx, { domain: uniqueDomain() });
    const mine = await claimDomain(team.owner.ctx, { domain: uniqueDomain() });
    for (const who of [team.member, team.billing]) {
      await signInAs(who.user);
      const claim = await claimDomainAction(team.tenant.slug, { status: "idle" }, form({ domain: uniqueDomain() }));
      expect(claim).toMatchObject({ status: "error", message: "Only owners and admins can manage verified domains." });
      for (const action of [checkDomainAction, removeDomainAction]) {
        expect(await action(team.tenant.slug, { status: "idle" }, form({ domainId: mine.id }))).toMatchObject({ status: "error", message: "Only owners and admins can manage verified domains." });
      }
    }
    await signInAs(team.owner.user);
    for (const action of [checkDomainAction, removeDomainAction]) {
      expect(await action(team.tenant.slug, { status: "idle" }, form({ domainId: theirs.id }))).toMatchObject({ status: "error", message: "It no longer exists." });
    }
    expect(await updateDomainAction(team.tenant.slug, { status: "idle" }, form({ domainId: theirs.id, mode: "automatic", role: "member" }))).toMatchObject({ status: "error", message: "It no longer exists." });
    // Someone outside the workspace: the 404, even with its real domain's id.
    await signInAs(stranger.user);
    expect(await outcome(() => removeDomainAction(team.tenant.slug, { status: "idle" }, form({ domainId: mine.id })))).toEqual({ status: "404" });
    expect(await db.select().from(tenantDomains).where(eq(tenantDomains.id, mine.id))).toHaveLength(1);
    expect(await db.select().from(tenantDomains).where(eq(tenantDomains.id, theirs.id))).toHaveLength(1);
  });
});
