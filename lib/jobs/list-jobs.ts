import "server-only";
import { getDatabaseHandle } from "@/db/client";
import { JOB_SCHEMA } from "@/db/job-queue";

export type JobListState = "queued" | "failed" | "dead" | "all";

export type ListedJob = {
  id: string;
  queue: string;
  state: string;
  attempts: number;
  createdOn: Date;
  startAfter: Date;
  /** What the job is about, without secrets (an email's address and subject, never its body). */
  summary: string;
  error: string | null;
};

const WHERE: Record<JobListState, string> = {
  queued: `state IN ('created', 'retry', 'active') AND name NOT LIKE '%-dead'`,
  failed: `state = 'failed' AND name NOT LIKE '%-dead'`,
  dead: `name LIKE '%-dead'`,
  all: "true",
};

function summaryOf(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const { sealed: _sealed, ...rest } = data as Record<string, unknown>;
  return Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
}

/** Jobs for an operator to look at (`npm run jobs`), newest first. Dead jobs are the copies in the `-dead` queues. */
export async function listJobs({ state = "all", limit = 50 }: { state?: JobListState; limit?: number } = {}): Promise<ListedJob[]> {
  const { rows } = await getDatabaseHandle().raw.executeSql(
    `SELECT id, name, state, retry_count, created_on, start_after, data, output FROM ${JOB_SCHEMA}.job WHERE ${WHERE[state]} ORDER BY created_on DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: String(row.id),
    queue: String(row.name),
    state: String(row.state),
    attempts: Number(row.retry_count),
    createdOn: new Date(row.created_on as string),
    startAfter: new Date(row.start_after as string),
    summary: summaryOf(typeof row.data === "string" ? JSON.parse(row.data) : row.data),
    error: row.output && typeof row.output === "object" && "message" in row.output ? String((row.output as { message: unknown }).message) : null,
  }));
}

/** Counts per queue and state, for the summary line. */
export async function countJobs(): Promise<{ queue: string; state: string; count: number }[]> {
  const { rows } = await getDatabaseHandle().raw.executeSql(`SELECT name, state, count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE $1::boolean GROUP BY name, state ORDER BY name, state`, [true]);
  return rows.map((row) => ({ queue: String(row.name), state: String(row.state), count: Number(row.count) }));
}
