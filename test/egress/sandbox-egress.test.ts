/**
 * Sandbox sessions with a network allowlist on the real Docker engine: the container reaches an
 * allowed upstream only through the proxy, everything else (denied hosts, the metadata address,
 * other networks, DNS, host services when the firewall applies) stays out of reach, and dispose
 * leaves nothing behind.
 *
 * The upstream runs on the host. The proxy refuses names that resolve to loopback, so the contract
 * lists the upstream by IP literal (127.0.0.1:<port>), which is the documented way to allow one.
 */
import { readFile } from "node:fs/promises";
import { connect, isIPv4 } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir, type TempDir } from "../../src/core/temp-dir.js";
import { ContainerCli } from "../../src/sandbox/docker.js";
import { createEgressNetwork } from "../../src/sandbox/egress-network.js";
import { LABEL_RUN, type SandboxSession } from "../../src/sandbox/types.js";
import { BUSYBOX_IMAGE } from "../support/images.js";
import { containersOfRun, sessionSpec, uniqueRunId } from "../sandbox/spec.js";
import { exchange, proxyAddress, startUpstream, viaProxy, type Upstream } from "./support.js";

const runtime = new ContainerCli("docker");
const runId = uniqueRunId("egress");
const isRoot = process.getuid?.() === 0;

let workspace: TempDir;
let upstream: Upstream;
let session: SandboxSession;
let outsideContainer: string;
let outsideAddress: string;

