// The sign-in form and the "Check your email" page's resend button, called as the forms
// call them. Auth.js does not load outside Next: its signIn is replaced by what it does
// for the email provider (normalise the address, run our sendVerificationRequest), so the
// rate limits and the mail are the real ones.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { listOutbox } from "@/lib/email/outbox";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/providers";
import { decodeSignInEmail, encodeSignInEmail, SIGN_IN_EMAIL_COOKIE } from "@/lib/auth/sign-in-email-cookie";
import { newRequest, request } from "@/testing/fake-request";
import { deliverQueuedMail } from "@/testing/jobs";
import { resendSignInLink, signInWithEmail } from "./actions";

const written = vi.hoisted(() => new Map<string, Record<string, unknown> | "deleted">());
vi.mock("next/headers", async () => {
  const fake = await import("@/testing/fake-request");
  return {
    ...fake.nextHeaders,
    // A server action's cookie jar: it also writes, and what it wrote is read back.
    cookies: async () => ({
      ...(await fake.nextHeaders.cookies()),
      set: (name: string, value: string, options: Record<string, unknown>) => {
        fake.request.cookies.set(name, value);
        written.set(name, { value, ...options });
      },
      delete: (options: { name: string; path?: string }) => {
        fake.request.cookies.delete(options.name);
        written.set(options.name, "deleted");
      },
    }),
  };
});
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
const signIns = vi.hoisted(() => [] as unknown[]);
vi.mock("@/lib/auth/auth", async () => {
  const { buildProviders } = await import("@/lib/auth/providers");
  const { getEnv } = await import("@/lib/env/env");
  const { request } = await import("@/testing/fake-request");
  return {
    signIn: async (provider: string, options: { email: string }) => {
      signIns.push([provider, options]);
      const email = buildProviders(getEnv())[0] as unknown as {
        normalizeIdentifier: (v: string) => string;
        sendVerificationRequest: (params: { identifier: string; url: string; request: Request }) => Promise<void>;
      };
      const url = "http://localhost:3000/api/auth/signin/email";
      await email.sendVerificationRequest({
        identifier: email.normalizeIdentifier(options.email),
        url: "http://localhost:3000/api/auth/callback/email?token=t",
        request: new Request(url, { headers: request.headers }),
      });
      return "http://localhost:3000/sign-in/check-email?provider=email&type=email";
    },
  };
});

const form = (fields: Record<string, string> = {}) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const idle: ActionState = { status: "idle" };

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no redirect";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? error);
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
}

async function mailTo(address: string) {
  await deliverQueuedMail();
  return (await listOutbox(200)).filter((m) => m.to === address);
}

const signIn = (email: string, callbackUrl = "/") => redirectOf(signInWithEmail(idle, form({ email, callbackUrl })));

beforeEach(() => {
  newRequest();
  request.headers = new Headers();
  written.clear();
  signIns.length = 0;
});

describe("signing in with an email", () => {
  it("remembers the address and return path in a short-lived cookie only the server reads, for /sign-in only", async () => {
    expect(await signIn("Remembered@Example.test", "/invite/abc")).toBe("/sign-in/check-email");
    const cookie = written.get(SIGN_IN_EMAIL_COOKIE) as Record<string, unknown>;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/sign-in", maxAge: MAGIC_LINK_MAX_AGE_SECONDS, secure: false });
    expect(decodeSignInEmail(String(cookie.value))).toEqual({ email: "remembered@example.test", callbackUrl: "/invite/abc" });
  });

  it("sets no cookie when the link was not sent", async () => {
    const result = await signInWithEmail(idle, form({ email: "not an address" }));
    expect(result).toMatchObject({ status: "error" });
    expect(written.size).toBe(0);
  });

  it("keeps the cookie small enough for browsers to keep, whatever the return path", async () => {
    expect(await signIn("long-path@example.test", `/${"é".repeat(1900)}`)).toBe("/sign-in/check-email");
    const cookie = written.get(SIGN_IN_EMAIL_COOKIE) as { value: string };
    expect(`${SIGN_IN_EMAIL_COOKIE}=${cookie.value}`.length).toBeLessThan(4096);
    expect(decodeSignInEmail(cookie.value)).toEqual({ email: "long-path@example.test", callbackUrl: "/" });
  });
});

