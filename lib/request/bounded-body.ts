/**
 * A request's body, read only up to `maxBytes`: null when it is larger, and then read no
 * further (a declared Content-Length over the limit is refused unread). Route handlers
 * get no limit from Next.js, so without this a client could make the server buffer
 * hundreds of megabytes.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length")) > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export type SizeRefusal = { status: 400 | 411 | 413; message: string };

/**
 * For a handler that hands the request on unread (Auth.js, a server action): Node's
 * parser never lets a body run past its Content-Length, so checking the header
 * bounds the body. A body of unknown length (chunked) is refused with 411.
 */
export function refuseBodySize(headers: Headers, maxBytes: number, what = "a request"): SizeRefusal | null {
  const length = headers.get("content-length");
  if (length === null) return headers.has("transfer-encoding") ? { status: 411, message: "Send the request with a Content-Length." } : null;
  if (!/^\d+$/.test(length)) return { status: 400, message: "Content-Length is not a number." };
  if (Number(length) > maxBytes) return { status: 413, message: `The request is too large: ${what} may send at most ${formatBytes(maxBytes)}.` };
  return null;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}
