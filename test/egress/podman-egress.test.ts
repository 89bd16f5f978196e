/**
 * The egress sandbox on Podman. Podman (netavark) brings a network's bridge up only when the first
 * container joins, so the proxy cannot bind the gateway address beforehand: it listens on every
 * address, serves only the sandbox subnet, and the firewall rules (as root) are set on the bridge by
 * name before it exists. These tests check that this path keeps the promises the Docker path keeps
 * (sandbox-egress.test.ts): allowed through the proxy, refused and logged otherwise, host services
 * out of direct reach as root, nothing left behind.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir, type TempDir } from "../../src/core/temp-dir.js";
import { ContainerCli } from "../../src/sandbox/docker.js";
import { LABEL_RUN, type SandboxSession } from "../../src/sandbox/types.js";
import { containersOfRun, sessionSpec, uniqueRunId } from "../sandbox/spec.js";
import { exchange, proxyAddress, startUpstream, viaProxy, type Upstream } from "./support.js";

const runtime = new ContainerCli("podman");
const runId = uniqueRunId("podman-egress");
const isRoot = process.getuid?.() === 0;

let workspace: TempDir;
let upstream: Upstream;
let session: SandboxSession;

async function networksOfRun(id: string): Promise<string[]> {
  const listed = await runCaptured("podman", [
    "network",
    "ls",
    "--quiet",
    "--filter",
    `label=${LABEL_RUN}=${id}`,
  ]);
  if (listed.exitCode !== 0) throw new Error(`podman network ls: ${listed.stderr}`);
  return listed.stdout
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

beforeAll(async () => {
  workspace = await createTempDir("ws");
  // On all addresses: it stands in for a host service too.
  upstream = await startUpstream("0.0.0.0");
  session = await runtime.startSession(
    sessionSpec(workspace.path, runId, { network: [`127.0.0.1:${upstream.port}`] }),
  );
});

afterAll(async () => {
  await session[Symbol.asyncDispose]();
  await upstream[Symbol.asyncDispose]();
  await workspace[Symbol.asyncDispose]();
});

describe("a Podman sandbox with a network allowlist", () => {
  it("reaches an allowed host through a CONNECT tunnel, and the log says so", async () => {
    const target = `127.0.0.1:${upstream.port}`;
    const result = await session.exec(
      viaProxy(
        `CONNECT ${target} HTTP/1.1\\r\\nHost: ${target}\\r\\n\\r\\nGET /tunnelled HTTP/1.0\\r\\n\\r\\n`,
      ),
    );
    expect(result.output).toContain("HTTP/1.1 200 Connection Established");
    expect(result.output).toContain("hello from upstream /tunnelled");
    expect(session.networkLog?.().allowed).toContainEqual(
      expect.objectContaining({ host: "127.0.0.1", port: upstream.port }),
    );
  });

  it("refuses a host that is not listed with 403 and logs it as denied", async () => {
    const result = await session.exec(
      viaProxy("CONNECT denied.example.com:443 HTTP/1.1\\r\\nHost: denied.example.com\\r\\n\\r\\n"),
    );
    expect(result.output).toMatch(/^HTTP\/1\.1 403 /);
    expect(session.networkLog?.().denied).toContainEqual(
      expect.objectContaining({ host: "denied.example.com", port: 443 }),
    );
  });

  it("has no direct route out: the metadata address does not answer", async () => {
    const direct = await session.exec("{ sleep 1; } | nc -w 3 169.254.169.254 80; echo rc=$?");
    expect(direct.output).toContain("rc=1");
  });

  it(`host services on all addresses are ${isRoot ? "not " : ""}reachable directly (firewall rules apply as root only)`, async () => {
    const { host } = await proxyAddress(session);
    const direct = await session.exec(
      `{ printf 'GET /direct HTTP/1.0\\r\\n\\r\\n'; sleep 2; } | nc -w 3 ${host} ${upstream.port}; echo rc=$?`,
    );
    if (isRoot) expect(direct.output).not.toContain("hello from upstream /direct");
    else expect(direct.output).toContain("hello from upstream /direct");
  });

  it(`${isRoot ? "cannot" : "can"} query the DNS server Podman runs on the gateway (the firewall applies as root only)`, async () => {
    // Podman keeps aardvark-dns on the gateway (without it, an internal network's bridge gets no
    // address, and the proxy none to listen on). It answers the names of the network's containers;
    // the sandbox's resolv.conf points elsewhere, so only a deliberate query reaches it.
    const { host } = await proxyAddress(session);
    const name = (await session.exec("hostname")).output.trim();
    const lookup = await session.exec(`nslookup -timeout=2 ${name} ${host}; echo rc=$?`);
    if (isRoot) expect(lookup.output).toContain("rc=1");
    else expect(lookup.output).toContain("rc=0");
  });

  it("the proxy, listening on all addresses, serves no client outside the sandbox subnet", async () => {
    const { port } = await proxyAddress(session);
    // From the host's loopback: not in the subnet, so the connection is closed unanswered.
    const fromHost = await exchange(
      "127.0.0.1",
      port,
      `GET http://127.0.0.1:${upstream.port}/ HTTP/1.0\r\n\r\n`,
      3_000,
    );
    expect(fromHost.text).not.toContain("hello from upstream");
  });

  it("removes the network, the container and the proxy on dispose", async () => {
    await using ws = await createTempDir("ws");
    const id = uniqueRunId("podman-egress-dispose");
    await using own = await runtime.startSession(sessionSpec(ws.path, id, { network: ["example.org"] }));
    const { port } = await proxyAddress(own);
    expect(await networksOfRun(id)).toHaveLength(1);
    await own[Symbol.asyncDispose]();
    expect(await networksOfRun(id)).toEqual([]);
    expect(await containersOfRun(id, "podman")).toEqual([]);
    const after = await new Promise<string>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port }, () => {
        socket.destroy();
        resolve("connected");
      });
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(after).toBe("ECONNREFUSED");
  });
});
