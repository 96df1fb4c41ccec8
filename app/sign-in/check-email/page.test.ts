// The "Check your email" page, rendered as Next renders it, with and without the cookie
// the sign-in action leaves.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { encodeSignInEmail, SIGN_IN_EMAIL_COOKIE } from "@/lib/auth/sign-in-email-cookie";
import { newRequest, request } from "@/testing/fake-request";
import CheckEmailPage from "./page";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
// The page imports the actions, which reach Auth.js; nothing is sent here.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({ signIn: async () => "" }));

const render = async () => renderToStaticMarkup((await CheckEmailPage()) as ReactElement);
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

beforeEach(() => {
  newRequest();
  request.headers = new Headers();
});

describe("the check-email page", () => {
  it("names the address the link went to, offers to resend it, and helps when nothing arrived", async () => {
    request.cookies.set(SIGN_IN_EMAIL_COOKIE, encodeSignInEmail({ email: "ada@example.test", callbackUrl: "/t/acme" }));
    const html = await render();
    expect(text(html)).toContain("We sent a sign-in link to ada@example.test.");
    expect(html).toContain("Resend the link");
    expect(text(html)).toContain("Nothing arrived?");
    expect(text(html)).toContain("spam");
    expect(text(html)).toContain("expire after 30 minutes");
    expect(html).toContain('href="/sign-in?callbackUrl=%2Ft%2Facme"');
    // EMAIL_OUTBOX is on in tests (no SMTP server).
    expect(html).toContain('href="/dev/outbox"');
  });

  it("reads well without the cookie: no address, no resend, a way back to sign-in", async () => {
    const html = await render();
    expect(text(html)).toContain("Check your email for the sign-in link.");
    expect(text(html)).not.toContain("We sent a sign-in link to");
    expect(html).not.toContain("Resend the link");
    expect(html).toContain('href="/sign-in"');
  });

  it("shows no address from a cookie the sign-in form would not have set", async () => {
    request.cookies.set(SIGN_IN_EMAIL_COOKIE, Buffer.from(JSON.stringify({ email: "<b>Call us</b>", callbackUrl: "/" })).toString("base64url"));
    const html = await render();
    expect(html).not.toContain("Call us");
    expect(html).not.toContain("Resend the link");
  });

  it("never shows an address from the query string", async () => {
    const html = renderToStaticMarkup(
      (await (CheckEmailPage as unknown as (props: unknown) => Promise<ReactElement>)({ searchParams: Promise.resolve({ email: "evil@example.test" }) })),
    );
    expect(html).not.toContain("evil@example.test");
  });
});
