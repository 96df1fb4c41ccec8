// A TCP proxy between a server under test and PostgreSQL that counts the statements
// the server sends. It reads the frontend half of the wire protocol: the first message
// is untyped (int32 length, int32 code: StartupMessage, SSLRequest, GSSENCRequest or
// CancelRequest), every later one is a type byte and an int32 length that counts itself.
// 'Q' (simple query) and 'E' (Execute of the extended protocol) are statements. It
// answers SSLRequest and GSSENCRequest with 'N' itself, so the stream stays plain text.
import net from "node:net";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export type CountingProxy = {
  port: number;
  /** Statements ('Q' + 'E' messages) seen so far, on every connection. */
  statements(): number;
  close(): Promise<void>;
};

export async function startCountingProxy(upstream: { host: string; port: number }): Promise<CountingProxy> {
  let statements = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const pg = net.connect(upstream.port, upstream.host);
    for (const s of [client, pg]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        pg.destroy();
      });
    }
    client.on("close", () => pg.destroy());
    pg.on("close", () => client.destroy());
    pg.pipe(client);

    let startup: Buffer | null = Buffer.alloc(0); // bytes of the untyped first message; null once past it
    const header = Buffer.alloc(5);
    let headerBytes = 0; // of the current typed message's header read so far
    let skip = 0; // body bytes of the current message still to pass

    const countTyped = (chunk: Buffer, from: number) => {
      let pos = from;
      while (pos < chunk.length) {
        if (skip > 0) {
          const n = Math.min(skip, chunk.length - pos);
          skip -= n;
          pos += n;
          continue;
        }
        const n = Math.min(5 - headerBytes, chunk.length - pos);
        chunk.copy(header, headerBytes, pos, pos + n);
        headerBytes += n;
        pos += n;
        if (headerBytes === 5) {
          const type = header[0];
          if (type === 0x51 /* Q */ || type === 0x45 /* E */) statements++;
          skip = header.readInt32BE(1) - 4;
          headerBytes = 0;
        }
      }
    };

    client.on("data", (chunk: Buffer) => {
      if (startup === null) {
        pg.write(chunk);
        countTyped(chunk, 0);
        return;
      }
      let buffered: Buffer = Buffer.concat([startup, chunk]);
      // Untyped messages until the StartupMessage (or CancelRequest) itself.
      while (buffered.length >= 8) {
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) break;
        const code = buffered.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          client.write("N");
          buffered = buffered.subarray(length);
          continue;
        }
        pg.write(buffered.subarray(0, length));
        const rest = buffered.subarray(length);
        startup = null;
        if (rest.length) {
          pg.write(rest);
          countTyped(rest, 0);
        }
        return;
      }
      startup = buffered;
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The counting proxy has no port");

  return {
    port: address.port,
    statements: () => statements,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
