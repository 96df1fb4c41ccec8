import "server-only";
import { BlockList, isIP } from "node:net";
import { resolveAddresses, type ResolvedAddress } from "@/lib/dns/resolve";
import { getEnv } from "@/lib/env/env";

/** Whether deliveries may reach this machine and its networks: development and tests only. */
export type DestinationPolicy = { allowPrivate: boolean };

export function destinationPolicy(): DestinationPolicy {
  const env = getEnv();
  return { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS ?? env.NODE_ENV !== "production" };
}

/** A URL or address a delivery refuses; the message is for the endpoint's owner. */
export class DestinationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DestinationRefusedError";
  }
}

const forbidden = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, and the cloud metadata service at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
] as const) {
  forbidden.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["::ffff:0:0:0", 96], // IPv4-translated (SIIT): never a public destination
  ["100::", 64],
  ["2001::", 32], // Teredo
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local, and AWS's metadata service at fd00:ec2::254
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  forbidden.addSubnet(network, prefix, "ipv6");
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included). */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

const ipv4Of = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/** The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4), whose range decides for it. */
function embeddedIpv4(ip: string): string | null {
  const g = ipv6Groups(ip);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return ipv4Of(g[6]!, g[7]!); // ::ffff:a.b.c.d and ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Of(g[6]!, g[7]!); // NAT64
  if (g[0] === 0x2002) return ipv4Of(g[1]!, g[2]!); // 6to4
  return null;
}

/** Whether an address is loopback, private, link-local, metadata, reserved or otherwise not on the public internet. */
export function isForbiddenAddress(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) return forbidden.check(ip, "ipv4");
  if (version !== 6) return true;
  const inner = embeddedIpv4(ip);
  if (inner) return forbidden.check(inner, "ipv4");
  return forbidden.check(ip, "ipv6");
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why `value` cannot be an endpoint's URL, or null: https only, except http to this
 * machine where private destinations are allowed (development and tests); no user or
 * password in it.
 */
export function urlProblem(value: string, policy: DestinationPolicy): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, like https://example.com/webhooks.";
  }
  if (url.username || url.password) return "Leave the user name and password out of the URL; check the signature instead.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:") {
    if (policy.allowPrivate && (LOOPBACK_NAMES.has(url.hostname) || url.hostname.endsWith(".localhost"))) return null;
    return policy.allowPrivate ? "Use https (http only to localhost)." : "Use https.";
  }
  return "Use an https:// URL.";
}

/**
 * The address to connect to for `url`, after DNS: refused when it has none, or when any
 * of its addresses is not public (unless the policy allows private ones). Checked on
 * every delivery, and the connection goes to exactly the address checked, so a name
 * that changes its answer between check and use cannot slip through.
 */
export async function resolveDestination(url: URL, policy: DestinationPolicy): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host);
  const addresses: ResolvedAddress[] = literal ? [{ address: host, family: literal === 6 ? 6 : 4 }] : await resolveAddresses(host);
  if (addresses.length === 0) throw new DestinationRefusedError(`${host} does not resolve to any address.`);
  if (!policy.allowPrivate) {
    const refused = addresses.find((a) => isForbiddenAddress(a.address));
    if (refused) {
      throw new DestinationRefusedError(
        `${host} ${literal ? "is" : `resolves to ${refused.address}, which is`} a private, loopback, link-local or reserved address; webhooks go only to public addresses.`,
      );
    }
  }
  return addresses[0]!;
}
