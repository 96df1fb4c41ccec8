const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const GROUP = /^[0-9a-f]{1,4}$/i;

/**
 * An IP address as people read it: an IPv4-mapped IPv6 address as its IPv4 address
 * (`::ffff:127.0.0.1` → `127.0.0.1`) and IPv6 in its canonical short form (RFC 5952:
 * lower case, no leading zeros, the longest run of zero groups as `::`). Anything that is
 * not an address is returned trimmed but otherwise as it is.
 */
export function formatIp(value: string): string {
  const ip = value.trim();
  if (IPV4.test(ip)) return ip;
  const [address = "", zone, ...more] = ip.split("%");
  if (more.length > 0 || (zone !== undefined && !/^[\w.-]+$/.test(zone))) return ip;
  const groups = ipv6Groups(address);
  if (!groups) return ip;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff && zone === undefined) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return compress(groups) + (zone === undefined ? "" : `%${zone}`);
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  let head = address;
  const tail: number[] = [];
  const lastColon = address.lastIndexOf(":");
  if (lastColon < 0) return null;
  const last = address.slice(lastColon + 1);
  if (last.includes(".")) {
    if (!IPV4.test(last)) return null;
    const [a, b, c, d] = last.split(".").map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    // Keep the "::" of "::1.2.3.4", drop the separator of "::ffff:1.2.3.4".
    head = address.slice(0, address.endsWith(`::${last}`) ? lastColon + 1 : lastColon);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const [left, right = []] = halves.map(parse) as [string[], string[]?];
  if (![...left, ...right].every((g) => GROUP.test(g))) return null;
  const known = left.length + right.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = Array<number>(8 - known).fill(0);
  return [...left.map((g) => parseInt(g, 16)), ...(halves.length === 2 ? zeros : []), ...right.map((g) => parseInt(g, 16)), ...tail];
}

function compress(groups: number[]): string {
  // The longest run of two or more zero groups, the first of equals.
  let best = { start: -1, length: 1 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < groups.length && groups[end] === 0) end++;
    if (end - i > best.length) best = { start: i, length: end - i };
    i = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}
