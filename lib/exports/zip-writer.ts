import "server-only";
import { Zip, ZipDeflate } from "fflate";
import type { ChunkSink } from "./chunk-sink";

const encoder = new TextEncoder();
/** fflate writes no ZIP64: a file of 4 GiB or more would make a broken archive, so it is refused first. */
export const MAX_FILE_BYTES = 2 ** 32 - 1;

/** A zip archive written file by file, text pushed as it is produced; the bytes go to a ChunkSink. */
export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(private readonly sink: ChunkSink) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure = error;
      else sink.push(data);
    });
  }

  /** Adds one file whose text comes from `parts`; the sink is flushed as pieces fill. */
  async file(name: string, parts: AsyncIterable<string> | Iterable<string>) {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    let size = 0;
    for await (const part of parts) {
      const bytes = encoder.encode(part);
      size += bytes.length;
      if (size > MAX_FILE_BYTES) throw new Error(`${name} is larger than a zip without ZIP64 can hold (4 GiB)`);
      entry.push(bytes);
      this.check();
      await this.sink.flush();
    }
    entry.push(new Uint8Array(0), true);
    this.check();
    await this.sink.flush();
  }

  async end() {
    this.zip.end();
    this.check();
    await this.sink.flush(true);
  }

  private check() {
    if (this.failure) throw this.failure;
  }
}
