// Benchmark data shared by the benchmarks: a database of their own on a PostgreSQL
// server, and generated tenants and customers (one INSERT ... generate_series each,
// so 500,000 customers load in seconds).
import postgres from "postgres";
import { randomSuffix, withDatabase } from "@/db/testing/database-url";

type Sql = postgres.Sql;

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

/** Creates `bench_<random>` on the server `serverUrl` points at; drop() removes it (BENCH_KEEP=1 keeps it). */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomSuffix()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    async drop() {
      if (process.env.BENCH_KEEP) {
        console.log(`Kept database ${name}.`);
        return;
      }
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await sql.end();
      }
    },
  };
}

/** Tenants `bench-1` … `bench-<count>`, named "Bench tenant <n>". */
export async function insertTenants(sql: Sql, count: number): Promise<void> {
  await sql`INSERT INTO tenants (slug, name) SELECT 'bench-' || n, 'Bench tenant ' || n FROM generate_series(1, ${count}) AS n`;
}

/**
 * Customers for every tenant: the tenants, ranked by (created_at, slug), get `sizes[0]`,
 * `sizes[1]`, … customers, and every tenant after those gets `others`. The i-th
 * customer of a tenant (i from 1) is "<first> <last> <i>", created i seconds ago, so
 * customer 1 is the newest. ANALYZEs after.
 */
export async function insertCustomers(sql: Sql, sizes: number[], others = 0): Promise<void> {
  const size = sizes.length
    ? `(CASE WHEN t.n <= ${sizes.length} THEN (ARRAY[${sizes.map(Number).join(",")}])[t.n] ELSE ${Number(others)} END)`
    : String(Number(others));
  await sql.unsafe(`
    INSERT INTO customers (tenant_id, name, company, email, phone, created_at)
    SELECT t.id,
           (ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','Ken','Margaret','Tim'])[1 + c.i % 10] || ' ' ||
           (ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Thompson','Hamilton','Berners-Lee'])[1 + (c.i / 10) % 10] || ' ' || c.i,
           'Company ' || (c.i % 5000),
           'c' || c.i || '@' || t.slug || '.test',
           '+1 555 ' || lpad((c.i % 10000)::text, 4, '0'),
           now() - (c.i || ' seconds')::interval
    FROM (SELECT id, slug, row_number() OVER (ORDER BY created_at, slug) AS n FROM tenants) t
    CROSS JOIN LATERAL generate_series(1, ${size}) AS c(i)`);
  await sql`ANALYZE`;
}
