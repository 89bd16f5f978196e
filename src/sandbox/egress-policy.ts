/**
 * One egress decision: is the target on the allowlist, and which address does the proxy connect to.
 *
 * Names are resolved here, on the host, exactly once; the proxy then connects to the address that
 * was checked, never to the name again, so a DNS answer that changes between check and connect (DNS
 * rebinding) cannot steer the connection somewhere else.
 */
import { lookup } from "node:dns/promises";
import { getErrorMessage } from "../core/errors.js";
import { matchAllowlist, type AllowRule } from "./egress-allowlist.js";
import { refusedRange } from "./egress-address.js";
import { formatTarget, type Target } from "./egress-target.js";

/** Resolves a host name to its addresses (IPv4 and IPv6), in the resolver's order. */
export type Resolver = (host: string) => Promise<string[]>;

export interface PolicyOptions {
  rules: readonly AllowRule[];
  resolve: Resolver;
  /** The special-purpose range an address lies in, or undefined when names may resolve to it. */
  refusedRange: (address: string) => string | undefined;
}

export type Decision =
  | { allowed: true; address: string; rule: string }
  /** `listed`: the allowlist matched, but the name led somewhere names may not go. */
  | { allowed: false; reason: string; listed: boolean };

const RESOLVE_TIMEOUT_MS = 15_000;

export const systemResolver: Resolver = async (host) => {
  const lookedUp = lookup(host, { all: true, order: "verbatim" });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${RESOLVE_TIMEOUT_MS / 1000}s`));
    }, RESOLVE_TIMEOUT_MS);
  });
  try {
    const answers = await Promise.race([lookedUp, timeout]);
    return answers.map((answer) => answer.address);
  } finally {
    clearTimeout(timer);
  }
};

export const defaultPolicy = (rules: readonly AllowRule[]): PolicyOptions => ({
  rules,
  resolve: systemResolver,
  refusedRange,
});

export async function decide(target: Target, policy: PolicyOptions): Promise<Decision> {
  const rule = matchAllowlist(policy.rules, target);
  if (rule === undefined) {
    const ipNote = target.kind === "ip" ? " (IP addresses are allowed only when listed literally)" : "";
    return {
      allowed: false,
      listed: false,
      reason: `${formatTarget(target)} is not on the allowlist${ipNote}`,
    };
  }
  // A literal listed in the contract is an explicit choice of the base branch: no range check.
  if (target.kind === "ip") return { allowed: true, address: target.host, rule: rule.pattern };
  let addresses: string[];
  try {
    addresses = await policy.resolve(target.host);
  } catch (error) {
    return {
      allowed: false,
      listed: true,
      reason: `${target.host} does not resolve: ${getErrorMessage(error)}`,
    };
  }
  const usable = addresses.find((address) => policy.refusedRange(address) === undefined);
  if (usable !== undefined) return { allowed: true, address: usable, rule: rule.pattern };
  const first = addresses[0];
  if (first === undefined) return { allowed: false, listed: true, reason: `${target.host} has no addresses` };
  return {
    allowed: false,
    listed: true,
    reason: `${target.host} resolves to ${first} (${policy.refusedRange(first) ?? "refused"}), which names may not reach; list the address itself to allow it`,
  };
}
