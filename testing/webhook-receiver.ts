// A real HTTP server that webhooks are delivered to in tests: records every request and
// answers as told. It can stop and start again on the same port (an endpoint that was down).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { headers: IncomingHttpHeaders; body: string; path: string };
export type Answer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

export type WebhookReceiver = {
  port: number;
  url: (path?: string) => string;
  received: ReceivedRequest[];
  /** How to answer the next requests; the last answer repeats. */
  answer(...answers: Answer[]): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  let answers: Answer[] = [{ status: 204 }];
  let server: Server | null = null;
  const sockets = new Set<import("node:net").Socket>();

  const listen = async (on: number) => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), path: request.url ?? "/" });
        const next = answers.length > 1 ? answers.shift()! : answers[0]!;
        const reply = () => {
          response.writeHead(next.status, next.headers);
          response.end(next.body);
        };
        if (next.delayMs) setTimeout(reply, next.delayMs).unref();
        else reply();
      });
    });
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(on, "127.0.0.1", () => resolve());
    });
    return (server.address() as AddressInfo).port;
  };

  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
      server = null;
    });

  const bound = await listen(port);
  return {
    port: bound,
    url: (path = "/hooks") => `http://localhost:${bound}${path}`,
    received,
    answer: (...next) => {
      answers = next;
    },
    stop,
    start: async () => {
      await listen(bound);
    },
    close: stop,
  };
}
