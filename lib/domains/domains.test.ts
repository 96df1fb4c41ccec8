import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { activityLog, memberships, tenantDomains, users } from "@/db/schema";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import { startDnsServer } from "@/testing/dns-server";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { claimDomain } from "./claim-domain";
import { listDomains } from "./domains";
import { removeDomain, updateDomainSettings } from "./manage-domain";
import { personAt, uniqueDomain, workspaceOf } from "@/testing/domains";
import { checkDomainDns } from "./verify-domain";

let dns: Awaited<ReturnType<typeof startDnsServer>>;
beforeAll(async () => {
  dns = await startDnsServer({});
  vi.stubEnv("DNS_SERVERS", dns.address);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await dns.close();
});

/** Publishes TXT records at a name on the local DNS server; a record given as a list goes out in those chunks. */
function publishTxt(name: string, ...records: (string | string[])[]) {
  // dns2 sends a list as one record of several character strings, as long values are sent.
  dns.records[name.toLowerCase()] = { TXT: records as string[] };
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as Error);

async function actionsOn(tenantId: string) {
  const rows = await db.select().from(activityLog).where(eq(activityLog.tenantId, tenantId)).orderBy(asc(activityLog.id));
  return rows.filter((r) => r.action.startsWith("domain.")).map((r) => [r.action, r.targetLabel, r.metadata]);
}

async function rowsOf(tenantId: string) {
  return db.select().from(tenantDomains).where(eq(tenantDomains.tenantId, tenantId));
}

describe("claiming a domain", () => {
  it("normalises it, leaves it pending with the TXT record to publish, and records it", async () => {
    const { ctx, tenant } = await memberOf(null, "owner");
    const base = uniqueDomain();
    const claimed = await claimDomain(ctx, { domain: `  ${base.toUpperCase()} ` });
    expect(claimed).toMatchObject({ domain: base, verifiedAt: null, verifiedBy: null, mode: "suggest", role: "member" });
    const [row] = await rowsOf(tenant.id);
    expect(row!.verificationToken).toMatch(/^[0-9a-f]{32}$/);
    expect(claimed.txt).toEqual({ name: `_workspace-verification.${base}`, value: `workspace-verification=${row!.verificationToken}` });
    expect(row!.createdById).toBe(ctx.user.id);
    expect(await actionsOn(tenant.id)).toEqual([["domain.added", base, null]]);
    expect((await listDomains(ctx)).map((d) => d.domain)).toEqual([base]);

    const other = await claimDomain(ctx, { domain: uniqueDomain() });
    expect(other.txt.value).not.toBe(claimed.txt.value);
  });

  it("stores an international name in punycode", async () => {
    const { ctx } = await memberOf(null, "owner");
    const suffix = uniqueDomain("x");
    expect((await claimDomain(ctx, { domain: `Bücher.${suffix}` })).domain).toBe(`xn--bcher-kva.${suffix}`);
  });

  it.each(["gmail.com", "outlook.com", "GMail.com", "yahoo.com"])("refuses the public email domain %s", async (domain) => {
    const { ctx, tenant } = await memberOf(null, "owner");
    const error = await errorOf(claimDomain(ctx, { domain }));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).fieldErrors?.domain?.[0]).toMatch(/is a public email provider/);
    expect(await rowsOf(tenant.id)).toEqual([]);
    expect(await actionsOn(tenant.id)).toEqual([]);
  });

  it("refuses what is not a domain, with a message and without a trace", async () => {
    const { ctx, tenant } = await memberOf(null, "owner");
    const bad: unknown[] = [
      "", "   ", "acme", "acme.com/x", "http://acme.com", "ada@acme.com", "-acme.com", "acme-.com", "a..com", ".acme.com", "acme.com.",
      "1.2.3.4", "[::1]", "a_b.com", "%41cme.com", "acme.com:443", "acme .com", `${"a".repeat(64)}.com`, `${"abc.".repeat(63)}com`,
      "acme.com\u0000", "\u202Eacme.com", 7, null, {}, ["acme.com"],
    ];
    for (const domain of bad) {
      const error = await errorOf(claimDomain(ctx, { domain } as { domain: string }));
      expect(error, JSON.stringify(domain)).toBeInstanceOf(UserError);
      expect((error as UserError).fieldErrors?.domain?.length, JSON.stringify(domain)).toBeGreaterThan(0);
    }
    expect(await rowsOf(tenant.id)).toEqual([]);
  });

  it("accepts a label of 63 characters and reserved top-level domains like .test", async () => {
    const { ctx } = await memberOf(null, "owner");
    const long = `${"a".repeat(63)}.${uniqueDomain()}`;
    expect((await claimDomain(ctx, { domain: long })).domain).toBe(long);
    expect((await claimDomain(ctx, { domain: "sub.acme.example.test" })).domain).toBe("sub.acme.example.test");
  });

  it("refuses a domain the workspace already claimed", async () => {
    const { ctx, tenant } = await memberOf(null, "owner");
    const domain = uniqueDomain();
    await claimDomain(ctx, { domain });
    const error = await errorOf(claimDomain(ctx, { domain: domain.toUpperCase() }));
    expect((error as UserError).fieldErrors?.domain).toEqual([`${domain} is already on this workspace's list.`]);
    expect(await rowsOf(tenant.id)).toHaveLength(1);
  });

  it("is for owners and admins only", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.member, team.billing]) {
      await expect(claimDomain(who.ctx, { domain: uniqueDomain() })).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(listDomains(who.ctx)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    await claimDomain(team.admin.ctx, { domain: uniqueDomain() });
    expect(await listDomains(team.owner.ctx)).toHaveLength(1);
  });
});

