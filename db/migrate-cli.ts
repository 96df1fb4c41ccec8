// `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded
// database when it is unset. Stop `npm run dev` first when migrating the embedded
// one: PGlite allows one process per data folder.
import "./load-env";
import { openDefaultDatabase } from "./client";
import { migrateDatabase } from "./migrate";

// A migration may rewrite a large table: no statement timeout here.
const handle = openDefaultDatabase({ statementTimeoutSeconds: 0 });
try {
  await migrateDatabase(handle);
  console.log(`Migrated the ${handle.kind === "pglite" ? "embedded" : "Postgres"} database.`);
} finally {
  await handle.close();
}
