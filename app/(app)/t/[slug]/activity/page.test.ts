// The activity page as Next calls it: filters, page links, and what a hostile link gets.
import { type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { recordStatements } from "@/db/statement-log";
import { recordActivity } from "@/lib/activity/record";
import { createCustomer } from "@/lib/customers/customers";
import { newRequest, outcome, signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import ActivityPage from "./page";
import { resolveServerComponents } from "@/testing/render-server";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));

async function html(slug: string, searchParams: Record<string, string | string[]> = {}) {
  const page = await ActivityPage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve(searchParams) });
  return renderToStaticMarkup(await resolveServerComponents(page as ReactNode));
}

const entries = (markup: string) => [...markup.matchAll(/data-testid="activity-entry"[^>]*><p><span[^>]*>([^<]*)<\/span> ([^<]*)<\/p>/g)].map((m) => `${m[1]} ${m[2]}`);
const hrefs = (markup: string) => [...markup.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[2]} → ${m[1]!.replaceAll("&amp;", "&")}`);

beforeEach(() => newRequest());

describe("the activity page", () => {
  it("shows each entry with a relative time (exact on hover) and a readable IP, in two statements", async () => {
    const team = await teamOfEveryRole();
    await createCustomer(team.owner.ctx, { name: "Ada" });
    await db.transaction((tx) =>
      recordActivity(tx, { tenantId: team.tenant.id, actor: team.admin.user, ip: "::ffff:198.51.100.4", action: "customer.deleted", target: { type: "customer", id: "c", label: "Bea" } }),
    );
    await signInAs(team.owner.user);

    const { result, statements } = await recordStatements(() => html(team.tenant.slug));
    expect(statements, statements.join("\n\n")).toHaveLength(2);

    expect(entries(result)).toEqual(["Adam Admin deleted the customer Bea", "Olive Owner added the customer Ada"]);
    expect(result).toContain("from 198.51.100.4<");
    expect(result).not.toContain("::ffff:");
    expect(result).toMatch(/<time dateTime="[^"]+" title="[^"]*UTC[^"]*">now<\/time>/);
  });

  it("has a labelled GET filter form that works without JavaScript, with Clear only when filtered", async () => {
    const team = await teamOfEveryRole();
    await signInAs(team.owner.user);
    const plain = await html(team.tenant.slug);
    expect(plain).toMatch(new RegExp(`<form role="search" aria-label="Filter the activity log"[^>]* action="/t/${team.tenant.slug}/activity"`));
    expect(plain).not.toMatch(/method="post"/i);
    expect(plain).toMatch(/<label[^>]*for="activity-actor"[^>]*>Who<\/label>/);
    expect(plain).toMatch(/<select[^>]*id="activity-actor"[^>]*name="actor"/);
    expect(plain).toMatch(/<label[^>]*for="activity-kind"[^>]*>What<\/label>/);
    expect(plain).toMatch(/<select[^>]*id="activity-kind"[^>]*name="kind"/);
    expect(plain).toContain('<option value="" selected="">Everyone</option>');
    expect(plain).toContain(`<option value="${team.owner.user.id}">Olive Owner (you)</option>`);
    expect(plain).toContain(`<option value="${team.admin.user.id}">Adam Admin</option>`);
    expect(plain).toContain('<option value="api-keys">API keys</option>');
    expect(plain).toContain('<option value="members">Members and roles</option>');
    expect(plain).toMatch(/<button[^>]*type="submit"[^>]*>Filter<\/button>/);
    expect(hrefs(plain).filter((l) => l.startsWith("Clear"))).toEqual([]);

    const filtered = await html(team.tenant.slug, { kind: "billing", actor: team.admin.user.id });
    expect(filtered).toMatch(new RegExp(`<option value="${team.admin.user.id}" selected="">Adam Admin</option>`));
    expect(filtered).toContain('<option value="billing" selected="">Billing and plan</option>');
    expect(hrefs(filtered)).toContain(`Clear → /t/${team.tenant.slug}/activity`);
    expect(filtered).toContain("No entries match these filters.");
  });

  it("filters, and pages both ways keeping the filter", async () => {
    const team = await teamOfEveryRole();
    await db.transaction(async (tx) => {
      for (let i = 1; i <= 55; i++) {
        await recordActivity(tx, { tenantId: team.tenant.id, actor: team.admin.user, ip: null, action: "customer.created", target: { type: "customer", id: `c${i}`, label: `C${i}` } });
        await recordActivity(tx, { tenantId: team.tenant.id, actor: team.owner.user, ip: null, action: "customer.updated", target: { type: "customer", id: `c${i}`, label: `C${i}` } });
      }
    });
    await signInAs(team.owner.user);
    const base = `/t/${team.tenant.slug}/activity`;

    const first = await html(team.tenant.slug, { actor: team.admin.user.id, kind: "customers" });
    expect(entries(first)).toHaveLength(50);
    expect(entries(first).every((e) => e.startsWith("Adam Admin added the customer"))).toBe(true);
    expect(entries(first)[0]).toBe("Adam Admin added the customer C55");
    const older = hrefs(first).find((l) => l.startsWith("Older entries"))!;
    expect(older).toMatch(new RegExp(`^Older entries → ${base}\\?actor=${team.admin.user.id}&kind=customers&before=\\d+$`));
    expect(hrefs(first).filter((l) => /^(Newer|Newest)/.test(l))).toEqual([]);

    const before = new URL(older.split(" → ")[1]!, "http://x").searchParams.get("before")!;
    const second = await html(team.tenant.slug, { actor: team.admin.user.id, kind: "customers", before });
    expect(entries(second)).toEqual([5, 4, 3, 2, 1].map((i) => `Adam Admin added the customer C${i}`));
    expect(hrefs(second).some((l) => l.startsWith("Older entries"))).toBe(false);
    expect(hrefs(second)).toContain(`Newest → ${base}?actor=${team.admin.user.id}&kind=customers`);
    const newer = hrefs(second).find((l) => l.startsWith("Newer entries"))!;
    expect(newer).toMatch(new RegExp(`^Newer entries → ${base}\\?actor=${team.admin.user.id}&kind=customers&after=\\d+$`));

    const after = new URL(newer.split(" → ")[1]!, "http://x").searchParams.get("after")!;
    const back = await html(team.tenant.slug, { actor: team.admin.user.id, kind: "customers", after });
    expect(entries(back)).toEqual(entries(first));
    expect(hrefs(back).some((l) => l.startsWith("Newer entries"))).toBe(false);
    expect(hrefs(back).some((l) => l.startsWith("Older entries"))).toBe(true);
  });

  it("answers hostile links with the list or an explanation, never an error, in two statements", async () => {
    const team = await teamOfEveryRole();
    const other = await memberOf(null, "owner", "Otto Other");
    await createCustomer(other.ctx, { name: "Theirs" });
    await createCustomer(team.owner.ctx, { name: "Ours" });
    await signInAs(team.owner.user);

    const cases: [Record<string, string | string[]>, string][] = [
      [{ before: "-1" }, "That page link could not be used"],
      [{ before: "99999999999999999999" }, "That page link could not be used"],
      [{ before: "abc", after: "1" }, "That page link could not be used"],
      [{ before: ["1", "2"] }, "That page link could not be used"],
      [{ after: "1e9" }, "That page link could not be used"],
      [{ before: "9007199254740991" }, "Olive Owner added the customer Ours"],
      [{ before: "1" }, "No older entries."],
      [{ after: "9007199254740991" }, "No newer entries."],
      [{ kind: "nope" }, "a kind of activity the log does not have"],
      [{ kind: ["customers", "billing"] }, "a kind of activity the log does not have"],
      [{ actor: ["a", "b"] }, "someone the log cannot look up"],
      [{ actor: "x".repeat(300) }, "someone the log cannot look up"],
      [{ actor: "' OR 1=1 --" }, "someone the log cannot look up"],
      [{ actor: other.user.id }, "That person is not a member of this workspace"],
      [{ actor: other.user.id, kind: "customers" }, "That person is not a member of this workspace"],
    ];
    for (const [query, expected] of cases) {
      newRequest();
      await signInAs(team.owner.user);
      const { result, statements } = await recordStatements(async () => {
        let markup = "";
        expect(await outcome(html(team.tenant.slug, query).then((m) => (markup = m))), JSON.stringify(query)).toBe("ok");
        return markup;
      });
      expect(statements, JSON.stringify(query)).toHaveLength(2);
      expect(result.replace(/<[^>]+>/g, ""), JSON.stringify(query)).toContain(expected);
      expect(result, JSON.stringify(query)).not.toContain("Theirs");
      expect(result, JSON.stringify(query)).not.toContain("Otto Other");
    }
  });

  it("offers a former member the link asks for, with their entries", async () => {
    const team = await teamOfEveryRole();
    const leaver = await memberOf(team.tenant, "admin", "Lee Leaver");
    await createCustomer(leaver.ctx, { name: "Left behind" });
    const { leaveTenant } = await import("@/lib/members/remove-member");
    await leaveTenant(leaver.ctx);
    await signInAs(team.owner.user);
    const markup = await html(team.tenant.slug, { actor: leaver.user.id });
    expect(markup).toContain(`<option value="${leaver.user.id}" selected="">Lee Leaver (former member)</option>`);
    expect(entries(markup)).toEqual(["Lee Leaver left the workspace", "Lee Leaver added the customer Left behind"]);
  });

  it("names an API key and its creator, under “API keys” and under the creator", async () => {
    const team = await teamOfEveryRole();
    await db.transaction((tx) =>
      recordActivity(tx, { tenantId: team.tenant.id, actor: team.admin.user, apiKey: { id: crypto.randomUUID(), name: "Sync" }, ip: null, action: "customer.created", target: { type: "customer", id: "c", label: "Grace" } }),
    );
    await createCustomer(team.owner.ctx, { name: "Ada" });
    await signInAs(team.owner.user);
    expect(entries(await html(team.tenant.slug))).toEqual(["Olive Owner added the customer Ada", "API key “Sync”, created by Adam Admin added the customer Grace"]);
    expect(entries(await html(team.tenant.slug, { actor: "api-keys" }))).toEqual(["API key “Sync”, created by Adam Admin added the customer Grace"]);
    expect(entries(await html(team.tenant.slug, { actor: team.admin.user.id }))).toEqual(["API key “Sync”, created by Adam Admin added the customer Grace"]);
  });
});
