import http from "node:http";
import { normalizeIp } from "./ip-address";

/**
 * Next.js gives route handlers and actions no socket, and fills X-Forwarded-For from it
 * only when the client sent none, so a direct client could choose its own address.
 * Installed at start (instrumentation.ts), this stamps every incoming request with
 * the TCP peer's address under a header of ours, replacing any value the client sent.
 */
export const PEER_ADDRESS_HEADER = "x-peer-address";
/** Set when the peer itself sent X-Forwarded-For (Next.js adds one later when it did not). */
export const PEER_FORWARDED_HEADER = "x-peer-forwarded";
const INSTALLED = Symbol.for("saas-starter.peer-address-header");

type Stamped = { [INSTALLED]?: boolean };

export function installPeerAddressHeader(): void {
  const proto = http.Server.prototype as http.Server & Stamped;
  if (proto[INSTALLED]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stamp(args[0] as http.IncomingMessage);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}

function stamp(request: http.IncomingMessage) {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
  if (request.headers["x-forwarded-for"] !== undefined) request.headers[PEER_FORWARDED_HEADER] = "1";
  else delete request.headers[PEER_FORWARDED_HEADER];
}

export type Peer = { address: string; forwarding: boolean };

/** The TCP peer, when this process stamps it (never a client's own header), and whether it forwarded for someone. */
export function peerFrom(headers: Headers): Peer | null {
  if (!(http.Server.prototype as http.Server & Stamped)[INSTALLED]) return null;
  const address = normalizeIp(headers.get(PEER_ADDRESS_HEADER));
  return address ? { address, forwarding: headers.get(PEER_FORWARDED_HEADER) === "1" } : null;
}
