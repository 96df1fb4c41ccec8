// Child processes the benchmark starts, each in its own process group so that it and
// everything it spawns stop together, by its id; and what /proc says they use.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";

export type Child = {
  name: string;
  pid: number;
  /** The last lines it printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal) when it ends. */
  exited: Promise<string>;
  stop(): Promise<void>;
};

const running = new Set<Child>();

/** Starts `command` in a process group of its own; its output is kept, not shown. */
export function startChild(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Child {
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`Could not start ${name}: ${command}`);
  const pid = child.pid;
  let tail = "";
  const keep = (data: Buffer) => {
    tail = (tail + data.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let ended = false;
  const exited = new Promise<string>((resolve) => {
    child.on("error", (error) => {
      ended = true;
      resolve(`error ${error.message}`);
    });
    child.on("exit", (code, signal) => {
      ended = true;
      resolve(code === null ? `signal ${signal}` : `code ${code}`);
    });
  });
  const handle: Child = {
    name,
    pid,
    output: () => tail,
    exited,
    async stop() {
      running.delete(handle);
      signalGroup(pid, "SIGTERM");
      const timeout = new Promise((resolve) => setTimeout(resolve, 5000, "timeout"));
      if (!ended && (await Promise.race([exited, timeout])) === "timeout") {
        console.log(`${name} (pid ${pid}) did not stop within 5 s of SIGTERM: SIGKILL`);
        signalGroup(pid, "SIGKILL");
        await exited;
      }
      // Its children may outlive it: end the rest of the group too.
      signalGroup(pid, "SIGKILL");
    },
  };
  running.add(handle);
  return handle;
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Stops every child still running (on the way out, after an error or Ctrl-C too). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}

/** Runs a command to its end; throws with its output when it fails. Killed with the others on Ctrl-C. */
export async function runToEnd(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const child = startChild(name, command, args, options);
  const result = await child.exited;
  running.delete(child);
  if (result !== "code 0") throw new Error(`${name} failed (${result}):\n${child.output().slice(-5000)}`);
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (address && typeof address !== "string" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Polls `url` until it answers (any status), or throws after `ms`, or when the process ends first. */
export async function waitForHttp(url: string, child: Child, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  let ended: string | null = null;
  void child.exited.then((r) => (ended = r));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`${child.name} ended (${ended}) before answering:\n${child.output().slice(-5000)}`);
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${child.name} did not answer ${url} within ${ms / 1000} s:\n${child.output().slice(-5000)}`);
}

// ---- /proc ----

export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** `root` and every process descending from it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const ppid = Number(fields[1]); // field 4 of stat; fields[0] is the state
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU milliseconds (user + system) the processes have used so far. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]); // utime, stime: fields 14 and 15 of stat
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Resident memory of the processes now, in bytes (VmRSS). */
export function rssBytes(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) kb += Number(match[1]);
    } catch {
      // Gone.
    }
  }
  return kb * 1024;
}

/** Samples the tree's total RSS every `everyMs` until stopped; returns the highest seen. */
export function samplePeakRss(root: number, everyMs = 100): { stop(): number } {
  let tree = processTree(root);
  let peak = rssBytes(tree);
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks % 10 === 0) tree = processTree(root); // a child may come or go
    peak = Math.max(peak, rssBytes(tree));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssBytes(tree));
    },
  };
}
