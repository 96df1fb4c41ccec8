// Stand-ins for a database that is down, for outage tests: a port nobody listens on,
// a server that accepts connections and never answers, and a proxy to a real server
// that can be stopped and started again on the same port.
import net from "node:net";
import { getDatabaseHandle, openPostgres, setDatabaseHandle, type DatabaseHandle } from "../client";

async function listen(server: net.Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return (server.address() as net.AddressInfo).port;
}

function closer(server: net.Server, sockets: Set<net.Socket>) {
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

/** A port that refuses connections (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Accepts connections and never says a word: what a hung server or a dropped route looks like. */
export async function startBlackhole(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
  });
  return { port: await listen(server), close: closer(server, sockets) };
}

export type StoppableProxy = {
  port: number;
  /** Drops every connection and refuses new ones, like a server that went away. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
};

/** A plain TCP proxy to `upstream`. */
export async function startStoppableProxy(upstream: { host: string; port: number }): Promise<StoppableProxy> {
  let server: net.Server | undefined;
  let sockets = new Set<net.Socket>();
  let port = 0;
  const start = async () => {
    sockets = new Set();
    const own = sockets;
    server = net.createServer((client) => {
      const target = net.connect(upstream.port, upstream.host);
      for (const s of [client, target]) {
        own.add(s);
        s.on("close", () => own.delete(s));
        s.on("error", () => {
          client.destroy();
          target.destroy();
        });
      }
      client.pipe(target).pipe(client);
    });
    port = await listen(server, port);
  };
  await start();
  return {
    get port() {
      return port;
    },
    start,
    stop: () => (server ? closer(server, sockets)() : Promise.resolve()),
  };
}

/** Runs `fn` with the process's database on `handle` (e.g. one aimed at a dead port), then restores it and closes `handle`. */
export async function withDatabaseHandle<T>(handle: DatabaseHandle, fn: () => Promise<T>): Promise<T> {
  const original = getDatabaseHandle();
  setDatabaseHandle(handle);
  try {
    return await fn();
  } finally {
    setDatabaseHandle(original);
    await handle.close();
  }
}

/** A postgres.js handle to `database` on `port` of this machine. */
export const postgresOnPort = (port: number, database = "postgres") => openPostgres(`postgres://postgres@127.0.0.1:${port}/${database}`);
