import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createUser } from "@/db/factories";
import { emailChanges, users, verificationTokens } from "@/db/schema";
import { listOutbox } from "@/lib/email/outbox";
import { UserError } from "@/lib/errors";
import { accountExportTables } from "@/lib/exports/account-tables";
import { deliverQueuedMail } from "@/testing/jobs";
import {
  cancelEmailChange,
  confirmEmailChange,
  EMAIL_CHANGE_LIMITS,
  EMAIL_CHANGE_TTL_MS,
  EXPIRED_LINK_MESSAGE,
  INVALID_LINK_MESSAGE,
  inspectEmailChangeLink,
  OTHER_ACCOUNT_MESSAGE,
  pendingEmailChange,
  requestEmailChange,
} from "./change-email";

const APP = "http://localhost:3000";
let n = 0;
const fresh = () => `new-${Date.now().toString(36)}-${n++}@example.test`;

/** The mail delivered to `to` since the last call, newest first. */
async function mailTo(to: string) {
  await deliverQueuedMail();
  return (await listOutbox(500)).filter((m) => m.to === to);
}

/** Asks for the change and returns the link's token, read from the mail as the user would. */
async function ask(user: { id: string }, email: string): Promise<string> {
  await requestEmailChange(user, { email }, APP);
  const [mail] = await mailTo(email);
  const match = /\/account\/confirm-email\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "");
  if (!match) throw new Error(`no link in the mail to ${email}`);
  return match[1]!;
}

const errorOf = async (promise: Promise<unknown>) => (await promise.catch((e: unknown) => e)) as UserError;
const emailOf = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
const changeOf = async (id: string) => (await db.select().from(emailChanges).where(eq(emailChanges.userId, id)))[0];

describe("asking to change the address", () => {
  it("mails a link to the new address and a notice to the old one, and stores only the token's hash, for 24 hours", async () => {
    const user = await createUser();
    const email = fresh();
    const before = Date.now();
    const pending = await requestEmailChange(user, { email: `  ${email.toUpperCase()} ` }, APP);
    expect(pending.newEmail).toBe(email); // trimmed and lower-cased, as sign-in does
    expect(pending.expiresAt.getTime() - before).toBeGreaterThanOrEqual(EMAIL_CHANGE_TTL_MS - 1000);
    expect(pending.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(EMAIL_CHANGE_TTL_MS);

    const [link] = await mailTo(email);
    expect(link!.subject).toContain("Confirm your new email address");
    const token = /\/account\/confirm-email\/([A-Za-z0-9_-]+)/.exec(link!.text)![1]!;
    expect(link!.text).toContain(`${APP}/account/confirm-email/${token}`);
    expect(link!.html).toContain(`${APP}/account/confirm-email/${token}`);

    const [notice] = await mailTo(user.email!);
    expect(notice!.subject).toContain("is being changed");
    expect(notice!.text).toContain(email);
    expect(notice!.text).toContain("not you");
    expect(notice!.text).toContain(`${APP}/account`);
    expect(notice!.text).not.toContain(token);

    const row = await changeOf(user.id);
    expect(row).toMatchObject({ newEmail: email });
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await pendingEmailChange(user.id)).toEqual({ newEmail: email, expiresAt: row!.expiresAt });
    expect((await emailOf(user.id)).email).toBe(user.email); // nothing changes yet
  });

  it("keeps one request per user: asking again replaces the first, whose link stops working", async () => {
    const user = await createUser();
    const first = await ask(user, fresh());
    const second = fresh();
    const secondToken = await ask(user, second);
    expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, user.id))).toHaveLength(1);
    expect((await errorOf(confirmEmailChange(user, first))).message).toBe(INVALID_LINK_MESSAGE);
    await confirmEmailChange(user, secondToken);
    expect((await emailOf(user.id)).email).toBe(second);
  });

  it("refuses the current address (in any case) and an invalid one, with a message, sending nothing", async () => {
    const user = await createUser();
    const same = await errorOf(requestEmailChange(user, { email: user.email!.toUpperCase() }, APP));
    expect(same).toBeInstanceOf(UserError);
    expect(same.fieldErrors?.email?.[0]).toContain("already your address");
    for (const email of ["", "not-an-address", "a@b", "x\u0000@example.test", `${"x".repeat(260)}@example.test`, "two@example.test, three@example.test"]) {
      const error = await errorOf(requestEmailChange(user, { email }, APP));
      expect(error, email).toBeInstanceOf(UserError);
      expect(error.fieldErrors?.email, email).toBeDefined();
    }
    expect(await changeOf(user.id)).toBeUndefined();
    expect(await mailTo(user.email!)).toEqual([]);
  });

  it("is rate-limited per account, then with a message and without mail or change", async () => {
    const user = await createUser();
    for (let i = 0; i < EMAIL_CHANGE_LIMITS.perUser.limit; i++) await requestEmailChange(user, { email: fresh() }, APP);
    const kept = await changeOf(user.id);
    const blocked = fresh();
    const error = await errorOf(requestEmailChange(user, { email: blocked }, APP));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/Too many requests.*Try again in \d+ minutes/);
    expect(await changeOf(user.id)).toEqual(kept);
    expect(await mailTo(blocked)).toEqual([]);
  });

  it("is rate-limited per new address, whoever asks", async () => {
    const target = fresh();
    for (let i = 0; i < EMAIL_CHANGE_LIMITS.perAddress.limit; i++) await requestEmailChange(await createUser(), { email: target }, APP);
    const late = await createUser();
    expect((await errorOf(requestEmailChange(late, { email: target }, APP))).message).toMatch(/Too many requests/);
    expect(await changeOf(late.id)).toBeUndefined();
    expect(await mailTo(target)).toHaveLength(EMAIL_CHANGE_LIMITS.perAddress.limit);
  });

  it("sends no link to an address that already has an account, and answers the asker as for any address", async () => {
    const owner = await createUser({ email: fresh().replace("new-", "Owner-") });
    const asker = await createUser();
    const taken = owner.email!.toLowerCase();
    const pending = await requestEmailChange(asker, { email: taken }, APP);
    expect(pending.newEmail).toBe(taken);
    expect(await pendingEmailChange(asker.id)).toMatchObject({ newEmail: taken });
    const [note] = await mailTo(taken);
    expect(note!.subject).toContain("already has");
    expect(note!.text).not.toContain("/account/confirm-email/");
    expect((await mailTo(asker.email!))[0]!.text).toContain(taken); // the usual notice
    expect((await emailOf(owner.id)).email).toBe(owner.email);
    expect((await emailOf(asker.id)).email).toBe(asker.email);
  });

  it("can be cancelled: the link then stops working", async () => {
    const user = await createUser();
    const token = await ask(user, fresh());
    await cancelEmailChange(user);
    expect(await pendingEmailChange(user.id)).toBeNull();
    expect((await errorOf(confirmEmailChange(user, token))).message).toBe(INVALID_LINK_MESSAGE);
    expect((await emailOf(user.id)).email).toBe(user.email);
  });
});

