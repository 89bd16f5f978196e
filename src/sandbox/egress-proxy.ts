/**
 * The egress proxy: a small forward proxy that runs inside this Node process, listening on the
 * gateway address of a session's `--internal` Docker network, the only way out of that network.
 * It serves `CONNECT host:port` (tunnels, for https) and plain `GET http://host/path` requests, and
 * forwards only to destinations on the allowlist (see egress-allowlist.ts and egress-policy.ts).
 * Every decision lands in a bounded in-memory log the session exposes as `egressLog()`.
 *
 * It never decrypts anything: what passes through a tunnel to an allowed host is not inspected.
 * Sockets are bounded in number and idle time, malformed requests get a 400, and dispose closes
 * every socket at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { getErrorMessage } from "../core/errors.js";
import { silentLogger, type Logger } from "../core/logger.js";
import type { AllowRule } from "./egress-allowlist.js";
import { inSubnet, refusedRange } from "./egress-address.js";
import { deniedBody, forwardHttp, replyRaw, replyText } from "./egress-http.js";
import { EgressRecorder, type EgressLog } from "./egress-log.js";
import { decide, systemResolver, type Decision, type PolicyOptions, type Resolver } from "./egress-policy.js";
import { formatTarget, parseConnectTarget, parseHttpTarget, type Target } from "./egress-target.js";

export interface EgressProxyOptions {
  /** The address to listen on: the sandbox network's gateway (or every address, see advertiseHost). */
  listenHost: string;
  /** The host in `url` when it differs from listenHost: the gateway, when listening on 0.0.0.0. */
  advertiseHost?: string;
  rules: readonly AllowRule[];
  /**
   * Only clients from this subnet are served. Containers of OTHER internal networks can reach this
   * host address too (it is the host's), and their allowlist may be narrower than this one's.
   */
  clientSubnet?: { network: string; prefix: number };
  /** Name resolution on the host; replaceable for tests. */
  resolve?: Resolver;
  /** Which resolved addresses names may not reach; replaceable for tests. */
  refusedRange?: (address: string) => string | undefined;
  logger?: Logger;
  maxConnections?: number;
  idleTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export interface EgressProxy extends AsyncDisposable {
  readonly port: number;
  /** `http://<listenHost>:<port>`, the value of HTTP(S)_PROXY inside the sandbox. */
  readonly url: string;
  log(): EgressLog;
}

const MAX_CONNECTIONS = 256;
const IDLE_TIMEOUT_MS = 120_000;
const CONNECT_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 30_000;
const MAX_HEADER_BYTES = 16 * 1024;

export async function startEgressProxy(options: EgressProxyOptions): Promise<EgressProxy> {
  const proxy = new ProxyServer(options);
  await proxy.listen(options.listenHost, options.advertiseHost ?? options.listenHost);
  return proxy;
}

class ProxyServer implements EgressProxy {
  readonly #server: Server;
  readonly #policy: PolicyOptions;
  readonly #recorder = new EgressRecorder();
  readonly #logger: Logger;
  readonly #sockets = new Set<Duplex>();
  readonly #clientSubnet: { network: string; prefix: number } | undefined;
  readonly #idleTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  #url = "";
  #port = 0;
  #closed = false;

