// HTTP benchmark of the production server: the customers page and the customers API
// under load, against a bare node:http + postgres.js server as the floor, with server
// CPU, memory and database statements per request; then the first-load JS of tenant
// pages in Chromium. A script that prints figures, not a test:
//   npm run bench:http
// Env: DATABASE_URL (a PostgreSQL server; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_APP_DIR (the app checkout to build and start, with its own node_modules; default
// this directory), BENCH_SECONDS (per run, 10), BENCH_WARMUP_SECONDS (before each run, 2),
// BENCH_CONNECTIONS ("8,32"), BENCH_SIZES (customers per tenant, "1000,500000"),
// BENCH_SKIP_BUILD=1 (use the app's existing .next build), BENCH_KEEP=1 (keep the
// database), BENCH_PORT (the app's port; default a free one), BENCH_VERBOSE=1 (list each
// script of the first load), CHROMIUM_PATH.
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { createBenchDatabase, type BenchDatabase } from "./data";
import { measureFirstLoad, type FirstLoad } from "./http/first-load-js";
import { startFloorServer } from "./http/floor";
import { BENCH_EMAIL, loadFixtures, type BenchTenant } from "./http/fixtures";
import { describeFailures, failed, measure, type Measurement } from "./http/load";
import { startCountingProxy, type CountingProxy } from "./http/pg-proxy";
import { freePort, runToEnd, startChild, stopAllChildren, waitForHttp } from "./http/processes";
import { printFirstLoads, printRuns } from "./http/report";
import { launchChromium, signInByMagicLink } from "./http/sign-in";
import { checkOnce, targetsFor } from "./http/targets";

const benchRoot = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const appDir = path.resolve(process.env.BENCH_APP_DIR || process.cwd());
/** A production build shows the outbox only as a demo, to holders of this token. */
const BENCH_OUTBOX_TOKEN = "bench-outbox-token-bench-outbox";
const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const seconds = Number(process.env.BENCH_SECONDS || 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connectionCounts = (process.env.BENCH_CONNECTIONS || "8,32").split(",").map(Number);
const sizes = (process.env.BENCH_SIZES || "1000,500000").split(",").map(Number);
const nextBin = path.join(appDir, "node_modules", ".bin", "next");

const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

// Everything to undo, newest first; run once, on success, error or Ctrl-C.
const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    log("Stopping the servers…");
    await stopAllChildren();
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error("Cleanup step failed:", error);
      }
    }
  })());
