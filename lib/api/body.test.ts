import { describe, expect, it } from "vitest";
import { jsonObjectBody, MAX_BODY_BYTES } from "./body";
import type { ApiError } from "./errors";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/v1/customers", { method: "POST", body, headers, duplex: "half" } as RequestInit);
const refusal = async (request: Request) => {
  const error = (await jsonObjectBody(request).then(() => null, (e: ApiError) => e))!;
  return [error.status, error.code];
};

describe("a JSON request body", () => {
  it("is refused unread when its declared length is over the limit", async () => {
    let pulled = false;
    // Ends at once if read, so a missing check fails here rather than hanging.
    const stream = new ReadableStream({ pull: (controller) => void ((pulled = true), controller.close()) }, { highWaterMark: 0 });
    expect(await refusal(post(stream, { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) }))).toEqual([413, "payload_too_large"]);
    expect(pulled).toBe(false);
  });

  it("is read no further than the limit when no length is declared", async () => {
    let sent = 0;
    let cancelled = false;
    // Twice the limit, then it ends: without the cap it is read whole, and the test fails fast.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 2 * MAX_BODY_BYTES) return controller.close();
        sent += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
      cancel: () => void (cancelled = true),
    });
    expect(await refusal(post(endless))).toEqual([413, "payload_too_large"]);
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 64 * 1024);
  });

  it("takes JSON with or without a UTF-8 charset, up to the limit", async () => {
    const padded = `{"name":"Ada","pad":"${"x".repeat(MAX_BODY_BYTES - 30)}"}`;
    expect(padded.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect((await jsonObjectBody(post(padded))).name).toBe("Ada");
    expect(await jsonObjectBody(post('{"a":1}', { "content-type": "Application/JSON; Charset=\"utf-8\"" }))).toEqual({ a: 1 });
  });

  it("answers 415, 400 or 422 for what it is not", async () => {
    expect(await refusal(post('{"a":1}', { "content-type": "text/plain" }))).toEqual([415, "unsupported_media_type"]);
    expect(await refusal(post('{"a":1}', {}))).toEqual([415, "unsupported_media_type"]);
    expect(await refusal(post('{"a":1}', { "content-type": "application/json; charset=iso-8859-1" }))).toEqual([415, "unsupported_media_type"]);
    expect(await refusal(post(new Uint8Array([0x22, 0xff, 0x22])))).toEqual([400, "invalid_json"]);
    expect(await refusal(post(""))).toEqual([400, "invalid_json"]);
    for (const body of ["[]", "null", '"a"', "1"]) expect(await refusal(post(body))).toEqual([422, "validation_failed"]);
  });
});
