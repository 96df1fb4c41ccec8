// Customers list and search latency at several tenant sizes. A script that prints
// figures, not a test:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:customers
// It creates its own database on that server, loads BENCH_TOTAL customers (1,000,000)
// across BENCH_TENANTS tenants (10,000), of which four hold 100, 10k, 100k and 500k,
// times the app's own listCustomers, and drops the database (BENCH_KEEP=1 keeps it).
import "@/db/load-env";
import postgres from "postgres";
import { openPostgres, setDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { encodeCursor } from "@/lib/validation/cursor";
import { listCustomers } from "@/lib/customers/customers";
import { toTenantContext } from "@/lib/tenancy/context";
import { createBenchDatabase, insertCustomers, insertTenants } from "./data";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server; the benchmark makes (and drops) its own database there.");
  process.exit(1);
}
const TOTAL = Number(process.env.BENCH_TOTAL ?? 1_000_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 10_000);
const BIG = [100, 10_000, 100_000, 500_000].filter((n) => n < TOTAL);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const database = await createBenchDatabase(serverUrl);
const handle = openPostgres(database.url);
setDatabaseHandle(handle);
const sql = postgres(database.url, { max: 1, onnotice: () => {} });

const time = async <T>(fn: () => Promise<T>) => {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
};

try {
  await migrateDatabase(handle);
  const load = await time(async () => {
    await insertTenants(sql, TENANTS);
    // The big tenants come first; the rest share what is left.
    await insertCustomers(sql, BIG, Math.floor((TOTAL - BIG.reduce((a, b) => a + b, 0)) / (TENANTS - BIG.length)));
  });
  const [loaded] = await sql<{ count: string }[]>`SELECT count(*) FROM customers`;
  console.log(`Loaded ${Number(loaded?.count).toLocaleString("en")} customers in ${TENANTS.toLocaleString("en")} tenants in ${(load.ms / 1000).toFixed(1)} s\n`);

  const rows: string[][] = [["tenant size", "query", "median ms", "p95 ms", "rows"]];
  const stats = (samples: number[]) => {
    const s = [...samples].sort((a, b) => a - b);
    return [s[Math.floor(s.length / 2)]!, s[Math.floor(s.length * 0.95)]!].map((v) => v.toFixed(2));
  };
  for (const size of BIG) {
    const [tenant] = await sql<{ id: string; slug: string }[]>`
      SELECT t.id, t.slug FROM tenants t JOIN customers c ON c.tenant_id = t.id GROUP BY t.id HAVING count(*) = ${size} LIMIT 1`;
    if (!tenant) continue;
    const ctx = toTenantContext({
      user: { id: "bench", name: null, email: null, image: null },
      tenant: { id: tenant.id, slug: tenant.slug, name: "", planId: "enterprise", stripeCustomerId: null, trialEndsAt: null, createdAt: new Date(), updatedAt: new Date(), deletedAt: null },
      role: "member",
    });
    const [middle] = await sql<{ created_at: Date; id: string }[]>`
      SELECT created_at, id FROM customers WHERE tenant_id = ${tenant.id} ORDER BY created_at DESC, id DESC OFFSET ${Math.floor(size / 2)} LIMIT 1`;
    const [one] = await sql<{ email: string }[]>`SELECT email FROM customers WHERE tenant_id = ${tenant.id} OFFSET ${Math.floor(size / 3)} LIMIT 1`;
    const queries: [string, Parameters<typeof listCustomers>[1]][] = [
      ["first page", {}],
      ["page in the middle (keyset)", { cursor: encodeCursor({ createdAt: middle!.created_at, id: middle!.id }) }],
      ["search 'hopper' (common)", { q: "hopper" }],
      ["search one email (rare)", { q: one!.email }],
      ["search 'zzqx' (no match)", { q: "zzqx" }],
    ];
    for (const [label, query] of queries) {
      const samples: number[] = [];
      let found = 0;
      for (let run = 0; run < RUNS + 3; run++) {
        const { ms, result } = await time(() => listCustomers(ctx, { ...query, limit: 25 }));
        if (run >= 3) samples.push(ms); // the first runs warm caches
        found = result.customers.length;
      }
      rows.push([size.toLocaleString("en"), label, ...stats(samples), String(found)]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  "));
} finally {
  await sql.end();
  await handle.close();
  await database.drop();
}
