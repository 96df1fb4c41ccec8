import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createSession, createUser } from "@/db/factories";
import { users } from "@/db/schema";
import { allowSignIn } from "@/lib/passkeys/passkeys";
import { GET } from "./route";

async function webauthnOptions(action: string, sessionToken?: string) {
  const headers: Record<string, string> = {};
  if (sessionToken) headers.cookie = `authjs.session-token=${sessionToken}`;
  const response = await GET(new NextRequest(`http://localhost:3000/api/auth/webauthn-options/passkey?action=${action}`, { headers }));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, cookies: response.headers.getSetCookie() };
}

describe("Auth.js passkey options", () => {
  it("never start a registration for a visitor who is not signed in: no account is made from a passkey alone", async () => {
    const answer = await webauthnOptions("register");
    expect(answer.status).toBe(400);
    expect(answer.cookies.some((c) => c.includes("challenge"))).toBe(false);
  });

  it("let a visitor authenticate with a passkey the device holds, without naming an account", async () => {
    const answer = await webauthnOptions("authenticate");
    expect(answer.status).toBe(200);
    expect(answer.body.action).toBe("authenticate");
    expect(answer.body.options.challenge).toEqual(expect.any(String));
    expect(answer.body.options.allowCredentials ?? []).toEqual([]);
    expect(answer.cookies.some((c) => c.includes("challenge"))).toBe(true);
  });

  it("start a registration for the signed-in user, named by their address, as a discoverable passkey", async () => {
    const ada = await createUser();
    const answer = await webauthnOptions("register", await createSession(ada));
    expect(answer.status).toBe(200);
    expect(answer.body.action).toBe("register");
    expect(answer.body.options.user.name).toBe(ada.email);
    expect(answer.body.options.authenticatorSelection.residentKey).toBe("required");
  });

  it("refuse nonsense actions with a 400, never a 500", async () => {
    for (const action of ["delete", "%00", "x".repeat(2000)]) {
      expect((await webauthnOptions(action)).status).toBe(400);
    }
  });
});

describe("Auth.js's sign-in check", () => {
  it("refuses a passkey for a user whose email is not verified, or for no known user", async () => {
    const ada = await createUser();
    const bob = await createUser();
    await db.update(users).set({ emailVerified: null }).where(eq(users.id, bob.id));
    const passkey = { type: "webauthn" };
    expect(await allowSignIn({ user: { id: ada.id }, account: passkey })).toBe(true);
    expect(await allowSignIn({ user: { id: bob.id }, account: passkey })).toBe(false);
    expect(await allowSignIn({ user: {}, account: passkey })).toBe(false);
  });

  it("leaves the other ways in alone", async () => {
    const bob = await createUser({ emailVerified: null });
    expect(await allowSignIn({ user: { id: bob.id }, account: { type: "email" } })).toBe(true);
    expect(await allowSignIn({ user: { id: bob.id }, account: { type: "oauth" } })).toBe(true);
  });
});