  constructor(options: EgressProxyOptions) {
    this.#policy = {
      rules: options.rules,
      resolve: options.resolve ?? systemResolver,
      refusedRange: options.refusedRange ?? refusedRange,
    };
    this.#logger = options.logger ?? silentLogger;
    this.#clientSubnet = options.clientSubnet;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    this.#server = createServer({
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout: HEADERS_TIMEOUT_MS,
      // Whole-request limits would cut long uploads; the idle timeout below bounds stalls instead.
      requestTimeout: 0,
      keepAliveTimeout: 5_000,
    });
    this.#server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
    this.#server.setTimeout(this.#idleTimeoutMs);
    this.#server.on("connection", (socket: Socket) => {
      this.#onConnection(socket);
    });
    this.#server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
      // A request the HTTP parser rejects (or a socket error): answer if we still can, then drop it.
      if (error.code === "HPE_HEADER_OVERFLOW") replyRaw(socket, 431, "request header too large\n");
      else replyRaw(socket, 400, "loophole egress proxy: malformed request\n");
    });
    this.#server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      this.#onRequest(req, res).catch((error: unknown) => {
        this.#logger.debug(`egress proxy: ${getErrorMessage(error)}`);
        res.destroy();
      });
    });
    this.#server.on("connect", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.#onConnect(req, socket, head).catch((error: unknown) => {
        this.#logger.debug(`egress proxy: ${getErrorMessage(error)}`);
        socket.destroy();
      });
    });
    // Upgrades (WebSocket over plain http) are not proxied; https WebSockets work through CONNECT.
    this.#server.on("upgrade", (_req: IncomingMessage, socket: Duplex) => {
      replyRaw(socket, 501, "loophole egress proxy: upgrades are not proxied; use https (CONNECT)\n");
    });
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return this.#url;
  }

  log(): EgressLog {
    return this.#recorder.snapshot();
  }

  listen(host: string, advertised: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen({ host, port: 0, exclusive: true }, () => {
        this.#server.off("error", reject);
        // Accept errors (EMFILE…) after start must not crash the gate.
        this.#server.on("error", (error) => this.#logger.warning(`egress proxy: ${error.message}`));
        const address = this.#server.address();
        this.#port = typeof address === "object" && address !== null ? address.port : 0;
        this.#url = `http://${advertised.includes(":") ? `[${advertised}]` : advertised}:${this.#port}`;
        resolve();
      });
    });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }

  #onConnection(socket: Socket): void {
    const from = socket.remoteAddress ?? "";
    if (this.#closed || (this.#clientSubnet !== undefined && !inSubnet(from, this.#clientSubnet))) {
      this.#logger.debug(`egress proxy: dropped a connection from ${from}, outside the sandbox network`);
      socket.destroy();
      return;
    }
    this.#track(socket);
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = parseHttpTarget(req.url ?? "");
    if (!parsed.ok) {
      replyText(res, 400, `loophole egress proxy: ${parsed.reason}\n`);
      return;
    }
    const { target } = parsed;
    const decision = await this.#decide(target);
    if (!decision.allowed) {
      replyText(res, 403, deniedBody(target, decision.reason, decision.listed));
      return;
    }
    if (this.#closed || req.socket.destroyed) return;
    forwardHttp(req, res, {
      address: decision.address,
      target,
      idleTimeoutMs: this.#idleTimeoutMs,
      onError: (message) => this.#logger.debug(`egress proxy: ${message}`),
    });
  }

  async #onConnect(req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    // The HTTP server let go of this socket: its errors are ours now.
    client.on("error", () => client.destroy());
    const parsed = parseConnectTarget(req.url ?? "");
    if (!parsed.ok) {
      replyRaw(client, 400, `loophole egress proxy: ${parsed.reason}\n`);
      return;
    }
    const { target } = parsed;
    const decision = await this.#decide(target);
    if (!decision.allowed) {
      replyRaw(client, 403, deniedBody(target, decision.reason, decision.listed));
      return;
    }
    if (this.#closed || client.destroyed) {
      client.destroy();
      return;
    }
    this.#tunnel(client, head, target, decision.address);
  }

  #tunnel(client: Duplex, head: Buffer, target: Target, address: string): void {
    const upstream = connect({ host: address, port: target.port });
    this.#track(upstream);
    let established = false;
    const connectTimer = setTimeout(() => {
      upstream.destroy(new Error(`no connection within ${this.#connectTimeoutMs / 1000}s`));
    }, this.#connectTimeoutMs);
    upstream.once("connect", () => {
      clearTimeout(connectTimer);
      established = true;
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      // pipe() passes each side's end on, so half-closed connections finish their answer.
      upstream.pipe(client);
      client.pipe(upstream);
      // Everything the tunnel carries passes this one socket, so its idleness is the tunnel's.
      upstream.setTimeout(this.#idleTimeoutMs, () => {
        upstream.destroy();
        client.destroy();
      });
    });
    upstream.on("error", (error) => {
      clearTimeout(connectTimer);
      this.#logger.debug(`egress proxy: ${formatTarget(target)}: ${error.message}`);
      if (established) client.destroy();
      else replyRaw(client, 502, `loophole egress proxy: ${formatTarget(target)} failed: ${error.message}\n`);
    });
    client.on("close", () => {
      clearTimeout(connectTimer);
      upstream.destroy();
    });
  }

  async #decide(target: Target): Promise<Decision> {
    const decision = await decide(target, this.#policy);
    if (decision.allowed) {
      if (this.#recorder.allowed(target.host, target.port))
        this.#logger.debug(
          `egress: allowed ${formatTarget(target)} (${decision.rule}) via ${decision.address}`,
        );
    } else if (this.#recorder.denied(target.host, target.port, decision.reason)) {
      this.#logger.info(`egress: refused ${formatTarget(target)}: ${decision.reason}`);
    }
    return decision;
  }

  #track(socket: Duplex): void {
    this.#sockets.add(socket);
    socket.once("close", () => this.#sockets.delete(socket));
    // Socket errors end that connection, never the process.
    socket.on("error", () => socket.destroy());
  }
}