describe("resending the link", () => {
  it("sends one more mail to the address the cookie holds, back to the same page, and says so", async () => {
    await signIn("resend@example.test", "/t/acme");
    expect(await mailTo("resend@example.test")).toHaveLength(1);
    written.clear();

    // A field in the form is ignored: the address comes from the cookie only.
    const result = await resendSignInLink(idle, form({ email: "someone-else@example.test" }));
    expect(result).toEqual({ status: "success", message: "We sent a new link to resend@example.test." });
    expect(await mailTo("resend@example.test")).toHaveLength(2);
    expect(await mailTo("someone-else@example.test")).toHaveLength(0);
    expect(signIns.at(-1)).toEqual(["email", { email: "resend@example.test", redirectTo: "/t/acme", redirect: false }]);
    // The new link lives from now: so does the cookie.
    expect(written.get(SIGN_IN_EMAIL_COOKIE)).toMatchObject({ maxAge: MAGIC_LINK_MAX_AGE_SECONDS });
  });

  it("is limited like sign-in, with the same message, and sends nothing more", async () => {
    await signIn("limited@example.test");
    for (let i = 0; i < 4; i++) expect(await resendSignInLink(idle, form()), `resend ${i}`).toMatchObject({ status: "success" });
    expect(await mailTo("limited@example.test")).toHaveLength(5);

    const refused = await resendSignInLink(idle, form());
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/^Too many sign-in links were asked for\. Try again in \d+ minutes?\.$/) });
    // One bucket: the sign-in form is refused for that address too.
    const viaForm = await signInWithEmail(idle, form({ email: "limited@example.test" }));
    expect(viaForm).toMatchObject({ status: "error", message: (refused as { message: string }).message });
    expect(await mailTo("limited@example.test")).toHaveLength(5);
  });

  it("sends nothing without the cookie (bookmarked, expired, Auth.js's own endpoint)", async () => {
    const result = await resendSignInLink(idle, form({ email: "typed@example.test" }));
    expect(result).toMatchObject({ status: "error", message: "We no longer know which address to send the link to. Enter it again to get a new link.", link: { href: "/sign-in" } });
    expect(signIns).toEqual([]);
    expect(await mailTo("typed@example.test")).toHaveLength(0);
  });

  it("refuses a cookie that is not an address the sign-in form would take, sends nothing, and drops it", async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const tampered = [
      "tampered@example.test", // not our encoding
      "%%%not-base64%%%",
      b64({ email: "<script>alert(1)</script>", callbackUrl: "/" }),
      b64({ email: "We reset your password, call +1 555 0100", callbackUrl: "/" }),
      b64({ email: "a\u0000b@example.test", callbackUrl: "/" }),
      b64({ email: `${"x".repeat(300)}@example.test`, callbackUrl: "/" }),
      b64({ email: ["tampered@example.test"], callbackUrl: "/" }),
      b64("tampered@example.test"),
      b64(null),
    ];
    for (const value of tampered) {
      newRequest();
      written.clear();
      request.cookies.set(SIGN_IN_EMAIL_COOKIE, value);
      const result = await resendSignInLink(idle, form());
      expect(result, value).toMatchObject({ status: "error", message: expect.stringContaining("no longer know which address") });
      expect(written.get(SIGN_IN_EMAIL_COOKIE), value).toBe("deleted");
    }
    expect(signIns).toEqual([]);
    await deliverQueuedMail();
    expect((await listOutbox(200)).filter((m) => m.to.includes("tampered") || m.to.includes("script"))).toEqual([]);
  });

  it("holds the cookie's return path to the sign-in rule: another site becomes home", async () => {
    request.cookies.set(SIGN_IN_EMAIL_COOKIE, encodeSignInEmail({ email: "return@example.test", callbackUrl: "//evil.example/phish" }));
    expect(await resendSignInLink(idle, form())).toMatchObject({ status: "success" });
    expect(signIns).toEqual([["email", { email: "return@example.test", redirectTo: "/", redirect: false }]]);
  });
});
