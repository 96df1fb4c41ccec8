import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { addMember, createSession, createTenant } from "@/db/factories";
import { activityLog, memberships, tenants, users } from "@/db/schema";
import { recordStatements } from "@/db/statement-log";
import { listOutbox } from "@/lib/email/outbox";
import { UserError } from "@/lib/errors";
import { TenantFullError } from "@/lib/plans/limits";
import { deliverQueuedMail } from "@/testing/jobs";
import { loadTenantRequest } from "@/lib/tenancy/tenant-request";
import { joinVerifiedDomainTenants } from "./auto-join";
import { claimDomain } from "./claim-domain";
import { removeDomain, updateDomainSettings } from "./manage-domain";
import { joinSuggestedTenant, listDomainSuggestions } from "./suggestions";
import { personAt, uniqueDomain, workspaceOf } from "@/testing/domains";
import type { DomainJoinMode } from "./types";
import type { Role } from "@/lib/permissions/roles";

const APP = "http://localhost:3000";
const IP = "198.51.100.4";

/** A workspace named `name` that has verified `domain` (by its owner's address there), joining people as told. */
async function workspaceAt(domain: string, options: { name?: string; mode?: DomainJoinMode; role?: Role; planId?: string } = {}) {
  const tenant = await createTenant({ name: options.name ?? "Acme", planId: options.planId ?? "pro" });
  const owner = await workspaceOf(await personAt(domain, { name: "Olive Owner" }), "owner", tenant);
  const claimed = await claimDomain(owner.ctx, { domain });
  if (!claimed.verifiedAt) throw new Error("expected the domain verified by email");
  if (options.mode || options.role) await updateDomainSettings(owner.ctx, { domainId: claimed.id, mode: options.mode ?? "suggest", role: options.role ?? "member" });
  return { tenant, owner, domain: claimed };
}

async function roleIn(tenantId: string, userId: string) {
  const [row] = await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** What the tenant layout's one statement gives `user` on their own workspace. */
async function frameSuggestions(user: { id: string }) {
  const own = await workspaceOf(user as never, "owner", await createTenant());
  const request = await loadTenantRequest(await createSession(user), own.tenant.slug);
  return request!.suggestions;
}

describe("suggestions", () => {
  it("offer the workspace to people with a verified address at the domain, in one statement and in the layout's", async () => {
    const domain = uniqueDomain();
    const { tenant } = await workspaceAt(domain, { name: "Acme Rockets" });
    const colleague = await personAt(domain);
    const { result, statements } = await recordStatements(() => listDomainSuggestions(colleague.id));
    expect(statements).toHaveLength(1);
    expect(result).toEqual([{ tenantId: tenant.id, tenantName: "Acme Rockets", domain }]);
    expect(await frameSuggestions(colleague)).toEqual([{ tenantId: tenant.id, tenantName: "Acme Rockets", domain }]);
  });

  it("leave out the unverified, other domains' people, subdomains, members, pending domains and deleted workspaces", async () => {
    const domain = uniqueDomain();
    const { tenant, owner } = await workspaceAt(domain);
    const unverified = await personAt(domain, { verified: false });
    const atSubdomain = await personAt(`eu.${domain}`);
    for (const user of [unverified, atSubdomain, owner.user]) {
      expect(await listDomainSuggestions(user.id)).toEqual([]);
      expect(await frameSuggestions(user)).toEqual([]);
    }

    const pendingDomain = uniqueDomain();
    const someone = await workspaceOf(await personAt(uniqueDomain()));
    await claimDomain(someone.ctx, { domain: pendingDomain });
    expect(await listDomainSuggestions((await personAt(pendingDomain)).id)).toEqual([]);

    const colleague = await personAt(domain);
    expect(await listDomainSuggestions(colleague.id)).toHaveLength(1);
    await db.update(tenants).set({ deletedAt: new Date() }).where(eq(tenants.id, tenant.id));
    expect(await listDomainSuggestions(colleague.id)).toEqual([]);
    expect(await frameSuggestions(colleague)).toEqual([]);
  });

  it("join with the domain's role after checking again, record how, and then stop being suggested", async () => {
    const domain = uniqueDomain();
    const { tenant } = await workspaceAt(domain, { role: "admin" });
    const colleague = await personAt(domain, { name: "Cleo Colleague" });
    expect(await joinSuggestedTenant(colleague, tenant.id, IP)).toEqual({ slug: tenant.slug, tenantName: "Acme" });
    expect(await roleIn(tenant.id, colleague.id)).toBe("admin");
    const [entry] = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, tenant.id), eq(activityLog.action, "member.joined")));
    expect(entry).toMatchObject({ actorId: colleague.id, targetId: colleague.id, ip: IP, metadata: { role: "admin", via: "domain", domain } });
    expect(await listDomainSuggestions(colleague.id)).toEqual([]);
    // A second click lands in the workspace, without a second entry.
    expect(await joinSuggestedTenant(colleague, tenant.id, IP)).toEqual({ slug: tenant.slug, tenantName: "Acme" });
    expect(await db.select().from(activityLog).where(and(eq(activityLog.tenantId, tenant.id), eq(activityLog.action, "member.joined")))).toHaveLength(1);
  });

  it("cannot be joined by someone whose address is unverified or elsewhere, nor after the domain is removed; members stay", async () => {
    const domain = uniqueDomain();
    const { tenant, owner, domain: claimed } = await workspaceAt(domain);
    const outsider = await personAt(uniqueDomain());
    const unverified = await personAt(domain, { verified: false });
    for (const user of [outsider, unverified]) {
      await expect(joinSuggestedTenant(user, tenant.id)).rejects.toBeInstanceOf(UserError);
      expect(await roleIn(tenant.id, user.id)).toBeNull();
    }
    await expect(joinSuggestedTenant(outsider, "not-a-uuid")).rejects.toBeInstanceOf(UserError);
    await expect(joinSuggestedTenant(outsider, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(UserError);

    const early = await personAt(domain);
    await joinSuggestedTenant(early, tenant.id);
    const late = await personAt(domain);
    await removeDomain(owner.ctx, { domainId: claimed.id });
    expect(await listDomainSuggestions(late.id)).toEqual([]);
    await expect(joinSuggestedTenant(late, tenant.id)).rejects.toBeInstanceOf(UserError);
    expect(await roleIn(tenant.id, late.id)).toBeNull();
    expect(await roleIn(tenant.id, early.id)).toBe("member");
  });

  it("refuses a full workspace with TenantFullError, and joins nothing", async () => {
    const domain = uniqueDomain();
    const { tenant } = await workspaceAt(domain, { planId: "free" });
    await addMember(tenant, await personAt(uniqueDomain()), "member");
    await addMember(tenant, await personAt(uniqueDomain()), "member");
    const colleague = await personAt(domain);
    expect(await listDomainSuggestions(colleague.id)).toHaveLength(1);
    await expect(joinSuggestedTenant(colleague, tenant.id)).rejects.toBeInstanceOf(TenantFullError);
    expect(await roleIn(tenant.id, colleague.id)).toBeNull();
  });
});

