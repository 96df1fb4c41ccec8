import "server-only";
import path from "node:path";
import { DEFAULT_PGLITE_DIR, getDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { emailTransportOf, EnvError, getEnv } from "@/lib/env/env";

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
  if (emailTransportOf(env) === "outbox") {
    const note = env.NODE_ENV === "production" ? " (EMAIL_OUTBOX is set: anyone can read sign-in links there)" : "";
    console.info(`Mail goes to the development outbox at /dev/outbox${note}`);
  }
}
