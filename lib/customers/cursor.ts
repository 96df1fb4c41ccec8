/** A position in the newest-first list: the last row's creation time and id. */
export type CustomerCursor = { createdAt: Date; id: string };

export function encodeCursor({ createdAt, id }: CustomerCursor): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

/** Null for anything that is not a cursor we made (a bad cursor starts from the top). */
export function decodeCursor(value: string | undefined): CustomerCursor | null {
  if (!value) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [string, string];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || typeof id !== "string" || !UUID.test(id)) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
