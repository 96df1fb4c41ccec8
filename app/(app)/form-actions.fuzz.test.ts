// Hostile input through every form action, called as the form calls it: no action may
// fail with an unknown error (the user's "500"), a refused input changes no row, and
// input the schemas must refuse is refused with a message.
import { count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { accounts, activityLog, apiKeys, authenticators, customers, dataExports, emailOutbox, invitations, inviteLinks, memberships, planChanges, tenantDomains, tenants, users } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { createCustomer } from "@/lib/customers/customers";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { newRequest, request, signInAs } from "@/testing/fake-request";
import { teamOfEveryRole } from "@/testing/tenant-context";
import { acceptInvitationAction, declineInvitationAction } from "../invite/[token]/actions";
import { joinByLinkAction } from "../join/[token]/actions";
import { signInWithEmail } from "../sign-in/actions";
import { deleteAccountAction, exportAccountAction, removePasskeyAction, renamePasskeyAction, restoreTenantAction, updateProfileAction } from "./(user)/account/actions";
import { createTenantAction } from "./actions";
import { joinSuggestedTenantAction } from "./domain-actions";
import { createApiKeyAction, revokeApiKeyAction } from "./t/[slug]/api-keys/actions";
import { checkoutAction, portalAction } from "./t/[slug]/billing/actions";
import { createCustomerAction, deleteCustomerAction, updateCustomerAction } from "./t/[slug]/customers/actions";
import {
  changeRoleAction,
  createInviteLinkAction,
  inviteAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  revokeInviteLinkAction,
  transferOwnershipAction,
} from "./t/[slug]/members/actions";
import {
  checkDomainAction,
  claimDomainAction,
  deleteTenantAction,
  exportTenantAction,
  removeDomainAction,
  renameTenantAction,
  updateDomainAction,
} from "./t/[slug]/settings/actions";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// Auth.js does not load outside Next; what reaches it is recorded instead.
const signIns = vi.hoisted(() => [] as unknown[]);
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({
  signIn: async (...args: unknown[]) => (signIns.push(args), "/sign-in/check-email"),
  signOut: async () => {},
}));

/** Must be refused: control characters anywhere, and far too much text. */
const REFUSED = ["\u0000", "Ada\u0000Lovelace", "\u0007", "tab\u000bhere", "\u001b[31mred", "\u007f", "\u0085", "x".repeat(100_000)];
/** May be accepted or refused, but never fail. A lone surrogate reaches an action as U+FFFD, as from a browser. */
const ODD = ["\uD800", "", "   ", "😀".repeat(30), "'; drop table customers; --", "<script>alert(1)</script>", "\u202Eevil", "null", "-1", "0000-00-00", "+100000-01-01", "9".repeat(400), "ＡＢＣ@ｅｘａｍｐｌｅ.ｃｏｍ"];

type Fields = Record<string, string | string[]>;
/** `lenient`: a field dropped, not refused, when bad (sign-in's hidden return path: the user then lands on home). */
type Case = { name: string; fields: Fields; run: (form: FormData) => Promise<ActionState>; lenient?: string };

const GENERIC = "Something went wrong on our side. Please try again.";

function formOf(fields: Record<string, string | string[] | Blob>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(key, one);
  }
  return form;
}

/** An action's end as the user sees it: its state, or where it sent them. */
async function outcomeOf(run: () => Promise<ActionState>): Promise<ActionState | { status: "redirect" | "404"; to?: string }> {
  try {
    return await run();
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { status: "redirect", to: digest.split(";")[2] };
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { status: "404" };
    throw error; // an unknown error: the page would answer 500
  }
}

