/**
 * Optional hardening of a sandbox network, when the gate runs as root on Linux.
 *
 * The residual risk it closes: an `--internal` network stops traffic from leaving the subnet
 * (FORWARD), but packets addressed to the HOST itself go through INPUT, whose default policy is
 * ACCEPT. So any service on the host that listens on 0.0.0.0 (or on the gateway address) is
 * reachable from the sandbox at the gateway address, or at any other address of the host; the proxy
 * cannot see that traffic. GitHub-hosted runners run no such service by default; self-hosted
 * runners may (a Docker API on tcp, a database, a DNS forwarder — the latter would let DNS queries
 * out).
 *
 * As root we insert two INPUT rules for the bridge interface: accept TCP to the proxy's address and
 * port, drop everything else arriving from that interface. Without root (GitHub-hosted runners run
 * the job as an unprivileged user) or without iptables this is skipped, and the risk above remains.
 * Rules are removed on dispose and on signals; a run killed outright leaves two inert rules naming a
 * bridge that no longer exists (the network name is unique per session).
 *
 * IPv6 needs nothing: Docker disables IPv6 inside containers of networks without it, and the
 * container cannot re-enable it without capabilities.
 */
import { existsSync } from "node:fs";
import { getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { runCaptured } from "../core/process.js";
import { registerCleanup } from "./cleanup.js";
import { lastLines } from "./tool-output.js";

const IPTABLES_TIMEOUT_MS = 30_000;
const noop: AsyncDisposable = { [Symbol.asyncDispose]: () => Promise.resolve() };

export interface FirewallInput {
  /** The host's bridge interface of the sandbox network. */
  bridge: string | undefined;
  gateway: string;
  proxyPort: number;
  /** The bridge is this host's but not up yet (Podman creates it when the first container joins). */
  bridgeComesLater?: boolean;
  /** Names the rules (iptables comment), so a person can tell whose they are. */
  tag: string;
  logger: Logger;
}

/** The two rules, in the order they are inserted (each at position 1, so ACCEPT ends up first). */
export function firewallRules(input: {
  iface: string;
  gateway: string;
  proxyPort: number;
  tag: string;
}): string[][] {
  const comment = ["-m", "comment", "--comment", `loophole egress ${input.tag}`.slice(0, 250)];
  return [
    ["-i", input.iface, ...comment, "-j", "DROP"],
    [
      "-i",
      input.iface,
      "-d",
      input.gateway,
      "-p",
      "tcp",
      "--dport",
      String(input.proxyPort),
      ...comment,
      "-j",
      "ACCEPT",
    ],
  ];
}

/** Applies the rules when possible; the result removes them. Never throws. */
export async function restrictHostAccess(input: FirewallInput): Promise<AsyncDisposable> {
  const { logger } = input;
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    logger.debug(
      "egress: not root, so host services listening on all addresses stay reachable from the sandbox",
    );
    return noop;
  }
  const iface = input.bridge;
  // No such interface here: a rootless or remote engine, whose bridge this host does not route.
  // (Podman's bridge comes up with the first container; iptables matches `-i` by name, so rules
  // added before it exists apply once it does.)
  if (iface === undefined || (input.bridgeComesLater !== true && !existsSync(`/sys/class/net/${iface}`))) {
    logger.debug(`egress: bridge ${iface ?? "(unnamed)"} is not on this host; firewall rules skipped`);
    return noop;
  }
  const rules = firewallRules({ ...input, iface });
  const applied: string[][] = [];
  const remove = async (): Promise<void> => {
    for (const rule of applied.splice(0).reverse()) await iptables(["-D", "INPUT", ...rule], logger);
  };
  const unregister = registerCleanup(`firewall rules for ${iface}`, remove);
  for (const rule of rules) {
    if (!(await iptables(["-I", "INPUT", "1", ...rule], logger))) {
      await remove();
      unregister();
      logger.warning(
        `egress: could not restrict host access from the sandbox network (${iface}); host services listening on all addresses stay reachable from it`,
      );
      return noop;
    }
    applied.push(rule);
  }
  logger.debug(
    `egress: host access from ${iface} limited to the proxy at ${input.gateway}:${input.proxyPort}`,
  );
  return {
    async [Symbol.asyncDispose]() {
      await remove();
      unregister();
    },
  };
}

async function iptables(args: readonly string[], logger: Logger): Promise<boolean> {
  try {
    // -w: wait for the xtables lock instead of failing while Docker edits rules.
    const result = await runCaptured("iptables", ["-w", ...args], { timeoutMs: IPTABLES_TIMEOUT_MS });
    if (result.exitCode === 0) return true;
    logger.debug(`iptables ${args.join(" ")}: ${lastLines(result.stderr, 2)}`);
  } catch (error) {
    logger.debug(`iptables: ${getErrorMessage(error)}`);
  }
  return false;
}