async function docker(args: string[]): Promise<string> {
  const result = await runCaptured("docker", args, { timeoutMs: 60_000 });
  if (result.exitCode !== 0) throw new Error(`docker ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.toString("utf8").trim();
}

async function networksOfRun(id: string): Promise<string[]> {
  const listed = await docker(["network", "ls", "--quiet", "--filter", `label=${LABEL_RUN}=${id}`]);
  return listed === "" ? [] : listed.split("\n");
}

beforeAll(async () => {
  workspace = await createTempDir("ws");
  // On all addresses: it stands in for a host service too (see "host services" below).
  upstream = await startUpstream("0.0.0.0");
  // A host outside the sandbox network that anyone on the default bridge can reach.
  outsideContainer = await docker([
    "run",
    "--detach",
    "--rm",
    "--label",
    `${LABEL_RUN}=${runId}-outside`,
    "--entrypoint",
    "/bin/sh",
    BUSYBOX_IMAGE,
    "-c",
    "nc -ll -p 8080 -e /bin/echo outside-reached",
  ]);
  outsideAddress = await docker(["inspect", "--format", "{{.NetworkSettings.IPAddress}}", outsideContainer]);
  await runtime.ensureImage(BUSYBOX_IMAGE);
  session = await runtime.startSession(
    sessionSpec(workspace.path, runId, { network: [`127.0.0.1:${upstream.port}`, "*.allowed.example"] }),
  );
});

afterAll(async () => {
  await session[Symbol.asyncDispose]();
  await runCaptured("docker", ["rm", "--force", outsideContainer]);
  await upstream[Symbol.asyncDispose]();
  await workspace[Symbol.asyncDispose]();
});

describe("a sandbox with a network allowlist", () => {
  it("points the proxy variables at the gateway of its own network", async () => {
    const result = await session.exec('echo "$HTTP_PROXY|$HTTPS_PROXY|$http_proxy|$https_proxy|$NO_PROXY"');
    const [proxy, ...rest] = result.output.trim().split("|");
    expect(proxy).toMatch(/^http:\/\/[\d.]+:\d+$/);
    expect(rest).toEqual([proxy, proxy, proxy, "localhost,127.0.0.1"]);
    const [id] = await containersOfRun(runId);
    const networks = await docker([
      "inspect",
      "--format",
      "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}",
      id ?? "",
    ]);
    expect(networks.trim()).toMatch(/^loophole-test-egress-[0-9a-f]+-net-[0-9a-f]{6}$/);
  });

  it("reaches an allowed host through the proxy with a plain HTTP request", async () => {
    const result = await session.exec(
      viaProxy(`GET http://127.0.0.1:${upstream.port}/via-proxy HTTP/1.0\\r\\n\\r\\n`),
    );
    expect(result.output).toMatch(/^HTTP\/1\.1 200 /);
    expect(result.output).toContain("hello from upstream /via-proxy");
  });

  it("reaches an allowed host through a CONNECT tunnel", async () => {
    const target = `127.0.0.1:${upstream.port}`;
    const result = await session.exec(
      viaProxy(
        `CONNECT ${target} HTTP/1.1\\r\\nHost: ${target}\\r\\n\\r\\nGET /tunnelled HTTP/1.0\\r\\n\\r\\n`,
      ),
    );
    expect(result.output).toContain("HTTP/1.1 200 Connection Established");
    expect(result.output).toContain("hello from upstream /tunnelled");
    expect(session.networkLog?.().allowed).toContainEqual({
      host: "127.0.0.1",
      port: upstream.port,
      count: expect.any(Number) as number,
    });
  });

  it("refuses a host that is not listed with 403 and logs it as denied", async () => {
    const result = await session.exec(
      viaProxy("CONNECT denied.example.com:443 HTTP/1.1\\r\\nHost: denied.example.com\\r\\n\\r\\n"),
    );
    expect(result.output).toMatch(/^HTTP\/1\.1 403 /);
    expect(result.output).toContain('add "denied.example.com" to "sandbox.network"');
    expect(session.networkLog?.().denied).toContainEqual(
      expect.objectContaining({ host: "denied.example.com", port: 443, count: 1 }),
    );
  });

  it("refuses the cloud metadata address through the proxy, and there is no direct route to it", async () => {
    const proxied = await session.exec(
      viaProxy("GET http://169.254.169.254/latest/meta-data/ HTTP/1.0\\r\\n\\r\\n"),
    );
    expect(proxied.output).toMatch(/^HTTP\/1\.1 403 /);
    expect(session.networkLog?.().denied).toContainEqual(
      expect.objectContaining({ host: "169.254.169.254", port: 80 }),
    );
    const direct = await session.exec("{ sleep 1; } | nc -w 3 169.254.169.254 80; echo rc=$?");
    expect(direct.output).toContain("rc=1");
  });

  it("is on an internal network", async () => {
    const [id] = await containersOfRun(runId);
    const network = await docker([
      "inspect",
      "--format",
      "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}",
      id ?? "",
    ]);
    expect(await docker(["network", "inspect", "--format", "{{.Internal}}", network])).toBe("true");
  });

  it("cannot connect directly to a container on another network", async () => {
    // The outside server answers anyone who can reach it: the host can.
    const fromHost = await exchange(outsideAddress, 8080, "", 3_000);
    expect(fromHost.text).toContain("outside-reached");
    const fromSandbox = await session.exec(`{ sleep 1; } | nc -w 3 ${outsideAddress} 8080; echo rc=$?`);
    expect(fromSandbox.output).not.toContain("outside-reached");
    expect(fromSandbox.output).toContain("rc=1");
  });

  it("cannot connect directly to addresses beyond the host that an ordinary container reaches", async () => {
    const candidates = await outsideCandidates();
    const reached = [];
    for (const candidate of candidates) {
      // An answer of any kind (accepted or refused) means packets got there and back.
      const plain = await docker([
        "run",
        "--rm",
        "--network",
        "bridge",
        BUSYBOX_IMAGE,
        "sh",
        "-c",
        probe(candidate),
      ]);
      if (/rc=0|refused/i.test(plain)) reached.push(candidate);
    }
    // Some outside address answers on every machine the tests run on (a resolver, a gateway).
    expect(reached, `none of ${candidates.join(", ")} answers an ordinary container`).not.toEqual([]);
    for (const candidate of reached) {
      const fromSandbox = await session.exec(probe(candidate));
      expect(fromSandbox.output, candidate).toContain("rc=1");
      expect(fromSandbox.output, candidate).not.toMatch(/refused/i);
    }
  });

  it("resolves no names inside: DNS goes to an address where nothing answers", async () => {
    const lookup = await session.exec("nslookup example.com; echo rc=$?");
    expect(lookup.output).toContain("rc=1");
    expect(lookup.output).not.toMatch(/Name:\s+example\.com/);
    const [id] = await containersOfRun(runId);
    expect(await docker(["inspect", "--format", "{{json .HostConfig.Dns}}", id ?? ""])).toBe('["127.0.0.1"]');
    const resolvConf = await session.exec("grep ^nameserver /etc/resolv.conf");
    for (const line of resolvConf.output.trim().split("\n"))
      expect(line).toMatch(/^nameserver 127\.0\.0\.\d+$/);
  });

  it(`host services on all addresses are ${isRoot ? "not " : ""}reachable directly (firewall rules apply as root only)`, async () => {
    const { host } = await proxyAddress(session);
    const direct = await session.exec(
      `{ printf 'GET /direct HTTP/1.0\\r\\n\\r\\n'; sleep 2; } | nc -w 3 ${host} ${upstream.port}; echo rc=$?`,
    );
    if (isRoot) expect(direct.output).not.toContain("hello from upstream /direct");
    else expect(direct.output).toContain("hello from upstream /direct");
  });
});

