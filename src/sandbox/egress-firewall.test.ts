import { describe, expect, it } from "vitest";
import { firewallRules } from "./egress-firewall.js";

describe("firewallRules", () => {
  it("drops everything from the bridge except TCP to the proxy, the ACCEPT inserted last so it comes first", () => {
    const rules = firewallRules({ iface: "br-1234", gateway: "172.22.0.1", proxyPort: 40123, tag: "net-a" });
    expect(rules).toEqual([
      ["-i", "br-1234", "-m", "comment", "--comment", "loophole egress net-a", "-j", "DROP"],
      [
        "-i",
        "br-1234",
        "-d",
        "172.22.0.1",
        "-p",
        "tcp",
        "--dport",
        "40123",
        "-m",
        "comment",
        "--comment",
        "loophole egress net-a",
        "-j",
        "ACCEPT",
      ],
    ]);
  });
});
