import "server-only";
import { after } from "next/server";
import type { Env } from "@/lib/env/env";
import { onJobEnqueued } from "@/lib/jobs/enqueue";
import { drainJobs } from "./drain";
import { runJobs } from "./run-jobs";

/**
 * Who runs the queue: `inline`, a loop inside this server process (the embedded
 * database, or `next start` on PostgreSQL); `cron`, each request that enqueues sends the
 * mail after answering and the cron route does the rest (Vercel, where nothing lives between
 * requests); `off`, another process (`npm run jobs -- work`) or the cron route alone.
 */
export type JobsWorkerMode = "inline" | "cron" | "off";

export const jobsWorkerModeOf = (env: Env): JobsWorkerMode => env.JOBS_WORKER ?? (env.VERCEL ? "cron" : "inline");

const POLL_MS = 1000;
/** How long a request may keep sending mail after its response (well inside a function's time limit). */
const AFTER_REQUEST_MS = 5_000;

const AFTER_REQUEST_JOBS = ["email-send", "webhook-deliver"] as const;

const globalForWorker = globalThis as unknown as { __jobsWorker?: { stop(): Promise<void> } };

/** Starts this process's share of the queue's work, once. */
export function startJobWorker(mode: JobsWorkerMode): void {
  if (mode === "off" || globalForWorker.__jobsWorker) return;
  if (mode === "cron") {
    let draining: Promise<unknown> | null = null;
    const stop = onJobEnqueued(() => {
      try {
        // Mail, which a person waits for, and webhook deliveries, which a system does; exports
        // and Stripe calls are the cron route's.
        after(() => (draining ??= drainJobs({ names: AFTER_REQUEST_JOBS, deadline: Date.now() + AFTER_REQUEST_MS }).finally(() => (draining = null))));
      } catch {
        // Outside a request (a script): the cron route will get to it.
      }
    });
    globalForWorker.__jobsWorker = { stop: async () => void stop() };
    return;
  }
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runJobs({ stopped: () => stopped });
        } while (again && !stopped);
      } catch (error) {
        console.error("[jobs] worker:", error instanceof Error ? error.message : error);
      } finally {
        running = null;
      }
    })();
    await running;
  };
  const soon = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void tick();
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  const interval = setInterval(tick, POLL_MS);
  interval.unref();
  // Soon after an enqueue; once more a little later, for one made inside a transaction
  // that had not committed yet.
  const stopListening = onJobEnqueued(() => {
    soon(10);
    soon(250);
  });
  globalForWorker.__jobsWorker = {
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
      stopListening();
      await running;
    },
  };
}

/** Stops this process's worker, once the job it is running is done (tests; a script shutting down). */
export async function stopJobWorker(): Promise<void> {
  const worker = globalForWorker.__jobsWorker;
  globalForWorker.__jobsWorker = undefined;
  await worker?.stop();
}
