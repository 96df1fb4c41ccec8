// Exporting a workspace of 1k, 50k and 500k customers: time, archive size, and the memory
// the process holds while the export job runs. A script that prints figures, not a test:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:export
// It makes (and drops) a database of its own on that server; BENCH_KEEP=1 keeps it.
import "@/db/load-env";
import postgres from "postgres";
import { openPostgres, setDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { buildExport } from "@/lib/exports/build-export";
import { createBenchDatabase, insertCustomers, insertTenants } from "./data";

const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SIZES = (process.env.BENCH_SIZES ?? "1000,50000,500000").split(",").map(Number);

const database = await createBenchDatabase(serverUrl);
// Like the worker: no statement timeout would cut a big export short either way.
const handle = openPostgres(database.url);
setDatabaseHandle(handle);
const sql = postgres(database.url, { max: 1, onnotice: () => {} });
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

try {
  await migrateDatabase(handle);
  await insertTenants(sql, SIZES.length);
  await insertCustomers(sql, SIZES);
  const tenants = await sql<{ id: string; n: number }[]>`
    SELECT t.id, count(c.id)::int AS n FROM tenants t LEFT JOIN customers c ON c.tenant_id = t.id GROUP BY t.id ORDER BY n`;
  const [user] = await sql<{ id: string }[]>`INSERT INTO users (id, email) VALUES (gen_random_uuid()::text, 'bench@example.test') RETURNING id`;

  console.log("customers   seconds   archive MB   peak RSS MB   peak heap MB   RSS growth MB");
  for (const tenant of tenants) {
    const [row] = await sql<{ id: string }[]>`
      INSERT INTO data_exports (kind, tenant_id, requested_by_id, file_name) VALUES ('tenant', ${tenant.id}, ${user!.id}, 'bench.zip') RETURNING id`;
    globalThis.gc?.();
    const base = process.memoryUsage().rss;
    let peakRss = base;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 50);
    const started = performance.now();
    const result = (await buildExport({ exportId: row!.id, appUrl: "http://localhost:3000" })) as { bytes: number };
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    console.log(
      `${String(tenant.n).padStart(9)}   ${seconds.toFixed(1).padStart(7)}   ${mb(result.bytes).padStart(10)}   ${mb(peakRss).padStart(11)}   ${mb(peakHeap).padStart(12)}   ${mb(peakRss - base).padStart(13)}`,
    );
  }
} finally {
  await sql.end();
  await handle.close();
  await database.drop();
}
