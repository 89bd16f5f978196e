import { describe, expect, it } from "vitest";
import { refusedRange } from "./egress-address.js";
import { parseAllowlist } from "./egress-allowlist.js";
import { decide, type PolicyOptions } from "./egress-policy.js";
import type { Target } from "./egress-target.js";

/** A resolver from a fixed table; it counts lookups, so tests can see a refused request never resolved. */
function table(entries: Record<string, string[]>): PolicyOptions["resolve"] & { lookups: string[] } {
  const lookups: string[] = [];
  const resolve = (host: string): Promise<string[]> => {
    lookups.push(host);
    const found = entries[host];
    return found === undefined ? Promise.reject(new Error("ENOTFOUND")) : Promise.resolve(found);
  };
  return Object.assign(resolve, { lookups });
}

const policy = (patterns: string[], resolve: PolicyOptions["resolve"]): PolicyOptions => ({
  rules: parseAllowlist(patterns),
  resolve,
  refusedRange,
});

const name = (host: string, port = 443): Target => ({ host, port, kind: "name" });

describe("decide", () => {
  it("allows a listed name and connects to the address it resolved to", async () => {
    const resolve = table({ "packages.example.org": ["151.101.0.223", "151.101.64.223"] });
    expect(await decide(name("packages.example.org"), policy(["packages.example.org"], resolve))).toEqual({
      allowed: true,
      address: "151.101.0.223",
      rule: "packages.example.org",
    });
  });

  it("refuses an unlisted name without resolving it (no DNS query leaves for it)", async () => {
    const resolve = table({ "evil.example": ["203.0.114.1"] });
    const decision = await decide(name("evil.example"), policy(["packages.example.org"], resolve));
    expect(decision).toMatchObject({ allowed: false, listed: false });
    if (!decision.allowed) expect(decision.reason).toBe("evil.example:443 is not on the allowlist");
    expect(resolve.lookups).toEqual([]);
  });

  it("refuses a listed name that resolves to loopback, metadata or private addresses (DNS rebinding)", async () => {
    for (const address of ["127.0.0.1", "169.254.169.254", "10.0.0.7", "::1"]) {
      const decision = await decide(
        name("packages.example.org"),
        policy(["packages.example.org"], table({ "packages.example.org": [address] })),
      );
      expect(decision, address).toMatchObject({ allowed: false, listed: true });
      if (!decision.allowed) expect(decision.reason).toContain(`resolves to ${address}`);
    }
  });

  it("skips refused addresses when a public one is among the answers", async () => {
    const resolve = table({ "mirror.example": ["10.0.0.7", "151.101.0.223"] });
    expect(await decide(name("mirror.example"), policy(["mirror.example"], resolve))).toMatchObject({
      allowed: true,
      address: "151.101.0.223",
    });
  });

  it("refuses a name that does not resolve, saying so", async () => {
    const decision = await decide(name("gone.example"), policy(["gone.example"], table({})));
    expect(decision).toMatchObject({ allowed: false, listed: true });
    if (!decision.allowed) expect(decision.reason).toMatch(/does not resolve: ENOTFOUND/);
  });

  it("allows a literally listed IP, even a private one, without resolving anything", async () => {
    const resolve = table({});
    const target: Target = { host: "10.0.0.5", port: 8081, kind: "ip" };
    expect(await decide(target, policy(["10.0.0.5:8081"], resolve))).toEqual({
      allowed: true,
      address: "10.0.0.5",
      rule: "10.0.0.5:8081",
    });
    expect(resolve.lookups).toEqual([]);
  });

  it("refuses the metadata address when it is not listed, pointing at literal listing", async () => {
    const target: Target = { host: "169.254.169.254", port: 80, kind: "ip" };
    const decision = await decide(target, policy(["*.amazonaws.com"], table({})));
    expect(decision).toMatchObject({ allowed: false, listed: false });
    if (!decision.allowed) expect(decision.reason).toMatch(/allowed only when listed literally/);
  });
});
