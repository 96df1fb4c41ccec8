// What Auth.js asks of every database adapter (the checks of its own adapter suite,
// next-auth packages/utils/adapter.ts, which is not published), held against ours,
// plus the two things our adapter adds for passkeys.
import { randomUUID } from "node:crypto";
import type { Adapter, AdapterAuthenticator, AdapterUser } from "@auth/core/adapters";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts, authenticators, sessions, users, verificationTokens } from "@/db/schema";
import { authAdapter } from "./adapter";

const DAY = 86_400_000;

/** Every method is called in these tests, so none may be missing. */
const adapter = () => authAdapter(getDb()) as Required<Adapter>;

const storedUser = async (id: string) => (await getDb().select().from(users).where(eq(users.id, id)))[0] ?? null;
const storedSession = async (sessionToken: string) =>
  (await getDb().select().from(sessions).where(eq(sessions.sessionToken, sessionToken)))[0] ?? null;
const storedAccount = async (provider: string, providerAccountId: string) =>
  (await getDb().select().from(accounts).where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId))))[0] ?? null;
const storedToken = async (identifier: string, token: string) =>
  (await getDb().select().from(verificationTokens).where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token))))[0] ?? null;
const storedAuthenticator = async (credentialID: string) =>
  (await getDb().select().from(authenticators).where(eq(authenticators.credentialID, credentialID)))[0] ?? null;

function newUser(overrides: Partial<AdapterUser> = {}): AdapterUser {
  const id = randomUUID();
  return { id, name: "Fill Murray", email: `fill-${id}@example.test`, image: "https://example.test/fill.png", emailVerified: new Date(), ...overrides };
}

const createUser = (overrides: Partial<AdapterUser> = {}) => adapter().createUser(newUser(overrides));

function githubAccount(userId: string) {
  return {
    userId,
    type: "oauth" as const,
    provider: "github",
    providerAccountId: randomUUID(),
    access_token: randomUUID(),
    refresh_token: randomUUID(),
    id_token: randomUUID(),
    expires_at: Math.floor((Date.now() + 30 * DAY) / 1000),
    token_type: "bearer" as const,
    scope: "user",
    session_state: randomUUID(),
  };
}

/** A credential as Auth.js's WebAuthn registration stores it: the linked account first, then the authenticator. */
async function registerPasskey(userId: string, overrides: Partial<AdapterAuthenticator> = {}) {
  const credentialID = Buffer.from(randomUUID()).toString("base64url");
  await adapter().linkAccount({ userId, type: "webauthn", provider: "passkey", providerAccountId: credentialID });
  const data: AdapterAuthenticator = {
    credentialID,
    userId,
    providerAccountId: credentialID,
    credentialPublicKey: Buffer.from(randomUUID()).toString("base64"),
    counter: 3,
    credentialDeviceType: "multiDevice",
    credentialBackedUp: true,
    transports: "internal,hybrid",
    ...overrides,
  };
  return { data, created: await adapter().createAuthenticator(data) };
}

describe("the auth adapter", () => {
  it("has every method Auth.js calls, passkeys included", () => {
    const methods = [
      "createUser", "getUser", "getUserByEmail", "getUserByAccount", "updateUser", "deleteUser",
      "linkAccount", "unlinkAccount", "getAccount",
      "createSession", "getSessionAndUser", "updateSession", "deleteSession",
      "createVerificationToken", "useVerificationToken",
      "createAuthenticator", "getAuthenticator", "listAuthenticatorsByUserId", "updateAuthenticatorCounter",
    ] as const;
    const a = adapter();
    expect(methods.filter((m) => typeof a[m] !== "function")).toEqual([]);
  });
});

