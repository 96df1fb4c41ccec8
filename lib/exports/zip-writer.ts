import "server-only";
import { Zip, ZipDeflate } from "fflate";
import type { ChunkSink } from "./chunk-sink";

const encoder = new TextEncoder();

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
    for await (const part of parts) {
      entry.push(encoder.encode(part));
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