describe("sandbox network lifecycle", () => {
  it("removes the network, the proxy and the firewall rules on dispose", async () => {
    await using ws = await createTempDir("ws");
    const id = uniqueRunId("egress-dispose");
    // `await using` as well: a failed expectation must not leave the network behind.
    await using own = await runtime.startSession(sessionSpec(ws.path, id, { network: ["example.org"] }));
    const { host, port } = await proxyAddress(own);
    const [network] = await networksOfRun(id);
    expect(network).toBeDefined();
    const networkName = await docker(["network", "inspect", "--format", "{{.Name}}", network ?? ""]);
    if (isRoot) expect(await iptablesInput()).toContain(`loophole egress ${networkName}`);
    // The host's own connections to the gateway come from the gateway address, inside the subnet.
    const before = await exchange(host, port, "GET http://not-listed.example/ HTTP/1.0\r\n\r\n", 3_000);
    expect(before.text).toMatch(/^HTTP\/1\.1 403 /);
    await own[Symbol.asyncDispose]();
    expect(await networksOfRun(id)).toEqual([]);
    expect(await containersOfRun(id)).toEqual([]);
    if (isRoot) expect(await iptablesInput()).not.toContain(networkName);
    const after = await connectError(host, port);
    expect(after).toMatch(/ECONNREFUSED|EADDRNOTAVAIL|EHOSTUNREACH|ETIMEDOUT|ENETUNREACH/);
    // The log outlives the proxy, for the report.
    expect(own.networkLog?.().denied).toEqual([
      {
        host: "not-listed.example",
        port: 80,
        count: 1,
        reason: "not-listed.example:80 is not on the allowlist",
      },
    ]);
  });

  it("keeps a session without hosts on --network none, creating no network", async () => {
    await using ws = await createTempDir("ws");
    const id = uniqueRunId("egress-none");
    const own = await runtime.startSession(sessionSpec(ws.path, id, { network: [] }));
    try {
      const [container] = await containersOfRun(id);
      expect(await docker(["inspect", "--format", "{{.HostConfig.NetworkMode}}", container ?? ""])).toBe(
        "none",
      );
      expect(await networksOfRun(id)).toEqual([]);
      const env = await own.exec("env | grep -i _proxy; echo rc=$?");
      expect(env.output.trim()).toBe("rc=1");
    } finally {
      await own[Symbol.asyncDispose]();
    }
  });

  it("removeLabelled also removes leftover networks of a run", async () => {
    const id = uniqueRunId("egress-leftover");
    const network = await createEgressNetwork("docker", `loophole-${id}-net-left`, { [LABEL_RUN]: id });
    try {
      expect(await networksOfRun(id)).toHaveLength(1);
      expect(await runtime.removeLabelled(LABEL_RUN, id)).toBe(0);
      expect(await networksOfRun(id)).toEqual([]);
    } finally {
      await runCaptured("docker", ["network", "rm", network.name]);
    }
  });

  it("refuses a malformed allowlist entry before creating anything", async () => {
    await using ws = await createTempDir("ws");
    const id = uniqueRunId("egress-bad");
    await expect(
      runtime.startSession(sessionSpec(ws.path, id, { network: ["http://example.org"] })),
    ).rejects.toThrow(/not a network allowlist entry/);
    expect(await networksOfRun(id)).toEqual([]);
    expect(await containersOfRun(id)).toEqual([]);
  });
});

/** `host port` pairs beyond this host: its non-loopback resolvers and its default gateway. */
async function outsideCandidates(): Promise<string[]> {
  const resolvConf = await readFile("/etc/resolv.conf", "utf8").catch(() => "");
  const resolvers = [...resolvConf.matchAll(/^nameserver\s+([\d.]+)\s*$/gm)]
    .map((match) => match[1] ?? "")
    .filter((address) => isIPv4(address) && !address.startsWith("127."));
  const routes = await readFile("/proc/net/route", "utf8").catch(() => "");
  const gateways = routes
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[1] === "00000000" && fields[2] !== undefined && fields[2] !== "00000000")
    .map((fields) => {
      // Little-endian hex: 0100A8C0 is 192.168.0.1.
      const hex = fields[2] ?? "";
      return [6, 4, 2, 0].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(".");
    });
  return [...new Set([...resolvers, ...gateways])].map((address) => `${address} 53`);
}

function probe(candidate: string): string {
  return `{ sleep 1; } | nc -w 3 ${candidate} 2>&1; echo rc=$?`;
}

async function iptablesInput(): Promise<string> {
  const result = await runCaptured("iptables", ["-w", "-S", "INPUT"], { timeoutMs: 30_000 });
  return result.stdout.toString("utf8");
}

/** The error code of a TCP connection attempt, or "connected". */
async function connectError(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3_000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("ETIMEDOUT");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
