import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";
import { text } from "./text";

export const LIMIT = { min: 1, max: 100, default: 25 } as const;
export const SEARCH_MAX = 100;
const limitError = `limit must be a whole number from ${LIMIT.min} to ${LIMIT.max}.`;
const cursorError = "cursor must be a next_cursor from an earlier page.";

/**
 * A newest-first list's query (`q`, `cursor`, `limit`), as the page and the API read it:
 * the API refuses what this refuses (422); a page ignores it instead (lenientListQuery).
 * The descriptions go into the OpenAPI document.
 */
export function listQuerySchema(describe: { search: string; items: string }) {
  return z.object({
    q: text({ max: SEARCH_MAX, label: "q" }).optional().meta({ description: describe.search }),
    cursor: z
      .string({ error: cursorError })
      .max(200, { error: cursorError })
      .regex(/^[A-Za-z0-9_-]+$/, { error: cursorError })
      .refine((v) => decodeCursor(v) !== null, { error: cursorError })
      .optional()
      .meta({ description: "The next_cursor of the previous page" }),
    // Digits only: z.coerce alone would take "1e1", " 5" or "" (as 0).
    limit: z
      .preprocess(
        (v) => (typeof v === "string" && !/^[0-9]+$/.test(v) ? Number.NaN : v),
        z.coerce
          .number({ error: limitError })
          .int({ error: limitError })
          .min(LIMIT.min, { error: limitError })
          .max(LIMIT.max, { error: limitError })
          .default(LIMIT.default),
      )
      .meta({ description: describe.items }),
  });
}
export type ListQuery = z.output<ReturnType<typeof listQuerySchema>>;

/**
 * A page's reading of its URL: a parameter the API would refuse is left out (and named in
 * `ignored`) so an old or mangled link shows the list from the top.
 */
export function lenientListQuery<S extends ReturnType<typeof listQuerySchema>>(
  schema: S,
  raw: Record<string, string | string[] | undefined>,
): { query: z.output<S>; ignored: string[] } {
  const input: Record<string, unknown> = { q: raw.q, cursor: raw.cursor, limit: raw.limit };
  const result = schema.safeParse(input);
  if (result.success) return { query: result.data, ignored: [] };
  const ignored = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  for (const key of ignored) delete input[key];
  return { query: schema.parse(input), ignored };
}

/** `%term%` for LIKE on lowercased text, with the term's own % and _ taken literally. */
export const containing = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Rows after the cursor in newest-first order: a row comparison, which the (tenant_id,
 * created_at, id) index can seek to. `true` without a cursor.
 */
export function keysetAfter(table: { createdAt: AnyPgColumn; id: AnyPgColumn }, cursor: string | undefined): SQL {
  const after = decodeCursor(cursor);
  return after ? sql`(${table.createdAt}, ${table.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : sql`true`;
}

/** The first `limit` of `rows` (fetched with one more) and the cursor to the next page, if any. */
export function pageOf<R extends { createdAt: Date; id: string }>(rows: R[], limit: number): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!) : null };
}
