import { isDatabaseReachable } from "@/lib/health/database";

/**
 * For load balancers and uptime checks: 200 while the database answers, else 503.
 * No sign-in, and nothing in it (versions, hosts, errors) an attacker could use.
 */
export async function GET(): Promise<Response> {
  const up = await isDatabaseReachable();
  return Response.json(up ? { status: "ok", database: "ok" } : { status: "unavailable", database: "unavailable" }, {
    status: up ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(up ? {} : { "Retry-After": "5" }) },
  });
}
