import "server-only";
import path from "node:path";
import { DEFAULT_PGLITE_DIR, getDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { OUTBOX_PATH, outboxAccessOf } from "@/lib/email/outbox-access";
import { EnvError, getEnv } from "@/lib/env/env";
import { jobsWorkerModeOf, startJobWorker } from "@/lib/worker/start-worker";

/** Runs once when a server process starts (instrumentation.ts). */
export async function startServer(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const handle = getDatabaseHandle();
  if (handle.kind === "pglite") {
    // The embedded database migrates itself; Postgres is migrated by `npm run db:migrate`
    // (in the deploy's build step), so that many instances never race to migrate.
    await migrateDatabase(handle);
    console.info(`Embedded database ready in ${path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DATA_DIR ?? DEFAULT_PGLITE_DIR)}`);
  }
  const jobsMode = jobsWorkerModeOf(env);
  startJobWorker(jobsMode);
  if (jobsMode === "inline") console.info("Background jobs run in this process");
  const outbox = outboxAccessOf(env);
  if (outbox.kind === "open") console.info(`Mail goes to the development outbox at ${OUTBOX_PATH}`);
  if (outbox.kind === "token") {
    // The one place the demo's outbox link appears: whoever reads this log may sign in as anyone.
    const base = (env.AUTH_URL ?? "").replace(/\/+$/, "");
    console.info(`Demo mode: mail goes to the outbox, open it (and keep the link private) at ${base}${OUTBOX_PATH}?token=${outbox.token}`);
  }
}
