import { describe, expect, it } from "vitest";
import { inSubnet, refusedRange } from "./egress-address.js";

describe("refusedRange", () => {
  it("names the ranges a host name must not resolve into", () => {
    expect(refusedRange("127.0.0.1")).toBe("loopback");
    expect(refusedRange("169.254.169.254")).toBe("link-local (cloud metadata)");
    expect(refusedRange("10.1.2.3")).toBe("private");
    expect(refusedRange("172.20.0.1")).toBe("private");
    expect(refusedRange("192.168.1.1")).toBe("private");
    expect(refusedRange("100.100.100.200")).toBe("shared (carrier-grade NAT)");
    expect(refusedRange("0.0.0.0")).toBe("this-network");
    expect(refusedRange("224.0.0.1")).toBe("multicast");
  });

  it("refuses IPv6 loopback, link-local, unique-local and IPv4 hidden in IPv6", () => {
    expect(refusedRange("::1")).toBeDefined();
    expect(refusedRange("fe80::1")).toBe("link-local");
    expect(refusedRange("fd00:ec2::254")).toBe("unique local (private)");
    expect(refusedRange("::ffff:169.254.169.254")).toBe("link-local (cloud metadata)");
    expect(refusedRange("::ffff:7f00:1")).toBe("loopback");
    expect(refusedRange("64:ff9b::a9fe:a9fe")).toMatch(/NAT64/);
    expect(refusedRange("2002:a9fe:a9fe::1")).toMatch(/6to4/);
  });

  it("lets public addresses through", () => {
    for (const address of ["93.184.216.34", "151.101.0.223", "172.32.0.1", "2606:4700::6810:84e5"]) {
      expect(refusedRange(address), address).toBeUndefined();
    }
  });

  it("treats anything that is not an address as refused", () => {
    expect(refusedRange("example.com")).toBe("not an IP address");
  });
});

describe("inSubnet", () => {
  const subnet = { network: "172.22.0.0", prefix: 16 };
  it("accepts addresses of the subnet, also IPv4-mapped", () => {
    expect(inSubnet("172.22.0.2", subnet)).toBe(true);
    expect(inSubnet("::ffff:172.22.3.4", subnet)).toBe(true);
  });
  it("refuses other networks and junk", () => {
    expect(inSubnet("172.23.0.2", subnet)).toBe(false);
    expect(inSubnet("", subnet)).toBe(false);
  });
});
