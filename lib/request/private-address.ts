import { BlockList } from "node:net";

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["127.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT, used inside some hosting platforms
  ["169.254.0.0", 16],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv6");
}

/** Loopback, private, link-local or CGNAT: where a reverse proxy of ours would connect from. */
export function isPrivateAddress(ip: string): boolean {
  return privateRanges.check(ip, ip.includes(":") ? "ipv6" : "ipv4");
}
