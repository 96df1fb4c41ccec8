import "server-only";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { DestinationRefusedError, resolveDestination, urlProblem, type DestinationPolicy } from "./destination";

export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a response is read (and kept in the delivery log); the rest is never downloaded. */
export const RESPONSE_BYTES_KEPT = 1024;

export type AttemptResult = {
  ok: boolean;
  status: number | null;
  body: string | null;
  latencyMs: number | null;
  error: string | null;
};

const failed = (error: string, latencyMs: number | null = null): AttemptResult => ({ ok: false, status: null, body: null, latencyMs, error });

/**
 * POSTs `body` to `url` once: the destination checked after DNS (see destination.ts) and
 * connected to at exactly that address, no redirect followed, at most DELIVERY_TIMEOUT_MS
 * in all, and at most RESPONSE_BYTES_KEPT of the answer read. Never throws.
 */
export async function postOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: DestinationPolicy,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<AttemptResult> {
  const problem = urlProblem(url, policy);
  if (problem) return failed(problem);
  const target = new URL(url);
  let destination;
  try {
    destination = await resolveDestination(target, policy);
  } catch (error) {
    return failed(error instanceof DestinationRefusedError ? error.message : `DNS lookup failed: ${(error as Error).message}`);
  }
  // Node asks this for the address of the name in the URL: it gets the one just checked.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [destination]);
    else callback(null, destination.address, destination.family);
  };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup, agent: false },
      (response: IncomingMessage) => {
        const latencyMs = elapsed();
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const text = Buffer.concat(chunks).subarray(0, RESPONSE_BYTES_KEPT).toString("utf8");
          const redirect = status >= 300 && status < 400;
          finish({
            ok: status >= 200 && status < 300,
            status,
            body: text || null,
            latencyMs,
            error: redirect ? "Redirects are not followed: point the endpoint at the final URL." : null,
          });
          response.destroy();
        };
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_BYTES_KEPT) done();
        });
        response.on("end", done);
        response.on("error", done);
        response.on("close", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish(failed(`No response within ${timeoutMs / 1000} s.`, elapsed()));
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish(failed(connectionMessage(error), elapsed())));
    request.end(body);
  });
}

function connectionMessage(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ECONNREFUSED":
      return "Connection refused.";
    case "ECONNRESET":
      return "The connection was reset.";
    case "ETIMEDOUT":
      return "The connection timed out.";
    default:
      return error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT") ? `TLS error: ${error.message}` : `Could not connect: ${error.message}`;
  }
}
