import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { JOB_SCHEMA } from "@/db/job-queue";
import type { JobName } from "@/lib/jobs/definitions";
import { drainJobs } from "@/lib/worker/drain";

/** Runs the queued mail now, as the worker would: tests then read the outbox. */
export const deliverQueuedMail = () => drainJobs({ names: ["email-send"] });

/** Jobs in the queue, oldest first, as pg-boss keeps them. */
export async function jobsIn(name: JobName | `${JobName}-dead`) {
  const result = await db.execute(sql`SELECT id, name, state, data, retry_count AS "retryCount", start_after AS "startAfter", output FROM ${sql.raw(JOB_SCHEMA)}.job WHERE name = ${name} ORDER BY created_on, id`);
  return (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as {
    id: string;
    name: string;
    state: string;
    data: Record<string, unknown>;
    retryCount: number;
    startAfter: Date | string;
    output: Record<string, unknown> | null;
  }[];
}

/** Moves every waiting retry of `name` to now: the clock, advanced past its backoff. */
export async function makeRetriesDue(name: JobName) {
  await db.execute(sql`UPDATE ${sql.raw(JOB_SCHEMA)}.job SET start_after = now() - interval '1 second' WHERE name = ${name} AND state = 'retry'`);
}
