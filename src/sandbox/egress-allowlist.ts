/**
 * The host allowlist of `sandbox.network` / `executor.network`, as the egress proxy applies it:
 * - `example.com`: that exact name;
 * - `*.example.com`: any subdomain at any depth, never the apex `example.com` itself;
 * - `10.0.0.5`, `[2001:db8::1]`: that IP literal only (the only way to reach a private address);
 * - `:port` after any of these: that port only. Without a port, 80 and 443 only.
 * IP literals never match name patterns, and names never match IP patterns.
 */
import { ConfigurationError } from "../core/errors.js";
import { HTTP_PORT, HTTPS_PORT, normaliseHost, type Target } from "./egress-target.js";

export interface AllowRule {
  /** As written in the contract, for logs and messages. */
  pattern: string;
  kind: "name" | "wildcard" | "ip";
  /** Normalised host; for a wildcard, the parent domain without the leading `*.`. */
  host: string;
  port: number | undefined;
}

const DEFAULT_PORTS: readonly number[] = [HTTP_PORT, HTTPS_PORT];

export function parseAllowRule(pattern: string): AllowRule {
  const wildcard = pattern.startsWith("*.");
  const rest = wildcard ? pattern.slice(2) : pattern;
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(rest);
  const host = match?.[1] === undefined ? undefined : normaliseHost(match[1]);
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  const portOk = port === undefined || (port >= 1 && port <= 65_535);
  if (host === undefined || !portOk || (wildcard && host.kind === "ip")) {
    throw new ConfigurationError(
      `${JSON.stringify(pattern)} is not a network allowlist entry: use a host name ("example.com"), a wildcard for its subdomains ("*.example.com") or an IP address, each optionally with ":port".`,
    );
  }
  return { pattern, kind: wildcard ? "wildcard" : host.kind, host: host.host, port };
}

/** Parses every entry; throws ConfigurationError naming the first bad one. */
export function parseAllowlist(patterns: readonly string[]): AllowRule[] {
  return patterns.map(parseAllowRule);
}

/** The first rule that lets `target` through, or undefined when none does. */
export function matchAllowlist(rules: readonly AllowRule[], target: Target): AllowRule | undefined {
  return rules.find((rule) => portMatches(rule, target.port) && hostMatches(rule, target));
}

function portMatches(rule: AllowRule, port: number): boolean {
  return rule.port === undefined ? DEFAULT_PORTS.includes(port) : rule.port === port;
}

function hostMatches(rule: AllowRule, target: Target): boolean {
  switch (rule.kind) {
    case "ip":
      return target.kind === "ip" && target.host === rule.host;
    case "name":
      return target.kind === "name" && target.host === rule.host;
    case "wildcard":
      // The dot matters: "*.example.com" must not match "badexample.com".
      return target.kind === "name" && target.host.endsWith(`.${rule.host}`);
  }
}
