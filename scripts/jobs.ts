// `npm run jobs`: what the background queue holds, for operators.
//   npm run jobs                    counts per queue, then queued, failed and dead jobs
//   npm run jobs -- list dead       one list: queued | failed | dead | all
//   npm run jobs -- retry <queue> <id>   puts a failed (or dead-lettered) job back on its queue
//   npm run jobs -- run             runs everything ready once, then exits
//   npm run jobs -- work            a worker process (JOBS_WORKER=off on the web servers)
// On the embedded database, stop `npm run dev` first: PGlite allows one process per folder.
import "../db/load-env";
import { openDefaultDatabase, setDatabaseHandle } from "../db/client";
import { deadLetterOf, JOB_QUEUE_NAMES, type JobQueueName } from "../db/job-queue";
import { migrateDatabase } from "../db/migrate";
import { countJobs, listJobs, type JobListState, type ListedJob } from "../lib/jobs/list-jobs";
import { enqueueJob } from "../lib/jobs/enqueue";
import { getJobQueue } from "../lib/jobs/queue";
import { runJobs } from "../lib/worker/run-jobs";
import { startJobWorker, stopJobWorker } from "../lib/worker/start-worker";

const handle = openDefaultDatabase();
setDatabaseHandle(handle);
// The embedded database migrates itself wherever it is opened, as the server does.
if (handle.kind === "pglite") await migrateDatabase(handle);

const row = (job: ListedJob) =>
  `  ${job.createdOn.toISOString()}  ${job.queue.padEnd(32)} ${job.state.padEnd(9)} tries ${String(job.attempts).padStart(2)}  ${job.id}  ${job.summary}${job.error ? `\n      error: ${job.error}` : ""}`;

async function print(state: JobListState) {
  const jobs = await listJobs({ state, limit: 50 });
  console.log(`\n${state} (${jobs.length}${jobs.length === 50 ? "+, newest shown" : ""})`);
  for (const job of jobs) console.log(row(job));
}

const [command = "summary", ...args] = process.argv.slice(2);
try {
  if (command === "summary") {
    console.log("queue / state / jobs");
    for (const { queue, state, count } of await countJobs()) console.log(`  ${queue.padEnd(36)} ${state.padEnd(10)} ${count}`);
    for (const state of ["queued", "failed", "dead"] as const) await print(state);
  } else if (command === "list") {
    await print((args[0] ?? "all") as JobListState);
  } else if (command === "retry") {
    const [queue, id] = args;
    const known = JOB_QUEUE_NAMES.find((name) => queue === name || queue === deadLetterOf(name as JobQueueName));
    if (!known || !id) throw new Error(`Usage: npm run jobs -- retry <queue> <id>; queues: ${JOB_QUEUE_NAMES.join(", ")}`);
    if (queue === known) {
      await getJobQueue().retry(queue, id);
    } else {
      // A dead-lettered copy: its payload goes back on the queue it came from, as a new job.
      const dead = await getJobQueue().getJobById<Record<string, unknown>>(queue!, id);
      if (!dead) throw new Error(`No job ${id} in ${queue}.`);
      await enqueueJob(known, dead.data as never);
      await getJobQueue().deleteJob(queue!, id);
    }
    console.log(`Queued ${known} again (from ${queue} ${id}).`);
  } else if (command === "run") {
    console.log(await runJobs({ force: true }));
  } else if (command === "work") {
    startJobWorker("inline");
    console.log("Working the queue; Ctrl-C stops.");
    await new Promise<void>((resolve) => {
      const keepAlive = setInterval(() => {}, 60_000);
      process.once("SIGINT", () => resolve(clearInterval(keepAlive)));
      process.once("SIGTERM", () => resolve(clearInterval(keepAlive)));
    });
    await stopJobWorker();
  } else {
    throw new Error(`Unknown command "${command}": summary, list, retry, run or work.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
