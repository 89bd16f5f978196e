import { describe, expect, it } from "vitest";
import { egressNetworkName, readAddressing } from "./egress-network.js";

describe("readAddressing", () => {
  it("reads Docker's IPAM config", () => {
    const json = JSON.stringify([
      {
        Name: "n",
        Id: "ceca56325e6a0123456789",
        Internal: true,
        IPAM: { Driver: "default", Config: [{ Subnet: "172.22.0.0/16", Gateway: "172.22.0.1" }] },
      },
    ]);
    expect(readAddressing(json)).toEqual({
      gateway: "172.22.0.1",
      subnet: { network: "172.22.0.0", prefix: 16 },
      bridge: "br-ceca56325e6a",
    });
  });

  it("reads Podman's subnets", () => {
    const json = JSON.stringify([
      {
        name: "n",
        network_interface: "podman3",
        subnets: [{ subnet: "10.89.0.0/24", gateway: "10.89.0.1" }],
      },
    ]);
    expect(readAddressing(json)).toEqual({
      gateway: "10.89.0.1",
      subnet: { network: "10.89.0.0", prefix: 24 },
      bridge: "podman3",
    });
  });

  it("skips IPv6 subnets and defaults the gateway to the first host address", () => {
    const json = JSON.stringify([
      { IPAM: { Config: [{ Subnet: "fd00::/64" }, { Subnet: "172.30.0.0/16" }] } },
    ]);
    expect(readAddressing(json)).toEqual({
      gateway: "172.30.0.1",
      subnet: { network: "172.30.0.0", prefix: 16 },
      bridge: undefined,
    });
  });

  it("takes a bridge name set by option, and refuses names that cannot be interfaces", () => {
    const config = { Config: [{ Subnet: "172.30.0.0/16", Gateway: "172.30.0.1" }] };
    const named = [{ Id: "abc", Options: { "com.docker.network.bridge.name": "lh0" }, IPAM: config }];
    expect(readAddressing(JSON.stringify(named))?.bridge).toBe("lh0");
    const odd = [{ network_interface: "x; rm -rf /", IPAM: config }];
    expect(readAddressing(JSON.stringify(odd))?.bridge).toBeUndefined();
  });

  it("returns undefined for output it cannot read", () => {
    expect(readAddressing("not json")).toBeUndefined();
    expect(readAddressing("[]")).toBeUndefined();
    expect(readAddressing(JSON.stringify([{ IPAM: { Config: [] } }]))).toBeUndefined();
  });
});

describe("egressNetworkName", () => {
  it("keeps only characters network names allow", () => {
    expect(egressNetworkName("pr 12/run:3", "a1b2c3")).toBe("loophole-pr-12-run-3-net-a1b2c3");
    expect(egressNetworkName("", "x")).toBe("loophole-run-net-x");
  });
});
