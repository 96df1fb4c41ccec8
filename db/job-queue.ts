import PgBoss from "pg-boss";
import type { RawSql } from "./client";

/** The schema pg-boss keeps its tables in. */
export const JOB_SCHEMA = "pgboss";

/** Every job queue (lib/jobs/definitions.ts says what each carries); each has a `{name}-dead` twin. */
export const JOB_QUEUE_NAMES = ["email-send", "billing-cancel-subscription", "billing-sync-seats", "billing-trials", "export-build", "maintenance-cleanup", "tenants-purge", "webhook-deliver"] as const;
export type JobQueueName = (typeof JOB_QUEUE_NAMES)[number];

export const deadLetterOf = (name: JobQueueName) => `${name}-dead`;

/** pg-boss on a connection, without its timers (lib/worker drives it) and without starting it: nothing runs until asked. */
export function jobQueueOn(raw: RawSql): PgBoss {
  // Failed jobs stay in the job table (where `npm run jobs` lists and retries them) a week.
  const boss = new PgBoss({ db: raw, schema: JOB_SCHEMA, migrate: false, supervise: false, schedule: false, archiveFailedAfterSeconds: 7 * 24 * 3600 });
  boss.on("error", (error) => console.error("[jobs]", error));
  return boss;
}

/**
 * Creates (or upgrades) pg-boss's own tables and the app's queues. Part of every
 * migration run, so the queue is ready wherever the app's tables are, no two servers
 * race to install it, and enqueueing inside a transaction never needs a setup query.
 */
export async function installJobQueue(raw: RawSql): Promise<void> {
  const boss = new PgBoss({ db: raw, schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false });
  boss.on("error", (error) => console.error("[jobs] install:", error));
  await boss.start();
  await boss.stop({ graceful: false, close: false });
  for (const name of JOB_QUEUE_NAMES) {
    await boss.createQueue(deadLetterOf(name));
    await boss.createQueue(name, { name, deadLetter: deadLetterOf(name) });
  }
}
