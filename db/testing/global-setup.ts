// Prepares one migrated database for the whole run; each test file then starts from
// a copy of it (db/testing/setup-database.ts), so files never see each other's rows.
// - Embedded (default): a PGlite data dump on disk, loaded by each file (~0.5 s).
// - DATABASE_URL set: a fresh template database on that server, cloned per file with
//   CREATE DATABASE ... TEMPLATE; every database of the run is dropped at the end.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres, PGLITE_EXTENSIONS } from "../client";
import { migrateDatabase } from "../migrate";
import { randomSuffix, withDatabase } from "./database-url";

export type TestDatabase =
  | { kind: "pglite"; dumpPath: string }
  | { kind: "postgres"; serverUrl: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabase;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "starter-test-"));
    const handle = openPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    await migrateDatabase(handle);
    const dump = await handle.pglite!.dumpDataDir("none");
    await handle.close();
    const dumpPath = path.join(dir, "migrated.tar");
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    project.provide("testDatabase", { kind: "pglite", dumpPath });
    return async () => rm(dir, { recursive: true, force: true });
  }

  const template = `test_${randomSuffix()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${template}"`);
  const handle = openPostgres(withDatabase(serverUrl, template));
  await migrateDatabase(handle);
  await handle.close(); // a template cannot be copied while anyone is connected to it
  project.provide("testDatabase", { kind: "postgres", serverUrl, template });
  console.log(`Tests run on PostgreSQL, databases ${template}*`);

  return async () => {
    const rows = await admin<{ datname: string }[]>`
      SELECT datname FROM pg_database WHERE datname LIKE ${`${template}%`}`;
    // Clones first: the template is dropped last.
    for (const { datname } of rows.sort((a, b) => b.datname.length - a.datname.length)) {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.end();
  };
}
