// A real DNS server on this machine for tests, answering A, AAAA and TXT from a table the
// test can change. Point the app at it with DNS_SERVERS=127.0.0.1:<port>.
import dns2 from "dns2";
import type { AddressInfo } from "node:net";

export type DnsRecords = Record<string, { A?: string[]; AAAA?: string[]; TXT?: string[] }>;

export async function startDnsServer(records: DnsRecords): Promise<{ address: string; records: DnsRecords; close(): Promise<void> }> {
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      for (const question of request.questions) {
        const entry = records[question.name.toLowerCase()];
        const base = { name: question.name, class: Packet.CLASS.IN, ttl: 1 };
        // dns2's types want a Resource object; its encoder takes plain records like these.
        const answer = (record: object) => response.answers.push({ ...base, ...record } as never);
        if (question.type === Packet.TYPE.A) for (const address of entry?.A ?? []) answer({ type: Packet.TYPE.A, address });
        if (question.type === Packet.TYPE.AAAA) for (const address of entry?.AAAA ?? []) answer({ type: Packet.TYPE.AAAA, address });
        if (question.type === Packet.TYPE.TXT) for (const data of entry?.TXT ?? []) answer({ type: Packet.TYPE.TXT, data });
        // A name we do not know: NXDOMAIN, as a real server says it.
        if (!entry) response.header.rcode = 3;
      }
      send(response);
    },
  });
  const listening = await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  const port = (listening.udp as AddressInfo).port;
  return { address: `127.0.0.1:${port}`, records, close: () => server.close() };
}
