import type { NextRequest } from "next/server";
import { AUTH_BODY_LIMIT_BYTES, handlers } from "@/lib/auth/auth";
import { refuseBodySize } from "@/lib/request/bounded-body";

export const { GET } = handlers;

// Auth.js reads whole form bodies: bound them first (its forms are a few hundred bytes).
export async function POST(request: NextRequest) {
  const refusal = refuseBodySize(request.headers, AUTH_BODY_LIMIT_BYTES);
  if (refusal) return new Response(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  return handlers.POST(request);
}
