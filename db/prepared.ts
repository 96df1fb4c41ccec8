import { getDb, type Database } from "./client";

/** What drizzle's `.prepare(name)` gives: SQL built once, run with values for its placeholders. */
export type Prepared<R> = { execute(values: Record<string, unknown>): Promise<R> };

/**
 * A statement built once per database (drizzle builds SQL text on every call
 * otherwise: a third of a small request's own CPU), and run with values for its
 * `sql.placeholder(...)`s. Dates go to placeholders as ISO strings, cast in the SQL.
 */
export function prepared<R>(build: (db: Database) => Prepared<R>): (values: Record<string, unknown>) => Promise<R> {
  // Per database: tests and scripts may install another one.
  const statements = new WeakMap<Database, Prepared<R>>();
  return (values) => {
    const db = getDb();
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = unpreparedOnServer(build(db))));
    return statement.execute(values);
  };
}

/**
 * Only the SQL text is kept: drizzle's postgres.js driver would also have PostgreSQL
 * prepare a named statement, unlike every other query (sent unnamed, planned for its
 * values). A generic plan could serve a rare search badly, and transaction-mode poolers
 * (`DATABASE_PREPARE=false`) cannot keep prepared statements. The flag is the driver's
 * own (`PostgresJsPreparedQuery.prepare`); PGlite's statements have none.
 */
function unpreparedOnServer<R>(statement: Prepared<R>): Prepared<R> {
  if ("prepare" in statement) (statement as { prepare: boolean }).prepare = false;
  return statement;
}
