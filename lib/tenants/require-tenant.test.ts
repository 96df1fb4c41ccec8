import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { addMember, createSession, createTenant } from "@/db/factories";
import { memberships, sessions, tenants } from "@/db/schema";
import { recordStatements } from "@/db/statement-log";
import { createCustomer, listCustomers } from "@/lib/customers/customers";
import { memberOf } from "@/lib/testing/tenant-context";
import { rememberLastTenant } from "./last-tenant";
import { getTenantFrame, requireTenant } from "./require-tenant";

// The guard reads the request's cookies and headers; here they are a plain map.
const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined) }),
  headers: async () => request.headers,
}));

// React's cache() memoises per server request; outside a render it does not, so the
// test stands in for it with one memo per test ("request").
const memos = vi.hoisted(() => new Set<Map<string, unknown>>());
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: <A extends unknown[], R>(fn: (...args: A) => R) => {
    const memo = new Map<string, R>();
    memos.add(memo as Map<string, unknown>);
    return (...args: A): R => {
      const key = JSON.stringify(args);
      if (!memo.has(key)) memo.set(key, fn(...args));
      return memo.get(key)!;
    };
  },
}));

/** A new request: nothing cached, no cookies. */
function newRequest() {
  for (const memo of memos) memo.clear();
  request.cookies.clear();
}

beforeEach(() => {
  newRequest();
  request.headers = new Headers({ "x-return-to": "/t/somewhere/customers?q=a" });
});

async function signInAs(user: { id: string }, expires?: Date) {
  const token = await createSession(user, expires);
  newRequest();
  request.cookies.set("authjs.session-token", token);
}

/** What Next's redirect() and notFound() throw, to tell them apart. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? error);
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    throw error;
  }
}

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
