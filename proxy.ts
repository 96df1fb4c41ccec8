import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenFrom } from "@/lib/auth/session-cookies";

// For comfort only: sends visitors with no session cookie straight to sign-in, with
// the exact page to come back to. Every page and action checks the session itself.
export const RETURN_TO_HEADER = "x-return-to";

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (sessionTokenFrom(request.cookies)) {
    // The cookie may be stale: the guard then sends the user to sign-in, and this
    // header tells it the exact page to come back to.
    const headers = new Headers(request.headers);
    headers.set(RETURN_TO_HEADER, path);
    return NextResponse.next({ request: { headers } });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(path)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/t/:path*", "/account/:path*", "/tenants/:path*"] };
