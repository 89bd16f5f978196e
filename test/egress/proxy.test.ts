/**
 * The egress proxy on its own, over real sockets on 127.0.0.1: what it forwards, what it refuses,
 * and how it copes with bad clients. Names resolve through a fixed table (no DNS needed), and the
 * proxies that must reach the loopback upstream by NAME are given a range check that allows it;
 * the rebinding test uses the real one.
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllowlist } from "../../src/sandbox/egress-allowlist.js";
import {
  startEgressProxy,
  type EgressProxy,
  type EgressProxyOptions,
} from "../../src/sandbox/egress-proxy.js";
import { exchange, startUpstream, type Upstream } from "./support.js";

const LOCAL = "127.0.0.1";
const names: Record<string, string[]> = {
  "pkg.test": [LOCAL],
  "a.wild.test": [LOCAL],
  "rebind.test": [LOCAL],
};
const resolve = (host: string): Promise<string[]> => {
  const found = names[host];
  return found === undefined ? Promise.reject(new Error("ENOTFOUND")) : Promise.resolve(found);
};

let upstream: Upstream;
let closedPort: number;
const proxies: EgressProxy[] = [];

async function proxy(patterns: string[], options: Partial<EgressProxyOptions> = {}): Promise<EgressProxy> {
  const started = await startEgressProxy({
    listenHost: LOCAL,
    rules: parseAllowlist(patterns),
    resolve,
    refusedRange: () => undefined,
    ...options,
  });
  proxies.push(started);
  return started;
}

/** Opens a CONNECT tunnel and resolves once the proxy answered 200, with the socket still open. */
function openTunnel(port: number, target: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: LOCAL, port });
    socket.once("connect", () => socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
    socket.once("data", (chunk: Buffer) => {
      if (chunk.toString("utf8").startsWith("HTTP/1.1 200")) resolve(socket);
      else reject(new Error(chunk.toString("utf8")));
    });
    socket.once("error", reject);
  });
}

function closes(socket: Socket, withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) {
      resolve(true);
      return;
    }
    const timer = setTimeout(() => resolve(false), withinMs);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

beforeAll(async () => {
  upstream = await startUpstream(LOCAL);
  // A port nothing listens on: take one, then close it.
  const spare = await startUpstream(LOCAL);
  closedPort = spare.port;
  await spare[Symbol.asyncDispose]();
});

afterAll(async () => {
  for (const started of proxies) await started[Symbol.asyncDispose]();
  await upstream[Symbol.asyncDispose]();
});