describe("confirming the change", () => {
  it("sets the new address, verified now, uses the request up, and voids sign-in links to the old address; the link works once", async () => {
    const user = await createUser({ emailVerified: new Date("2020-01-01") });
    await db.insert(verificationTokens).values({ identifier: user.email!, token: "old-magic-link", expires: new Date(Date.now() + 60_000) });
    const email = fresh();
    const token = await ask(user, email);
    expect(await inspectEmailChangeLink(user, token)).toEqual({ status: "ready", newEmail: email });

    expect(await confirmEmailChange(user, token)).toEqual({ email });
    const row = await emailOf(user.id);
    expect(row.email).toBe(email);
    expect(Date.now() - row.emailVerified!.getTime()).toBeLessThan(60_000);
    expect(await changeOf(user.id)).toBeUndefined();
    expect(await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, user.email!))).toEqual([]);

    const again = await errorOf(confirmEmailChange(user, token));
    expect(again).toBeInstanceOf(UserError);
    expect(again.message).toBe(INVALID_LINK_MESSAGE);
  });

  it("refuses another user's link and changes nothing", async () => {
    const asker = await createUser();
    const other = await createUser();
    const token = await ask(asker, fresh());
    expect(await inspectEmailChangeLink(other, token)).toEqual({ status: "other-account", message: OTHER_ACCOUNT_MESSAGE });
    expect((await errorOf(confirmEmailChange(other, token))).message).toBe(OTHER_ACCOUNT_MESSAGE);
    expect((await emailOf(other.id)).email).toBe(other.email);
    expect((await emailOf(asker.id)).email).toBe(asker.email);
    expect(await changeOf(asker.id)).toBeDefined(); // the asker can still confirm
  });

  it("refuses an expired link", async () => {
    const user = await createUser();
    const token = await ask(user, fresh());
    await db.update(emailChanges).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(emailChanges.userId, user.id));
    expect(await pendingEmailChange(user.id)).toBeNull();
    expect((await inspectEmailChangeLink(user, token)).status).toBe("expired");
    expect((await errorOf(confirmEmailChange(user, token))).message).toBe(EXPIRED_LINK_MESSAGE);
    expect((await emailOf(user.id)).email).toBe(user.email);
  });

  it("refuses, with a clear message, an address another account has taken since the request", async () => {
    const user = await createUser();
    const email = fresh();
    const token = await ask(user, email);
    const taker = await createUser({ email: email.toUpperCase() });
    expect(await inspectEmailChangeLink(user, token)).toMatchObject({ status: "taken", newEmail: email });
    const error = await errorOf(confirmEmailChange(user, token));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(`${email} now belongs to another account, so your address was not changed.`);
    expect((await emailOf(user.id)).email).toBe(user.email);
    expect((await emailOf(taker.id)).email).toBe(email.toUpperCase());
  });

  it("treats hostile tokens as invalid links", async () => {
    const user = await createUser();
    await ask(user, fresh());
    for (const token of ["", "x", "\u0000", "../../etc", "' OR 1=1 --", "x".repeat(100_000), null, 42, { toString: () => "x" }]) {
      expect((await inspectEmailChangeLink(user, token)).status).toBe("invalid");
      expect((await errorOf(confirmEmailChange(user, token))).message).toBe(INVALID_LINK_MESSAGE);
    }
    expect((await emailOf(user.id)).email).toBe(user.email);
  });
});

describe("the account export", () => {
  it("lists the pending change without its token hash", async () => {
    const user = await createUser();
    const email = fresh();
    await ask(user, email);
    const table = accountExportTables(user.id).find((t) => t.name === "email_changes")!;
    const rows = [];
    for await (const row of table.rows()) rows.push(row);
    expect(rows).toEqual([{ newEmail: email, expiresAt: expect.any(Date), createdAt: expect.any(Date) }]);
    expect(table.columns).not.toContain("tokenHash");
  });
});
