import { describe, expect, it } from "vitest";
import { readBodyWithin, refuseBodySize } from "./bounded-body";

/** A request whose body arrives in 64 KB chunks, counting how many were pulled. */
function streamed(totalBytes: number, headers: Record<string, string> = {}) {
  const pulled = { chunks: 0 };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(64 * 1024, totalBytes - sent);
      sent += size;
      pulled.chunks++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  return { request: new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit), pulled };
}

describe("readBodyWithin", () => {
  it("returns the whole body within the limit", async () => {
    const { request } = streamed(100_000);
    expect((await readBodyWithin(request, 200_000))?.byteLength).toBe(100_000);
  });

  it("stops reading as soon as the body passes the limit", async () => {
    const { request, pulled } = streamed(50 * 1024 * 1024);
    expect(await readBodyWithin(request, 1024 * 1024)).toBeNull();
    expect(pulled.chunks).toBeLessThanOrEqual(18); // 1 MB is 16 chunks; the stream may run a little ahead
  });

  it("refuses a declared length over the limit without reading at all", async () => {
    const { request, pulled } = streamed(2 * 1024 * 1024, { "content-length": String(2 * 1024 * 1024) });
    expect(await readBodyWithin(request, 1024 * 1024)).toBeNull();
    expect(pulled.chunks).toBeLessThanOrEqual(1);
  });
});

describe("refuseBodySize", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it("passes a body within the limit, or none", () => {
    expect(refuseBodySize(h({ "content-length": "1024" }), 1024)).toBeNull();
    expect(refuseBodySize(h({}), 1024)).toBeNull();
  });
  it("refuses a larger one (413), one of unknown length (411) and a nonsensical length (400)", () => {
    expect(refuseBodySize(h({ "content-length": "1025" }), 1024, "a form")).toEqual({ status: 413, message: "The request is too large: a form may send at most 1 KB." });
    expect(refuseBodySize(h({ "transfer-encoding": "chunked" }), 1024)?.status).toBe(411);
    expect(refuseBodySize(h({ "content-length": "12abc" }), 1024)?.status).toBe(400);
  });
});
