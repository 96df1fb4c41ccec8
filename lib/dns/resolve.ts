import "server-only";
import { lookup, Resolver } from "node:dns/promises";
import { getEnv } from "@/lib/env/env";

export type ResolvedAddress = { address: string; family: 4 | 6 };

let cached: { servers: string; resolver: Resolver } | undefined;

/** A resolver on DNS_SERVERS when set (tests point it at a local DNS server), else null: the system's. */
function configuredResolver(): Resolver | null {
  const servers = getEnv().DNS_SERVERS;
  if (!servers) return null;
  if (cached?.servers !== servers) {
    const resolver = new Resolver({ timeout: 2000, tries: 2 });
    resolver.setServers(servers.split(",").map((s) => s.trim()));
    cached = { servers, resolver };
  }
  return cached.resolver;
}

const notFound = (code: unknown) => code === "ENOTFOUND" || code === "ENODATA" || code === "ENONAME";

/** Every address `hostname` resolves to, IPv4 and IPv6; [] when it has none. */
export async function resolveAddresses(hostname: string): Promise<ResolvedAddress[]> {
  const resolver = configuredResolver();
  if (!resolver) {
    try {
      return (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
    } catch (error) {
      if (notFound((error as NodeJS.ErrnoException).code)) return [];
      throw error;
    }
  }
  const settle = (family: 4 | 6, query: Promise<string[]>) =>
    query.then(
      (addresses) => addresses.map((address) => ({ address, family })),
      (error: NodeJS.ErrnoException) => {
        if (notFound(error.code)) return [];
        throw error;
      },
    );
  const [v4, v6] = await Promise.all([settle(4, resolver.resolve4(hostname)), settle(6, resolver.resolve6(hostname))]);
  return [...v4, ...v6];
}

/** The TXT records at `name`, each as the chunks DNS gives it in; [] when there are none. */
export async function resolveTxt(name: string): Promise<string[][]> {
  try {
    return await (configuredResolver() ?? systemResolver()).resolveTxt(name);
  } catch (error) {
    if (notFound((error as NodeJS.ErrnoException).code)) return [];
    throw error;
  }
}

let system: Resolver | undefined;
const systemResolver = () => (system ??= new Resolver({ timeout: 5000, tries: 2 }));
