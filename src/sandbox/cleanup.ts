/**
 * Removal of sandbox resources when the normal `await using` path cannot run: a process-wide
 * registry of live containers (and running host process groups) that SIGINT/SIGTERM handlers
 * empty before exiting, and removal by label for leftovers of a run that was killed outright (the
 * action's post step).
 *
 * Sessions register what they start and unregister it when they remove it themselves, so the
 * registry only ever holds what is live right now.
 */
import { GateError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { runCaptured } from "../core/process.js";
import { lastLines, splitLines } from "./tool-output.js";

export type ContainerBinary = "docker" | "podman";

type Cleanup = () => Promise<void>;

const pending = new Map<number, { what: string; run: Cleanup }>();
let nextId = 0;

/** Remembers `run` until the returned function is called; a terminating signal runs it first. */
export function registerCleanup(what: string, run: Cleanup): () => void {
  const id = nextId++;
  pending.set(id, { what, run });
  return () => {
    pending.delete(id);
  };
}

/** What a terminating signal would clean up now (descriptions only, for logs and tests). */
export function pendingCleanups(): string[] {
  return [...pending.values()].map((entry) => entry.what);
}

/** Runs and forgets every registered cleanup; failures are logged, never thrown. */
export async function runPendingCleanups(logger: Logger): Promise<number> {
  const entries = [...pending.values()];
  pending.clear();
  const results = await Promise.allSettled(entries.map((entry) => entry.run()));
  results.forEach((result, index) => {
    if (result.status === "rejected") {
      logger.warning(
        `could not clean up ${entries[index]?.what ?? "a sandbox resource"}: ${String(result.reason)}`,
      );
    }
  });
  return entries.length;
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type TerminatingSignal = keyof typeof SIGNAL_EXIT_CODES;

let cleaningUp: Promise<number> | undefined;

/**
 * What the handlers do: clean up, then exit with the conventional 128+n code. A second signal while
 * the first cleanup runs waits for the same cleanup instead of cutting it short (a cancelled
 * workflow gets SIGINT, then SIGTERM a few seconds later).
 */
export async function onTerminatingSignal(
  signal: TerminatingSignal,
  logger: Logger,
  exit: (code: number) => void,
): Promise<void> {
  const count = pendingCleanups().length;
  if (count > 0) logger.warning(`${signal}: removing ${count} sandbox resource(s) before exiting`);
  cleaningUp ??= runPendingCleanups(logger);
  try {
    await cleaningUp;
  } finally {
    cleaningUp = undefined;
    exit(SIGNAL_EXIT_CODES[signal]);
  }
}

const REMOVE_TIMEOUT_MS = 60_000;
// A container that is already gone (or being removed by `--rm`) is what we wanted anyway.
const ALREADY_GONE = /no such container|not found|removal of container .* is already in progress/i;

/** `rm -f` one container; logs instead of throwing, since it runs on cleanup paths. */
export async function removeContainer(binary: ContainerBinary, name: string, logger: Logger): Promise<void> {
  try {
    const result = await runCaptured(binary, ["rm", "--force", name], { timeoutMs: REMOVE_TIMEOUT_MS });
    if (result.exitCode !== 0 && !ALREADY_GONE.test(result.stderr)) {
      logger.warning(`could not remove container ${name}: ${lastLines(result.stderr, 3)}`);
    }
  } catch (error) {
    logger.warning(`could not remove container ${name}: ${String(error)}`);
  }
}

/**
 * Removes every container (running or not) carrying `label` (with `value`, when given) and returns
 * how many were removed; then the networks carrying it (egress networks, which can only go once
 * their containers are gone). Used by the post step for leftovers of a cancelled run.
 */
export async function removeLabelledContainers(
  binary: ContainerBinary,
  label: string,
  value?: string,
): Promise<number> {
  const removed = await removeLabelled(binary, CONTAINERS, label, value);
  await removeLabelledNetworks(binary, label, value);
  return removed;
}

/** Removes every network carrying `label` (with `value`, when given); returns how many. */
export function removeLabelledNetworks(
  binary: ContainerBinary,
  label: string,
  value?: string,
): Promise<number> {
  return removeLabelled(binary, NETWORKS, label, value);
}

interface LabelledKind {
  /** The listing command (`ps --all`, `network ls`); `--quiet --no-trunc --filter` are added. */
  list: readonly string[];
  remove: readonly string[];
  /** What `rm` prints for one that vanished meanwhile: not an error. */
  gone: RegExp;
  plural: string;
}

const CONTAINERS: LabelledKind = {
  list: ["ps", "--all"],
  remove: ["rm", "--force"],
  gone: ALREADY_GONE,
  plural: "containers",
};
const NETWORKS: LabelledKind = {
  list: ["network", "ls"],
  remove: ["network", "rm"],
  gone: /no such network|not found/i,
  plural: "networks",
};

async function removeLabelled(
  binary: ContainerBinary,
  kind: LabelledKind,
  label: string,
  value: string | undefined,
): Promise<number> {
  const filter = value === undefined ? `label=${label}` : `label=${label}=${value}`;
  const listed = await runCaptured(binary, [...kind.list, "--quiet", "--no-trunc", "--filter", filter], {
    timeoutMs: REMOVE_TIMEOUT_MS,
  });
  if (listed.exitCode !== 0) {
    throw new GateError(
      `${binary} ${kind.list.join(" ")} --filter ${filter} failed: ${lastLines(listed.stderr, 3)}`,
    );
  }
  const ids = splitLines(listed.stdout.toString("utf8"));
  if (ids.length === 0) return 0;
  const removed = await runCaptured(binary, [...kind.remove, ...ids], { timeoutMs: REMOVE_TIMEOUT_MS });
  if (removed.exitCode !== 0 && !kind.gone.test(removed.stderr)) {
    throw new GateError(
      `${binary} ${kind.remove.join(" ")} failed for ${kind.plural} labelled ${filter}: ${lastLines(removed.stderr, 3)}`,
    );
  }
  // rm prints one line per item it removed; one that vanished meanwhile is not counted.
  return splitLines(removed.stdout.toString("utf8")).length;
}