describe("verification by email at claim time", () => {
  it("verifies at once when the claimer's verified address is at exactly that domain", async () => {
    const domain = uniqueDomain();
    const { ctx, tenant } = await workspaceOf(await personAt(domain), "admin");
    const claimed = await claimDomain(ctx, { domain });
    expect(claimed).toMatchObject({ verifiedBy: "email" });
    expect(claimed.verifiedAt).toBeInstanceOf(Date);
    expect(await actionsOn(tenant.id)).toEqual([
      ["domain.added", domain, null],
      ["domain.verified", domain, { method: "email" }],
    ]);
  });

  it("does not for an unverified address, a subdomain's, or a parent domain's", async () => {
    const domain = uniqueDomain();
    const unverified = await workspaceOf(await personAt(domain, { verified: false }));
    expect((await claimDomain(unverified.ctx, { domain })).verifiedAt).toBeNull();

    const atSubdomain = await workspaceOf(await personAt(`mail.${domain}`));
    expect((await claimDomain(atSubdomain.ctx, { domain })).verifiedAt).toBeNull();

    const atParent = await workspaceOf(await personAt(domain));
    expect((await claimDomain(atParent.ctx, { domain: `eu.${domain}` })).verifiedAt).toBeNull();
    expect((await actionsOn(atParent.tenant.id)).map(([action]) => action)).toEqual(["domain.added"]);
  });

  it("reads the address from the database, not from the session", async () => {
    const domain = uniqueDomain();
    const { ctx, user } = await workspaceOf(await personAt(domain));
    await db.update(users).set({ emailVerified: null }).where(eq(users.id, user.id));
    expect((await claimDomain(ctx, { domain })).verifiedAt).toBeNull();
  });
});