describe("users", () => {
  it("are created with what Auth.js gives, and returned as stored", async () => {
    const given = newUser();
    const created = await adapter().createUser(given);
    const stored = await storedUser(created.id);
    expect(stored).toMatchObject({ name: given.name, email: given.email, image: given.image, emailVerified: given.emailVerified });
    expect(created).toEqual(stored);
  });

  it("are found by id and by email, and unknown ones are null", async () => {
    const user = await createUser();
    const stored = await storedUser(user.id);
    expect(await adapter().getUser(user.id)).toEqual(stored);
    expect(await adapter().getUserByEmail(user.email)).toEqual(stored);
    expect(await adapter().getUser(randomUUID())).toBeNull();
    expect(await adapter().getUserByEmail(`nobody-${randomUUID()}@example.test`)).toBeNull();
    expect(await adapter().getUserByEmail("non-existent-email")).toBeNull();
  });

  it("are updated, the change returned and stored, other fields kept", async () => {
    const user = await createUser();
    const updated = await adapter().updateUser({ id: user.id, name: "Updated Name" });
    expect(updated.name).toBe("Updated Name");
    expect(updated.email).toBe(user.email);
    expect(await storedUser(user.id)).toMatchObject({ name: "Updated Name", email: user.email, image: user.image });
  });

  it("are deleted with their sessions, accounts and passkeys", async () => {
    const user = await createUser();
    const other = await createUser();
    const sessionToken = randomUUID();
    await adapter().createSession({ sessionToken, userId: user.id, expires: new Date(Date.now() + 7 * DAY) });
    const account = githubAccount(user.id);
    await adapter().linkAccount(account);
    const { data: passkey } = await registerPasskey(user.id);
    const { data: othersPasskey } = await registerPasskey(other.id);

    await adapter().deleteUser(user.id);

    expect(await storedUser(user.id)).toBeNull();
    expect(await storedSession(sessionToken)).toBeNull();
    expect(await storedAccount(account.provider, account.providerAccountId)).toBeNull();
    expect(await storedAccount("passkey", passkey.credentialID)).toBeNull();
    expect(await storedAuthenticator(passkey.credentialID)).toBeNull();
    expect(await storedUser(other.id)).not.toBeNull();
    expect(await storedAuthenticator(othersPasskey.credentialID)).not.toBeNull();
  });
});

describe("accounts", () => {
  it("are linked with every token field kept", async () => {
    const user = await createUser();
    const account = githubAccount(user.id);
    await adapter().linkAccount(account);
    expect(await storedAccount(account.provider, account.providerAccountId)).toEqual(account);
  });

  it("find their user, and an unknown provider or id finds null", async () => {
    const user = await createUser();
    const account = githubAccount(user.id);
    await adapter().linkAccount(account);
    expect(await adapter().getUserByAccount({ provider: account.provider, providerAccountId: account.providerAccountId })).toEqual(await storedUser(user.id));
    expect(await adapter().getUserByAccount({ provider: "invalid-provider", providerAccountId: "invalid-provider-account-id" })).toBeNull();
    expect(await adapter().getUserByAccount({ provider: account.provider, providerAccountId: randomUUID() })).toBeNull();
  });

  it("are read back by provider and id, and null when either does not match", async () => {
    const user = await createUser();
    const account = githubAccount(user.id);
    await adapter().linkAccount(account);
    expect(await adapter().getAccount(account.providerAccountId, account.provider)).toEqual(account);
    expect(await adapter().getAccount(account.providerAccountId, "invalid-provider")).toBeNull();
    expect(await adapter().getAccount("invalid-provider-account-id", account.provider)).toBeNull();
    expect(await adapter().getAccount("invalid-provider-account-id", "invalid-provider")).toBeNull();
  });

  it("are unlinked, that one only", async () => {
    const user = await createUser();
    const gone = githubAccount(user.id);
    const kept = githubAccount(user.id);
    await adapter().linkAccount(gone);
    await adapter().linkAccount(kept);
    await adapter().unlinkAccount({ provider: gone.provider, providerAccountId: gone.providerAccountId });
    expect(await storedAccount(gone.provider, gone.providerAccountId)).toBeNull();
    expect(await storedAccount(kept.provider, kept.providerAccountId)).toEqual(kept);
    expect(await adapter().getUserByAccount({ provider: gone.provider, providerAccountId: gone.providerAccountId })).toBeNull();
  });
});

