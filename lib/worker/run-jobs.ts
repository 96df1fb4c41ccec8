import "server-only";
import { getJobQueue } from "@/lib/jobs/queue";
import { drainJobs, type DrainResult } from "./drain";
import { enqueueScheduledJobs } from "./schedules";

const MAINTENANCE_EVERY_MS = 5 * 60_000;
const SCHEDULES_EVERY_MS = 60_000;
const state = globalThis as unknown as { __jobsLastMaintenance?: number; __jobsLastSchedules?: number };

/**
 * One round of the queue's work: put due scheduled jobs on it, run what is ready, and
 * now and then pg-boss's own upkeep (fail jobs whose worker died, archive and drop old
 * ones; two servers doing it at once do no harm).
 */
export async function runJobs(options: { deadline?: number; force?: boolean; stopped?: () => boolean } = {}): Promise<DrainResult & { scheduled: number }> {
  const now = Date.now();
  let scheduled = 0;
  if (options.force || now - (state.__jobsLastSchedules ?? 0) >= SCHEDULES_EVERY_MS) {
    state.__jobsLastSchedules = now;
    scheduled = await enqueueScheduledJobs();
  }
  const drained = await drainJobs({ deadline: options.deadline, stopped: options.stopped });
  if (options.force || now - (state.__jobsLastMaintenance ?? 0) >= MAINTENANCE_EVERY_MS) {
    state.__jobsLastMaintenance = now;
    await getJobQueue().maintain();
  }
  return { ...drained, scheduled };
}
