/**
 * Where a proxy request wants to go, read from what the sandbox sent: the authority of a CONNECT
 * (`host:port`) or the absolute URI of a plain HTTP request (`GET http://host/path`). Everything here
 * is untrusted input, so hosts are normalised once (lower case, no trailing dot, WHATWG IPv4 forms
 * such as `0x7f.1` or `2130706433` turned into dotted decimal) and the allowlist only ever compares
 * normalised forms.
 */
import { isIP } from "node:net";

export interface Target {
  /** Normalised: lower-case name without trailing dot, dotted IPv4, or compressed IPv6 (no brackets). */
  host: string;
  port: number;
  /** IP literal or name: literals never match name patterns, and names are resolved on the host. */
  kind: "ip" | "name";
}

export type ParsedTarget = { ok: true; target: Target } | { ok: false; reason: string };

export const HTTP_PORT = 80;
export const HTTPS_PORT = 443;

const MAX_HOST_LENGTH = 253;
const LABEL = "[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?";
const NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
// Characters that would make the URL parser read part of the text as something other than a host.
const NOT_HOST = /[/?#@\\\s%]/;

/** A host as written in a request or pattern, normalised; undefined when it is not a host. */
export function normaliseHost(raw: string): { host: string; kind: "ip" | "name" } | undefined {
  if (raw === "" || raw.length > MAX_HOST_LENGTH + 2 || NOT_HOST.test(raw)) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`http://${raw}/`).hostname;
  } catch {
    return undefined;
  }
  const unbracketed = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  if (isIP(unbracketed) !== 0) return { host: unbracketed, kind: "ip" };
  const name = unbracketed.endsWith(".") ? unbracketed.slice(0, -1) : unbracketed;
  if (name.length > MAX_HOST_LENGTH || !NAME.test(name)) return undefined;
  return { host: name, kind: "name" };
}

/** `host:port` or `[v6]:port`, the port optional (then `defaultPort`). */
export function parseAuthority(authority: string, defaultPort: number): ParsedTarget {
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(authority);
  const hostPart = match?.[1];
  if (match === null || hostPart === undefined) return bad(`"${clip(authority)}" is not host:port`);
  const port = match[2] === undefined ? defaultPort : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    return bad(`port ${match[2] ?? ""} is out of range`);
  const host = normaliseHost(hostPart);
  if (host === undefined) return bad(`"${clip(hostPart)}" is not a host name or IP address`);
  return { ok: true, target: { ...host, port } };
}

/** The target of a CONNECT request line (`CONNECT host:port HTTP/1.1`); 443 when no port is given. */
export function parseConnectTarget(requestTarget: string): ParsedTarget {
  return parseAuthority(requestTarget, HTTPS_PORT);
}

export interface HttpTarget extends Target {
  /** Path and query, as sent to the upstream server. */
  path: string;
  /** The Host header value for the upstream request. */
  hostHeader: string;
}

/**
 * The absolute URI of a plain proxied request. Only `http:` is forwarded: clients reach https
 * through CONNECT, and the proxy never terminates TLS itself.
 */
export function parseHttpTarget(
  requestTarget: string,
): { ok: true; target: HttpTarget } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(requestTarget);
  } catch {
    return bad(`"${clip(requestTarget)}" is not an absolute http:// URL (is the proxy set as HTTP_PROXY?)`);
  }
  if (url.protocol !== "http:") {
    return bad(
      `${url.protocol.replace(/:$/, "")} URLs cannot go through the proxy as plain requests; use CONNECT`,
    );
  }
  const authority = url.port === "" ? url.hostname : `${url.hostname}:${url.port}`;
  const parsed = parseAuthority(authority, HTTP_PORT);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    target: { ...parsed.target, path: `${url.pathname}${url.search}`, hostHeader: url.host },
  };
}

/** `host:port`, bracketing IPv6, for logs and messages. */
export function formatTarget(target: Pick<Target, "host" | "port">): string {
  return `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
}

function bad(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
