import "server-only";

export const BATCH_ROWS = 1000;

/** A table of an export: its columns, and its rows read in batches (never all at once). */
export type ExportTable = { name: string; columns: readonly string[]; rows: () => AsyncIterable<Record<string, unknown>> };

/** Rows page by page on a key: `fetch(null)` is the first page, `fetch(lastRow)` the next. */
export async function* keysetRows<R>(fetch: (after: R | null) => Promise<R[]>): AsyncIterable<R> {
  let after: R | null = null;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    if (rows.length < BATCH_ROWS) return;
    after = rows.at(-1)!;
  }
}

export async function* once<R>(load: () => Promise<R[]>): AsyncIterable<R> {
  yield* await load();
}