async function rowCounts() {
  const tables = { accounts, activityLog, apiKeys, authenticators, customers, dataExports, emailOutbox, invitations, inviteLinks, memberships, planChanges, tenantDomains, tenants, users };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

const NIL = "00000000-0000-4000-8000-000000000000";

let team: Awaited<ReturnType<typeof teamOfEveryRole>>;
let cases: Case[];

beforeAll(async () => {
  team = await teamOfEveryRole();
  const slug = team.tenant.slug;
  const customer = await createCustomer(team.owner.ctx, { name: "Kept" });
  const invitation = await createInvitation(team.owner.ctx, { email: "invited@example.test", role: "member" }, "http://localhost:3000");
  const tenant = <S>(action: (slug: string, previous: ActionState, form: FormData) => Promise<S>) => (form: FormData) =>
    action(slug, { status: "idle" }, form) as Promise<ActionState>;
  const user = (action: (previous: ActionState, form: FormData) => Promise<ActionState>) => (form: FormData) => action({ status: "idle" }, form);
  cases = [
    { name: "create customer", fields: { name: "Ada", company: "Analytical", email: "ada@example.test", phone: "+44 20 7946 0000", notes: "Hi" }, run: tenant(createCustomerAction) },
    { name: "edit customer", fields: { id: customer.id, name: "Kept", company: "", email: "", phone: "", notes: "" }, run: tenant(updateCustomerAction) },
    { name: "delete customer", fields: { id: NIL }, run: tenant(deleteCustomerAction) },
    { name: "create API key", fields: { name: "CI", scopes: ["customers:read"], expiresInDays: "never" }, run: tenant(createApiKeyAction) },
    { name: "revoke API key", fields: { id: "00000000-0000-4000-8000-000000000000" }, run: tenant(revokeApiKeyAction) },
    { name: "invite", fields: { email: "new@example.test", role: "member" }, run: tenant(inviteAction) },
    { name: "resend invitation", fields: { invitationId: invitation.id }, run: tenant(resendInvitationAction) },
    { name: "revoke invitation", fields: { invitationId: "00000000-0000-4000-8000-000000000000" }, run: tenant(revokeInvitationAction) },
    { name: "create invite link", fields: { role: "member", expiresInDays: "7", maxUses: "3" }, run: tenant(createInviteLinkAction) },
    { name: "revoke invite link", fields: { linkId: NIL }, run: tenant(revokeInviteLinkAction) },
    { name: "change role", fields: { userId: team.member.user.id, role: "member" }, run: tenant(changeRoleAction) },
    { name: "remove member", fields: { userId: "nobody" }, run: tenant(removeMemberAction) },
    { name: "transfer ownership", fields: { userId: "nobody" }, run: tenant(transferOwnershipAction) },
    { name: "rename workspace", fields: { name: team.tenant.name }, run: tenant(renameTenantAction) },
    { name: "checkout", fields: { planId: "business", interval: "monthly" }, run: tenant(checkoutAction) },
    { name: "billing portal", fields: {}, run: tenant(portalAction) },
    { name: "export workspace", fields: {}, run: tenant(exportTenantAction) },
    { name: "delete workspace", fields: { confirmName: "Not its name" }, run: tenant(deleteTenantAction) },
    { name: "claim domain", fields: { domain: "fuzz-example.test" }, run: tenant(claimDomainAction) },
    { name: "check domain", fields: { domainId: NIL }, run: tenant(checkDomainAction) },
    { name: "domain settings", fields: { domainId: NIL, mode: "automatic", role: "member" }, run: tenant(updateDomainAction) },
    { name: "remove domain", fields: { domainId: NIL }, run: tenant(removeDomainAction) },
    { name: "create workspace", fields: { name: "Side project" }, run: user(createTenantAction) },
    { name: "join by domain", fields: { tenantId: NIL }, run: user(joinSuggestedTenantAction) },
    { name: "rename passkey", fields: { credentialId: "bm8tc3VjaC1wYXNza2V5", name: "Phone" }, run: user(renamePasskeyAction) },
    { name: "remove passkey", fields: { credentialId: "bm8tc3VjaC1wYXNza2V5" }, run: user(removePasskeyAction) },
    { name: "restore workspace", fields: { tenantId: "00000000-0000-4000-8000-000000000000" }, run: user(restoreTenantAction) },
    { name: "export account", fields: {}, run: user(exportAccountAction) },
    { name: "delete account", fields: { confirmEmail: "someone-else@example.test" }, run: user(deleteAccountAction) },
    { name: "profile", fields: { name: "Olive Owner" }, run: user(updateProfileAction) },
    { name: "sign in", fields: { email: "someone@example.test", callbackUrl: "/t/x" }, run: user(signInWithEmail), lenient: "callbackUrl" },
  ];
});

beforeEach(async () => {
  await signInAs(team.owner.user);
  request.headers = new Headers();
});

/** Each case with one field replaced by `value` (or, for a case without fields, an extra one). */
function* variants(value: string | Blob | string[]) {
  for (const c of cases) {
    const names = Object.keys(c.fields);
    for (const field of names.length ? names : ["extra"]) yield { c, field, form: formOf({ ...c.fields, [field]: value }) };
  }
}

describe("every form action", () => {
  it("refuses control characters and oversized text in any field, with a message, writing nothing", async () => {
    const before = await rowCounts();
    for (const value of REFUSED) {
      for (const { c, field, form } of variants(value)) {
        newRequest();
        await signInAs(team.owner.user);
        const result = await outcomeOf(() => c.run(form));
        const label = `${c.name}.${field} = ${JSON.stringify(value.slice(0, 12))}`;
        if (field === c.lenient) {
          expect(result, label).toEqual({ status: "redirect", to: "/sign-in/check-email" });
          expect(signIns.pop(), label).toEqual(["email", { email: "someone@example.test", redirectTo: "/", redirect: false }]);
          continue;
        }
        if (Object.keys(c.fields).length) expect(result.status, label).toBe("error");
        if (result.status === "error") expect((result as ActionState & { message: string }).message, label).not.toBe(GENERIC);
      }
    }
    // Sessions are made per call above; nothing else may have changed.
    expect(await rowCounts()).toEqual(before);
    expect(signIns).toEqual([]);
  });

  it("never fails on odd text, repeated fields, files or missing fields", async () => {
    const values: (string | Blob | string[])[] = [...ODD, ["a", "b"], new Blob(["file body"]), new File(["x"], "x.txt")];
    for (const value of values) {
      for (const { c, field, form } of variants(value)) {
        newRequest();
        await signInAs(team.owner.user);
        const label = `${c.name}.${field} = ${typeof value === "string" ? JSON.stringify(value.slice(0, 12)) : String(value)}`;
        const result = await outcomeOf(() => c.run(form));
        if (result.status === "error") expect((result as ActionState & { message: string }).message, label).not.toBe(GENERIC);
      }
    }
    for (const c of cases) {
      newRequest();
      await signInAs(team.owner.user);
      const result = await outcomeOf(() => c.run(new FormData()));
      if (result.status === "error") expect((result as ActionState & { message: string }).message, c.name).not.toBe(GENERIC);
    }
    // The workspace still has its owner, whatever was sent.
    const owners = await db.select().from(memberships).where(eq(memberships.tenantId, team.tenant.id));
    expect(owners.some((m) => m.role === "owner")).toBe(true);
  });

  it("answers a hostile invitation token with the invitation's dead-link page or an error, never a failure", async () => {
    for (const token of [...REFUSED, ...ODD]) {
      for (const action of [acceptInvitationAction, declineInvitationAction, joinByLinkAction]) {
        newRequest();
        await signInAs(team.member.user);
        const result = await outcomeOf(() => action(token, { status: "idle" }, new FormData()));
        if (result.status === "error") expect((result as ActionState & { message: string }).message).not.toBe(GENERIC);
      }
    }
  });
});
