/** A throwaway upstream HTTP server, a raw-socket client and sandbox-side helpers for the egress proxy tests. */
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import type { SandboxSession } from "../../src/sandbox/types.js";

export interface Upstream extends AsyncDisposable {
  readonly port: number;
  /** Request lines and Host headers the upstream received, in order. */
  readonly seen: { line: string; host: string | undefined; via: string | undefined }[];
}

/** Answers every request with `hello from upstream <path>`; listens on `host` (0.0.0.0 for all). */
export async function startUpstream(host: string): Promise<Upstream> {
  const seen: Upstream["seen"] = [];
  const server: Server = createServer((req, res) => {
    seen.push({
      line: `${req.method ?? ""} ${req.url ?? ""}`,
      host: req.headers.host,
      via: req.headers["proxy-authorization"],
    });
    const body = `hello from upstream ${req.url ?? ""}\n`;
    res.writeHead(200, { "content-type": "text/plain", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen({ host, port: 0 }, resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("upstream has no port");
  return {
    port: address.port,
    seen,
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Exchange {
  /** Everything the other side sent before it closed (or the wait ran out). */
  text: string;
  /** True when the other side closed the connection (rather than the wait running out). */
  closed: boolean;
}

/**
 * Connects to host:port, writes `request` and collects the answer until the connection closes or
 * `waitMs` passes. Keeps its own side open, like a client waiting for a streamed answer.
 */
export function exchange(host: string, port: number, request: string, waitMs = 5_000): Promise<Exchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host, port });
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString("utf8"), closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on("connect", () => socket.write(request));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
  });
}

/**
 * Sends `request` to the proxy named in $HTTP_PROXY with busybox nc. nc stops reading once its
 * input ends, so the input stays open a moment for the answer to arrive.
 */
export function viaProxy(request: string): string {
  return `P=\${HTTP_PROXY#http://}; { printf '${request}'; sleep 2; } | nc "\${P%:*}" "\${P##*:}"`;
}

/** The proxy's address as the sandbox sees it (from $HTTP_PROXY). */
export async function proxyAddress(of: SandboxSession): Promise<{ host: string; port: number }> {
  const result = await of.exec("echo $HTTP_PROXY");
  const match = /^http:\/\/([\d.]+):(\d+)$/.exec(result.output.trim());
  if (match?.[1] === undefined) throw new Error(`no proxy in the sandbox: ${result.output}`);
  return { host: match[1], port: Number(match[2]) };
}
