import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, authenticators, users } from "@/db/schema";
import { createUser } from "@/db/factories";
import { authAdapter } from "@/lib/auth/adapter";
import { NotFoundError, UserError } from "@/lib/errors";
import { listOutbox } from "@/lib/email/outbox";
import { accountExportTables } from "@/lib/exports/account-tables";
import { deliverQueuedMail } from "@/testing/jobs";
import { announceNewPasskey, listPasskeys, mayUsePasskey, PASSKEY_PROVIDER_ID, removePasskey, renamePasskey } from "./passkeys";

let n = 0;
/** A passkey as Auth.js's registration stores it: the linked account, then the credential. */
async function registerPasskey(userId: string, deviceType = "multiDevice") {
  const credentialID = Buffer.from(`credential-${Date.now()}-${n++}-${Math.random()}`).toString("base64");
  const adapter = authAdapter();
  await adapter.linkAccount!({ userId, type: "webauthn" as never, provider: PASSKEY_PROVIDER_ID, providerAccountId: credentialID });
  await adapter.createAuthenticator!({
    credentialID,
    userId,
    providerAccountId: credentialID,
    credentialPublicKey: "cHVibGljLWtleQ==",
    counter: 0,
    credentialDeviceType: deviceType,
    credentialBackedUp: deviceType === "multiDevice",
    transports: "internal,hybrid",
  });
  return credentialID;
}

describe("passkeys", () => {
  it("may be used only by a user whose email is verified", async () => {
    const verified = await createUser();
    const unverified = await createUser();
    await db.update(users).set({ emailVerified: null }).where(eq(users.id, unverified.id));
    expect(await mayUsePasskey(verified.id)).toBe(true);
    expect(await mayUsePasskey(unverified.id)).toBe(false);
    expect(await mayUsePasskey("no-such-user")).toBe(false);
    expect(await mayUsePasskey(undefined)).toBe(false);
  });

  it("are listed for their owner only, named in order, with no last use until used", async () => {
    const ada = await createUser();
    const bob = await createUser();
    const first = await registerPasskey(ada.id);
    const second = await registerPasskey(ada.id, "singleDevice");
    await registerPasskey(bob.id);
    const list = await listPasskeys(ada);
    expect(list.map((p) => [p.credentialId, p.name, p.synced, p.lastUsedAt])).toEqual([
      [first, "Passkey", true, null],
      [second, "Passkey 2", false, null],
    ]);
  });

  it("stamp their last use when Auth.js updates the signature counter at sign-in", async () => {
    const ada = await createUser();
    const id = await registerPasskey(ada.id);
    const before = Date.now();
    await authAdapter().updateAuthenticatorCounter!(id, 7);
    const [row] = await db.select().from(authenticators).where(eq(authenticators.credentialID, id));
    expect(row!.counter).toBe(7);
    expect(row!.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("can be renamed by their owner, with the name checked", async () => {
    const ada = await createUser();
    const id = await registerPasskey(ada.id);
    await renamePasskey(ada, { credentialId: id, name: "  Work laptop  " });
    expect((await listPasskeys(ada))[0]!.name).toBe("Work laptop");
    await expect(renamePasskey(ada, { credentialId: id, name: "   " })).rejects.toBeInstanceOf(UserError);
    await expect(renamePasskey(ada, { credentialId: id, name: "x".repeat(61) })).rejects.toBeInstanceOf(UserError);
    await expect(renamePasskey(ada, { credentialId: "not a credential!", name: "x" })).rejects.toBeInstanceOf(UserError);
  });

  it("cannot be renamed or removed by anyone else: not found, and unchanged", async () => {
    const ada = await createUser();
    const eve = await createUser();
    const id = await registerPasskey(ada.id);
    await expect(renamePasskey(eve, { credentialId: id, name: "Mine now" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removePasskey(eve, { credentialId: id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listPasskeys(ada)).map((p) => p.name)).toEqual(["Passkey"]);
    expect(await db.select().from(accounts).where(eq(accounts.providerAccountId, id))).toHaveLength(1);
  });

  it("are removed with the account Auth.js linked for them, so they sign no one in again", async () => {
    const ada = await createUser();
    const id = await registerPasskey(ada.id);
    const other = await registerPasskey(ada.id);
    await removePasskey(ada, { credentialId: id });
    expect((await listPasskeys(ada)).map((p) => p.credentialId)).toEqual([other]);
    expect(await db.select().from(accounts).where(and(eq(accounts.provider, PASSKEY_PROVIDER_ID), eq(accounts.providerAccountId, id)))).toHaveLength(0);
    expect(await authAdapter().getUserByAccount!({ provider: PASSKEY_PROVIDER_ID, providerAccountId: id })).toBeNull();
    await expect(removePasskey(ada, { credentialId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("go when their user is deleted", async () => {
    const ada = await createUser();
    const id = await registerPasskey(ada.id);
    await db.delete(users).where(eq(users.id, ada.id));
    expect(await db.select().from(authenticators).where(eq(authenticators.credentialID, id))).toHaveLength(0);
  });
});

describe("a new passkey", () => {
  it("is announced to the account's address, with a link to remove it", async () => {
    const ada = await createUser();
    await announceNewPasskey({ user: ada, account: { type: "webauthn" } }, "https://app.example.test");
    await announceNewPasskey({ user: ada, account: { type: "oauth" } }, "https://app.example.test");
    await deliverQueuedMail();
    const mail = (await listOutbox(1000)).filter((m) => m.to === ada.email);
    expect(mail.map((m) => m.subject)).toEqual([expect.stringContaining("A passkey was added")]);
    expect(mail[0]!.text).toContain("https://app.example.test/account#passkeys");
  });
});

describe("the account export", () => {
  it("lists the user's passkeys by name and dates, without their keys", async () => {
    const ada = await createUser();
    await registerPasskey(ada.id);
    const table = accountExportTables(ada.id).find((t) => t.name === "passkeys")!;
    const rows: Record<string, unknown>[] = [];
    for await (const row of table.rows()) rows.push(row as Record<string, unknown>);
    expect(rows).toEqual([{ name: "Passkey", createdAt: expect.any(Date), lastUsedAt: null, deviceType: "multiDevice", backedUp: true }]);
    expect(Object.keys(rows[0]!).sort()).toEqual([...table.columns].sort());
    expect(JSON.stringify(rows)).not.toContain("cHVibGljLWtleQ");
  });
});
