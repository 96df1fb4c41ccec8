import { NextResponse, type NextRequest } from "next/server";

// For comfort only: sends visitors with no session cookie straight to sign-in, with
// the exact page to come back to. Every page and action checks the session itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/t/:path*", "/account/:path*", "/tenants/:path*"] };