describe("joining automatically", () => {
  it("joins every automatic workspace on call with its role, records it and mails each owner", async () => {
    const domain = uniqueDomain();
    const { tenant, owner } = await workspaceAt(domain, { name: "Acme Automatic", mode: "automatic", role: "admin" });
    const coOwner = await personAt(uniqueDomain());
    const admin = await personAt(uniqueDomain());
    await addMember(tenant, coOwner, "owner");
    await addMember(tenant, admin, "admin");
    const colleague = await personAt(domain, { name: "Cleo Colleague" });

    const joined = await joinVerifiedDomainTenants(colleague.id, IP, APP);
    expect(joined).toEqual([{ tenantId: tenant.id, tenantName: "Acme Automatic", tenantSlug: tenant.slug, domain, role: "admin" }]);
    expect(await roleIn(tenant.id, colleague.id)).toBe("admin");
    const [entry] = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, tenant.id), eq(activityLog.action, "member.joined")));
    expect(entry).toMatchObject({ actorId: colleague.id, ip: IP, metadata: { role: "admin", via: "domain", domain } });
    expect((await db.select({ last: users.lastTenantId }).from(users).where(eq(users.id, colleague.id)))[0]!.last).toBe(tenant.id);

    await deliverQueuedMail();
    const mails = (await listOutbox(500)).filter((m) => m.subject === `Cleo Colleague joined Acme Automatic through ${domain}`);
    expect(mails.map((m) => m.to).sort()).toEqual([owner.user.email, coOwner.email].sort());
    expect(mails[0]!.text).toContain(`${APP}/t/${tenant.slug}/members`);

    // Once in, nothing more happens.
    expect(await joinVerifiedDomainTenants(colleague.id, IP, APP)).toEqual([]);
    await deliverQueuedMail();
    expect((await listOutbox(500)).filter((m) => m.subject.startsWith("Cleo Colleague joined"))).toHaveLength(2);
  });

  it("leaves suggest-mode workspaces to the user, and never joins an unverified address", async () => {
    const domain = uniqueDomain();
    const { tenant } = await workspaceAt(domain);
    const colleague = await personAt(domain);
    expect(await joinVerifiedDomainTenants(colleague.id)).toEqual([]);
    expect(await roleIn(tenant.id, colleague.id)).toBeNull();

    const autoDomain = uniqueDomain();
    const automatic = await workspaceAt(autoDomain, { mode: "automatic" });
    const unverified = await personAt(autoDomain, { verified: false });
    expect(await joinVerifiedDomainTenants(unverified.id)).toEqual([]);
    expect(await roleIn(automatic.tenant.id, unverified.id)).toBeNull();
    expect(await listDomainSuggestions(unverified.id)).toEqual([]);
  });

  it("skips a full workspace, which stays a suggestion", async () => {
    const domain = uniqueDomain();
    const { tenant } = await workspaceAt(domain, { mode: "automatic", planId: "free" });
    await addMember(tenant, await personAt(uniqueDomain()), "member");
    await addMember(tenant, await personAt(uniqueDomain()), "member");
    const colleague = await personAt(domain);
    expect(await joinVerifiedDomainTenants(colleague.id)).toEqual([]);
    expect(await roleIn(tenant.id, colleague.id)).toBeNull();
    expect(await listDomainSuggestions(colleague.id)).toEqual([{ tenantId: tenant.id, tenantName: "Acme", domain }]);
    const members = await db.select().from(memberships).where(eq(memberships.tenantId, tenant.id)).orderBy(asc(memberships.joinedAt));
    expect(members).toHaveLength(3);
  });
});
