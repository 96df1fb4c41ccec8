// The benchmark's printed output: the table of runs and the first-load figures.
import type { FirstLoad } from "./first-load-js";
import { describeFailures, failed, type Measurement } from "./load";
import { API_ROUTE, FLOOR_ROUTE } from "./targets";


function printTable(rows: string[][], rightAligned: (column: number) => boolean) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd());
}

export function printRuns(runs: Measurement[]) {
  const floorOf = (m: Measurement) => runs.find((f) => f.route === FLOOR_ROUTE && f.tenant === m.tenant && f.connections === m.connections);
  const rows = [["route", "tenant", "c", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "peak RSS MB", "stmts/req", "of floor", "check"]];
  for (const m of runs) {
    const floor = m.route === API_ROUTE ? floorOf(m) : undefined;
    rows.push([
      m.route,
      m.tenant,
      String(m.connections),
      m.requestsPerSecond.toFixed(0),
      m.p50.toFixed(1),
      m.p99.toFixed(1),
      m.cpuMsPerRequest.toFixed(2),
      m.peakRssMb.toFixed(0),
      m.statementsPerRequest.toFixed(2),
      floor ? `${((m.requestsPerSecond / floor.requestsPerSecond) * 100).toFixed(0)}%` : "",
      failed(m) ? `FAILED: ${describeFailures(m)}` : "ok",
    ]);
  }
  printTable(rows, (i) => i >= 2 && i <= 9);

  const bad = runs.filter(failed);
  if (bad.length) {
    console.log(`\n${"!".repeat(78)}\n!! ${bad.length} RUN(S) HAD FAILED RESPONSES: their figures do not measure the page. Examples:`);
    for (const m of bad) {
      console.log(`!! ${m.route} ${m.tenant} c=${m.connections}: ${describeFailures(m)}`);
      for (const e of m.failures.examples) console.log(`!!    ${e}`);
    }
    console.log("!".repeat(78));
  }
}

// kB of 1,000 bytes, as the budget (140 kB) and browsers' dev tools count them.
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

export function printFirstLoads(loads: FirstLoad[]) {
  const rows = [["page (cold, signed in)", "status", "scripts", "JS kB gzip", "JS kB raw", "HTML kB", "HTML kB gzip", "inline RSC", "later scripts"]];
  for (const l of loads) {
    rows.push([
      l.path,
      String(l.status),
      String(l.scripts),
      kb(l.scriptGzipBytes),
      kb(l.scriptBytes),
      kb(l.htmlBytes),
      kb(l.htmlGzipBytes),
      `${((l.rscInlineBytes / Math.max(l.htmlBytes, 1)) * 100).toFixed(0)}% of HTML`,
      l.lateScripts ? `${l.lateScripts} (${kb(l.lateScriptGzipBytes)} kB gzip)` : "0",
    ]);
  }
  printTable(rows, (i) => i >= 1 && i <= 6);
  if (process.env.BENCH_VERBOSE) {
    for (const l of loads) {
      console.log(`\nScripts of ${l.path} (kB gzip):`);
      for (const s of [...l.scriptList].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`  ${kb(s.gzipBytes).padStart(7)}  ${s.url}`);
    }
  }
  console.log("JS: script responses until the load event, each gzipped here (zlib default level). Later scripts: after load, until the network was idle.");
}
