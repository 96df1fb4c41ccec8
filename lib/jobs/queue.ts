import "server-only";
import type PgBoss from "pg-boss";
import { getDatabaseHandle, type Database } from "@/db/client";
import { jobQueueOn } from "@/db/job-queue";

// One pg-boss per process and database (tests install a database per file). Making it
// sends nothing, so the first enqueue may well be inside a transaction.
const globalForJobs = globalThis as unknown as { __jobQueue?: { db: Database; boss: PgBoss } };

/** The process's job queue, on the app's own connection (pool or PGlite). */
export function getJobQueue(): PgBoss {
  const handle = getDatabaseHandle();
  if (globalForJobs.__jobQueue?.db !== handle.db) globalForJobs.__jobQueue = { db: handle.db, boss: jobQueueOn(handle.raw) };
  return globalForJobs.__jobQueue.boss;
}