describe("sessions", () => {
  it("are created as given", async () => {
    const user = await createUser();
    const session = { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 7 * DAY) };
    const created = await adapter().createSession(session);
    expect(created).toEqual(session);
    expect(await storedSession(session.sessionToken)).toEqual(session);
  });

  it("are found with their user, and an unknown token finds null", async () => {
    const user = await createUser();
    const session = { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 7 * DAY) };
    await adapter().createSession(session);
    expect(await adapter().getSessionAndUser(session.sessionToken)).toEqual({ session, user: await storedUser(user.id) });
    expect(await adapter().getSessionAndUser("invalid-token")).toBeNull();
  });

  it("have their expiry moved", async () => {
    const user = await createUser();
    const session = { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 7 * DAY) };
    await adapter().createSession(session);
    const expires = new Date(Date.now() + 30 * DAY);
    const updated = await adapter().updateSession({ sessionToken: session.sessionToken, expires });
    expect(updated?.expires.getTime()).toBe(expires.getTime());
    expect((await storedSession(session.sessionToken))!.expires.getTime()).toBe(expires.getTime());
  });

  it("are deleted, that one only", async () => {
    const user = await createUser();
    const expires = new Date(Date.now() + 7 * DAY);
    const [gone, kept] = [randomUUID(), randomUUID()];
    await adapter().createSession({ sessionToken: gone, userId: user.id, expires });
    await adapter().createSession({ sessionToken: kept, userId: user.id, expires });
    await adapter().deleteSession(gone);
    expect(await storedSession(gone)).toBeNull();
    expect(await storedSession(kept)).not.toBeNull();
    expect(await adapter().getSessionAndUser(gone)).toBeNull();
  });
});

describe("verification tokens", () => {
  const newToken = () => ({ identifier: `info-${randomUUID()}@example.test`, token: randomUUID(), expires: new Date(Date.now() + 15 * 60_000) });

  it("are stored as given", async () => {
    const token = newToken();
    await adapter().createVerificationToken(token);
    expect(await storedToken(token.identifier, token.token)).toEqual(token);
  });

  it("can be used once: the first use returns it, the second null", async () => {
    const token = newToken();
    await adapter().createVerificationToken(token);
    expect(await adapter().useVerificationToken({ identifier: token.identifier, token: token.token })).toEqual(token);
    expect(await storedToken(token.identifier, token.token)).toBeNull();
    expect(await adapter().useVerificationToken({ identifier: token.identifier, token: token.token })).toBeNull();
  });

  it("are used only with their own identifier", async () => {
    const token = newToken();
    await adapter().createVerificationToken(token);
    expect(await adapter().useVerificationToken({ identifier: `someone-${randomUUID()}@example.test`, token: token.token })).toBeNull();
    expect(await adapter().useVerificationToken({ identifier: token.identifier, token: randomUUID() })).toBeNull();
    expect(await storedToken(token.identifier, token.token)).toEqual(token);
  });
});

