import { describe, expect, it } from "vitest";
import { formatTarget, normaliseHost, parseConnectTarget, parseHttpTarget } from "./egress-target.js";

describe("normaliseHost", () => {
  it("lower-cases names and drops one trailing dot", () => {
    expect(normaliseHost("Packages.Example.org.")).toEqual({ host: "packages.example.org", kind: "name" });
  });

  it("turns every IPv4 spelling into dotted decimal, so literals cannot hide behind numbers", () => {
    expect(normaliseHost("2852039166")).toEqual({ host: "169.254.169.254", kind: "ip" });
    expect(normaliseHost("0x7f.1")).toEqual({ host: "127.0.0.1", kind: "ip" });
    expect(normaliseHost("0251.0376.0251.0376")).toEqual({ host: "169.254.169.254", kind: "ip" });
  });

  it("unbrackets and compresses IPv6 literals", () => {
    expect(normaliseHost("[0:0:0:0:0:0:0:1]")).toEqual({ host: "::1", kind: "ip" });
    expect(normaliseHost("[::FFFF:127.0.0.1]")).toEqual({ host: "::ffff:7f00:1", kind: "ip" });
  });

  it("refuses text that is not a host", () => {
    for (const raw of [
      "",
      "a b",
      "user@example.com",
      "example.com/x",
      "ex%61mple.com",
      "-bad-.com",
      "a..b",
      "::1",
      "[fe80::1%eth0]",
    ]) {
      expect(normaliseHost(raw), raw).toBeUndefined();
    }
    expect(normaliseHost(`${"a".repeat(60)}.`.repeat(5))).toBeUndefined();
  });
});

describe("parseConnectTarget", () => {
  it("reads host and port", () => {
    expect(parseConnectTarget("registry.example.com:443")).toEqual({
      ok: true,
      target: { host: "registry.example.com", port: 443, kind: "name" },
    });
    expect(parseConnectTarget("[2001:db8::1]:8443")).toEqual({
      ok: true,
      target: { host: "2001:db8::1", port: 8443, kind: "ip" },
    });
  });

  it("defaults to 443 without a port", () => {
    expect(parseConnectTarget("example.com")).toMatchObject({ ok: true, target: { port: 443 } });
  });

  it("refuses bad ports and malformed authorities with a reason", () => {
    for (const bad of [
      "example.com:0",
      "example.com:65536",
      "example.com:",
      "a:b:c",
      "/path",
      "example.com:80/x",
      "",
    ]) {
      const parsed = parseConnectTarget(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.reason).not.toBe("");
    }
  });
});

describe("parseHttpTarget", () => {
  it("reads host, default port 80, path with query and the Host header", () => {
    expect(parseHttpTarget("http://Example.com/simple/pkg/?a=1")).toEqual({
      ok: true,
      target: {
        host: "example.com",
        port: 80,
        kind: "name",
        path: "/simple/pkg/?a=1",
        hostHeader: "example.com",
      },
    });
    expect(parseHttpTarget("http://10.0.0.5:8081/x")).toMatchObject({
      ok: true,
      target: { host: "10.0.0.5", port: 8081, kind: "ip", hostHeader: "10.0.0.5:8081" },
    });
  });

  it("normalises numeric hosts in URLs too", () => {
    expect(parseHttpTarget("http://2852039166/latest/meta-data/")).toMatchObject({
      ok: true,
      target: { host: "169.254.169.254", kind: "ip", port: 80 },
    });
  });

  it("refuses origin-form targets (a client that does not know it talks to a proxy)", () => {
    const parsed = parseHttpTarget("/index.html");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/absolute http/);
  });

  it("refuses other schemes: https goes through CONNECT", () => {
    for (const url of ["https://example.com/", "ftp://example.com/", "file:///etc/passwd"]) {
      const parsed = parseHttpTarget(url);
      expect(parsed.ok, url).toBe(false);
    }
  });
});

describe("formatTarget", () => {
  it("brackets IPv6 hosts", () => {
    expect(formatTarget({ host: "::1", port: 80 })).toBe("[::1]:80");
    expect(formatTarget({ host: "example.com", port: 443 })).toBe("example.com:443");
  });
});
