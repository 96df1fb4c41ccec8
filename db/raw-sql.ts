import { sql, type SQL } from "drizzle-orm";
import { getDatabaseHandle, rawParam, type Executor, type RawSql } from "./client";

/**
 * `$1`-style SQL text as a drizzle query: each `$n` becomes a bound parameter, so the
 * text runs on whatever drizzle runs on, an open transaction included.
 */
export function rawQuery(text: string, values: readonly unknown[] = []): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= values.length) throw new Error(`rawQuery: no value for $${match[1]}`);
    chunks.push(sql.raw(text.slice(last, match.index)), sql`${rawParam(values[index])}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Record<string, unknown>[];

/**
 * Raw SQL on an executor: the process's database runs it on the driver itself; a
 * transaction runs it inside that transaction (one statement with parameters at a time),
 * so what a library writes there stands or falls with the rest.
 */
export function rawSqlOf(executor?: Executor): RawSql {
  if (!executor) return getDatabaseHandle().raw;
  return {
    async executeSql(text, values = []) {
      return { rows: rowsOf(await executor.execute(rawQuery(text, values))) };
    },
  };
}
