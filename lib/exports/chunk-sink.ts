import "server-only";
import { db } from "@/db/client";
import { dataExportChunks } from "@/db/schema";

export const CHUNK_BYTES = 1024 * 1024;

/**
 * Collects the archive's bytes as the zip writer makes them and stores them in pieces
 * of CHUNK_BYTES: memory holds at most about one piece, whatever the export's size.
 */
export class ChunkSink {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private seq = 0;
  total = 0;

  constructor(
    private readonly exportId: string,
    private readonly attempt: string,
  ) {}

  push(data: Uint8Array) {
    if (data.length === 0) return;
    this.pending.push(data);
    this.pendingBytes += data.length;
    this.total += data.length;
  }

  /** Writes every full piece; with `final`, the rest too. */
  async flush(final = false) {
    while (this.pendingBytes >= CHUNK_BYTES || (final && this.pendingBytes > 0)) {
      const all = Buffer.concat(this.pending);
      const piece = all.subarray(0, Math.min(CHUNK_BYTES, all.length));
      const rest = all.subarray(piece.length);
      this.pending = rest.length ? [rest] : [];
      this.pendingBytes = rest.length;
      await db.insert(dataExportChunks).values({ exportId: this.exportId, attempt: this.attempt, seq: this.seq++, data: Buffer.from(piece) });
    }
  }
}