describe("the egress proxy", () => {
  it("forwards a plain request to an allowed name, dialling the checked address, without proxy headers", async () => {
    const p = await proxy([`pkg.test:${upstream.port}`]);
    const answer = await exchange(
      LOCAL,
      p.port,
      `GET http://pkg.test:${upstream.port}/simple/?x=1 HTTP/1.1\r\nHost: pkg.test:${upstream.port}\r\nProxy-Authorization: Basic c2VjcmV0\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.text).toContain("hello from upstream /simple/?x=1");
    expect(upstream.seen.at(-1)).toEqual({
      line: "GET /simple/?x=1",
      host: `pkg.test:${upstream.port}`,
      via: undefined,
    });
    expect(p.log()).toEqual({
      allowed: [{ host: "pkg.test", port: upstream.port, count: 1 }],
      denied: [],
      omitted: 0,
    });
  });

  it("opens a CONNECT tunnel to an allowed wildcard name and passes bytes both ways", async () => {
    const p = await proxy([`*.wild.test:${upstream.port}`]);
    const answer = await exchange(
      LOCAL,
      p.port,
      `CONNECT a.wild.test:${upstream.port} HTTP/1.1\r\nHost: a.wild.test\r\n\r\nGET /through-tunnel HTTP/1.0\r\n\r\n`,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 200 Connection Established\r\n\r\nHTTP\/1\.1 200 /);
    expect(answer.text).toContain("hello from upstream /through-tunnel");
    expect(answer.closed).toBe(true);
    expect(p.log().allowed).toEqual([{ host: "a.wild.test", port: upstream.port, count: 1 }]);
  });

  it("refuses an unlisted host with 403, says how to allow it, and logs it", async () => {
    const p = await proxy([`pkg.test:${upstream.port}`]);
    const before = upstream.seen.length;
    const plain = await exchange(LOCAL, p.port, "GET http://evil.test/x HTTP/1.1\r\nHost: evil.test\r\n\r\n");
    const tunnel = await exchange(LOCAL, p.port, "CONNECT evil.test:443 HTTP/1.1\r\nHost: evil.test\r\n\r\n");
    const again = await exchange(LOCAL, p.port, "CONNECT evil.test:443 HTTP/1.1\r\nHost: evil.test\r\n\r\n");
    for (const answer of [plain, tunnel, again]) {
      expect(answer.text).toMatch(/^HTTP\/1\.1 403 /);
      expect(answer.text).toContain('add "evil.test" to "sandbox.network"');
    }
    expect(upstream.seen.length).toBe(before);
    expect(p.log().denied).toEqual([
      { host: "evil.test", port: 80, count: 1, reason: "evil.test:80 is not on the allowlist" },
      { host: "evil.test", port: 443, count: 2, reason: "evil.test:443 is not on the allowlist" },
    ]);
  });

  it("refuses the cloud metadata address, however it is spelled", async () => {
    const p = await proxy(["*.amazonaws.com", "metadata.google.internal"]);
    const plain = await exchange(
      LOCAL,
      p.port,
      "GET http://169.254.169.254/latest/meta-data/ HTTP/1.1\r\nHost: x\r\n\r\n",
    );
    const numeric = await exchange(LOCAL, p.port, "CONNECT 2852039166:80 HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(plain.text).toMatch(/^HTTP\/1\.1 403 /);
    expect(numeric.text).toMatch(/^HTTP\/1\.1 403 /);
    expect(p.log().denied.map((entry) => `${entry.host}:${entry.port}:${entry.count}`)).toEqual([
      "169.254.169.254:80:2",
    ]);
  });

  it("refuses an allowed name that resolves to loopback (real range check)", async () => {
    const p = await proxy([`rebind.test:${upstream.port}`], { refusedRange: undefined });
    const before = upstream.seen.length;
    const answer = await exchange(
      LOCAL,
      p.port,
      `GET http://rebind.test:${upstream.port}/ HTTP/1.1\r\nHost: rebind.test\r\n\r\n`,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer.text).toContain("resolves to 127.0.0.1 (loopback)");
    expect(answer.text).not.toContain("To allow it");
    expect(upstream.seen.length).toBe(before);
  });

  it("answers malformed and origin-form requests with 400 and keeps serving", async () => {
    const p = await proxy([`pkg.test:${upstream.port}`]);
    const garbage = await exchange(LOCAL, p.port, "\x00\x01 not http at all\r\n\r\n");
    const origin = await exchange(LOCAL, p.port, "GET /relative HTTP/1.1\r\nHost: pkg.test\r\n\r\n");
    const badConnect = await exchange(LOCAL, p.port, "CONNECT pkg.test:99999 HTTP/1.1\r\nHost: x\r\n\r\n");
    const huge = await exchange(
      LOCAL,
      p.port,
      `GET http://pkg.test/ HTTP/1.1\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`,
    );
    expect(garbage.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(origin.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(origin.text).toContain("absolute http:// URL");
    expect(badConnect.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(huge.text).toMatch(/^HTTP\/1\.1 431 /);
    const fine = await exchange(
      LOCAL,
      p.port,
      `GET http://pkg.test:${upstream.port}/still HTTP/1.1\r\nHost: pkg.test\r\nConnection: close\r\n\r\n`,
    );
    expect(fine.text).toContain("hello from upstream /still");
  });

  it("answers 502 when an allowed destination does not accept connections", async () => {
    const p = await proxy([`127.0.0.1:${closedPort}`]);
    const tunnel = await exchange(
      LOCAL,
      p.port,
      `CONNECT 127.0.0.1:${closedPort} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    const plain = await exchange(
      LOCAL,
      p.port,
      `GET http://127.0.0.1:${closedPort}/ HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(tunnel.text).toMatch(/^HTTP\/1\.1 502 /);
    expect(plain.text).toMatch(/^HTTP\/1\.1 502 /);
    expect(p.log().allowed).toEqual([{ host: LOCAL, port: closedPort, count: 2 }]);
  });

  it("drops clients from outside the sandbox network without answering", async () => {
    const p = await proxy([`pkg.test:${upstream.port}`], {
      clientSubnet: { network: "10.0.0.0", prefix: 8 },
    });
    const answer = await exchange(
      LOCAL,
      p.port,
      `GET http://pkg.test:${upstream.port}/ HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(answer).toEqual({ text: "", closed: true });
    expect(p.log()).toEqual({ allowed: [], denied: [], omitted: 0 });
  });

  it("bounds the number of connections", async () => {
    const p = await proxy([`pkg.test:${upstream.port}`], { maxConnections: 2 });
    const held = [
      await openTunnel(p.port, `pkg.test:${upstream.port}`),
      await openTunnel(p.port, `pkg.test:${upstream.port}`),
    ];
    const third = await exchange(
      LOCAL,
      p.port,
      `CONNECT pkg.test:${upstream.port} HTTP/1.1\r\nHost: x\r\n\r\n`,
      2_000,
    );
    expect(third).toEqual({ text: "", closed: true });
    for (const socket of held) socket.destroy();
  });

  it("closes a tunnel that stays idle", async () => {
    const p = await proxy([`pkg.test:${upstream.port}`], { idleTimeoutMs: 300 });
    const tunnel = await openTunnel(p.port, `pkg.test:${upstream.port}`);
    expect(await closes(tunnel, 3_000)).toBe(true);
  });

  it("closes open tunnels and stops listening on dispose, keeping its log readable", async () => {
    const p = await startEgressProxy({
      listenHost: LOCAL,
      rules: parseAllowlist([`pkg.test:${upstream.port}`]),
      resolve,
      refusedRange: () => undefined,
    });
    const tunnel = await openTunnel(p.port, `pkg.test:${upstream.port}`);
    await p[Symbol.asyncDispose]();
    expect(await closes(tunnel, 2_000)).toBe(true);
    const after = await exchange(LOCAL, p.port, "GET http://pkg.test/ HTTP/1.1\r\n\r\n", 2_000);
    expect(after).toEqual({ text: "", closed: true });
    expect(p.log().allowed).toEqual([{ host: "pkg.test", port: upstream.port, count: 1 }]);
  });
});
