/**
 * Which addresses the egress proxy refuses to connect to when a host NAME resolved to them: the
 * runner's own loopback, link-local (169.254.169.254 is the cloud metadata service, which hands out
 * credentials), private and other special-purpose ranges. An allowed public name that resolves into
 * one of these is DNS rebinding or a misconfiguration; a contract that really wants such an address
 * lists it as an IP literal instead (the allowlist then matches the literal, and no name is involved).
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";

interface Range {
  network: string;
  prefix: number;
  label: string;
}

const IPV4_RANGES: readonly Range[] = [
  { network: "0.0.0.0", prefix: 8, label: "this-network" },
  { network: "10.0.0.0", prefix: 8, label: "private" },
  { network: "100.64.0.0", prefix: 10, label: "shared (carrier-grade NAT)" },
  { network: "127.0.0.0", prefix: 8, label: "loopback" },
  { network: "169.254.0.0", prefix: 16, label: "link-local (cloud metadata)" },
  { network: "172.16.0.0", prefix: 12, label: "private" },
  { network: "192.0.0.0", prefix: 24, label: "protocol assignments" },
  { network: "192.0.2.0", prefix: 24, label: "documentation" },
  { network: "192.168.0.0", prefix: 16, label: "private" },
  { network: "198.18.0.0", prefix: 15, label: "benchmarking" },
  { network: "198.51.100.0", prefix: 24, label: "documentation" },
  { network: "203.0.113.0", prefix: 24, label: "documentation" },
  { network: "224.0.0.0", prefix: 4, label: "multicast" },
  { network: "240.0.0.0", prefix: 4, label: "reserved" },
];

// IPv4-mapped addresses (::ffff:a.b.c.d) are checked against the IPv4 ranges by BlockList itself.
// Prefixes that embed an IPv4 address some other way (NAT64, 6to4, the old compatible form) are
// refused whole rather than decoded: an allowed public host has no reason to resolve into them.
const IPV6_RANGES: readonly Range[] = [
  { network: "::", prefix: 96, label: "unspecified, loopback or IPv4-compatible" },
  { network: "64:ff9b::", prefix: 96, label: "NAT64 (embeds an IPv4 address)" },
  { network: "64:ff9b:1::", prefix: 48, label: "NAT64 (embeds an IPv4 address)" },
  { network: "100::", prefix: 64, label: "discard" },
  { network: "2001:db8::", prefix: 32, label: "documentation" },
  { network: "2002::", prefix: 16, label: "6to4 (embeds an IPv4 address)" },
  { network: "fc00::", prefix: 7, label: "unique local (private)" },
  { network: "fe80::", prefix: 10, label: "link-local" },
  { network: "ff00::", prefix: 8, label: "multicast" },
];

const lists = [
  ...IPV4_RANGES.map((range) => ({ range, family: "ipv4" as const })),
  ...IPV6_RANGES.map((range) => ({ range, family: "ipv6" as const })),
].map(({ range, family }) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, family);
  return { list, label: range.label };
});

/**
 * The kind of special-purpose range `address` lies in ("loopback", "private", …), or undefined for
 * a public address. Anything that is not an IP address at all counts as refused.
 */
export function refusedRange(address: string): string | undefined {
  const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
  if (family === undefined) return "not an IP address";
  return lists.find(({ list }) => list.check(address, family))?.label;
}

/** True when `address` lies in `network/prefix` (the sandbox network's subnet, for client checks). */
export function inSubnet(address: string, subnet: { network: string; prefix: number }): boolean {
  const family = isIPv4(subnet.network) ? "ipv4" : "ipv6";
  const list = new BlockList();
  list.addSubnet(subnet.network, subnet.prefix, family);
  const plain = isIPv4(address) || isIPv6(address);
  return plain && list.check(address, isIPv4(address) ? "ipv4" : "ipv6");
}
