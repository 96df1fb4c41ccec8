import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { addMember, createSession, createTenant } from "@/db/factories";
import { memberships, sessions, tenants } from "@/db/schema";
import { recordStatements } from "@/db/statement-log";
import { createCustomer, listCustomers } from "@/lib/customers/customers";
import { PermissionDeniedError } from "@/lib/errors";
import { newRequest, outcome, request, signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { rememberLastTenant } from "@/lib/tenants/last-tenant";
import { getTenantFrame, requireTenant } from "./require-tenant";
import { SLUG_MAX } from "./slug";

// The guard reads the request's cookies and headers, and caches per request.
vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));

beforeEach(() => {
  newRequest();
  request.headers = new Headers({ "x-return-to": "/t/somewhere/customers?q=a" });
});

describe("a tenant page's round trips", () => {
  it("costs two statements: session → user → tenant → membership → selector list, then the page's data", async () => {
    const owner = await memberOf(null, "owner");
    await createCustomer(owner.ctx, { name: "Ada Lovelace" });
    await signInAs(owner.user);

    const { result, statements } = await recordStatements(async () => {
      // What the layout and the customers page do, in the order they do it.
      const ctx = await requireTenant(owner.tenant.slug);
      const frame = await getTenantFrame(owner.tenant.slug);
      const page = await listCustomers(ctx, {});
      return { ctx, frame, page };
    });

    expect(statements, statements.join("\n\n")).toHaveLength(2);
    expect(statements.every((s) => /^\s*(with\b.*)?select\b/is.test(s)), "no write on a page view").toBe(true);
    expect(result.ctx).toMatchObject({ role: "owner", tenant: { id: owner.tenant.id }, user: { id: owner.user.id, email: owner.user.email } });
    expect(result.frame.tenants).toEqual([{ slug: owner.tenant.slug, name: owner.tenant.name, role: "owner" }]);
    expect(result.page.customers.map((c) => c.name)).toEqual(["Ada Lovelace"]);
  });
});

describe("requireTenant", () => {
  it("lists the user's live tenants by name, with their role in each", async () => {
    const owner = await memberOf(await createTenant({ name: "Zeta" }), "owner");
    const alpha = await createTenant({ name: "Alpha" });
    const gone = await createTenant({ name: "Beta", deletedAt: new Date() });
    await addMember(alpha, owner.user, "billing");
    await addMember(gone, owner.user, "owner");
    await signInAs(owner.user);
    await requireTenant(owner.tenant.slug);
    const frame = await getTenantFrame(owner.tenant.slug);
    expect(frame.tenants).toEqual([
      { slug: alpha.slug, name: "Alpha", role: "billing" },
      { slug: owner.tenant.slug, name: "Zeta", role: "owner" },
    ]);
    expect(frame.lastTenantId).toBeNull();
  });

  it("reads the last tenant as stored, so the layout writes it only when it changes", async () => {
    const owner = await memberOf(null, "owner");
    await signInAs(owner.user);
    const ctx = await requireTenant(owner.tenant.slug);
    expect((await getTenantFrame(owner.tenant.slug)).lastTenantId).toBeNull();
    await rememberLastTenant(ctx);
    const token = request.cookies.get("authjs.session-token")!;
    newRequest();
    request.cookies.set("authjs.session-token", token);
    await requireTenant(owner.tenant.slug);
    expect((await getTenantFrame(owner.tenant.slug)).lastTenantId).toBe(owner.tenant.id);
  });

  it("sends visitors without a session, or with an unknown or expired one, to sign-in and back", async () => {
    const owner = await memberOf(null, "owner");
    const back = `redirect /sign-in?callbackUrl=${encodeURIComponent("/t/somewhere/customers?q=a")}`;
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe(back);
    newRequest();
    request.cookies.set("authjs.session-token", "not-a-session");
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe(back);
    await signInAs(owner.user, new Date(Date.now() - 1000));
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe(back);
    await signInAs(owner.user);
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe("ok");
  });

  it("reads the __Secure- cookie Auth.js sets on https", async () => {
    const owner = await memberOf(null, "owner");
    request.cookies.set("__Secure-authjs.session-token", await createSession(owner.user));
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe("ok");
  });

  it("answers the same 404 for another tenant, a missing one, a deleted one, and after removal", async () => {
    const owner = await memberOf(null, "owner");
    const stranger = await memberOf(null, "owner");
    await signInAs(owner.user);
    expect(await outcome(requireTenant(stranger.tenant.slug))).toBe("404");
    expect(await outcome(requireTenant("no-such-tenant"))).toBe("404");

    const member = await memberOf(owner.tenant, "member");
    await signInAs(member.user);
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe("ok");
    await db.delete(memberships).where(eq(memberships.userId, member.user.id));
    newRequest();
    request.cookies.set("authjs.session-token", await createSession(member.user));
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe("404");

    await signInAs(owner.user);
    await db.update(tenants).set({ deletedAt: new Date() }).where(eq(tenants.id, owner.tenant.id));
    await signInAs(owner.user);
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe("404");
  });

  it("signs out everywhere when the session rows go", async () => {
    const owner = await memberOf(null, "owner");
    await signInAs(owner.user);
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe("ok");
    await db.delete(sessions).where(eq(sessions.userId, owner.user.id));
    const token = request.cookies.get("authjs.session-token")!;
    newRequest();
    request.cookies.set("authjs.session-token", token);
    expect(await outcome(requireTenant(owner.tenant.slug))).toMatch(/^redirect \/sign-in/);
  });
});

