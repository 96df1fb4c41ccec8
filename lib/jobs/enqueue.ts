import "server-only";
import type { Executor } from "@/db/client";
import { rawSqlOf } from "@/db/raw-sql";
import { deadLetterOf, JOBS, type JobName, type JobPayload } from "./definitions";
import { getJobQueue } from "./queue";

export type EnqueueOptions = {
  /** The transaction of the change that causes the job: rolled back, no job; committed, never lost. */
  executor?: Executor;
  startAfter?: Date;
  /** With `singletonSeconds`: at most one such job per key in each window of that length. */
  singletonKey?: string;
  singletonSeconds?: number;
};

const listeners = new Set<() => void>();

/** Called after every enqueue: the in-process worker wakes, or a serverless request drains after answering. */
export function onJobEnqueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Puts a job on the queue; returns its id, or null when a singleton of it already waits. */
export async function enqueueJob<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<string | null> {
  const { payload: schema, ...retries } = JOBS[name];
  const data = schema.parse(payload);
  const id = await getJobQueue().send(name, data, {
    ...retries,
    deadLetter: deadLetterOf(name),
    db: options.executor ? rawSqlOf(options.executor) : undefined,
    startAfter: options.startAfter,
    singletonKey: options.singletonKey,
    singletonSeconds: options.singletonSeconds,
  });
  for (const listener of listeners) listener();
  return id;
}
