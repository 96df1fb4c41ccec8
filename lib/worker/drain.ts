import "server-only";
import { getDatabaseHandle } from "@/db/client";
import { JOB_SCHEMA } from "@/db/job-queue";
import { JOB_NAMES, JOBS, type JobName } from "@/lib/jobs/definitions";
import { getJobQueue } from "@/lib/jobs/queue";
import { JOB_HANDLERS, type JobHandler } from "./handlers";

export type DrainResult = { completed: number; failed: number };

const BATCH = 5;

/** The queues with a job ready to run: one cheap statement, so an idle worker costs little. */
async function readyQueues(names: readonly JobName[]): Promise<JobName[]> {
  const { rows } = await getDatabaseHandle().raw.executeSql(
    `SELECT DISTINCT name FROM ${JOB_SCHEMA}.job WHERE name = ANY($1::text[]) AND state < 'active' AND start_after < now()`,
    [names],
  );
  return rows.map((row) => row.name as JobName);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Runs ready jobs until none is left (or `deadline`, a Date.now() value, passes). A job
 * that throws is failed: pg-boss retries it after its delay, then dead-letters it.
 * The same loop serves the in-process worker, the cron route and the tests.
 */
export async function drainJobs(options: { deadline?: number; names?: readonly JobName[]; stopped?: () => boolean } = {}): Promise<DrainResult> {
  const boss = getJobQueue();
  const result: DrainResult = { completed: 0, failed: 0 };
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const go = () => Date.now() < deadline && !options.stopped?.();
  while (go()) {
    const ready = await readyQueues(options.names ?? JOB_NAMES);
    if (ready.length === 0) break;
    let fetched = 0;
    for (const name of ready) {
      if (!go()) break;
      // Oldest first, as queued: pg-boss returns a batch in no particular order, and a
      // webhook endpoint should hear of changes in the order they happened.
      const jobs = (await boss.fetch<Record<string, unknown>>(name, { batchSize: BATCH, includeMetadata: true })).sort(
        (a, b) => new Date(a.createdOn).getTime() - new Date(b.createdOn).getTime() || (a.id < b.id ? -1 : 1),
      );
      fetched += jobs.length;
      for (const job of jobs) {
        try {
          const payload = JOBS[name].payload.parse(job.data);
          const output = await (JOB_HANDLERS[name] as JobHandler<JobName>)(payload as never, { id: job.id });
          await boss.complete(name, job.id, output && typeof output === "object" ? (output as object) : undefined);
          result.completed++;
        } catch (error) {
          console.error(`[jobs] ${name} ${job.id} failed: ${messageOf(error)}`);
          await boss.fail(name, job.id, { message: messageOf(error) });
          result.failed++;
        }
      }
    }
    // pg-boss's fetch answers [] on an error: a pass that got nothing ends the round.
    if (fetched === 0) break;
  }
  return result;
}
