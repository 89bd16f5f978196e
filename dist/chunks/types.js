import { G as GateError } from './errors.js';
import { e as runCaptured } from './temp-dir.js';

/** Reading what the container CLI prints: id lists on stdout, error text on stderr. */
function splitLines(text) {
    return text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
}
/** The last `count` non-empty lines of a tool's stderr, joined for a one-line error message. */
function lastLines(text, count) {
    const lines = splitLines(text);
    return lines.length === 0 ? "(no error output)" : lines.slice(-count).join(" / ");
}

/**
 * Removal of sandbox resources when the normal `await using` path cannot run: a process-wide
 * registry of live containers (and running host process groups) that SIGINT/SIGTERM handlers
 * empty before exiting, and removal by label for leftovers of a run that was killed outright (the
 * action's post step).
 *
 * Sessions register what they start and unregister it when they remove it themselves, so the
 * registry only ever holds what is live right now.
 */
const pending = new Map();
let nextId = 0;
/** Remembers `run` until the returned function is called; a terminating signal runs it first. */
function registerCleanup(what, run) {
    const id = nextId++;
    pending.set(id, { what, run });
    return () => {
        pending.delete(id);
    };
}
/** What a terminating signal would clean up now (descriptions only, for logs and tests). */
function pendingCleanups() {
    return [...pending.values()].map((entry) => entry.what);
}
/** Runs and forgets every registered cleanup; failures are logged, never thrown. */
async function runPendingCleanups(logger) {
    const entries = [...pending.values()];
    pending.clear();
    const results = await Promise.allSettled(entries.map((entry) => entry.run()));
    results.forEach((result, index) => {
        if (result.status === "rejected") {
            logger.warning(`could not clean up ${entries[index]?.what ?? "a sandbox resource"}: ${String(result.reason)}`);
        }
    });
    return entries.length;
}
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };
let cleaningUp;
/**
 * What the handlers do: clean up, then exit with the conventional 128+n code. A second signal while
 * the first cleanup runs waits for the same cleanup instead of cutting it short (a cancelled
 * workflow gets SIGINT, then SIGTERM a few seconds later).
 */
async function onTerminatingSignal(signal, logger, exit) {
    const count = pendingCleanups().length;
    if (count > 0)
        logger.warning(`${signal}: removing ${count} sandbox resource(s) before exiting`);
    cleaningUp ??= runPendingCleanups(logger);
    try {
        await cleaningUp;
    }
    finally {
        cleaningUp = undefined;
        exit(SIGNAL_EXIT_CODES[signal]);
    }
}
const REMOVE_TIMEOUT_MS = 60_000;
// A container that is already gone (or being removed by `--rm`) is what we wanted anyway.
const ALREADY_GONE = /no such container|not found|removal of container .* is already in progress/i;
/** `rm -f` one container; logs instead of throwing, since it runs on cleanup paths. */
async function removeContainer(binary, name, logger) {
    try {
        const result = await runCaptured(binary, ["rm", "--force", name], { timeoutMs: REMOVE_TIMEOUT_MS });
        if (result.exitCode !== 0 && !ALREADY_GONE.test(result.stderr)) {
            logger.warning(`could not remove container ${name}: ${lastLines(result.stderr, 3)}`);
        }
    }
    catch (error) {
        logger.warning(`could not remove container ${name}: ${String(error)}`);
    }
}
/**
 * Removes every container (running or not) carrying `label` (with `value`, when given) and returns
 * how many were removed; then the networks carrying it (egress networks, which can only go once
 * their containers are gone). Used by the post step for leftovers of a cancelled run.
 */
async function removeLabelledContainers(binary, label, value) {
    const removed = await removeLabelled(binary, CONTAINERS, label, value);
    await removeLabelledNetworks(binary, label, value);
    return removed;
}
/** Removes every network carrying `label` (with `value`, when given); returns how many. */
function removeLabelledNetworks(binary, label, value) {
    return removeLabelled(binary, NETWORKS, label, value);
}
const CONTAINERS = {
    list: ["ps", "--all"],
    remove: ["rm", "--force"],
    gone: ALREADY_GONE,
    plural: "containers",
};
const NETWORKS = {
    list: ["network", "ls"],
    remove: ["network", "rm"],
    gone: /no such network|not found/i,
    plural: "networks",
};
async function removeLabelled(binary, kind, label, value) {
    const filter = value === undefined ? `label=${label}` : `label=${label}=${value}`;
    const listed = await runCaptured(binary, [...kind.list, "--quiet", "--no-trunc", "--filter", filter], {
        timeoutMs: REMOVE_TIMEOUT_MS,
    });
    if (listed.exitCode !== 0) {
        throw new GateError(`${binary} ${kind.list.join(" ")} --filter ${filter} failed: ${lastLines(listed.stderr, 3)}`);
    }
    const ids = splitLines(listed.stdout.toString("utf8"));
    if (ids.length === 0)
        return 0;
    const removed = await runCaptured(binary, [...kind.remove, ...ids], { timeoutMs: REMOVE_TIMEOUT_MS });
    if (removed.exitCode !== 0 && !kind.gone.test(removed.stderr)) {
        throw new GateError(`${binary} ${kind.remove.join(" ")} failed for ${kind.plural} labelled ${filter}: ${lastLines(removed.stderr, 3)}`);
    }
    // rm prints one line per item it removed; one that vanished meanwhile is not counted.
    return splitLines(removed.stdout.toString("utf8")).length;
}

const LABEL_RUN = "dev.loophole.run";
const LABEL_PID = "dev.loophole.pid";

export { LABEL_RUN as L, registerCleanup as a, LABEL_PID as b, removeContainer as c, lastLines as l, onTerminatingSignal as o, removeLabelledContainers as r };
//# sourceMappingURL=types.js.map
