/**
 * The per-session Docker/Podman network of a sandbox with a host allowlist. It is `--internal`: the
 * engine installs no route out, so traffic to anything beyond the subnet is dropped (the FORWARD
 * chain), and the only reachable address outside the container is the host's own address on the
 * bridge, the gateway, where the egress proxy listens.
 *
 * Networks carry the session's labels, so `removeLabelledNetworks` (post step, signal handlers) finds
 * leftovers of a run that was killed outright.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { isIPv4 } from "node:net";
import { GateError, getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { runCaptured } from "../core/process.js";
import type { ContainerBinary } from "./cleanup.js";
import { lastLines } from "./tool-output.js";

export interface EgressNetwork {
  name: string;
  /** The host's address on the bridge: where the proxy listens. */
  gateway: string;
  subnet: { network: string; prefix: number };
  /** The host's bridge interface, when the engine names it (for the firewall rules). */
  bridge: string | undefined;
}

const NETWORK_TIMEOUT_MS = 60_000;
const REMOVE_ATTEMPTS = 20;
const REMOVE_RETRY_MS = 250;
// A network that is already gone is what removal wanted anyway.
const ALREADY_GONE = /no such network|not found/i;
// Endpoints linger for a moment after their container is removed (also: signal cleanups run in
// parallel, so the container may still be going away).
const STILL_IN_USE = /active endpoints|in use/i;

/** `loophole-<run>-net-<suffix>`, reduced to the characters network names allow. */
export function egressNetworkName(runId: string, suffix: string): string {
  const safe = runId.replace(/[^a-zA-Z0-9_.-]+/g, "-").slice(0, 40);
  return `loophole-${safe === "" ? "run" : safe}-net-${suffix}`;
}

export async function createEgressNetwork(
  binary: ContainerBinary,
  name: string,
  labels: Readonly<Record<string, string>>,
): Promise<EgressNetwork> {
  const labelArgs = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([key, value]) => ["--label", `${key}=${value}`]);
  const created = await runCaptured(
    binary,
    ["network", "create", "--internal", "--driver", "bridge", ...labelArgs, name],
    { timeoutMs: NETWORK_TIMEOUT_MS },
  );
  if (created.exitCode !== 0) {
    const why = created.timedOut ? "no answer" : lastLines(created.stderr, 3);
    throw new GateError(
      `Could not create the sandbox network ${name} for the egress proxy: ${why}. Leftover networks of cancelled runs use up address pools: \`${binary} network prune\` removes unused ones.`,
    );
  }
  const inspected = await runCaptured(binary, ["network", "inspect", name], {
    timeoutMs: NETWORK_TIMEOUT_MS,
  });
  const addressing = inspected.exitCode === 0 ? readAddressing(inspected.stdout.toString("utf8")) : undefined;
  if (addressing === undefined) {
    throw new GateError(
      `The sandbox network ${name} has no IPv4 subnet and gateway that loophole can read (${binary} network inspect: ${lastLines(inspected.stderr, 2)}).`,
    );
  }
  return { name, ...addressing };
}

/**
 * The first IPv4 subnet and gateway in `network inspect` output: Docker lists them under
 * `IPAM.Config[].{Subnet,Gateway}`, Podman 4+ under `subnets[].{subnet,gateway}`. The bridge is
 * Docker's `br-<first 12 of the id>` unless an option renames it, Podman's `network_interface`.
 * (Looking the gateway up among the host's interfaces does not work: an empty bridge is down, and
 * Node lists only interfaces that are up.)
 */
export function readAddressing(json: string): Omit<EgressNetwork, "name"> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const network: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  const ipam = field(network, "IPAM");
  const candidates = [...list(field(ipam, "Config")), ...list(field(network, "subnets"))];
  for (const candidate of candidates) {
    const subnet = text(field(candidate, "Subnet")) ?? text(field(candidate, "subnet"));
    const gateway = text(field(candidate, "Gateway")) ?? text(field(candidate, "gateway"));
    const match = subnet === undefined ? null : /^([\d.]+)\/(\d{1,2})$/.exec(subnet);
    const base = match?.[1];
    if (match === null || base === undefined || !isIPv4(base)) continue;
    const prefix = Number(match[2]);
    // Docker fills the gateway in for every bridge network; the first host address is its default.
    const address = gateway !== undefined && isIPv4(gateway) ? gateway : firstHost(base);
    return { gateway: address, subnet: { network: base, prefix }, bridge: bridgeName(network) };
  }
  return undefined;
}

/** Removes the network, waiting briefly while the engine still lists an endpoint in it. Never throws. */
export async function removeNetwork(binary: ContainerBinary, name: string, logger: Logger): Promise<void> {
  let lastError = "";
  for (let attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
    try {
      const result = await runCaptured(binary, ["network", "rm", name], { timeoutMs: NETWORK_TIMEOUT_MS });
      if (result.exitCode === 0 || ALREADY_GONE.test(result.stderr)) return;
      lastError = lastLines(result.stderr, 2);
      if (!STILL_IN_USE.test(result.stderr)) break;
    } catch (error) {
      lastError = getErrorMessage(error);
      break;
    }
    await sleep(REMOVE_RETRY_MS);
  }
  logger.warning(`could not remove network ${name}: ${lastError}`);
}

function bridgeName(network: unknown): string | undefined {
  const named = text(field(field(network, "Options"), "com.docker.network.bridge.name"));
  const podman = text(field(network, "network_interface"));
  const id = text(field(network, "Id"));
  const name = named ?? podman ?? (id === undefined ? undefined : `br-${id.slice(0, 12)}`);
  // Interface names are at most 15 characters; anything else is not one.
  return name !== undefined && /^[\w.-]{1,15}$/.test(name) ? name : undefined;
}

function firstHost(network: string): string {
  const parts = network.split(".").map(Number);
  parts[3] = (parts[3] ?? 0) + 1;
  return parts.join(".");
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
