import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import { matchAllowlist, parseAllowRule, parseAllowlist } from "./egress-allowlist.js";
import type { Target } from "./egress-target.js";

const name = (host: string, port: number): Target => ({ host, port, kind: "name" });
const ip = (host: string, port: number): Target => ({ host, port, kind: "ip" });

function allows(patterns: string[], target: Target): string | undefined {
  return matchAllowlist(parseAllowlist(patterns), target)?.pattern;
}

describe("parseAllowRule", () => {
  it("reads names, wildcards, IP literals and ports", () => {
    expect(parseAllowRule("Packages.Example.org")).toEqual({
      pattern: "Packages.Example.org",
      kind: "name",
      host: "packages.example.org",
      port: undefined,
    });
    expect(parseAllowRule("*.example.com:8443")).toEqual({
      pattern: "*.example.com:8443",
      kind: "wildcard",
      host: "example.com",
      port: 8443,
    });
    expect(parseAllowRule("10.0.0.5:8081")).toMatchObject({ kind: "ip", host: "10.0.0.5", port: 8081 });
    expect(parseAllowRule("[2001:DB8::1]")).toMatchObject({
      kind: "ip",
      host: "2001:db8::1",
      port: undefined,
    });
  });

  it("refuses entries that are not hosts, with the accepted forms in the message", () => {
    for (const bad of [
      "",
      "*",
      "*.",
      "**.example.com",
      "example.com:0",
      "example.com:99999",
      "http://example.com",
      "*.10.0.0.5",
      "a b",
    ]) {
      expect(() => parseAllowRule(bad), bad).toThrow(ConfigurationError);
    }
    expect(() => parseAllowRule("exa mple.com")).toThrow(/"\*\.example\.com"/);
  });
});

describe("matchAllowlist", () => {
  it("matches an exact name on 80 and 443 only when no port is given", () => {
    expect(allows(["example.com"], name("example.com", 443))).toBe("example.com");
    expect(allows(["example.com"], name("example.com", 80))).toBe("example.com");
    expect(allows(["example.com"], name("example.com", 22))).toBeUndefined();
    expect(allows(["example.com"], name("www.example.com", 443))).toBeUndefined();
    expect(allows(["example.com"], name("example.com.evil.org", 443))).toBeUndefined();
  });

  it("matches only the given port when a pattern has one", () => {
    expect(allows(["example.com:8443"], name("example.com", 8443))).toBe("example.com:8443");
    expect(allows(["example.com:8443"], name("example.com", 443))).toBeUndefined();
  });

  it("matches subdomains at any depth for a wildcard, never the apex or look-alikes", () => {
    const patterns = ["*.example.com"];
    expect(allows(patterns, name("a.example.com", 443))).toBe("*.example.com");
    expect(allows(patterns, name("a.b.example.com", 80))).toBe("*.example.com");
    expect(allows(patterns, name("example.com", 443))).toBeUndefined();
    expect(allows(patterns, name("badexample.com", 443))).toBeUndefined();
    expect(allows(patterns, name("example.com.evil.org", 443))).toBeUndefined();
  });

  it("never lets an IP literal through a name pattern, nor a name through an IP pattern", () => {
    expect(allows(["*.example.com", "example.com"], ip("93.184.216.34", 443))).toBeUndefined();
    expect(allows(["169.254.169.254"], name("metadata.google.internal", 80))).toBeUndefined();
  });

  it("matches IP literals only when listed literally", () => {
    expect(allows(["10.0.0.5:8081"], ip("10.0.0.5", 8081))).toBe("10.0.0.5:8081");
    expect(allows(["10.0.0.5:8081"], ip("10.0.0.6", 8081))).toBeUndefined();
    expect(allows(["10.0.0.5"], ip("10.0.0.5", 8081))).toBeUndefined();
  });

  it("returns the first pattern that matches", () => {
    expect(allows(["x.org", "*.example.com", "a.example.com"], name("a.example.com", 443))).toBe(
      "*.example.com",
    );
  });

  it("allows nothing with an empty list", () => {
    expect(allows([], name("example.com", 443))).toBeUndefined();
  });
});
