// One measured autocannon run against one server: throughput and latency, the server
// process tree's CPU time and peak memory, and the database statements it sent, per
// request. Every response is checked (status 200 and a body that holds what it must).
import autocannon from "autocannon";
import type { CountingProxy } from "./pg-proxy";
import { cpuMs, processTree, samplePeakRss } from "./processes";

export type Target = {
  route: string;
  tenant: string;
  url: string;
  headers: Record<string, string>;
  /** True when a 200 response's body is the right one. */
  bodyIsRight(body: string): boolean;
  serverPid: number;
  proxy: CountingProxy;
};

export type Measurement = {
  route: string;
  tenant: string;
  connections: number;
  seconds: number;
  completed: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
  statementsPerRequest: number;
  /** Non-200 responses by status, 200s with a wrong body, connection errors and timeouts. */
  failures: { statuses: Record<string, number>; wrongBodies: number; errors: number; timeouts: number; examples: string[] };
};

/** An autocannon run; `onLatency` gets each response's time in ms (autocannon's own histogram keeps whole ms only). */
function run(options: autocannon.Options, onLatency?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) instance.on("response", (_client, _status, _bytes, ms) => onLatency(ms));
  });
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the proxy has seen no new statement for 300 ms (requests still in the server finish). */
async function settle(proxy: CountingProxy) {
  let last = proxy.statements();
  for (let i = 0; i < 50; i++) {
    await sleep(300);
    const now = proxy.statements();
    if (now === last) return;
    last = now;
  }
}

export async function measure(target: Target, connections: number, seconds: number, warmupSeconds: number): Promise<Measurement> {
  const base = { url: target.url, headers: target.headers, connections, timeout: 30 };
  if (warmupSeconds > 0) await run({ ...base, duration: warmupSeconds });
  await settle(target.proxy);

  const treeBefore = processTree(target.serverPid);
  const cpuBefore = new Map(treeBefore.map((pid) => [pid, cpuMs([pid])]));
  const statementsBefore = target.proxy.statements();
  const rss = samplePeakRss(target.serverPid);

  let wrongBodies = 0;
  const examples: string[] = [];
  const latencies: number[] = [];
  const result = await run({
    ...base,
    duration: seconds,
    // Called with every response: its status is counted by autocannon, its body here.
    requests: [
      {
        onResponse: (status: number, body: string) => {
          const right = status === 200 && target.bodyIsRight(body);
          if (status === 200 && !right) wrongBodies++;
          if (!right && examples.length < 3) examples.push(`HTTP ${status}: ${body.slice(0, 300).replace(/\s+/g, " ")}`);
        },
      },
    ],
  }, (ms) => latencies.push(ms));
  // Requests in flight when autocannon stopped still run in the server: wait for them, so
  // that their statements and CPU land in this run and are divided by them too (`sent`).
  await settle(target.proxy);
  const peakRss = rss.stop();
  const statements = target.proxy.statements() - statementsBefore;
  const cpu = processTree(target.serverPid).reduce((sum, pid) => sum + cpuMs([pid]) - (cpuBefore.get(pid) ?? 0), 0);

  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}) as [string, { count: number }][]) {
    if (code !== "200") statuses[code] = Number(count);
  }
  const sorted = Float64Array.from(latencies).sort();
  const completed = result.requests.total;
  const sent = Math.max(result.requests.sent, completed, 1);
  return {
    route: target.route,
    tenant: target.tenant,
    connections,
    seconds: result.duration,
    completed,
    requestsPerSecond: completed / result.duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    cpuMsPerRequest: cpu / sent,
    peakRssMb: peakRss / 1024 / 1024,
    statementsPerRequest: statements / sent,
    failures: { statuses, wrongBodies, errors: result.errors, timeouts: result.timeouts, examples },
  };
}

export function failed(m: Measurement): boolean {
  const f = m.failures;
  return Object.keys(f.statuses).length > 0 || f.wrongBodies > 0 || f.errors > 0 || m.completed === 0;
}

export function describeFailures(m: Measurement): string {
  const f = m.failures;
  const parts = [
    ...Object.entries(f.statuses).map(([code, n]) => `${n} × HTTP ${code}`),
    f.wrongBodies ? `${f.wrongBodies} wrong bodies` : "",
    f.errors ? `${f.errors} connection errors (${f.timeouts} timeouts)` : "",
    m.completed === 0 ? "no request completed" : "",
  ].filter(Boolean);
  return parts.join(", ");
}
