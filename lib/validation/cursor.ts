import { UUID } from "@/lib/validation/uuid";

/** A position in a newest-first list (customers, deliveries): the last row's creation time and id. */
export type KeysetCursor = { createdAt: Date; id: string };

// Years 1 to 9999 in toISOString's plain form: what Postgres' timestamptz reads back. Year 0,
// negative years and six-digit years ("+100000-...") are dates JavaScript makes but Postgres refuses.
const ISO = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor({ createdAt, id }: KeysetCursor): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

/** Null for anything that is not a cursor we made (out-of-range dates included). */
export function decodeCursor(value: string | undefined): KeysetCursor | null {
  if (!value || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || !UUID.test(id)) return null;
    const year = ISO.exec(at)?.[1];
    if (!year || Number(year) < 1) return null;
    const createdAt = new Date(at);
    // Round-trips only for real dates: "2024-02-30" would roll over to March.
    if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
