import { NextResponse, type NextRequest } from "next/server";
import { OUTBOX_COOKIE, OUTBOX_PATH, outboxAccessOf, outboxTokenMatches } from "@/lib/email/outbox-access";
import { getEnv } from "@/lib/env/env";

/**
 * `/dev/outbox?token=…` of a production demo comes here: a right token becomes a
 * cookie for the outbox only, and the address bar loses the token. A wrong one sets
 * nothing, and the outbox then answers 404 as if disabled.
 */
export function GET(request: NextRequest) {
  const env = getEnv();
  const access = outboxAccessOf(env);
  const token = request.nextUrl.searchParams.get("token");
  // Relative, so a forged Host header cannot send the visitor elsewhere.
  const response = new NextResponse(null, { status: 303, headers: { Location: OUTBOX_PATH, "Cache-Control": "no-store" } });
  if (access.kind === "token" && token && outboxTokenMatches(access.token, token)) {
    response.cookies.set(OUTBOX_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      path: OUTBOX_PATH,
      secure: (env.AUTH_URL ?? request.url).startsWith("https:"),
      maxAge: 7 * 24 * 60 * 60,
    });
  }
  return response;
}
