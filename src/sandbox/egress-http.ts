/**
 * The HTTP pieces of the egress proxy that do not depend on its state: hop-by-hop header filtering,
 * forwarding one plain request, and the short answers the proxy gives itself (400, 403, 502).
 */
import {
  request as httpRequest,
  STATUS_CODES,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from "node:http";
import type { Duplex } from "node:stream";
import { formatTarget, HTTP_PORT, HTTPS_PORT, type HttpTarget, type Target } from "./egress-target.js";

// Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus the proxy's own.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** `headers` without hop-by-hop fields (also those the Connection header names). */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const connection = headers.connection ?? "";
  const named = new Set(
    connection
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ""),
  );
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    kept[name] = value;
  }
  return kept;
}

export interface ForwardOptions {
  address: string;
  target: HttpTarget;
  idleTimeoutMs: number;
  onError: (message: string) => void;
}

/** Sends `req` to `address` (already checked) and streams the answer back into `res`. */
export function forwardHttp(req: IncomingMessage, res: ServerResponse, options: ForwardOptions): void {
  const { target } = options;
  const upstream = httpRequest({
    host: options.address,
    port: target.port,
    method: req.method ?? "GET",
    path: target.path,
    // The checked address is dialled; the name only travels in the Host header.
    headers: { ...endToEndHeaders(req.headers), host: target.hostHeader, connection: "close" },
    setHost: false,
    agent: false,
    timeout: options.idleTimeoutMs,
  });
  upstream.on("response", (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
    answer.pipe(res);
    answer.on("error", () => res.destroy());
  });
  upstream.on("timeout", () => upstream.destroy(new Error(`no data for ${options.idleTimeoutMs / 1000}s`)));
  upstream.on("error", (error) => {
    const message = `${formatTarget(target)} failed: ${error.message}`;
    options.onError(message);
    if (!res.headersSent) replyText(res, 502, `loophole egress proxy: ${message}\n`);
    else res.destroy();
  });
  req.on("error", () => upstream.destroy());
  // The client gave up (or the answer is done): nothing more is wanted from upstream.
  res.on("close", () => upstream.destroy());
  req.pipe(upstream);
}

export function replyText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  res.end(body);
}

/** A whole response written to a raw socket (CONNECT and parse errors have no ServerResponse). */
export function replyRaw(socket: Duplex, status: number, body: string): void {
  if (socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
    "Content-Type: text/plain; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
  ].join("\r\n");
  socket.end(`${head}\r\n\r\n${body}`);
}

/** The 403 body: which destination, why, and how the contract would allow it. */
export function deniedBody(target: Target, reason: string, listed: boolean): string {
  const lines = [`loophole egress proxy: refused ${formatTarget(target)}: ${reason}.`];
  if (!listed) {
    const entry =
      target.port === HTTP_PORT || target.port === HTTPS_PORT
        ? target.host.includes(":")
          ? `[${target.host}]`
          : target.host
        : formatTarget(target);
    lines.push(
      `To allow it, add "${entry}" to "sandbox.network" (or "executor.network" for the agent) in loophole.json on the base branch.`,
    );
  }
  return `${lines.join("\n")}\n`;
}