describe("requireTenant with a permission", () => {
  it("lets a member through whose role has it, in the same one statement", async () => {
    const admin = await memberOf(null, "admin");
    await signInAs(admin.user);
    const { result, statements } = await recordStatements(async () => {
      const ctx = await requireTenant(admin.tenant.slug);
      return [ctx, await requireTenant(admin.tenant.slug, "activity.read"), await requireTenant(admin.tenant.slug, "customers.write")];
    });
    expect(statements).toHaveLength(1);
    expect(result.every((ctx) => ctx === result[0])).toBe(true);
  });

  it("refuses a member whose role lacks it, and still 404s outsiders first", async () => {
    const team = await teamOfEveryRole();
    await signInAs(team.member.user);
    await expect(requireTenant(team.tenant.slug, "activity.read")).rejects.toThrow(PermissionDeniedError);
    await signInAs(team.billing.user);
    await expect(requireTenant(team.tenant.slug, "customers.write")).rejects.toThrow(PermissionDeniedError);
    expect(await outcome(requireTenant(team.tenant.slug, "billing.manage"))).toBe("ok");
    const stranger = await memberOf(null, "owner");
    await signInAs(stranger.user);
    expect(await outcome(requireTenant(team.tenant.slug, "tenant.read"))).toBe("404");
  });
});

describe("a slug that cannot be a slug", () => {
  // Before the check, PostgreSQL refused the NUL byte ("invalid byte sequence") and the page answered 500.
  const impossible: unknown[] = [
    "acme\0",
    "\0",
    "ac\u0001me",
    "acme\n",
    "a".repeat(SLUG_MAX + 1),
    "ACME",
    "acme corp",
    "acme/../other",
    "ａｃｍｅ",
    "-acme",
    "",
    42,
    null,
    { slug: "acme" },
  ];

  it("is the same 404 as a stranger's tenant, without a database statement, signed in or not", async () => {
    const owner = await memberOf(null, "owner");
    for (const signedIn of [true, false]) {
      if (signedIn) await signInAs(owner.user);
      else newRequest();
      for (const slug of impossible) {
        const { result, statements } = await recordStatements(() => outcome(requireTenant(slug as string, "tenant.read")));
        expect(result, JSON.stringify(slug)).toBe("404");
        expect(statements, JSON.stringify(slug)).toEqual([]);
        expect(await outcome(getTenantFrame(slug as string)), JSON.stringify(slug)).toBe("404");
      }
    }
    expect(await outcome(requireTenant(`${owner.tenant.slug}\0`))).toBe("404");
    await signInAs(owner.user);
    expect(await outcome(requireTenant(owner.tenant.slug))).toBe("ok");
  });
});
