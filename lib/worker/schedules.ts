import "server-only";
import { SCHEDULED_JOBS } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";

/**
 * Puts each scheduled job on the queue once per period. pg-boss's singleton slot makes
 * that hold across any number of servers and cron calls: within a period, a second
 * enqueue of the same job is a no-op.
 */
export async function enqueueScheduledJobs(): Promise<number> {
  let queued = 0;
  for (const { name, everySeconds } of SCHEDULED_JOBS) {
    if (await enqueueJob(name, {}, { singletonKey: name, singletonSeconds: everySeconds })) queued++;
  }
  return queued;
}
