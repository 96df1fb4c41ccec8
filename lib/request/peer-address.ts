import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { normalizeIp } from "./ip-address";

/**
 * Next.js gives route handlers and actions no socket, and fills X-Forwarded-For from it
 * only when the client sent none, so a direct client could choose its own address.
 * Installed at start (instrumentation.ts), this stamps every incoming request, on
 * http and https servers, with the TCP peer's address and whether the peer itself sent
 * X-Forwarded-For. The headers' names carry a random part made at start, so no client
 * can send one: a header a client wrote is never read.
 */
const STAMP = Symbol.for("saas-starter.peer-address-stamp");
type Stamp = { address: string; forwarded: string };
type Stamped = { [STAMP]?: Stamp };

function stampOf(): Stamp | undefined {
  return (http.Server.prototype as http.Server & Stamped)[STAMP];
}

export function installPeerAddressHeader(): void {
  if (stampOf()) return;
  const suffix = randomBytes(6).toString("hex");
  const names: Stamp = { address: `x-peer-address-${suffix}`, forwarded: `x-peer-forwarded-${suffix}` };
  for (const proto of [http.Server.prototype, https.Server.prototype] as (http.Server & Stamped)[]) {
    const emit = proto.emit;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stamp(args[0] as http.IncomingMessage, names);
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof proto.emit;
    proto[STAMP] = names;
  }
}

function stamp(request: http.IncomingMessage, names: Stamp) {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[names.address] = address;
  if (request.headers["x-forwarded-for"] !== undefined) request.headers[names.forwarded] = "1";
}

export type Peer = { address: string; forwarding: boolean };

/** The TCP peer, when this process stamps it, and whether it forwarded for someone. */
export function peerFrom(headers: Headers): Peer | null {
  const names = stampOf();
  if (!names) return null;
  const address = normalizeIp(headers.get(names.address));
  return address ? { address, forwarding: headers.get(names.forwarded) === "1" } : null;
}

/** For tests: the headers a stamped request carries. */
export function stampedHeaders(address: string, forwarding = false): Record<string, string> {
  const names = stampOf();
  if (!names) throw new Error("installPeerAddressHeader() first");
  return { [names.address]: address, ...(forwarding ? { [names.forwarded]: "1" } : {}) };
}
