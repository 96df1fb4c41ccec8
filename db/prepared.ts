import { getDatabaseHandle, type Database } from "./client";

/** What drizzle's `.prepare(name)` gives: SQL built once, run with values for its placeholders. */
export type Prepared<R> = { execute(values: Record<string, unknown>): Promise<R> };

/**
 * A statement built once per database (drizzle builds SQL text on every call
 * otherwise: a third of a small request's own CPU), and run with values for its
 * `sql.placeholder(...)`s. Dates go to placeholders as ISO strings, cast in the SQL.
 *
 * By default only the SQL text is kept, and PostgreSQL plans each run for its values,
 * as for every other query. `onServer: true` also has PostgreSQL keep the statement and
 * its plan (unless `DATABASE_PREPARE=false`): for lookups by a unique key, whose plan
 * never depends on the values, and which then cost the database a third less.
 */
export function prepared<R>(build: (db: Database) => Prepared<R>, { onServer = false } = {}): (values: Record<string, unknown>) => Promise<R> {
  // Per database: tests and scripts may install another one.
  const statements = new WeakMap<Database, Prepared<R>>();
  return (values) => {
    const handle = getDatabaseHandle();
    let statement = statements.get(handle.db);
    if (!statement) statements.set(handle.db, (statement = keepOnServer(build(handle.db), onServer && handle.serverPrepare)));
    return statement.execute(values);
  };
}

/**
 * drizzle's postgres.js driver has PostgreSQL prepare every named statement; the flag is
 * the driver's own (`PostgresJsPreparedQuery.prepare`). PGlite's statements have none.
 */
function keepOnServer<R>(statement: Prepared<R>, keep: boolean): Prepared<R> {
  if ("prepare" in statement) (statement as { prepare: boolean }).prepare = keep;
  return statement;
}