describe("verification by DNS, against a real DNS server", () => {
  it("verifies when the TXT record holds the token, in chunks or whole, among other records", async () => {
    const { ctx, tenant } = await memberOf(null, "admin");
    const chunked = await claimDomain(ctx, { domain: uniqueDomain() });
    const [head, tail] = [chunked.txt.value.slice(0, 10), chunked.txt.value.slice(10)];
    publishTxt(chunked.txt.name, "v=spf1 -all", [head, tail]);
    const verified = await checkDomainDns(ctx, { domainId: chunked.id });
    expect(verified).toMatchObject({ verifiedBy: "dns" });
    expect(verified.verifiedAt).toBeInstanceOf(Date);

    const whole = await claimDomain(ctx, { domain: uniqueDomain() });
    publishTxt(whole.txt.name, whole.txt.value);
    expect((await checkDomainDns(ctx, { domainId: whole.id })).verifiedBy).toBe("dns");
    expect((await actionsOn(tenant.id)).filter(([action]) => action === "domain.verified")).toEqual([
      ["domain.verified", chunked.domain, { method: "dns" }],
      ["domain.verified", whole.domain, { method: "dns" }],
    ]);
    // Checking a verified domain again changes nothing.
    await checkDomainDns(ctx, { domainId: whole.id });
    expect((await actionsOn(tenant.id)).filter(([action]) => action === "domain.verified")).toHaveLength(2);
  });

  it("fails while the record is missing or wrong, says what it looked for, notes the check and records nothing", async () => {
    const { ctx, tenant } = await memberOf(null, "owner");
    const claimed = await claimDomain(ctx, { domain: uniqueDomain() });
    const expected = `No TXT record ${claimed.txt.value} at ${claimed.txt.name} yet. DNS changes can take a while.`;

    // Nothing at the name (NXDOMAIN), then a name with other records only, then the wrong token.
    const nothing = await errorOf(checkDomainDns(ctx, { domainId: claimed.id }));
    expect(nothing).toBeInstanceOf(UserError);
    expect(nothing!.message).toBe(expected);
    dns.records[claimed.txt.name] = { A: ["192.0.2.1"] };
    expect((await errorOf(checkDomainDns(ctx, { domainId: claimed.id })))!.message).toBe(expected);
    publishTxt(claimed.txt.name, "workspace-verification=0123456789abcdef0123456789abcdef", `${claimed.txt.value}x`);
    expect((await errorOf(checkDomainDns(ctx, { domainId: claimed.id })))!.message).toBe(expected);
    // At the domain itself instead of the verification name: not it either.
    publishTxt(claimed.domain, claimed.txt.value);
    expect((await errorOf(checkDomainDns(ctx, { domainId: claimed.id })))!.message).toBe(expected);

    const [row] = await rowsOf(tenant.id);
    expect(row).toMatchObject({ verifiedAt: null, verifiedBy: null });
    expect(row!.lastCheckedAt).toBeInstanceOf(Date);
    expect((await actionsOn(tenant.id)).map(([action]) => action)).toEqual(["domain.added"]);
  });

  it("answers a clear message when the DNS server does not answer", async () => {
    const { ctx } = await memberOf(null, "owner");
    const claimed = await claimDomain(ctx, { domain: uniqueDomain() });
    vi.stubEnv("DNS_SERVERS", "127.0.0.1:9");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const error = await errorOf(checkDomainDns(ctx, { domainId: claimed.id }));
      expect(error).toBeInstanceOf(UserError);
      expect(error!.message).toMatch(/could not look up .* Try again/);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      vi.stubEnv("DNS_SERVERS", dns.address);
    }
  });
});

describe("one workspace per domain", () => {
  it("lets only one verify it, says so without naming it, and lets another once the first removes it", async () => {
    const domain = uniqueDomain();
    const first = await memberOf(null, "owner");
    const second = await memberOf(null, "owner");
    const mine = await claimDomain(first.ctx, { domain });
    // Claimed but pending: another workspace may claim it too.
    const theirs = await claimDomain(second.ctx, { domain });
    publishTxt(mine.txt.name, mine.txt.value, theirs.txt.value);
    await checkDomainDns(first.ctx, { domainId: mine.id });

    const refused = await errorOf(checkDomainDns(second.ctx, { domainId: theirs.id }));
    expect(refused).toBeInstanceOf(UserError);
    expect(refused!.message).toBe("This domain is already verified by another workspace.");
    expect(refused!.message).not.toContain(first.tenant.name);
    expect((await rowsOf(second.tenant.id))[0]!.verifiedAt).toBeNull();
    expect((await actionsOn(second.tenant.id)).map(([action]) => action)).toEqual(["domain.added"]);

    const third = await memberOf(null, "owner");
    const claimError = await errorOf(claimDomain(third.ctx, { domain }));
    expect((claimError as UserError).fieldErrors?.domain).toEqual(["This domain is already verified by another workspace."]);
    // Not even by email: someone at the domain cannot take it over.
    const insider = await workspaceOf(await personAt(domain));
    await expect(claimDomain(insider.ctx, { domain })).rejects.toThrow("already verified by another workspace");

    await removeDomain(first.ctx, { domainId: mine.id });
    expect((await checkDomainDns(second.ctx, { domainId: theirs.id })).verifiedBy).toBe("dns");
    await expect(claimDomain(first.ctx, { domain })).rejects.toThrow("already verified by another workspace");
  });
});

