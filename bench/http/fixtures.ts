// The rows the HTTP benchmark needs: two tenants of given sizes (bench/data.ts), one
// user who owns both, and a customers:read API key for each.
import type postgres from "postgres";
import { newApiKey } from "@/lib/api-keys/token";
import { insertCustomers, insertTenants } from "../data";

export type BenchTenant = { id: string; slug: string; size: number; label: string; newestCustomer: string; apiKey: string };

export const BENCH_EMAIL = "bench-owner@example.test";

const label = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

export async function loadFixtures(sql: postgres.Sql, sizes: number[]): Promise<BenchTenant[]> {
  await insertTenants(sql, sizes.length);
  await insertCustomers(sql, sizes);

  // Personal tenant already "made", so signing in does not add a third tenant.
  const [user] = await sql<{ id: string }[]>`
    INSERT INTO users (id, name, email, email_verified, personal_tenant_created_at)
    VALUES (${crypto.randomUUID()}, 'Bench Owner', ${BENCH_EMAIL}, now(), now()) RETURNING id`;

  const tenants = await sql<{ id: string; slug: string; size: string; newest: string }[]>`
    SELECT t.id, t.slug,
           (SELECT count(*) FROM customers c WHERE c.tenant_id = t.id) AS size,
           (SELECT name FROM customers c WHERE c.tenant_id = t.id ORDER BY created_at DESC, id DESC LIMIT 1) AS newest
    FROM tenants t ORDER BY t.created_at, t.slug`;

  const result: BenchTenant[] = [];
  for (const t of tenants) {
    await sql`INSERT INTO memberships (tenant_id, user_id, role) VALUES (${t.id}, ${user!.id}, 'owner')`;
    const { key, hash, display } = newApiKey();
    await sql`
      INSERT INTO api_keys (tenant_id, name, display, key_hash, scopes, created_by_id)
      VALUES (${t.id}, 'bench', ${display}, ${hash}, ${["customers:read"]}, ${user!.id})`;
    result.push({ id: t.id, slug: t.slug, size: Number(t.size), label: label(Number(t.size)), newestCustomer: t.newest, apiKey: key });
  }
  return result;
}
