import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenFrom } from "@/lib/session/session-cookies";
import { getEnv } from "@/lib/env/env";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { publicHostOf, refusePageWrite } from "@/lib/security/page-writes";

export const RETURN_TO_HEADER = "x-return-to";

const SIGNED_IN_AREAS = ["/t/", "/account", "/tenants/", "/invitations/"];

/**
 * Runs before every page and server action (not the API, which answers with keys):
 * refuses cross-site and oversized writes, pins the host Next.js compares Origin
 * with, and gives each page its Content-Security-Policy with a fresh nonce.
 * Also, for comfort only, sends visitors with no session cookie straight to sign-in;
 * every page and action checks the session itself.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const publicHost = publicHostOf(request.headers, env);
  const refusal = refusePageWrite(request.method, request.headers, publicHost);
  if (refusal) return new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });

  const path = request.nextUrl.pathname + request.nextUrl.search;
  const signedInArea = SIGNED_IN_AREAS.some((prefix) => (path + "/").startsWith(prefix));
  if (signedInArea && !sessionTokenFrom(request.cookies)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(path)}`;
    return NextResponse.redirect(url);
  }

  const policy = pageContentSecurityPolicy({ nonce: newNonce(), development: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  // Next.js reads the nonce for its own scripts from the request's policy.
  headers.set("content-security-policy", policy);
  // Next.js compares a server action's Origin with this header first: never the client's own.
  if (publicHost) headers.set("x-forwarded-host", publicHost);
  // The cookie may be stale: the guard then sends the user to sign-in, and this header tells it the exact page.
  if (signedInArea) headers.set(RETURN_TO_HEADER, path);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|icon.svg|favicon.ico|robots.txt).*)"],
};