describe("how a verified domain joins people", () => {
  it("sets suggest or automatic and the role, records the change, and refuses it for a pending domain", async () => {
    const domain = uniqueDomain();
    const team = await teamOfEveryRole();
    const pending = await claimDomain(team.admin.ctx, { domain: uniqueDomain() });
    await expect(updateDomainSettings(team.admin.ctx, { domainId: pending.id, mode: "automatic", role: "member" })).rejects.toThrow(/Verify .* first/);

    const verified = await claimDomain(team.owner.ctx, { domain });
    publishTxt(verified.txt.name, verified.txt.value);
    await checkDomainDns(team.owner.ctx, { domainId: verified.id });
    const updated = await updateDomainSettings(team.admin.ctx, { domainId: verified.id, mode: "automatic", role: "admin" });
    expect(updated).toMatchObject({ mode: "automatic", role: "admin" });
    const entries = (await actionsOn(team.tenant.id)).filter(([action]) => action === "domain.mode_changed");
    expect(entries).toEqual([["domain.mode_changed", domain, { mode: "automatic", role: "admin" }]]);
  });

  it("never gives owner, nor a role the chooser cannot grant", async () => {
    const team = await teamOfEveryRole();
    const domain = uniqueDomain();
    const claimed = await claimDomain(team.owner.ctx, { domain });
    publishTxt(claimed.txt.name, claimed.txt.value);
    await checkDomainDns(team.owner.ctx, { domainId: claimed.id });
    for (const [who, role] of [[team.owner, "owner"], [team.admin, "owner"], [team.admin, "billing"]] as const) {
      const error = await errorOf(updateDomainSettings(who.ctx, { domainId: claimed.id, mode: "suggest", role }));
      expect((error as UserError).fieldErrors?.role?.[0], `${who.ctx.role} → ${role}`).toMatch(/People joining by domain can be/);
    }
    expect((await updateDomainSettings(team.owner.ctx, { domainId: claimed.id, mode: "suggest", role: "billing" })).role).toBe("billing");
    await expect(updateDomainSettings(team.owner.ctx, { domainId: claimed.id, mode: "always" as "suggest", role: "member" })).rejects.toBeInstanceOf(UserError);
  });
});

describe("another workspace's domain and other roles", () => {
  it("is not found by id, and member and billing roles cannot touch any", async () => {
    const team = await teamOfEveryRole();
    const stranger = await memberOf(null, "owner");
    const theirs = await claimDomain(stranger.ctx, { domain: uniqueDomain() });
    const mine = await claimDomain(team.owner.ctx, { domain: uniqueDomain() });
    for (const domainId of [theirs.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(checkDomainDns(team.owner.ctx, { domainId })).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateDomainSettings(team.owner.ctx, { domainId, mode: "automatic", role: "member" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeDomain(team.owner.ctx, { domainId })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(removeDomain(team.owner.ctx, { domainId: "not-an-id" })).rejects.toBeInstanceOf(UserError);
    expect(await rowsOf(stranger.tenant.id)).toHaveLength(1);
    for (const who of [team.member, team.billing]) {
      await expect(checkDomainDns(who.ctx, { domainId: mine.id })).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(updateDomainSettings(who.ctx, { domainId: mine.id, mode: "automatic", role: "member" })).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(removeDomain(who.ctx, { domainId: mine.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await rowsOf(team.tenant.id)).toHaveLength(1);
  });
});

describe("removing a domain", () => {
  it("deletes it and records it; members stay", async () => {
    const domain = uniqueDomain();
    const { ctx, tenant, user } = await workspaceOf(await personAt(domain));
    const claimed = await claimDomain(ctx, { domain });
    await removeDomain(ctx, { domainId: claimed.id });
    expect(await rowsOf(tenant.id)).toEqual([]);
    expect((await actionsOn(tenant.id)).at(-1)).toEqual(["domain.removed", domain, null]);
    const [membership] = await db.select().from(memberships).where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, user.id)));
    expect(membership?.role).toBe("owner");
    await expect(removeDomain(ctx, { domainId: claimed.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
