// What each run loads, per tenant: the customers page (session cookie), the customers
// API (the tenant's key) and the floor server, each with the check its bodies must pass.
import type { BenchTenant } from "./fixtures";
import type { Target } from "./load";
import type { CountingProxy } from "./pg-proxy";
import { sessionCookieHeader } from "./sign-in";

export const PAGE_ROUTE = "GET /t/{slug}/customers";
export const API_ROUTE = "GET /api/v1/customers";
export const FLOOR_ROUTE = "floor (node:http + postgres)";

type Server = { pid: number; proxy: CountingProxy; baseUrl: string };

export function targetsFor(tenant: BenchTenant, app: Server & { sessionToken: string }, floor: Server): Target[] {
  // The newest customer comes first on the first page: in the HTML, and in the JSON of a
  // full page (25 rows and a next cursor; both tenants have more).
  const inPage = `>${tenant.newestCustomer}<`;
  const inJson = `"name":"${tenant.newestCustomer}"`;
  const jsonPage = (body: string) => body.startsWith('{"data":[') && body.includes(inJson) && body.includes('"next_cursor":"');
  return [
    {
      route: PAGE_ROUTE,
      tenant: tenant.label,
      url: `${app.baseUrl}/t/${tenant.slug}/customers`,
      headers: { cookie: sessionCookieHeader(app.sessionToken) },
      bodyIsRight: (body) => body.includes(inPage),
      serverPid: app.pid,
      proxy: app.proxy,
    },
    {
      route: API_ROUTE,
      tenant: tenant.label,
      url: `${app.baseUrl}/api/v1/customers`,
      headers: { authorization: `Bearer ${tenant.apiKey}` },
      bodyIsRight: jsonPage,
      serverPid: app.pid,
      proxy: app.proxy,
    },
    {
      route: FLOOR_ROUTE,
      tenant: tenant.label,
      url: `${floor.baseUrl}/customers?tenant=${tenant.id}`,
      headers: {},
      bodyIsRight: jsonPage,
      serverPid: floor.pid,
      proxy: floor.proxy,
    },
  ];
}

/** One request to each target: a broken setup stops here, not after minutes of failed runs. */
export async function checkOnce(targets: Target[]): Promise<void> {
  for (const target of targets) {
    const response = await fetch(target.url, { headers: target.headers, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !target.bodyIsRight(body)) {
      throw new Error(`${target.route} (${target.tenant}) answered ${response.status} with the wrong body: ${body.slice(0, 500)}`);
    }
  }
}
