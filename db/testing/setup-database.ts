// Runs before every test file: gives the file its own copy of the migrated database
// and installs it as the process's database (db/client.ts), before any code opens one.
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { openPglite, openPostgres, PGLITE_EXTENSIONS, setDatabaseHandle, type DatabaseHandle } from "../client";
import { randomSuffix, withDatabase } from "./database-url";

const testDatabase = inject("testDatabase");
let handle: DatabaseHandle;
let cleanup = async () => {};

if (testDatabase.kind === "pglite") {
  const dump = await readFile(testDatabase.dumpPath);
  handle = openPglite(await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS }));
} else {
  const name = `${testDatabase.template}_${randomSuffix()}`;
  const admin = postgres(testDatabase.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${testDatabase.template}"`);
  handle = openPostgres(withDatabase(testDatabase.serverUrl, name));
  cleanup = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}

setDatabaseHandle(handle);

afterAll(async () => {
  await handle.close();
  setDatabaseHandle(undefined);
  await cleanup();
});