// A second Ctrl-C (or tsx relaying the first) must not cut the cleanup short: all are handled.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (cleaning) return;
    console.error(`\n${signal}: stopping the servers and dropping the database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** The URL with another host and port, and no TLS (the counting proxy reads plain text). */
function throughProxy(url: string, proxy: CountingProxy): string {
  const u = new URL(url);
  u.hostname = "127.0.0.1";
  u.port = String(proxy.port);
  u.searchParams.set("sslmode", "disable");
  return u.toString();
}

async function main() {
  log(`App: ${appDir}${appDir === benchRoot ? "" : ` (bench code from ${benchRoot})`}`);
  const database: BenchDatabase = await createBenchDatabase(serverUrl);
  cleanups.push(async () => {
    await database.drop();
    if (!process.env.BENCH_KEEP) log(`Dropped database ${database.name}`);
  });
  log(`Created database ${database.name}`);

  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const baseUrl = `http://localhost:${port}`;
  const appProxy = await startCountingProxy(upstreamOf(serverUrl));
  const floorProxy = await startCountingProxy(upstreamOf(serverUrl));
  cleanups.push(() => appProxy.close(), () => floorProxy.close());
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: throughProxy(database.url, appProxy),
    EMAIL_OUTBOX: "true",
    DEMO_MODE: "true",
    OUTBOX_TOKEN: BENCH_OUTBOX_TOKEN,
    EMAIL_SERVER: "",
    AUTH_SECRET: "bench-only-secret-bench-only-secret-12345",
    AUTH_URL: baseUrl,
    TRUSTED_PROXY: "none",
    MAGIC_LINK_LIMIT_PER_IP: "10000",
    API_RATE_LIMIT_PER_MINUTE: "100000000",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  // The build needs no database (it uses an in-memory one): it runs while the data loads.
  let build = Promise.resolve();
  if (process.env.BENCH_SKIP_BUILD) log("Skipping the build (BENCH_SKIP_BUILD=1): using the app's existing .next");
  else {
    log("Building the app (next build) in the background…");
    const t0 = performance.now();
    build = runToEnd("next build", nextBin, ["build"], { cwd: appDir, env: { ...appEnv, DATABASE_URL: "" } }).then(() =>
      log(`Build done in ${((performance.now() - t0) / 1000).toFixed(0)} s`),
    );
    build.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  }

  log("Migrating with the app's own migrations (npm run db:migrate)…");
  await runToEnd("db:migrate", "npm", ["run", "db:migrate"], { cwd: appDir, env: { ...process.env, DATABASE_URL: database.url } });

  log(`Loading tenants of ${sizes.map((n) => n.toLocaleString("en")).join(" and ")} customers…`);
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  let tenants: BenchTenant[];
  try {
    const t0 = performance.now();
    tenants = await loadFixtures(sql, sizes);
    log(`Loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${tenants.map((t) => `${t.slug} (${t.size.toLocaleString("en")})`).join(", ")}`);
  } finally {
    await sql.end();
  }

  await build;
  log(`Starting the app (next start -p ${port})…`);
  const app = startChild("next start", nextBin, ["start", "-p", String(port)], { cwd: appDir, env: appEnv });
  await waitForHttp(`${baseUrl}/sign-in`, app);

  const floorPort = await freePort();
  log(`Starting the floor server on ${floorPort}…`);
  const floor = startFloorServer(benchRoot, {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: throughProxy(database.url, floorProxy),
    PORT: String(floorPort),
  });
  await waitForHttp(`http://localhost:${floorPort}/customers`, floor);

  log(`Signing in as ${BENCH_EMAIL} by magic link in Chromium…`);
  let browser = await launchChromium();
  const sessionToken = await signInByMagicLink(browser, baseUrl, BENCH_EMAIL, BENCH_OUTBOX_TOKEN).finally(() => browser.close());
  log("Signed in");

  const targets = (tenant: BenchTenant) =>
    targetsFor(
      tenant,
      { pid: app.pid, proxy: appProxy, baseUrl, sessionToken },
      { pid: floor.pid, proxy: floorProxy, baseUrl: `http://localhost:${floorPort}` },
    );
  await checkOnce(tenants.flatMap(targets));

  // Once, so that the first measured runs do not pay for the JIT and first-use caches.
  const jitSeconds = Math.max(warmupSeconds, 3);
  log(`Warming up: ${jitSeconds} s on each route and tenant…`);
  for (const target of tenants.flatMap(targets)) await measure(target, 8, jitSeconds, 0);

  const runs: Measurement[] = [];
  const total = tenants.length * connectionCounts.length * 3;
  for (const tenant of tenants) {
    for (const connections of connectionCounts) {
      for (const target of targets(tenant)) {
        log(`Run ${runs.length + 1}/${total}: ${target.route}, ${tenant.label} tenant, c=${connections}, ${warmupSeconds} s warm-up + ${seconds} s…`);
        const m = await measure(target, connections, seconds, warmupSeconds);
        runs.push(m);
        log(
          `  ${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.p50.toFixed(1)} ms, ${m.statementsPerRequest.toFixed(2)} stmts/req` +
            (failed(m) ? `  <-- FAILED: ${describeFailures(m)}` : ""),
        );
      }
    }
  }

  console.log(`\nHTTP: ${seconds} s per run after ${warmupSeconds} s of warm-up; per-request figures over the requests sent in the run.`);
  console.log("CPU and RSS: the server's whole process tree. Statements: 'Q' + 'E' messages the server sent to PostgreSQL.\n");
  printRuns(runs);
  console.log();

  log("Measuring first-load JS in Chromium…");
  browser = await launchChromium();
  const loads: FirstLoad[] = [];
  try {
    const slug = tenants[0]!.slug;
    // The two the budget names first, then every other tenant page.
    const pages = ["/customers", "", "/customers/new", "/members", "/activity", "/api-keys", "/billing", "/settings"].map((p) => `/t/${slug}${p}`);
    for (const page of pages) loads.push(await measureFirstLoad(browser, baseUrl, sessionToken, page));
  } finally {
    await browser.close();
  }

  console.log();
  printFirstLoads(loads);
}

function upstreamOf(url: string) {
  const u = new URL(url);
  return { host: u.hostname || "127.0.0.1", port: Number(u.port) || 5432 };
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error("\nBenchmark failed:", error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
