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
    if (!statement) statements.set(db, (statement = build(db)));
    return statement.execute(values);
  };
}