describe("passkeys (authenticators)", () => {
  it("are created as given and returned in Auth.js's shape, without our own columns", async () => {
    const user = await createUser();
    const { data, created } = await registerPasskey(user.id);
    expect(created).toEqual(data);
    expect(await storedAuthenticator(data.credentialID)).toMatchObject(data);
  });

  it("are found by credential id, and an unknown one is null", async () => {
    const user = await createUser();
    const { data } = await registerPasskey(user.id);
    expect(await adapter().getAuthenticator(data.credentialID)).toEqual(data);
    expect(await adapter().getAuthenticator("invalid-credential-id")).toBeNull();
  });

  it("are listed for their user only, and none for an unknown user", async () => {
    const ada = await createUser();
    const bob = await createUser();
    const first = await registerPasskey(ada.id, { transports: "usb,ble,nfc" });
    const second = await registerPasskey(ada.id, { transports: "usb,nfc", credentialDeviceType: "singleDevice", credentialBackedUp: false });
    const bobs = await registerPasskey(bob.id, { transports: null });
    const byCredential = (a: { credentialID: string }, b: { credentialID: string }) => a.credentialID.localeCompare(b.credentialID);

    const adas = await adapter().listAuthenticatorsByUserId(ada.id);
    expect(adas.sort(byCredential)).toEqual([first.data, second.data].sort(byCredential));
    expect(await adapter().listAuthenticatorsByUserId(bob.id)).toEqual([bobs.data]);
    expect(await adapter().listAuthenticatorsByUserId("invalid-user-id")).toEqual([]);
  });

  it("have their signature counter updated, and an unknown credential is refused", async () => {
    const user = await createUser();
    const { data } = await registerPasskey(user.id);
    const updated = await adapter().updateAuthenticatorCounter(data.credentialID, data.counter + 5);
    expect(updated).toEqual({ ...data, counter: data.counter + 5 });
    expect((await storedAuthenticator(data.credentialID))!.counter).toBe(data.counter + 5);
    await expect(adapter().updateAuthenticatorCounter("invalid-credential-id", 9)).rejects.toThrow();
  });

  it("are named Passkey, Passkey 2, Passkey 3 in the order each user adds them", async () => {
    const ada = await createUser();
    const bob = await createUser();
    const adas = [await registerPasskey(ada.id), await registerPasskey(ada.id)];
    const bobs = await registerPasskey(bob.id);
    adas.push(await registerPasskey(ada.id));
    const nameOf = async (p: { data: { credentialID: string } }) => (await storedAuthenticator(p.data.credentialID))!.name;
    expect(await Promise.all(adas.map(nameOf))).toEqual(["Passkey", "Passkey 2", "Passkey 3"]);
    expect(await nameOf(bobs)).toBe("Passkey");
  });

  it("take the first free name, so one removed leaves no two alike", async () => {
    const user = await createUser();
    const [, second] = [await registerPasskey(user.id), await registerPasskey(user.id), await registerPasskey(user.id)];
    await getDb().delete(authenticators).where(eq(authenticators.credentialID, second!.data.credentialID));
    const again = await registerPasskey(user.id);
    const names = (await getDb().select({ name: authenticators.name }).from(authenticators).where(eq(authenticators.userId, user.id))).map((r) => r.name);
    expect((await storedAuthenticator(again.data.credentialID))!.name).toBe("Passkey 2");
    expect(new Set(names).size).toBe(names.length);
  });

  it("added at the same moment still get different names", async () => {
    const user = await createUser();
    const added = await Promise.all(Array.from({ length: 5 }, () => registerPasskey(user.id)));
    const names = await Promise.all(added.map(async (p) => (await storedAuthenticator(p.data.credentialID))!.name));
    expect(names.sort()).toEqual(["Passkey", "Passkey 2", "Passkey 3", "Passkey 4", "Passkey 5"]);
  });

  it("record when they were made, and their last use only once Auth.js counts a sign-in with them", async () => {
    const user = await createUser();
    const { data } = await registerPasskey(user.id);
    const { data: unused } = await registerPasskey(user.id);
    const fresh = await storedAuthenticator(data.credentialID);
    expect(fresh!.createdAt).toBeInstanceOf(Date);
    expect(fresh!.lastUsedAt).toBeNull();

    const before = Date.now();
    await adapter().updateAuthenticatorCounter(data.credentialID, data.counter + 1);
    const after = Date.now();
    const used = await storedAuthenticator(data.credentialID);
    expect(used!.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(used!.lastUsedAt!.getTime()).toBeLessThanOrEqual(after);
    expect((await storedAuthenticator(unused.credentialID))!.lastUsedAt).toBeNull();
  });
});
