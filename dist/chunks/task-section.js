import { e as encodeGitPath, s as silentLogger, _ as __addDisposableResource, a as __disposeResources, p as picomatch, G as Git, B as BufferedLogger } from './index.js';
import { G as GateError, C as ConfigurationError, g as getErrorMessage, d as describeError } from './errors.js';
import { resolve, relative, isAbsolute, join, sep, dirname } from 'node:path';
import { d as createTempDir, f as currentTempRoot, s as scratchRoot, c as sweepTrash, r as removeTreeInBackground, e as runCaptured, g as runBounded } from './temp-dir.js';
import { a as registerCleanup, l as lastLines, L as LABEL_RUN, b as LABEL_PID, c as removeContainer, r as removeLabelledContainers, o as onTerminatingSignal } from './types.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { lstat, readFile, readlink, writeFile, rm, access, constants as constants$1, realpath, open, readdir, mkdir, rename } from 'node:fs/promises';
import { f as formatDuration, o as object, b as boolean, n as number, a as array, s as string$1 } from './zod-schema.js';
import { isIP, isIPv4, isIPv6, BlockList, connect } from 'node:net';
import { existsSync, constants as constants$2, createWriteStream } from 'node:fs';
import { setTimeout as setTimeout$1 } from 'node:timers/promises';
import { STATUS_CODES, request, createServer } from 'node:http';
import { lookup } from 'node:dns/promises';
import { constants } from 'node:os';
import events__default, { EventEmitter } from 'events';
import { g as getDefaultExportFromCjs } from './_commonjsHelpers.js';
import require$$0 from 'process';
import require$$0__default from 'buffer';
import { once } from 'node:events';
import { p as parseContract, c as contractSha256 } from './parse.js';
import { isUtf8 } from 'node:buffer';
import { T as TOOL_VERSION, a as TOOL_NAME } from './version.js';

/** Stable `kind` keys: they are part of the JSON report. */
const BASE_NOT_PROVEN_KINDS = [
    "special-casing",
    "always-equal",
    "stateful-responses",
    "reads-answers",
    "measurement-tampering",
    "stubbed-functionality",
    "weakened-assertions",
    "framework-patched",
    "forged-results",
];
const BASE_TEXT = {
    // S1
    "special-casing": "Code that special-cases the test inputs or hard-codes their expected outputs passes the same tests as a real fix.",
    // S2
    "always-equal": "Objects that compare equal to anything (an overloaded == or a matcher that always matches) make assertions pass without the right result.",
    // S3
    "stateful-responses": "Code that answers differently by call count or order can satisfy contradictory assertions in one test run.",
    // S4
    "reads-answers": "Code that reads the expected answers at run time (test files, fixtures, the caller's stack) was not looked for.",
    // S5
    "measurement-tampering": "Patched clocks, timers or device synchronisation would fake performance results; measurements were taken at face value.",
    // S6
    "stubbed-functionality": "Functionality stubbed out, removed or replaced by a partial heuristic goes unnoticed where no test covers it.",
    // T5
    "weakened-assertions": "Assertions weakened or expected values rewritten in test edits the contract allows keep every test id and count unchanged.",
    // H2
    "framework-patched": "Production code that patches the test framework or assertion functions on import was not detected.",
    // H3/H4 from inside the test process
    "forged-results": "Results forged by code under test at run time (fake result lines, a rewritten report) were checked only against exit codes, counts and runner summaries.",
};
/** "a, b, c and 4 more": lists in sentences stay short. */
function names(items, fallback, max = 5) {
    if (items.length === 0)
        return fallback;
    const shown = items.slice(0, max).join(", ");
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
/** The cheats no check here can see, always part of the report. */
function baseNotProven() {
    return BASE_NOT_PROVEN_KINDS.map((kind) => ({ kind, text: BASE_TEXT[kind] }));
}
/** The sandbox runtime was the host: untrusted code ran without a container. */
function runtimeHost() {
    return {
        kind: "runtime-host",
        text: "Commands ran on the host, not in a container: no isolation, so the code could read the runner's files and reach the network.",
    };
}
/** The sandbox allowed egress to some hosts. */
function networkAllowed(hosts) {
    const list = names(hosts, "some hosts");
    return {
        kind: "network-allowed",
        text: `The sandbox could reach ${list}: results may depend on what those hosts served during the run.`,
    };
}
/** A hard verifier did not run. */
function verifierSkipped(name, why) {
    return {
        kind: "verifier-skipped",
        text: `Verifier "${name}" did not run (${why}): nothing it checks was proven.`,
    };
}
/** The contract has no `tests` section, so there is no per-test inventory. */
function noTestsSection() {
    return {
        kind: "no-tests-section",
        text: "The contract has no tests section: no per-test inventory was taken, so removed, skipped or regressed tests were not compared; only exit codes were checked.",
    };
}
/** The contract lists no hard verifiers. */
function noVerifiers() {
    return {
        kind: "no-verifiers",
        text: "The contract lists no verifiers: no command beyond the tests had to pass.",
    };
}
/**
 * The contract protects no paths but itself, so tests, verifiers and their helpers could be edited
 * freely; and with no test path protected, the base's tests are never re-run against the head's code.
 */
function noProtectedPaths() {
    return {
        kind: "no-protected-paths",
        text: "The contract protects no paths besides itself: tests, verifier scripts and test helpers could be edited without a finding, and the base's test files were not re-run against the head's code, so a changed or added test file (a helper that stubs an assertion, say) judged the change.",
    };
}

const REPORT_SCHEMA_VERSION = 1;

const silentProgress = {
    start: () => undefined,
    end: () => undefined,
};

function finding(kind, severity, message, where = {}) {
    return { kind, severity, message, ...where };
}
/** Findings that still decide the verdict: failing severity and not approved. */
function isBlocking(f) {
    return f.severity === "fail" && f.approved === undefined;
}

/**
 * findings + step results + errors → outcome. Fail closed: anything the gate could not run or read
 * makes the outcome `error` unless a decisive failure was already found (a protected file edited
 * fails the pull request whatever else could not be checked).
 */
function decide$1(input) {
    // `verifier-error` means the runtime failed, not the candidate: it counts as an error (through the
    // step's status below), never as a decisive failure.
    const blocking = input.findings.filter((f) => isBlocking(f) && f.kind !== "verifier-error");
    const errors = [...input.errors];
    for (const step of [...input.setup, ...input.verifiers]) {
        if (step.status === "error")
            errors.push(`${step.name}: could not be run${step.reason ? ` (${step.reason})` : ""}`);
    }
    const verifiedSomething = input.verifiers.some((v) => v.status !== "skipped") ||
        (input.tests !== undefined && input.tests.head.total > 0);
    if (!verifiedSomething && blocking.length === 0 && errors.length === 0) {
        errors.push("nothing was verified: no verifier ran and no test inventory was taken");
    }
    // A verifier that did not pass must be backed by a blocking finding; if a caller forgot to add
    // one, refuse to pass rather than trust the findings list alone.
    const unexplained = input.verifiers.filter((v) => v.status === "fail" || v.status === "timeout");
    if (blocking.length > 0) {
        return {
            outcome: "fail",
            reasons: [...summarise(blocking), ...errors.map((e) => `also not checked: ${e}`)],
        };
    }
    if (errors.length > 0)
        return { outcome: "error", reasons: errors };
    if (unexplained.length > 0) {
        return {
            outcome: "fail",
            reasons: unexplained.map((v) => `verifier "${v.name}" did not pass (${v.status})`),
        };
    }
    return { outcome: "pass", reasons: passReasons(input) };
}
function summarise(blocking) {
    // One reason per kind keeps the headline readable; the findings list has every instance.
    const byKind = new Map();
    for (const f of blocking) {
        const list = byKind.get(f.kind) ?? [];
        list.push(f);
        byKind.set(f.kind, list);
    }
    const reasons = [];
    for (const [kind, list] of byKind) {
        const first = list[0];
        if (first === undefined)
            continue;
        reasons.push(list.length === 1
            ? first.message
            : `${list.length} × ${kind}: ${first.message} (and ${list.length - 1} more)`);
    }
    return reasons;
}
function passReasons(input) {
    const ran = input.verifiers.filter((v) => v.status === "pass").length;
    const reasons = [];
    if (ran > 0)
        reasons.push(ran === 1 ? "the hard verifier passed" : `all ${ran} hard verifiers passed`);
    if (input.tests)
        reasons.push(`test inventory held: ${input.tests.base.total} → ${input.tests.head.total} tests`);
    reasons.push("no protected path or boundary finding blocks the change");
    return reasons;
}

/** The one-line verdict: what a reviewer reads first in the check run title and the comment. */
const NOUNS = {
    "protected-path": ["protected path changed", "protected paths changed"],
    "contract-changed": ["contract edit ignored", "contract edits ignored"],
    "setup-failed": ["setup step failed", "setup steps failed"],
    "verifier-failed": ["verifier failed", "verifiers failed"],
    "test-removed": ["test removed", "tests removed"],
    "test-newly-skipped": ["test newly skipped or marked to fail", "tests newly skipped or marked to fail"],
    "test-regressed": ["test regressed", "tests regressed"],
    "test-count": ["test count below the contract's minimum", "test counts below the contract's minimum"],
    "tests-ran-nothing": ["test run ran nothing", "test runs ran nothing"],
    "exit-mismatch": ["exit code contradicting the results", "exit codes contradicting the results"],
    "runner-tampering": ["test runner change", "test runner changes"],
    "skip-marker": ["skip or expected-failure marker added", "skip or expected-failure markers added"],
    "focus-marker": ["focus marker added", "focus markers added"],
    "fixed-by-test-edits": ["test fixed by test edits only", "tests fixed by test edits only"],
};
function headlineFor(outcome, findings, errorCount) {
    if (outcome === "pass")
        return "The head satisfies the contract under the gate's checks.";
    if (outcome === "error") {
        return `The gate could not decide (${errorCount} problem${errorCount === 1 ? "" : "s"}); nothing is claimed.`;
    }
    const counts = new Map();
    for (const f of findings)
        if (isBlocking(f))
            counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    const parts = [];
    for (const [kind, n] of counts) {
        const noun = NOUNS[kind];
        parts.push(noun ? `${n} ${n === 1 ? noun[0] : noun[1]}` : `${n} × ${kind}`);
    }
    return parts.length === 0
        ? "The head does not satisfy the contract."
        : `The head does not satisfy the contract: ${parts.join(", ")}.`;
}

class GateRecorder {
    progress;
    findings = [];
    setup = [];
    verifiers = [];
    errors = [];
    notProven = [];
    phases = [];
    images = new Set();
    tests;
    goal = "";
    containersStarted = 0;
    /** The base side's results were reused from the base cache. */
    baseFromCache = false;
    provenance;
    #started = new Date();
    #startedMs = performance.now();
    constructor(contractPath, progress = silentProgress) {
        this.progress = progress;
        this.provenance = {
            base: null,
            head: null,
            contractCommit: null,
            contractPath,
            contractSha256: null,
            runtime: "none",
        };
    }
    add(...findings) {
        this.findings.push(...findings);
    }
    error(message) {
        this.errors.push(message);
    }
    addNotProven(item) {
        if (!this.notProven.some((n) => n.kind === item.kind && n.text === item.text))
            this.notProven.push(item);
    }
    /** Runs one phase of the gate, shows it as running, and records how long it took. */
    async phase(name, fn) {
        const start = performance.now();
        this.progress.start(name, name);
        let ok = false;
        try {
            const result = await fn();
            ok = true;
            return result;
        }
        finally {
            this.progress.end(name, ok ? "ok" : "failed");
            this.phases.push({ name, durationMs: Math.round(performance.now() - start) });
        }
    }
    toReport() {
        const verdict = decide$1({
            findings: this.findings,
            setup: this.setup,
            verifiers: this.verifiers,
            tests: this.tests,
            errors: this.errors,
        });
        const headline = headlineFor(verdict.outcome, this.findings, this.errors.length);
        const claim = {
            pass: "The head satisfies the contract under the gate's checks listed above. It does not claim the goal is achieved: see what was not proven.",
            fail: "The head does not satisfy the contract: the failures above are what the gate saw. Nothing else is claimed.",
            error: "The gate could not decide, so it claims nothing. An error is never a pass.",
        }[verdict.outcome];
        const report = {
            schemaVersion: REPORT_SCHEMA_VERSION,
            outcome: verdict.outcome,
            headline,
            reasons: verdict.reasons,
            goal: this.goal,
            findings: this.findings,
            setup: this.setup,
            verifiers: this.verifiers,
            notProven: this.notProven,
            provenance: {
                ...this.provenance,
                tool: { name: TOOL_NAME, version: TOOL_VERSION },
                images: [...this.images],
                containersStarted: this.containersStarted,
                startedAt: this.#started.toISOString(),
                durationMs: Math.round(performance.now() - this.#startedMs),
                phases: this.phases,
            },
            claim,
        };
        if (this.tests)
            report.tests = this.tests;
        return report;
    }
}

/**
 * Checks, after git has written the clean room, that every restored path is on disk exactly as
 * intended, looking at each component with lstat so that no symlink is ever followed: a path the
 * clean room should not hold is absent (or unreachable behind a non-directory), and a path it
 * should hold sits under real directories with the right type, executable bit and content (the
 * object name is recomputed from the bytes on disk).
 */
async function verifyRestoredPaths(root, edits) {
    for (const edit of edits) {
        const found = await lookUp(root, edit.path);
        const problem = edit.entry === undefined ? leftOver(found) : await mismatch(found, edit.entry);
        if (problem !== undefined) {
            throw new GateError(`the clean room could not restore ${JSON.stringify(edit.path)}: it ${problem}`);
        }
    }
}
/** Walks `path` below `root` component by component without following symlinks. */
async function lookUp(root, path) {
    let current = Buffer.from(root, "utf8");
    const parts = encodeGitPath(path).toString("latin1").split("/");
    for (const [index, part] of parts.entries()) {
        current = Buffer.concat([current, Buffer.from("/"), Buffer.from(part, "latin1")]);
        const stats = await lstat(current).catch((error) => {
            if (isMissing(error))
                return undefined;
            throw error;
        });
        if (stats === undefined)
            return { kind: "absent" };
        if (index === parts.length - 1)
            return { kind: "present", stats, path: current };
        // A symlink or file where a directory should be: nothing below it is in the room.
        if (!stats.isDirectory())
            return { kind: "absent" };
    }
    return { kind: "absent" };
}
/**
 * A removed entry must be gone. A directory in its place is fine: git creates directories only
 * for entries below them, so it holds restored paths (a `tests` symlink replaced by `tests/`).
 */
function leftOver(found) {
    return found.kind === "present" && !found.stats.isDirectory() ? "is still present" : undefined;
}
async function mismatch(found, entry) {
    if (found.kind === "absent")
        return "is missing";
    const { stats, path } = found;
    switch (entry.mode) {
        case "160000":
            return stats.isDirectory() ? undefined : "is not the directory a submodule becomes";
        case "120000":
            if (!stats.isSymbolicLink())
                return "is not a symlink";
            return matchesBlob(await readlink(path, { encoding: "buffer" }), entry.sha)
                ? undefined
                : "has the wrong target";
        default: {
            if (!stats.isFile())
                return "is not a regular file";
            const executable = (stats.mode & 0o100) !== 0;
            if (executable !== (entry.mode === "100755"))
                return `has the wrong mode ${(stats.mode & 0o777).toString(8)}`;
            return matchesBlob(await readFile(path), entry.sha) ? undefined : "has the wrong content";
        }
    }
}
/** Whether `content` is the blob git names `sha` (SHA-1 or SHA-256 by its length). */
function matchesBlob(content, sha) {
    const hash = createHash(sha.length === 64 ? "sha256" : "sha1");
    hash.update(`blob ${content.length}\0`);
    hash.update(content);
    return hash.digest("hex") === sha;
}
function isMissing(error) {
    return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}

/**
 * The clean room: a fresh directory holding exactly the committed tree of one commit, with
 * protected paths reset to their state at another commit (base). Verifiers and tests run against
 * it, never against the runner's checkout (DESIGN.md §2.3).
 *
 * The restore is done in git's index before anything is written (Git#materialiseTree with
 * `replace`), not by patching files afterwards: git then writes every file into an empty
 * directory, resolves file/directory clashes (a restored `tests/x.py` where the head has a
 * `tests -> /etc` symlink replaces the symlink by a directory) and never follows a symlink while
 * writing. Each restored path is then checked on disk without following symlinks
 * (verify-restore.ts), so a surprise from git shows up as an error, not a silent escape.
 */
async function createCleanRoom(git, options) {
    const started = await startCleanRoom(git, options);
    try {
        await started.ready;
    }
    catch (error) {
        await started[Symbol.asyncDispose]();
        throw error;
    }
    return started;
}
/**
 * Like createCleanRoom, but returns as soon as the (empty) directory exists, so a container can be
 * started on it while git writes the tree: on a large repository the two take about as long.
 * Nothing may run in the directory before `ready` settles.
 */
async function startCleanRoom(git, options) {
    const commit = await git.resolveCommit(options.commit);
    const restores = options.restore === undefined
        ? { edits: [], restored: [] }
        : await restoreEdits(git, commit, options.restore);
    const extra = options.edits ?? [];
    const edits = [...restores.edits.filter((e) => !extra.some((x) => x.path === e.path)), ...extra];
    const restored = [...new Set([...restores.restored, ...extra.map((e) => e.path)])].sort(compareCodeUnits$1);
    const parent = cleanRoomParent();
    sweepOnce(parent);
    // A clean room is removed in the background once its containers are gone: on a large tree the
    // removal would otherwise add most of a second after the verdict is known.
    const room = await createTempDir("cleanroom", parent, { removeInBackground: true });
    // A second Ctrl-C exits without unwinding the `await using` scopes: the tree goes with it then.
    const unregister = registerCleanup(`clean room ${room.path}`, () => removeTreeInBackground(room.path));
    const ready = (async () => {
        await git.materialiseTree(commit, room.path, { replace: edits });
        await verifyRestoredPaths(room.path, edits);
    })();
    // Observed here so an early failure is not an unhandled rejection before someone awaits it.
    ready.catch(() => undefined);
    return {
        dir: room.path,
        commit,
        restored,
        ready,
        async [Symbol.asyncDispose]() {
            unregister();
            // Never remove the directory while git is still writing into it.
            await ready.catch(() => undefined);
            await room[Symbol.asyncDispose]();
        },
    };
}
/**
 * The index edits that give each restore path its state at `from`. A path stands for itself and
 * everything under it, so a directory can be restored too. Paths already in their `from` state
 * produce no edit and are not reported as restored.
 */
async function restoreEdits(git, commit, restore) {
    if (restore.paths.length === 0)
        return { edits: [], restored: [] };
    const from = await git.resolveCommit(restore.from);
    const [headEntries, baseEntries] = await Promise.all([git.listTree(commit), git.listTree(from)]);
    const head = new Map(headEntries.map((entry) => [entry.path, entry]));
    const base = new Map(baseEntries.map((entry) => [entry.path, entry]));
    const edits = new Map();
    const restored = [];
    for (const path of [...new Set(restore.paths)].sort(compareCodeUnits$1)) {
        const have = covered(path, head, headEntries);
        const want = covered(path, base, baseEntries);
        let changed = false;
        for (const entry of have) {
            if (base.has(entry.path))
                continue;
            edits.set(entry.path, { path: entry.path, entry: undefined });
            changed = true;
        }
        for (const entry of want) {
            const current = head.get(entry.path);
            if (current?.mode === entry.mode && current.sha === entry.sha)
                continue;
            edits.set(entry.path, { path: entry.path, entry: { mode: entry.mode, sha: entry.sha } });
            changed = true;
        }
        if (changed)
            restored.push(path);
    }
    return { edits: [...edits.values()], restored };
}
/** The entries at `path` or under it: the exact entry when there is one, else a directory's. */
function covered(path, byPath, entries) {
    const exact = byPath.get(path);
    if (exact !== undefined)
        return [exact];
    const prefix = `${path}/`;
    return entries.filter((entry) => entry.path.startsWith(prefix));
}
/**
 * os.tmpdir(), unless it lies under $RUNNER_TEMP: from actions/checkout v6 on, the checkout's
 * credentials live there, and the clean room is mounted into untrusted containers.
 */
function cleanRoomParent() {
    const parent = resolve(currentTempRoot() ?? scratchRoot());
    const runnerTemp = process.env.RUNNER_TEMP;
    if (runnerTemp !== undefined && runnerTemp !== "") {
        const inside = relative(resolve(runnerTemp), parent);
        if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside))) {
            throw new GateError(`the temporary directory ${parent} is inside RUNNER_TEMP (${runnerTemp}), where actions/checkout keeps ` +
                "credentials; set TMPDIR to a directory outside it");
        }
    }
    return parent;
}
const swept = new Set();
/** Once per process and directory: trash an earlier run's removal did not finish (see sweepTrash). */
function sweepOnce(parent) {
    if (swept.has(parent))
        return;
    swept.add(parent);
    void sweepTrash(parent);
}
function compareCodeUnits$1(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The container CLI's argument lists, as plain functions of data so the isolation flags can be read
 * (and unit-tested) in one place. Docker and Podman take the same flags.
 *
 * The container's main process is `/bin/sh -c 'sleep N'`: images need `/bin/sh` and `sleep`. Each
 * command then runs through `exec`. N outlasts the session's time limit a little, so a container
 * whose gate process was killed outright still stops (and `--rm` removes it) on its own.
 */
const DEFAULT_WORKDIR = "/work";
/** Grace beyond the session limit for the in-container sleep; the gate's own timer fires first. */
const SLEEP_GRACE_SECONDS = 60;
function buildRunArgs(input) {
    const { spec } = input;
    const workdir = spec.workdir === "" ? DEFAULT_WORKDIR : spec.workdir;
    const memory = String(Math.floor(spec.memoryBytes));
    const labels = Object.entries(input.labels)
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([key, value]) => ["--label", `${key}=${value}`]);
    return [
        "run",
        "--detach",
        "--rm",
        "--init",
        "--pull",
        "never",
        "--name",
        input.name,
        ...networkArgs(input.egress),
        "--cap-drop",
        "ALL",
        "--security-opt",
        "no-new-privileges",
        "--pids-limit",
        String(Math.floor(spec.pids)),
        "--memory",
        memory,
        // Equal to --memory: no swap on top of the limit.
        "--memory-swap",
        memory,
        "--cpus",
        formatCpus(spec.cpus),
        ...(input.user === undefined ? [] : ["--user", `${input.user.uid}:${input.user.gid}`]),
        "--log-driver",
        "none",
        // exec: build tools (go, cargo, pytest plugins) run binaries they write to /tmp. The tmpfs is
        // charged to the container's memory limit; `size` only makes the bound explicit.
        "--tmpfs",
        `/tmp:rw,exec,nosuid,nodev,mode=1777,size=${memory}`,
        "--env-file",
        input.envFile,
        "--mount",
        bindMount({ hostPath: spec.workspace, containerPath: workdir, readonly: false }),
        ...spec.mounts.flatMap((mount) => ["--mount", bindMount(mount)]),
        "--workdir",
        workdir,
        ...labels,
        "--entrypoint",
        "/bin/sh",
        checkImageReference(spec.image),
        "-c",
        `sleep ${Math.max(1, Math.ceil(input.sleepSeconds))}`,
    ];
}
/** `--network none`, or the internal egress network with a DNS server that answers nothing. */
function networkArgs(egress) {
    if (egress === undefined)
        return ["--network", "none"];
    return ["--network", egress.network, "--dns", egress.dns];
}
/** `exec -i`: stdin is attached and closed at once, so a command reading it sees EOF, not a hang. */
function buildExecArgs(input) {
    return [
        "exec",
        "--interactive",
        ...(input.envFile === undefined ? [] : ["--env-file", input.envFile]),
        "--workdir",
        input.workdir === "" ? DEFAULT_WORKDIR : input.workdir,
        input.name,
        "/bin/sh",
        "-c",
        input.command,
    ];
}
/** `loophole-<run>-<n>`, reduced to the characters container names allow. */
function containerName(runId, n) {
    const safe = runId.replace(/[^a-zA-Z0-9_.-]+/g, "-").slice(0, 48);
    return `loophole-${safe === "" ? "run" : safe}-${n}`;
}
/**
 * `--mount` is a comma-separated list, and Podman does not honour Docker's CSV quoting, so paths
 * holding a comma (or a line break) are refused instead of being split into other options.
 */
function bindMount(mount) {
    for (const path of [mount.hostPath, mount.containerPath]) {
        if (!isAbsolute(path) || /[,\n\r\0]/.test(path)) {
            throw new GateError(`Cannot mount ${JSON.stringify(path)} into the sandbox: mount paths must be absolute and must not contain commas or line breaks.`);
        }
    }
    const readonly = mount.readonly ? ",readonly" : "";
    return `type=bind,source=${mount.hostPath},target=${mount.containerPath}${readonly}`;
}
/** An image reference is the one positional argument before the command: it must not read as a flag. */
function checkImageReference(image) {
    if (image === "" || image.startsWith("-") || /\s/.test(image)) {
        throw new GateError(`${JSON.stringify(image)} is not a container image reference.`);
    }
    return image;
}
/** The CLI rejects more CPUs than the engine's host has; a limit above that is no limit anyway. */
function clampCpus(requested, available) {
    if (available === undefined || available <= 0)
        return requested;
    return Math.min(requested, available);
}
function formatCpus(cpus) {
    // Two decimals is the CLI's own resolution (0.01 CPU).
    return String(Math.max(0.01, Math.round(cpus * 100) / 100));
}

/**
 * Where a proxy request wants to go, read from what the sandbox sent: the authority of a CONNECT
 * (`host:port`) or the absolute URI of a plain HTTP request (`GET http://host/path`). Everything here
 * is untrusted input, so hosts are normalised once (lower case, no trailing dot, WHATWG IPv4 forms
 * such as `0x7f.1` or `2130706433` turned into dotted decimal) and the allowlist only ever compares
 * normalised forms.
 */
const HTTP_PORT = 80;
const HTTPS_PORT = 443;
const MAX_HOST_LENGTH = 253;
const LABEL = "[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?";
const NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
// Characters that would make the URL parser read part of the text as something other than a host.
const NOT_HOST = /[/?#@\\\s%]/;
/** A host as written in a request or pattern, normalised; undefined when it is not a host. */
function normaliseHost(raw) {
    if (raw === "" || raw.length > MAX_HOST_LENGTH + 2 || NOT_HOST.test(raw))
        return undefined;
    let hostname;
    try {
        hostname = new URL(`http://${raw}/`).hostname;
    }
    catch {
        return undefined;
    }
    const unbracketed = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
    if (isIP(unbracketed) !== 0)
        return { host: unbracketed, kind: "ip" };
    const name = unbracketed.endsWith(".") ? unbracketed.slice(0, -1) : unbracketed;
    if (name.length > MAX_HOST_LENGTH || !NAME.test(name))
        return undefined;
    return { host: name, kind: "name" };
}
/** `host:port` or `[v6]:port`, the port optional (then `defaultPort`). */
function parseAuthority(authority, defaultPort) {
    const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(authority);
    const hostPart = match?.[1];
    if (match === null || hostPart === undefined)
        return bad(`"${clip$1(authority)}" is not host:port`);
    const port = match[2] === undefined ? defaultPort : Number(match[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
        return bad(`port ${match[2] ?? ""} is out of range`);
    const host = normaliseHost(hostPart);
    if (host === undefined)
        return bad(`"${clip$1(hostPart)}" is not a host name or IP address`);
    return { ok: true, target: { ...host, port } };
}
/** The target of a CONNECT request line (`CONNECT host:port HTTP/1.1`); 443 when no port is given. */
function parseConnectTarget(requestTarget) {
    return parseAuthority(requestTarget, HTTPS_PORT);
}
/**
 * The absolute URI of a plain proxied request. Only `http:` is forwarded: clients reach https
 * through CONNECT, and the proxy never terminates TLS itself.
 */
function parseHttpTarget(requestTarget) {
    let url;
    try {
        url = new URL(requestTarget);
    }
    catch {
        return bad(`"${clip$1(requestTarget)}" is not an absolute http:// URL (is the proxy set as HTTP_PROXY?)`);
    }
    if (url.protocol !== "http:") {
        return bad(`${url.protocol.replace(/:$/, "")} URLs cannot go through the proxy as plain requests; use CONNECT`);
    }
    const authority = url.port === "" ? url.hostname : `${url.hostname}:${url.port}`;
    const parsed = parseAuthority(authority, HTTP_PORT);
    if (!parsed.ok)
        return parsed;
    return {
        ok: true,
        target: { ...parsed.target, path: `${url.pathname}${url.search}`, hostHeader: url.host },
    };
}
/** `host:port`, bracketing IPv6, for logs and messages. */
function formatTarget(target) {
    return `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
}
function bad(reason) {
    return { ok: false, reason };
}
function clip$1(text) {
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/**
 * The host allowlist of `sandbox.network` / `executor.network`, as the egress proxy applies it:
 * - `example.com`: that exact name;
 * - `*.example.com`: any subdomain at any depth, never the apex `example.com` itself;
 * - `10.0.0.5`, `[2001:db8::1]`: that IP literal only (the only way to reach a private address);
 * - `:port` after any of these: that port only. Without a port, 80 and 443 only.
 * IP literals never match name patterns, and names never match IP patterns.
 */
const DEFAULT_PORTS = [HTTP_PORT, HTTPS_PORT];
function parseAllowRule(pattern) {
    const wildcard = pattern.startsWith("*.");
    const rest = wildcard ? pattern.slice(2) : pattern;
    const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(rest);
    const host = match?.[1] === undefined ? undefined : normaliseHost(match[1]);
    const port = match?.[2] === undefined ? undefined : Number(match[2]);
    const portOk = port === undefined || (port >= 1 && port <= 65_535);
    if (host === undefined || !portOk || (wildcard && host.kind === "ip")) {
        throw new ConfigurationError(`${JSON.stringify(pattern)} is not a network allowlist entry: use a host name ("example.com"), a wildcard for its subdomains ("*.example.com") or an IP address, each optionally with ":port".`);
    }
    return { pattern, kind: wildcard ? "wildcard" : host.kind, host: host.host, port };
}
/** Parses every entry; throws ConfigurationError naming the first bad one. */
function parseAllowlist(patterns) {
    return patterns.map(parseAllowRule);
}
/** The first rule that lets `target` through, or undefined when none does. */
function matchAllowlist(rules, target) {
    return rules.find((rule) => portMatches(rule, target.port) && hostMatches(rule, target));
}
function portMatches(rule, port) {
    return rule.port === undefined ? DEFAULT_PORTS.includes(port) : rule.port === port;
}
function hostMatches(rule, target) {
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
const IPTABLES_TIMEOUT_MS = 30_000;
const noop = { [Symbol.asyncDispose]: () => Promise.resolve() };
/** The two rules, in the order they are inserted (each at position 1, so ACCEPT ends up first). */
function firewallRules(input) {
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
async function restrictHostAccess(input) {
    const { logger } = input;
    if (process.platform !== "linux" || process.getuid?.() !== 0) {
        logger.debug("egress: not root, so host services listening on all addresses stay reachable from the sandbox");
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
    const applied = [];
    const remove = async () => {
        for (const rule of applied.splice(0).reverse())
            await iptables(["-D", "INPUT", ...rule], logger);
    };
    const unregister = registerCleanup(`firewall rules for ${iface}`, remove);
    for (const rule of rules) {
        if (!(await iptables(["-I", "INPUT", "1", ...rule], logger))) {
            await remove();
            unregister();
            logger.warning(`egress: could not restrict host access from the sandbox network (${iface}); host services listening on all addresses stay reachable from it`);
            return noop;
        }
        applied.push(rule);
    }
    logger.debug(`egress: host access from ${iface} limited to the proxy at ${input.gateway}:${input.proxyPort}`);
    return {
        async [Symbol.asyncDispose]() {
            await remove();
            unregister();
        },
    };
}
async function iptables(args, logger) {
    try {
        // -w: wait for the xtables lock instead of failing while Docker edits rules.
        const result = await runCaptured("iptables", ["-w", ...args], { timeoutMs: IPTABLES_TIMEOUT_MS });
        if (result.exitCode === 0)
            return true;
        logger.debug(`iptables ${args.join(" ")}: ${lastLines(result.stderr, 2)}`);
    }
    catch (error) {
        logger.debug(`iptables: ${getErrorMessage(error)}`);
    }
    return false;
}

/**
 * The per-session Docker/Podman network of a sandbox with a host allowlist. It is `--internal`: the
 * engine installs no route out, so traffic to anything beyond the subnet is dropped (the FORWARD
 * chain), and the only reachable address outside the container is the host's own address on the
 * bridge, the gateway, where the egress proxy listens.
 *
 * Networks carry the session's labels, so `removeLabelledNetworks` (post step, signal handlers) finds
 * leftovers of a run that was killed outright.
 */
const NETWORK_TIMEOUT_MS = 60_000;
const REMOVE_ATTEMPTS = 20;
const REMOVE_RETRY_MS = 250;
// A network that is already gone is what removal wanted anyway.
const ALREADY_GONE = /no such network|not found/i;
// Endpoints linger for a moment after their container is removed (also: signal cleanups run in
// parallel, so the container may still be going away).
const STILL_IN_USE = /active endpoints|in use/i;
/** `loophole-<run>-net-<suffix>`, reduced to the characters network names allow. */
function egressNetworkName(runId, suffix) {
    const safe = runId.replace(/[^a-zA-Z0-9_.-]+/g, "-").slice(0, 40);
    return `loophole-${safe === "" ? "run" : safe}-net-${suffix}`;
}
async function createEgressNetwork(binary, name, labels) {
    const labelArgs = Object.entries(labels)
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([key, value]) => ["--label", `${key}=${value}`]);
    const created = await runCaptured(binary, ["network", "create", "--internal", "--driver", "bridge", ...labelArgs, name], { timeoutMs: NETWORK_TIMEOUT_MS });
    if (created.exitCode !== 0) {
        const why = created.timedOut ? "no answer" : lastLines(created.stderr, 3);
        throw new GateError(`Could not create the sandbox network ${name} for the egress proxy: ${why}. Leftover networks of cancelled runs use up address pools: \`${binary} network prune\` removes unused ones.`);
    }
    const inspected = await runCaptured(binary, ["network", "inspect", name], {
        timeoutMs: NETWORK_TIMEOUT_MS,
    });
    const addressing = inspected.exitCode === 0 ? readAddressing(inspected.stdout.toString("utf8")) : undefined;
    if (addressing === undefined) {
        throw new GateError(`The sandbox network ${name} has no IPv4 subnet and gateway that loophole can read (${binary} network inspect: ${lastLines(inspected.stderr, 2)}).`);
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
function readAddressing(json) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch {
        return undefined;
    }
    const network = Array.isArray(parsed) ? parsed[0] : parsed;
    const ipam = field(network, "IPAM");
    const candidates = [...list(field(ipam, "Config")), ...list(field(network, "subnets"))];
    for (const candidate of candidates) {
        const subnet = text(field(candidate, "Subnet")) ?? text(field(candidate, "subnet"));
        const gateway = text(field(candidate, "Gateway")) ?? text(field(candidate, "gateway"));
        const match = subnet === undefined ? null : /^([\d.]+)\/(\d{1,2})$/.exec(subnet);
        const base = match?.[1];
        if (match === null || base === undefined || !isIPv4(base))
            continue;
        const prefix = Number(match[2]);
        // Docker fills the gateway in for every bridge network; the first host address is its default.
        const address = gateway !== undefined && isIPv4(gateway) ? gateway : firstHost(base);
        return { gateway: address, subnet: { network: base, prefix }, bridge: bridgeName(network) };
    }
    return undefined;
}
/** Removes the network, waiting briefly while the engine still lists an endpoint in it. Never throws. */
async function removeNetwork(binary, name, logger) {
    let lastError = "";
    for (let attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
        try {
            const result = await runCaptured(binary, ["network", "rm", name], { timeoutMs: NETWORK_TIMEOUT_MS });
            if (result.exitCode === 0 || ALREADY_GONE.test(result.stderr))
                return;
            lastError = lastLines(result.stderr, 2);
            if (!STILL_IN_USE.test(result.stderr))
                break;
        }
        catch (error) {
            lastError = getErrorMessage(error);
            break;
        }
        await setTimeout$1(REMOVE_RETRY_MS);
    }
    logger.warning(`could not remove network ${name}: ${lastError}`);
}
function bridgeName(network) {
    const named = text(field(field(network, "Options"), "com.docker.network.bridge.name"));
    const podman = text(field(network, "network_interface"));
    const id = text(field(network, "Id"));
    const name = named ?? podman ?? (id === undefined ? undefined : `br-${id.slice(0, 12)}`);
    // Interface names are at most 15 characters; anything else is not one.
    return name !== undefined && /^[\w.-]{1,15}$/.test(name) ? name : undefined;
}
function firstHost(network) {
    const parts = network.split(".").map(Number);
    parts[3] = (parts[3] ?? 0) + 1;
    return parts.join(".");
}
function field(value, key) {
    return typeof value === "object" && value !== null ? value[key] : undefined;
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
function text(value) {
    return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Which addresses the egress proxy refuses to connect to when a host NAME resolved to them: the
 * runner's own loopback, link-local (169.254.169.254 is the cloud metadata service, which hands out
 * credentials), private and other special-purpose ranges. An allowed public name that resolves into
 * one of these is DNS rebinding or a misconfiguration; a contract that really wants such an address
 * lists it as an IP literal instead (the allowlist then matches the literal, and no name is involved).
 */
const IPV4_RANGES = [
    { network: "0.0.0.0", prefix: 8, label: "this-network" },
    { network: "10.0.0.0", prefix: 8, label: "private" },
    { network: "100.64.0.0", prefix: 10, label: "shared (carrier-grade NAT)" },
    { network: "127.0.0.0", prefix: 8, label: "loopback" },
    { network: "169.254.0.0", prefix: 16, label: "link-local (cloud metadata)" },
    { network: "172.16.0.0", prefix: 12, label: "private" },
    { network: "192.0.0.0", prefix: 24, label: "protocol assignments" },
    { network: "192.0.2.0", prefix: 24, label: "documentation" },
    { network: "192.168.0.0", prefix: 16, label: "private" },
    { network: "198.18.0.0", prefix: 15, label: "benchmarking" },
    { network: "198.51.100.0", prefix: 24, label: "documentation" },
    { network: "203.0.113.0", prefix: 24, label: "documentation" },
    { network: "224.0.0.0", prefix: 4, label: "multicast" },
    { network: "240.0.0.0", prefix: 4, label: "reserved" },
];
// IPv4-mapped addresses (::ffff:a.b.c.d) are checked against the IPv4 ranges by BlockList itself.
// Prefixes that embed an IPv4 address some other way (NAT64, 6to4, the old compatible form) are
// refused whole rather than decoded: an allowed public host has no reason to resolve into them.
const IPV6_RANGES = [
    { network: "::", prefix: 96, label: "unspecified, loopback or IPv4-compatible" },
    { network: "64:ff9b::", prefix: 96, label: "NAT64 (embeds an IPv4 address)" },
    { network: "64:ff9b:1::", prefix: 48, label: "NAT64 (embeds an IPv4 address)" },
    { network: "100::", prefix: 64, label: "discard" },
    { network: "2001:db8::", prefix: 32, label: "documentation" },
    { network: "2002::", prefix: 16, label: "6to4 (embeds an IPv4 address)" },
    { network: "fc00::", prefix: 7, label: "unique local (private)" },
    { network: "fe80::", prefix: 10, label: "link-local" },
    { network: "ff00::", prefix: 8, label: "multicast" },
];
const lists = [
    ...IPV4_RANGES.map((range) => ({ range, family: "ipv4" })),
    ...IPV6_RANGES.map((range) => ({ range, family: "ipv6" })),
].map(({ range, family }) => {
    const list = new BlockList();
    list.addSubnet(range.network, range.prefix, family);
    return { list, label: range.label };
});
/**
 * The kind of special-purpose range `address` lies in ("loopback", "private", …), or undefined for
 * a public address. Anything that is not an IP address at all counts as refused.
 */
function refusedRange(address) {
    const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
    if (family === undefined)
        return "not an IP address";
    return lists.find(({ list }) => list.check(address, family))?.label;
}
/** True when `address` lies in `network/prefix` (the sandbox network's subnet, for client checks). */
function inSubnet(address, subnet) {
    const family = isIPv4(subnet.network) ? "ipv4" : "ipv6";
    const list = new BlockList();
    list.addSubnet(subnet.network, subnet.prefix, family);
    const plain = isIPv4(address) || isIPv6(address);
    return plain && list.check(address, isIPv4(address) ? "ipv4" : "ipv6");
}

/**
 * The HTTP pieces of the egress proxy that do not depend on its state: hop-by-hop header filtering,
 * forwarding one plain request, and the short answers the proxy gives itself (400, 403, 502).
 */
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
function endToEndHeaders(headers) {
    const connection = headers.connection ?? "";
    const named = new Set(connection
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== ""));
    const kept = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value === undefined || HOP_BY_HOP.has(name) || named.has(name))
            continue;
        kept[name] = value;
    }
    return kept;
}
/** Sends `req` to `address` (already checked) and streams the answer back into `res`. */
function forwardHttp(req, res, options) {
    const { target } = options;
    const upstream = request({
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
        if (!res.headersSent)
            replyText(res, 502, `loophole egress proxy: ${message}\n`);
        else
            res.destroy();
    });
    req.on("error", () => upstream.destroy());
    // The client gave up (or the answer is done): nothing more is wanted from upstream.
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
}
function replyText(res, status, body) {
    res.writeHead(status, {
        "content-type": "text/plain; charset=utf-8",
        "content-length": Buffer.byteLength(body),
        connection: "close",
    });
    res.end(body);
}
/** A whole response written to a raw socket (CONNECT and parse errors have no ServerResponse). */
function replyRaw(socket, status, body) {
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
function deniedBody(target, reason, listed) {
    const lines = [`loophole egress proxy: refused ${formatTarget(target)}: ${reason}.`];
    if (!listed) {
        const entry = target.port === HTTP_PORT || target.port === HTTPS_PORT
            ? target.host.includes(":")
                ? `[${target.host}]`
                : target.host
            : formatTarget(target);
        lines.push(`To allow it, add "${entry}" to "sandbox.network" (or "executor.network" for the agent) in loophole.json on the base branch.`);
    }
    return `${lines.join("\n")}\n`;
}

const MAX_ENTRIES = 200;
const MAX_HOST_CHARS = 255;
const MAX_REASON_CHARS = 300;
class EgressRecorder {
    #allowed = new Map();
    #denied = new Map();
    #maxEntries;
    #omitted = 0;
    constructor(maxEntries = MAX_ENTRIES) {
        this.#maxEntries = maxEntries;
    }
    /** Returns true when this is the first decision for the destination (worth a log line). */
    allowed(host, port) {
        return this.#count(this.#allowed, host, port, (entry) => entry);
    }
    denied(host, port, reason) {
        return this.#count(this.#denied, host, port, (entry) => ({
            ...entry,
            reason: clip(reason, MAX_REASON_CHARS),
        }));
    }
    snapshot() {
        return {
            allowed: [...this.#allowed.values()].map((entry) => ({ ...entry })),
            denied: [...this.#denied.values()].map((entry) => ({ ...entry })),
            omitted: this.#omitted,
        };
    }
    #count(entries, rawHost, port, create) {
        const host = clip(rawHost, MAX_HOST_CHARS);
        const key = `${host}\n${port}`;
        const existing = entries.get(key);
        if (existing !== undefined) {
            existing.count += 1;
            return false;
        }
        if (this.#allowed.size + this.#denied.size >= this.#maxEntries) {
            this.#omitted += 1;
            return false;
        }
        entries.set(key, create({ host, port, count: 1 }));
        return true;
    }
}
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * One egress decision: is the target on the allowlist, and which address does the proxy connect to.
 *
 * Names are resolved here, on the host, exactly once; the proxy then connects to the address that
 * was checked, never to the name again, so a DNS answer that changes between check and connect (DNS
 * rebinding) cannot steer the connection somewhere else.
 */
const RESOLVE_TIMEOUT_MS = 15_000;
const systemResolver = async (host) => {
    const lookedUp = lookup(host, { all: true, order: "verbatim" });
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            reject(new Error(`no answer within ${RESOLVE_TIMEOUT_MS / 1000}s`));
        }, RESOLVE_TIMEOUT_MS);
    });
    try {
        const answers = await Promise.race([lookedUp, timeout]);
        return answers.map((answer) => answer.address);
    }
    finally {
        clearTimeout(timer);
    }
};
async function decide(target, policy) {
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
    if (target.kind === "ip")
        return { allowed: true, address: target.host, rule: rule.pattern };
    let addresses;
    try {
        addresses = await policy.resolve(target.host);
    }
    catch (error) {
        return {
            allowed: false,
            listed: true,
            reason: `${target.host} does not resolve: ${getErrorMessage(error)}`,
        };
    }
    const usable = addresses.find((address) => policy.refusedRange(address) === undefined);
    if (usable !== undefined)
        return { allowed: true, address: usable, rule: rule.pattern };
    const first = addresses[0];
    if (first === undefined)
        return { allowed: false, listed: true, reason: `${target.host} has no addresses` };
    return {
        allowed: false,
        listed: true,
        reason: `${target.host} resolves to ${first} (${policy.refusedRange(first) ?? "refused"}), which names may not reach; list the address itself to allow it`,
    };
}

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
const MAX_CONNECTIONS = 256;
const IDLE_TIMEOUT_MS = 120_000;
const CONNECT_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 30_000;
const MAX_HEADER_BYTES = 16 * 1024;
async function startEgressProxy(options) {
    const proxy = new ProxyServer(options);
    await proxy.listen(options.listenHost, options.advertiseHost ?? options.listenHost);
    return proxy;
}
class ProxyServer {
    #server;
    #policy;
    #recorder = new EgressRecorder();
    #logger;
    #sockets = new Set();
    #clientSubnet;
    #idleTimeoutMs;
    #connectTimeoutMs;
    #url = "";
    #port = 0;
    #closed = false;
    constructor(options) {
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
        this.#server.on("connection", (socket) => {
            this.#onConnection(socket);
        });
        this.#server.on("clientError", (error, socket) => {
            // A request the HTTP parser rejects (or a socket error): answer if we still can, then drop it.
            if (error.code === "HPE_HEADER_OVERFLOW")
                replyRaw(socket, 431, "request header too large\n");
            else
                replyRaw(socket, 400, "loophole egress proxy: malformed request\n");
        });
        this.#server.on("request", (req, res) => {
            this.#onRequest(req, res).catch((error) => {
                this.#logger.debug(`egress proxy: ${getErrorMessage(error)}`);
                res.destroy();
            });
        });
        this.#server.on("connect", (req, socket, head) => {
            this.#onConnect(req, socket, head).catch((error) => {
                this.#logger.debug(`egress proxy: ${getErrorMessage(error)}`);
                socket.destroy();
            });
        });
        // Upgrades (WebSocket over plain http) are not proxied; https WebSockets work through CONNECT.
        this.#server.on("upgrade", (_req, socket) => {
            replyRaw(socket, 501, "loophole egress proxy: upgrades are not proxied; use https (CONNECT)\n");
        });
    }
    get port() {
        return this.#port;
    }
    get url() {
        return this.#url;
    }
    log() {
        return this.#recorder.snapshot();
    }
    listen(host, advertised) {
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
    async [Symbol.asyncDispose]() {
        if (this.#closed)
            return;
        this.#closed = true;
        const closed = new Promise((resolve) => this.#server.close(() => resolve()));
        this.#server.closeAllConnections();
        for (const socket of this.#sockets)
            socket.destroy();
        await closed;
    }
    #onConnection(socket) {
        const from = socket.remoteAddress ?? "";
        if (this.#closed || (this.#clientSubnet !== undefined && !inSubnet(from, this.#clientSubnet))) {
            this.#logger.debug(`egress proxy: dropped a connection from ${from}, outside the sandbox network`);
            socket.destroy();
            return;
        }
        this.#track(socket);
    }
    async #onRequest(req, res) {
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
        if (this.#closed || req.socket.destroyed)
            return;
        forwardHttp(req, res, {
            address: decision.address,
            target,
            idleTimeoutMs: this.#idleTimeoutMs,
            onError: (message) => this.#logger.debug(`egress proxy: ${message}`),
        });
    }
    async #onConnect(req, client, head) {
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
    #tunnel(client, head, target, address) {
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
            if (head.length > 0)
                upstream.write(head);
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
            if (established)
                client.destroy();
            else
                replyRaw(client, 502, `loophole egress proxy: ${formatTarget(target)} failed: ${error.message}\n`);
        });
        client.on("close", () => {
            clearTimeout(connectTimer);
            upstream.destroy();
        });
    }
    async #decide(target) {
        const decision = await decide(target, this.#policy);
        if (decision.allowed) {
            if (this.#recorder.allowed(target.host, target.port))
                this.#logger.debug(`egress: allowed ${formatTarget(target)} (${decision.rule}) via ${decision.address}`);
        }
        else if (this.#recorder.denied(target.host, target.port, decision.reason)) {
            this.#logger.info(`egress: refused ${formatTarget(target)}: ${decision.reason}`);
        }
        return decision;
    }
    #track(socket) {
        this.#sockets.add(socket);
        socket.once("close", () => this.#sockets.delete(socket));
        // Socket errors end that connection, never the process.
        socket.on("error", () => socket.destroy());
    }
}

/** A DNS server address with nothing behind it, inside the container's own network namespace. */
const EGRESS_DNS = "127.0.0.1";
/** The variables most HTTP clients read (curl, pip, npm, git, Go, cargo; Node ≥ 24 with the flag). */
function proxyEnvironment(proxyUrl) {
    const noProxy = "localhost,127.0.0.1";
    return {
        HTTP_PROXY: proxyUrl,
        HTTPS_PROXY: proxyUrl,
        http_proxy: proxyUrl,
        https_proxy: proxyUrl,
        NO_PROXY: noProxy,
        no_proxy: noProxy,
        // Node's built-in fetch and http only honour the variables above with this set.
        NODE_USE_ENV_PROXY: "1",
    };
}
/** Sets up network, proxy and firewall; on failure undoes what was done and throws GateError. */
async function openEgress(binary, input) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const rules = parseAllowlist(input.allowlist);
        const name = egressNetworkName(input.runId, randomBytes(3).toString("hex"));
        const stack = __addDisposableResource(env_1, new AsyncDisposableStack(), true);
        // Registered before `create`, so a signal arriving mid-create still removes it.
        const unregister = registerCleanup(`network ${name}`, () => removeNetwork(binary, name, input.logger));
        stack.defer(async () => {
            await removeNetwork(binary, name, input.logger);
            unregister();
        });
        const network = await createEgressNetwork(binary, name, input.labels);
        let proxy;
        let bridgeComesLater = false;
        try {
            proxy = await startEgressProxy({
                listenHost: network.gateway,
                rules,
                clientSubnet: network.subnet,
                logger: input.logger,
            }).catch((error) => {
                // Podman (netavark) brings a network's bridge, and so its gateway address, up only when the
                // first container joins, which needs the proxy's address first. The proxy then listens on
                // every address and still serves only clients from the network's subnet.
                if (binary !== "podman" || error.code !== "EADDRNOTAVAIL")
                    throw error;
                input.logger.debug(`egress: ${network.gateway} is not up yet; the proxy listens on all addresses`);
                bridgeComesLater = true;
                return startEgressProxy({
                    listenHost: "0.0.0.0",
                    advertiseHost: network.gateway,
                    rules,
                    clientSubnet: network.subnet,
                    logger: input.logger,
                });
            });
        }
        catch (error) {
            throw new GateError(`The egress proxy cannot listen on ${network.gateway}, the gateway of the sandbox network (${getErrorMessage(error)}). It runs in this process on the host, so it needs a rootful ${binary} engine on this machine (not rootless, not remote); otherwise remove "network" from the contract.`);
        }
        stack.use(proxy);
        stack.use(await restrictHostAccess({
            bridge: network.bridge,
            gateway: network.gateway,
            proxyPort: proxy.port,
            bridgeComesLater,
            tag: name,
            logger: input.logger,
        }));
        input.logger.debug(`egress: ${name} allows ${input.allowlist.join(", ")} through ${proxy.url}`);
        const owned = stack.move();
        const env = proxyEnvironment(proxy.url);
        const log = proxy.log.bind(proxy);
        let disposed = false;
        return {
            network: name,
            env,
            log,
            // Disposed after the session's container is gone (the network cannot go while it is attached).
            async [Symbol.asyncDispose]() {
                if (disposed)
                    return;
                disposed = true;
                await owned.disposeAsync();
            },
        };
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}

/**
 * Environment values reach a container only through an `--env-file` (never `-e NAME=value`, which
 * `ps` shows to every user of the machine). The file is written 0600 into a private (0700) directory
 * and removed as soon as the command that reads it has finished.
 *
 * The env-file format is one `NAME=value` per line with no quoting, so a value cannot hold a line
 * break; such values are refused rather than silently cut.
 */
// Docker trims leading whitespace from a line, skips lines starting with "#", and refuses names with
// whitespace; "=" would end the name early.
const BAD_NAME = /^$|^#|[\s=\0]/;
const BAD_VALUE = /[\n\r\0]/;
function formatEnvFile(env) {
    const lines = [];
    for (const [name, value] of Object.entries(env)) {
        if (BAD_NAME.test(name)) {
            throw new ConfigurationError(`The environment variable name ${JSON.stringify(name)} cannot be passed into a sandbox: names must be non-empty, must not start with "#" and must not contain whitespace or "=".`);
        }
        if (BAD_VALUE.test(value)) {
            throw new ConfigurationError(`The value of the environment variable ${name} contains a line break or NUL, which cannot be passed into a sandbox; put multi-line values in a file in the repository instead.`);
        }
        lines.push(`${name}=${value}`);
    }
    return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
/** Writes `env` to a new 0600 file in `dir` (which must be private) and returns its path. */
async function writeEnvFile(dir, env) {
    const path = join(dir, `${randomUUID()}.env`);
    await writeFile(path, formatEnvFile(env), { mode: 0o600, flag: "wx" });
    return path;
}
async function removeEnvFile(path) {
    await rm(path, { force: true });
}

/** The ExecResult shapes that do not come straight from a finished command. */
/** The session's time ran out before the command could start. */
function sessionExpired() {
    return { exitCode: null, timedOut: true, durationMs: 0, output: "", outputBytes: 0 };
}
/** The runtime (not the command) failed: no container, daemon gone, process not startable. */
function runtimeFailure(error, durationMs, partial) {
    return {
        exitCode: null,
        timedOut: false,
        durationMs,
        output: partial?.output.text() ?? "",
        outputBytes: partial?.output.totalBytes ?? 0,
        error,
    };
}
const CANCELLED = "cancelled";
/** The caller's AbortSignal had fired before the command could start. */
function cancelledBeforeStart() {
    return { exitCode: null, timedOut: false, durationMs: 0, output: "", outputBytes: 0, error: CANCELLED };
}
/**
 * A command that ran to its end, or was killed by its time limit (exitCode null, timedOut) or by the
 * caller's AbortSignal (exitCode null, error "cancelled": a cancel is not a timeout).
 */
function fromBounded(result) {
    const base = {
        durationMs: result.durationMs,
        output: result.output.text(),
        outputBytes: result.output.totalBytes,
    };
    if (result.timedOut)
        return { ...base, exitCode: null, timedOut: true };
    if (result.aborted)
        return { ...base, exitCode: null, timedOut: false, error: CANCELLED };
    return { ...base, exitCode: exitCodeOf(result), timedOut: false };
}
// A command that killed itself with a signal gets the shell's 128+n, so it reads as a failure
// rather than as "killed by the gate".
function exitCodeOf(result) {
    if (result.exitCode !== null || result.signal === null)
        return result.exitCode;
    return 128 + constants.signals[result.signal];
}

/**
 * A command gets the smaller of its own limit and what is left of its session's limit. Times are
 * `performance.now()` milliseconds (monotonic, so a clock change cannot stretch a limit).
 */
// setTimeout treats anything above 2^31-1 ms as 1 ms, which would kill a command at once.
const MAX_TIMER_MS = 2_147_483_647;
function commandTimeout(perCommandMs, sessionDeadline, now) {
    const remaining = Math.max(0, Math.floor(sessionDeadline - now));
    return Math.min(perCommandMs ?? remaining, remaining, MAX_TIMER_MS);
}

/**
 * One sandbox session on Docker or Podman: a long-lived container that every command of the session
 * runs in through `exec` (setup, tests and verifiers of one side share it, which is much faster than
 * a container per command).
 *
 * Killing the `exec` client does not stop the process inside the container, so a command that runs
 * out of time (or is cancelled) is stopped by removing the whole container. The workspace lives on
 * the host, so the next command gets a fresh container over the same files.
 *
 * With a host allowlist (`spec.network`), the session also owns its egress (egress.ts): an internal
 * network every container of the session joins, and the proxy on its gateway. It is set up before
 * the first container and torn down after the last one.
 */
const START_TIMEOUT_MS = 120_000;
const INSPECT_TIMEOUT_MS$1 = 30_000;
// Process-wide, so containers of different sessions in one run never share a name.
let containerCounter = 0;
class ContainerSession {
    image;
    #binary;
    #spec;
    #logger;
    #runId;
    #labels;
    #deadline;
    #envDir;
    #unregisterEnvDir;
    #current;
    #egress;
    #started = 0;
    #disposed = false;
    constructor(binary, spec, logger, envDir) {
        this.image = spec.image;
        this.#binary = binary;
        this.#spec = spec;
        this.#logger = logger;
        this.#envDir = envDir;
        // Env files can hold an executor's secrets while a command starts: a second Ctrl-C, which exits
        // without unwinding, removes them too.
        this.#unregisterEnvDir = registerCleanup(`env files ${envDir.path}`, async () => {
            await envDir[Symbol.asyncDispose]();
        });
        this.#deadline = performance.now() + spec.timeoutMs;
        this.#runId = spec.labels[LABEL_RUN] ?? randomBytes(4).toString("hex");
        this.#labels = { ...spec.labels, [LABEL_RUN]: this.#runId, [LABEL_PID]: String(process.pid) };
    }
    /** Starts the first container at once, so a broken image or engine fails here, not mid-run. */
    static async start(binary, spec, logger) {
        const session = new ContainerSession(binary, spec, logger, await createTempDir("env"));
        try {
            if (spec.network.length > 0) {
                session.#egress = await openEgress(binary, {
                    runId: session.#runId,
                    allowlist: spec.network,
                    labels: session.#labels,
                    logger,
                });
            }
            session.#current = session.#startContainer();
            await session.#current;
        }
        catch (error) {
            await session[Symbol.asyncDispose]();
            throw error;
        }
        return session;
    }
    get containersStarted() {
        return this.#started;
    }
    /** The egress proxy's decisions (also after dispose); empty without a network allowlist. */
    networkLog() {
        return this.#egress?.log() ?? { allowed: [], denied: [], omitted: 0 };
    }
    async exec(command, options = {}) {
        if (this.#disposed)
            throw new Error("exec called on a sandbox session that was already disposed");
        // Neither a spent session nor an already-cancelled caller is worth starting a container for.
        if (options.signal?.aborted === true)
            return cancelledBeforeStart();
        if (commandTimeout(options.timeoutMs, this.#deadline, performance.now()) <= 0)
            return sessionExpired();
        const started = performance.now();
        const elapsed = () => Math.round(performance.now() - started);
        let container;
        try {
            container = await this.#container();
        }
        catch (error) {
            return runtimeFailure(getErrorMessage(error), elapsed());
        }
        // Measured again: starting a replacement container took some of the session's time.
        const timeoutMs = commandTimeout(options.timeoutMs, this.#deadline, performance.now());
        if (timeoutMs <= 0)
            return sessionExpired();
        const env = options.env ?? {};
        const envFile = Object.keys(env).length > 0 ? await writeEnvFile(this.#envDir.path, env) : undefined;
        let result;
        try {
            const args = buildExecArgs({ name: container.name, workdir: this.#spec.workdir, envFile, command });
            result = await runBounded(this.#binary, args, {
                timeoutMs,
                ...(options.signal === undefined ? {} : { signal: options.signal }),
                ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
            });
        }
        catch (error) {
            return runtimeFailure(getErrorMessage(error), elapsed());
        }
        finally {
            if (envFile !== undefined)
                await removeEnvFile(envFile);
        }
        if (result.timedOut || result.aborted) {
            const why = result.timedOut ? "a command in it timed out" : "a command in it was cancelled";
            await this.#remove(container, why);
            return fromBounded(result);
        }
        // A non-zero code is normally the command's own, unless the container itself went away (the
        // engine stopped, another command's timeout removed it): then the code is the client's.
        if (result.exitCode !== 0 && !(await this.#isRunning(container))) {
            container.alive = false;
            container.unregister();
            const reason = container.stopReason ?? "it stopped or vanished";
            return runtimeFailure(`the container ${container.name} ended while the command ran: ${reason}`, result.durationMs, result);
        }
        return fromBounded(result);
    }
    async [Symbol.asyncDispose]() {
        if (this.#disposed)
            return;
        this.#disposed = true;
        const container = await this.#current?.catch(() => undefined);
        if (container?.alive === true)
            await this.#remove(container, "the session ended");
        // After the container: an engine refuses to remove a network that still has one attached.
        try {
            await this.#egress?.[Symbol.asyncDispose]();
        }
        finally {
            this.#unregisterEnvDir();
            await this.#envDir[Symbol.asyncDispose]();
        }
    }
    /** The live container, starting a fresh one when the last was removed. */
    async #container() {
        for (;;) {
            const current = this.#current;
            const container = await current?.catch(() => undefined);
            // Another exec replaced it while we waited: look again rather than start a second one.
            if (this.#current !== current)
                continue;
            if (container?.alive === true)
                return container;
            this.#current = this.#startContainer();
            return this.#current;
        }
    }
    async #startContainer() {
        const name = containerName(this.#runId, ++containerCounter);
        // Registered before `run`, so a signal arriving mid-start still removes it.
        const unregister = registerCleanup(`container ${name}`, () => removeContainer(this.#binary, name, this.#logger));
        const remainingSeconds = Math.max(0, this.#deadline - performance.now()) / 1000;
        // The proxy variables come last: a contract value cannot point the sandbox around the proxy
        // (it could not get out anyway, but its tools would then fail in a confusing way).
        const envFile = await writeEnvFile(this.#envDir.path, {
            HOME: "/tmp",
            ...this.#spec.env,
            ...this.#egress?.env,
        });
        let result;
        try {
            result = await runCaptured(this.#binary, buildRunArgs({
                name,
                spec: { ...this.#spec, workdir: this.#spec.workdir === "" ? DEFAULT_WORKDIR : this.#spec.workdir },
                labels: this.#labels,
                envFile,
                user: runnerUser(),
                sleepSeconds: remainingSeconds + SLEEP_GRACE_SECONDS,
                egress: this.#egress === undefined ? undefined : { network: this.#egress.network, dns: EGRESS_DNS },
            }), { timeoutMs: START_TIMEOUT_MS });
        }
        catch (error) {
            unregister();
            throw error;
        }
        finally {
            await removeEnvFile(envFile);
        }
        const failure = result.exitCode === 0
            ? await this.#probe(name)
            : startFailure(this.#binary, this.image, result.stderr, result.timedOut);
        if (failure !== undefined) {
            // A start that timed out may still create the container later: remove it either way.
            await removeContainer(this.#binary, name, this.#logger);
            unregister();
            throw new GateError(failure);
        }
        this.#started += 1;
        this.#logger.debug(`started container ${name} from ${this.image}`);
        return { name, alive: true, stopReason: undefined, unregister };
    }
    /**
     * `run --detach` succeeds even when the image has no /bin/sh or sleep (the init process starts,
     * then its child fails), so one quick exec confirms the container is up and can run commands.
     */
    async #probe(name) {
        const probe = await runCaptured(this.#binary, ["exec", name, "/bin/sh", "-c", "command -v sleep >/dev/null"], {
            timeoutMs: START_TIMEOUT_MS,
        });
        if (probe.exitCode === 0)
            return undefined;
        const detail = probe.timedOut ? "no answer" : lastLines(probe.stderr, 2);
        return `The sandbox container from ${this.image} did not come up (${detail}). Images need /bin/sh and sleep: loophole keeps the container alive with sleep and runs every command through /bin/sh.`;
    }
    async #remove(container, reason) {
        container.alive = false;
        container.stopReason ??= `the gate removed it because ${reason}`;
        await removeContainer(this.#binary, container.name, this.#logger);
        container.unregister();
    }
    async #isRunning(container) {
        if (!container.alive)
            return false;
        try {
            const result = await runCaptured(this.#binary, ["inspect", "--format", "{{.State.Running}}", container.name], {
                timeoutMs: INSPECT_TIMEOUT_MS$1,
            });
            return result.exitCode === 0 && result.stdout.toString("utf8").trim() === "true";
        }
        catch {
            return false;
        }
    }
}
function runnerUser() {
    // Not available on Windows, where there is no uid to match.
    if (process.getuid === undefined || process.getgid === undefined)
        return undefined;
    return { uid: process.getuid(), gid: process.getgid() };
}
function startFailure(binary, image, stderr, timedOut) {
    if (timedOut)
        return `${binary} did not start a container from ${image} within ${START_TIMEOUT_MS / 1000}s.`;
    return `Could not start a sandbox container from ${image}: ${lastLines(stderr, 3)}.`;
}

/**
 * The container runtime on Docker or Podman, driven through their (identical) CLIs. Control commands
 * go through `runCaptured`; what untrusted code prints goes through `runBounded` (in the session).
 */
const PING_TIMEOUT_MS = 30_000;
const INSPECT_TIMEOUT_MS = 30_000;
const PULL_TIMEOUT_MS = 15 * 60_000;
// `podman version` has no server part on a local engine; `info` answers on both kinds of setup.
const PING_ARGS = {
    docker: ["version", "--format", "{{.Server.Version}}"],
    podman: ["info", "--format", "{{.Version.Version}}"],
};
const CPU_COUNT_ARGS = {
    docker: ["info", "--format", "{{.NCPU}}"],
    podman: ["info", "--format", "{{.Host.CPUs}}"],
};
class ContainerCli {
    kind;
    /** Mount targets are container paths (see HostRuntime, where they are host paths). */
    hostPaths = false;
    #logger;
    #hostCpus;
    constructor(binary, logger = silentLogger) {
        this.kind = binary;
        this.#logger = logger;
    }
    async ping() {
        let detail;
        try {
            const result = await runCaptured(this.kind, PING_ARGS[this.kind], { timeoutMs: PING_TIMEOUT_MS });
            if (result.exitCode === 0)
                return;
            detail = result.timedOut
                ? `no answer within ${formatDuration(PING_TIMEOUT_MS)}`
                : lastLines(result.stderr, 3);
        }
        catch (error) {
            detail = getErrorMessage(error);
        }
        throw new GateError([
            `The container runtime (${this.kind}) does not answer: ${detail}.`,
            `Start ${this.kind === "docker" ? "Docker" : "Podman"} and retry (GitHub's Linux runners have Docker preinstalled).`,
            "To run without a container instead, opt in explicitly with `--runtime host`: untrusted code then runs directly on this machine, with its network, and the report says so.",
        ].join(" "));
    }
    async ensureImage(image) {
        checkImageReference(image);
        const present = await this.#inspectImage(image);
        if (present !== undefined)
            return present;
        this.#logger.info(`Pulling ${image} …`);
        const pulled = await runCaptured(this.kind, ["pull", "--quiet", image], { timeoutMs: PULL_TIMEOUT_MS });
        if (pulled.exitCode !== 0) {
            const why = pulled.timedOut
                ? `no result within ${formatDuration(PULL_TIMEOUT_MS)}`
                : lastLines(pulled.stderr, 4);
            throw new GateError(`The image ${image} is not present and could not be pulled: ${why}`);
        }
        const pulledInfo = await this.#inspectImage(image);
        if (pulledInfo === undefined)
            throw new GateError(`The image ${image} was pulled but cannot be inspected.`);
        return pulledInfo;
    }
    async startSession(spec) {
        checkImageReference(spec.image);
        const cpus = clampCpus(spec.cpus, await this.#cpuCount());
        if (cpus !== spec.cpus)
            this.#logger.debug(`cpus ${spec.cpus} lowered to the engine's ${cpus}`);
        return ContainerSession.start(this.kind, { ...spec, cpus }, this.#logger);
    }
    /** Removes labelled containers, then labelled (egress) networks; returns the container count. */
    removeLabelled(label, value) {
        return removeLabelledContainers(this.kind, label, value);
    }
    async #inspectImage(image) {
        const result = await runCaptured(this.kind, ["image", "inspect", "--format", "{{.Id}}", image], {
            timeoutMs: INSPECT_TIMEOUT_MS,
        });
        const id = result.stdout.toString("utf8").trim();
        if (result.exitCode !== 0 || id === "")
            return undefined;
        // Podman prints the bare digest where Docker prints `sha256:…`; provenance and cache keys use one form.
        return { reference: image, id: /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id };
    }
    /** The engine host's CPU count, asked once: `--cpus` above it is an error, not a no-op. */
    #cpuCount() {
        this.#hostCpus ??= runCaptured(this.kind, CPU_COUNT_ARGS[this.kind], { timeoutMs: PING_TIMEOUT_MS }).then((result) => {
            const count = Number(result.stdout.toString("utf8").trim());
            return result.exitCode === 0 && Number.isFinite(count) && count > 0 ? count : undefined;
        }, () => undefined);
        return this.#hostCpus;
    }
}

/**
 * The host "runtime": an explicit opt-in (`--runtime host`) for machines without a container
 * engine. Commands run as `/bin/sh -c` directly in the workspace, so there is no isolation beyond a
 * restricted environment and time limits; the report names this in its not-proven section.
 *
 * - Environment: only the contract's variables, plus PATH (this process's, unless the contract sets
 *   one) and HOME (a fresh temp dir per session). Nothing else of this process leaks through.
 * - Paths: there is no container, so `workdir` and `mounts` are ignored and commands see host paths
 *   (`hostPaths` is true). Callers that point a command at a mounted directory (such as a reports
 *   directory) must pass the host path for this runtime.
 * - Network: not restricted.
 * - Time limits and cancellation kill the command's whole process group (a command that starts its
 *   own session with `setsid` escapes that).
 */
const SHELL = "/bin/sh";
const FALLBACK_PATH = "/usr/local/bin:/usr/bin:/bin";
class HostRuntime {
    kind = "host";
    /** Mount targets are not translated: commands see host paths. */
    hostPaths = true;
    #logger;
    constructor(logger = silentLogger) {
        this.#logger = logger;
    }
    async ping() {
        try {
            await access(SHELL, constants$1.X_OK);
        }
        catch (error) {
            throw new GateError(`The host runtime needs ${SHELL}: ${getErrorMessage(error)}`);
        }
    }
    ensureImage(_image) {
        return Promise.resolve({ reference: "host", id: "host" });
    }
    async startSession(spec) {
        this.#logger.debug(`host runtime: commands run unsandboxed in ${spec.workspace}`);
        return new HostSession(spec, await createTempDir("home"));
    }
    /** Nothing outlives a host session: its processes die with their group. */
    removeLabelled(_label, _value) {
        return Promise.resolve(0);
    }
}
class HostSession {
    image = "host";
    /** No containers on the host. */
    containersStarted = 0;
    #spec;
    #home;
    #deadline;
    // Aborted on dispose and on a terminating signal, so no command outlives the session.
    #stop = new AbortController();
    #unregister;
    #disposed = false;
    constructor(spec, home) {
        this.#spec = spec;
        this.#home = home;
        this.#deadline = performance.now() + spec.timeoutMs;
        // A second Ctrl-C exits without unwinding: the commands stop and their HOME goes with them.
        this.#unregister = registerCleanup(`host commands in ${spec.workspace} (HOME ${home.path})`, async () => {
            this.#stop.abort();
            await home[Symbol.asyncDispose]();
        });
    }
    async exec(command, options = {}) {
        if (this.#disposed)
            throw new Error("exec called on a sandbox session that was already disposed");
        const timeoutMs = commandTimeout(options.timeoutMs, this.#deadline, performance.now());
        if (timeoutMs <= 0)
            return sessionExpired();
        const env = {
            PATH: process.env["PATH"] ?? FALLBACK_PATH,
            HOME: this.#home.path,
            ...this.#spec.env,
            ...options.env,
        };
        const signal = options.signal === undefined ? this.#stop.signal : AbortSignal.any([options.signal, this.#stop.signal]);
        try {
            const result = await runBounded(SHELL, ["-c", command], {
                cwd: this.#spec.workspace,
                env,
                timeoutMs,
                signal,
                ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
            });
            return fromBounded(result);
        }
        catch (error) {
            return runtimeFailure(getErrorMessage(error), 0);
        }
    }
    async [Symbol.asyncDispose]() {
        if (this.#disposed)
            return;
        this.#disposed = true;
        this.#stop.abort();
        this.#unregister();
        await this.#home[Symbol.asyncDispose]();
    }
}

function createRuntime(kind, logger = silentLogger) {
    switch (kind) {
        case "docker":
        case "podman":
            return new ContainerCli(kind, logger);
        case "host":
            return new HostRuntime(logger);
    }
}

/** Failure texts are tracebacks; the first part says what went wrong, the rest only costs memory. */
const MAX_MESSAGE_CHARS = 1000;
function boundMessage(text) {
    if (text === undefined)
        return undefined;
    const trimmed = text.trim();
    if (trimmed === "")
        return undefined;
    return trimmed.length > MAX_MESSAGE_CHARS ? `${trimmed.slice(0, MAX_MESSAGE_CHARS)}…` : trimmed;
}
function emptyCounts() {
    return { total: 0, passed: 0, failed: 0, error: 0, skipped: 0, xfail: 0 };
}
function countInventory(inventory) {
    const counts = emptyCounts();
    for (const test of inventory.tests.values()) {
        counts.total += 1;
        counts[test.status] += 1;
    }
    return counts;
}
function isFailing(status) {
    return status === "failed" || status === "error";
}
function isNotRun(status) {
    return status === "skipped" || status === "xfail";
}

/** Where the clean room sits inside the gate's containers. */
const DEFAULT_ROOTS = ["/work/"];
/**
 * A file path relative to the repository root: `file://` URLs, the container work dir and `./` are
 * stripped. Paths outside every root stay absolute (they still compare equal when base and head run
 * at the same place, which the gate guarantees).
 */
function normalizeFile(path, roots = DEFAULT_ROOTS) {
    let p = path.trim();
    if (p.startsWith("file://"))
        p = decodeURIComponentSafe(p.slice("file://".length));
    for (const root of roots) {
        const prefix = root.endsWith("/") ? root : `${root}/`;
        if (p.startsWith(prefix)) {
            p = p.slice(prefix.length);
            break;
        }
    }
    while (p.startsWith("./"))
        p = p.slice(2);
    return p;
}
function decodeURIComponentSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** `file::suite::name`, leaving out the parts that are unknown. */
function makeId(parts) {
    const pieces = [];
    if (parts.file !== undefined && parts.file !== "")
        pieces.push(parts.file);
    if (parts.suite !== undefined && parts.suite !== "")
        pieces.push(parts.suite);
    pieces.push(parts.name);
    return pieces.join("::");
}
class InventoryBuilder {
    #inventory;
    /**
     * For a plain id seen more than once, the last `#n` suffix given. Ids seen once (nearly all) are
     * not in it: one map entry per test is enough.
     */
    #repeats = new Map();
    constructor(framework) {
        this.#inventory = { framework, tests: new Map(), problems: [] };
    }
    get size() {
        return this.#inventory.tests.size;
    }
    has(id) {
        return this.#inventory.tests.has(id);
    }
    get(id) {
        return this.#inventory.tests.get(id);
    }
    /**
     * Adds a test; a repeated id (parametrised tests with equal names) gets `#2`, `#3`… in the order
     * the runner reported them, which is stable for a given test file. Returns the id used.
     * `plain` is `makeId(test)`, for a caller that already made it.
     */
    add(test, plain = makeId(test)) {
        const tests = this.#inventory.tests;
        let id = plain;
        if (tests.has(plain)) {
            let count = (this.#repeats.get(plain) ?? 1) + 1;
            id = `${plain}#${String(count)}`;
            // A literal test name such as "x#2" could already hold the suffixed id.
            while (tests.has(id)) {
                count += 1;
                id = `${plain}#${String(count)}`;
            }
            this.#repeats.set(plain, count);
        }
        tests.set(id, newEntry(id, test));
        return id;
    }
    /**
     * Adds a test or, when the same test (same file, suite and name) is already in, records its latest
     * result instead: status and message replaced, duration when given. For runners that can run a test
     * again (`go test -count=2`). Returns the id.
     */
    addOrReplace(test, plain = makeId(test)) {
        const tests = this.#inventory.tests;
        const entry = tests.get(plain);
        if (entry === undefined) {
            tests.set(plain, newEntry(plain, test));
            return plain;
        }
        if (!isSameTest(entry, test))
            return this.add(test, plain);
        this.update(plain, test.status, test.message);
        if (test.durationMs !== undefined && Number.isFinite(test.durationMs)) {
            entry.durationMs = Math.round(test.durationMs);
        }
        return plain;
    }
    /** Sets the outcome of a test already added (a later event decided it); the message is replaced. */
    update(id, status, message) {
        const entry = this.#inventory.tests.get(id);
        if (entry === undefined)
            return;
        entry.status = status;
        const bounded = boundMessage(message);
        // Assigned, never deleted: `delete` turns the object into a slow dictionary-mode one.
        if (bounded !== undefined || entry.message !== undefined)
            entry.message = bounded;
    }
    problem(text) {
        // Bounded: a hostile report could produce one problem per line.
        if (this.#inventory.problems.length < MAX_PROBLEMS)
            this.#inventory.problems.push(text);
        else if (this.#inventory.problems.length === MAX_PROBLEMS) {
            this.#inventory.problems.push("… further problems omitted");
        }
    }
    build() {
        return this.#inventory;
    }
}
function isSameTest(entry, test) {
    return (entry.name === test.name &&
        entry.file === (test.file === "" ? undefined : test.file) &&
        entry.suite === (test.suite === "" ? undefined : test.suite));
}
/**
 * The stored test, with only the parts that are known. Its properties are added in one fixed order,
 * so entries of the same kind share one hidden class.
 */
function newEntry(id, test) {
    const entry = { id, name: test.name, status: test.status };
    if (test.file !== undefined && test.file !== "")
        entry.file = test.file;
    if (test.suite !== undefined && test.suite !== "")
        entry.suite = test.suite;
    const message = boundMessage(test.message);
    if (message !== undefined)
        entry.message = message;
    if (test.durationMs !== undefined && Number.isFinite(test.durationMs)) {
        entry.durationMs = Math.round(test.durationMs);
    }
    return entry;
}
const MAX_PROBLEMS = 50;

/**
 * cargo test / libtest output: the plain format (`test a::b ... ok|FAILED|ignored`) and, when
 * present, the JSON format (`-Z unstable-options --format json`), with stderr merged in by the cargo
 * preset so `Running tests/x.rs (target/debug/deps/x-…)` and `Doc-tests crate` name each test binary
 * and `error: could not compile` is seen.
 *
 * Ids are `source::binary::test` (`src/lib.rs::calc::tests::adds`, `tests/api.rs::api::works`), or the
 * bare test name when only stdout was captured. Doc-test names lose their ` (line N)` suffix, which
 * changes whenever lines are added above. `should_panic` tests that panicked are passes; `#[ignore]`
 * is skipped.
 *
 * Result lines are plain stdout, so a test can print forged ones. Each binary's `running N tests`
 * header and `test result:` summary are compared with the lines seen; a difference, or a binary that
 * never printed its summary (the process exited early), goes to `facts.incomplete`.
 */
const RUNNING_BINARY = /^\s*Running (?:unittests )?(\S+) \((?:.*\/)?([^/()]+?)(?:-[0-9a-f]{8,})?(?:\.exe)?\)\s*$/;
const DOC_TESTS = /^\s*Doc-tests (\S+)\s*$/;
const RUNNING_TESTS = /^running (\d+) tests?$/;
const RESULT_LINE = /^test (.+?) \.\.\. (ok|FAILED|ignored|bench:.*?)(?:, (.*?))?(?: <[\d.]+s>)?\s*$/;
const SUMMARY = /^test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored; (\d+) measured; (\d+) filtered out/;
const COMPILE_ERROR = /^error: could not compile `([^`]+)`(.*)$/;
function parseCargoOutput(text, options = {}) {
    const source = options.source ?? "cargo test output";
    const builder = new InventoryBuilder(options.framework ?? "cargo");
    const binaries = [];
    const compileFailures = new Set();
    let next;
    let section;
    const startSection = (declared) => {
        const label = next?.label ?? `binary #${binaries.length + 1}`;
        const binary = {
            label,
            declared,
            seen: { passed: 0, failed: 0, ignored: 0 },
            summary: undefined,
        };
        binaries.push(binary);
        const started = {
            binary,
            file: next?.file,
            suite: next?.suite,
            open: true,
            failed: new Map(),
            capture: undefined,
        };
        next = undefined;
        return started;
    };
    const record = (current, rawName, status, message) => {
        const name = normalizeName(rawName);
        // `src/lib.rs - add (line 3) - compile ... ok` is a no_run doctest: compiled, never run. libtest
        // counts it as passed (so the binary's counts below do too), but it proves nothing at run time.
        const compiledOnly = status === "passed" && / - compile$/.test(rawName);
        const id = builder.add({
            file: current.file,
            suite: current.suite,
            name,
            status: compiledOnly ? "skipped" : status,
            message: compiledOnly ? "no_run doctest: compiled, not run" : message,
        });
        if (status === "passed")
            current.binary.seen.passed += 1;
        else if (status === "failed") {
            current.binary.seen.failed += 1;
            current.failed.set(name, id);
        }
        else
            current.binary.seen.ignored += 1;
    };
    const endCapture = (current) => {
        if (current.capture === undefined)
            return;
        builder.update(current.capture.id, "failed", current.capture.lines.join("\n"));
        current.capture = undefined;
    };
    for (const raw of text.split("\n")) {
        const line = raw.replace(/\r$/, "");
        const trimmed = line.trim();
        if (trimmed.startsWith("{")) {
            const event = parseJsonEvent(trimmed);
            if (event !== undefined) {
                section = applyJsonEvent(event, section, startSection, record);
                continue;
            }
        }
        const running = RUNNING_BINARY.exec(line);
        if (running?.[1] !== undefined && running[2] !== undefined) {
            next = { label: `${running[1]} (${running[2]})`, file: running[1], suite: running[2] };
            continue;
        }
        const doc = DOC_TESTS.exec(line);
        if (doc?.[1] !== undefined) {
            next = { label: `doc-tests ${doc[1]}`, file: undefined, suite: `doc-tests ${doc[1]}` };
            continue;
        }
        const header = RUNNING_TESTS.exec(trimmed);
        if (header?.[1] !== undefined) {
            section = startSection(Number(header[1]));
            continue;
        }
        const compile = COMPILE_ERROR.exec(trimmed);
        if (compile?.[1] !== undefined && !compileFailures.has(compile[1])) {
            compileFailures.add(compile[1]);
            builder.add({ suite: compile[1], name: "(build)", status: "error", message: trimmed });
            continue;
        }
        if (section === undefined)
            continue;
        const summary = SUMMARY.exec(trimmed);
        if (summary !== null)
            endCapture(section);
        if (summary !== null) {
            const [passed, failed, ignored, measured, filteredOut] = summary.slice(1, 6).map(Number);
            section.binary.summary = {
                passed: passed ?? 0,
                failed: failed ?? 0,
                ignored: ignored ?? 0,
                measured: measured ?? 0,
                filteredOut: filteredOut ?? 0,
            };
            section.open = false;
            continue;
        }
        if (trimmed === "failures:" || trimmed === "successes:") {
            endCapture(section);
            section.open = false;
            continue;
        }
        if (!section.open) {
            captureFailure(section, line, endCapture);
            continue;
        }
        const result = RESULT_LINE.exec(trimmed);
        if (result?.[1] !== undefined) {
            const status = result[2] === "FAILED" ? "failed" : result[2] === "ignored" ? "skipped" : "passed";
            record(section, result[1], status, result[2] === "ignored" ? result[3] : undefined);
        }
    }
    const incomplete = binaries.flatMap((binary) => checkBinary(binary, source));
    const declared = binaries.reduce((sum, binary) => sum + binary.declared, 0);
    return { inventory: builder.build(), facts: { declared, seen: builder.size, incomplete }, binaries };
}
const FAILURE_HEADER = /^---- (.+?) stdout ----$/;
/** After `failures:`, `---- name stdout ----` starts the captured output of a failed test. */
function captureFailure(section, line, endCapture) {
    const header = FAILURE_HEADER.exec(line.trim());
    if (header?.[1] !== undefined) {
        endCapture(section);
        const id = section.failed.get(normalizeName(header[1]));
        if (id !== undefined)
            section.capture = { id, lines: [] };
        return;
    }
    const capture = section.capture;
    if (capture !== undefined && capture.lines.length < 40)
        capture.lines.push(line);
}
/** `tests::x - should panic` → `tests::x`; `src/lib.rs - add (line 3)` → `src/lib.rs - add`. */
function normalizeName(name) {
    return name
        .replace(/ - should panic(?: with message .*)?$/, "")
        .replace(/ \(line \d+\)(?: - compile(?: fail)?)?$/, "");
}
function checkBinary(binary, source) {
    const seen = binary.seen.passed + binary.seen.failed + binary.seen.ignored;
    const where = `${source}: ${binary.label}`;
    const problems = [];
    if (binary.summary === undefined) {
        problems.push(`${where} announced ${binary.declared} tests and reported ${seen} without a \`test result:\` line (the test process ended early)`);
        return problems;
    }
    if (seen !== binary.declared) {
        problems.push(`${where} announced ${binary.declared} tests but ${seen} result lines were printed`);
    }
    const { summary } = binary;
    if (summary.passed + summary.measured !== binary.seen.passed ||
        summary.failed !== binary.seen.failed ||
        summary.ignored !== binary.seen.ignored) {
        problems.push(`${where}: the summary says ${summary.passed} passed, ${summary.failed} failed, ${summary.ignored} ignored but the result lines say ${binary.seen.passed}, ${binary.seen.failed}, ${binary.seen.ignored}`);
    }
    return problems;
}
function parseJsonEvent(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    if (typeof value !== "object" || value === null)
        return undefined;
    const record = value;
    if (typeof record.type !== "string" || typeof record.event !== "string")
        return undefined;
    const event = { type: record.type, event: record.event };
    if (typeof record.name === "string")
        event.name = record.name;
    if (typeof record.test_count === "number")
        event.testCount = record.test_count;
    const message = typeof record.message === "string" ? record.message : record.stdout;
    if (typeof message === "string")
        event.message = message;
    const number = (key) => (typeof record[key] === "number" ? record[key] : 0);
    if (typeof record.passed === "number") {
        event.counts = {
            passed: number("passed"),
            failed: number("failed"),
            ignored: number("ignored"),
            measured: number("measured"),
            filteredOut: number("filtered_out"),
        };
    }
    return event;
}
function applyJsonEvent(event, section, startSection, record) {
    if (event.type === "suite") {
        if (event.event === "started")
            return startSection(event.testCount ?? 0);
        if (section !== undefined && event.counts !== undefined) {
            section.binary.summary = event.counts;
            section.open = false;
        }
        return section;
    }
    if (section === undefined || !section.open || event.name === undefined)
        return section;
    if (event.type === "bench") {
        record(section, event.name, "passed");
        return section;
    }
    if (event.type !== "test")
        return section;
    switch (event.event) {
        case "ok":
            record(section, event.name, "passed");
            break;
        case "failed":
        case "timeout":
            record(section, event.name, "failed", event.message);
            break;
        case "ignored":
            record(section, event.name, "skipped", event.message);
            break;
    }
    return section;
}

const TIME = String.raw `\{(?:"Time":"[^"\\\x00-\x1f]*",)?`;
/** The end of a line (or of the stream): the expressions are sticky, matched where a line starts. */
const LINE_END = String.raw `\}(?:\n|$)`;
/** A JSON string's content with nothing to unescape. */
const PLAIN = String.raw `[^"\\\x00-\x1f]*`;
/** The content of any JSON string, as runs of plain characters between escapes (fast to match). */
const JSON_STRING_CONTENT = String.raw `[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*`;
const JSON_NUMBER = String.raw `-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?`;
/**
 * A test's output event whose Output is the runner's own status line (`=== RUN`, `--- PASS:`…):
 * half the lines of a stream, and ignored (see `isStatusLine`).
 */
const STATUS_OUTPUT_EVENT = new RegExp(`${TIME}"Action":"output","Package":"${PLAIN}","Test":"${PLAIN}",` +
    String.raw `"Output":"(?: |\\t)*(?:=== (?:RUN|PAUSE|CONT|NAME) |--- (?:PASS|FAIL|SKIP): )` +
    `${JSON_STRING_CONTENT}"${LINE_END}`, "y");
/** A test's event without Output (run, pause, cont, pass, fail, skip): Action, Package, Test, Elapsed. */
const TEST_EVENT = new RegExp(`${TIME}"Action":"([a-z-]+)","Package":"(${PLAIN})","Test":"(${PLAIN})"(?:,"Elapsed":(${JSON_NUMBER}))?${LINE_END}`, "y");
function parseEvent(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    return isEvent(value) ? value : undefined;
}
function isEvent(value) {
    return typeof value === "object" && value !== null && "Action" in value && typeof value.Action === "string";
}
/**
 * The runner's own status lines say nothing a status does not, and each comes with an event of its
 * own (run, pause, cont, pass, fail, skip) that says the same.
 */
function isStatusLine(output) {
    return /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)|--- (?:PASS|FAIL|SKIP):)/.test(output);
}
/** Build events name the test variant: "example.com/x [example.com/x.test]". */
function packageName(named) {
    return named.endsWith("]") ? named.replace(/ \[[^\]]*\]$/, "") : named;
}
function endStatus(action) {
    switch (action) {
        case "pass":
            return "passed";
        case "fail":
            return "failed";
        case "skip":
            return "skipped";
        default:
            return undefined;
    }
}
/** The last lines of a test's or package's output, bounded: enough to say why it failed. */
class OutputTail {
    #lines = [];
    #chars = 0;
    push(output) {
        if (isStatusLine(output))
            return;
        this.#lines.push(output);
        this.#chars += output.length;
        while (this.#chars > 4000 && this.#lines.length > 1) {
            this.#chars -= this.#lines.shift()?.length ?? 0;
        }
    }
    text() {
        const joined = this.#lines.join("").trim();
        return joined === "" ? undefined : joined;
    }
}

const BUILD_FAILED = /^FAIL\s+(\S+)\s+\[(build failed|setup failed)\]\s*$/;
const NEVER_ENDED = "started but never reported a result (the test binary crashed, timed out or was killed)";
const MAX_LISTED = 10;
function parseGoTestJson(text, options = {}) {
    const reader = new GoStreamReader(options.source ?? "go test -json output", options.framework ?? "go");
    reader.read(text);
    return reader.finish();
}
/**
 * A test is added to the inventory when its end event arrives, with its final status, message and
 * duration; until then it is in its package's `running` map. Output is kept only while a test runs
 * and only when the test did not pass, so memory holds the inventory and the running tests.
 */
class GoStreamReader {
    #source;
    #builder;
    #packages = new Map();
    #failedPackages = new Set();
    #last;
    #started = 0;
    #malformed = 0;
    /** Reused for every test added: the builder copies what it keeps. */
    #test = { suite: "", name: "", status: "passed" };
    constructor(source, framework) {
        this.#source = source;
        this.#builder = new InventoryBuilder(framework);
    }
    /**
     * Reads the stream line by line, as `text.split("\n")` with each line trimmed would. A line that
     * TEST_EVENT or STATUS_OUTPUT_EVENT matches where it starts is read in place: no line string, no
     * JSON.parse.
     */
    read(text) {
        let at = 0;
        while (at < text.length) {
            STATUS_OUTPUT_EVENT.lastIndex = at;
            if (STATUS_OUTPUT_EVENT.test(text)) {
                at = STATUS_OUTPUT_EVENT.lastIndex;
                continue;
            }
            TEST_EVENT.lastIndex = at;
            const fast = TEST_EVENT.exec(text);
            if (fast !== null) {
                at = TEST_EVENT.lastIndex;
                // Captured values hold no escapes, so they are what JSON.parse would return.
                const elapsed = fast[4];
                const seconds = elapsed === undefined ? undefined : Number(elapsed);
                this.#testEvent(fast[1] ?? "", packageName(fast[2] ?? ""), fast[3] ?? "", undefined, seconds);
                continue;
            }
            const end = text.indexOf("\n", at);
            const next = end === -1 ? text.length : end;
            this.line(text.slice(at, next).trim());
            at = next + 1;
        }
    }
    line(line) {
        if (line === "")
            return;
        const event = line.startsWith("{") ? parseEvent(line) : undefined;
        if (event === undefined) {
            if (line.startsWith("{"))
                this.#malformed += 1;
            this.#checkBuildFailure(line);
            return;
        }
        const named = typeof event.Package === "string" ? event.Package : event.ImportPath;
        if (typeof named !== "string")
            return;
        const pkg = packageName(named);
        if (event.Action === "build-output" || event.Action === "build-fail") {
            // Go ≥ 1.24 reports compilation in the stream, keyed by ImportPath.
            if (event.Action === "build-fail")
                this.#packageFailure(pkg, "(build)", "build failed");
            return;
        }
        if (typeof event.Test === "string") {
            const output = typeof event.Output === "string" ? event.Output : undefined;
            const elapsed = typeof event.Elapsed === "number" ? event.Elapsed : undefined;
            this.#testEvent(event.Action, pkg, event.Test, output, elapsed);
        }
        else
            this.#packageEvent(event, pkg);
    }
    finish() {
        const neverEnded = this.#neverEnded();
        const incomplete = [];
        for (const { pkg, name } of neverEnded.slice(0, MAX_LISTED)) {
            incomplete.push(`${this.#source}: ${pkg} ${name} ${NEVER_ENDED}`);
        }
        if (neverEnded.length > MAX_LISTED) {
            incomplete.push(`${this.#source}: and ${String(neverEnded.length - MAX_LISTED)} more tests that never reported a result`);
        }
        for (const { pkg, name } of neverEnded) {
            this.#builder.add({ suite: pkg, name, status: "error", message: NEVER_ENDED });
        }
        // Every package that reported anything must also report its end: a stream cut between two
        // passing tests (go < 1.20 writes no "start" event) is otherwise indistinguishable from a finished one.
        for (const state of this.#packages.values()) {
            const pkg = state.pkg;
            if (!state.ended && !this.#failedPackages.has(pkg)) {
                incomplete.push(`${this.#source}: package ${pkg} never reported its final result (the go command was killed?)`);
            }
        }
        if (this.#malformed > 0) {
            this.#builder.problem(`${this.#source}: ${String(this.#malformed)} lines looked like JSON but were not test2json events`);
        }
        return { inventory: this.#builder.build(), facts: { seen: this.#builder.size, incomplete } };
    }
    /**
     * Tests still running at the end of the stream, in the order they started. A test that already
     * ended once (`go test -count=2`) keeps the result it reported.
     */
    #neverEnded() {
        const found = [];
        for (const [pkg, state] of this.#packages) {
            for (const [name, order] of state.running) {
                if (this.#ended(pkg, name) === undefined)
                    found.push({ pkg, name, order });
            }
        }
        return found.sort((a, b) => a.order - b.order);
    }
    /** The inventory entry of a test that already ended, if any. */
    #ended(pkg, name) {
        const entry = this.#builder.get(makeId({ suite: pkg, name }));
        return entry !== undefined && entry.suite === (pkg === "" ? undefined : pkg) && entry.name === name
            ? entry
            : undefined;
    }
    #state(pkg) {
        // Events come package by package: comparing with the last one is cheaper than hashing the name.
        if (this.#last?.pkg === pkg)
            return this.#last;
        let state = this.#packages.get(pkg);
        if (state === undefined) {
            state = {
                pkg,
                ended: false,
                failingTests: 0,
                output: new OutputTail(),
                running: new Map(),
                outputs: new Map(),
            };
            this.#packages.set(pkg, state);
        }
        this.#last = state;
        return state;
    }
    #checkBuildFailure(line) {
        const build = BUILD_FAILED.exec(line);
        if (build?.[1] !== undefined)
            this.#packageFailure(build[1], "(build)", `FAIL ${build[1]} [${build[2] ?? ""}]`);
    }
    /** One pseudo test per failed package, so a build failure seen twice (stderr and JSON) counts once. */
    #packageFailure(pkg, name, message) {
        if (this.#failedPackages.has(pkg))
            return;
        this.#failedPackages.add(pkg);
        this.#builder.add({ suite: pkg, name, status: "error", message });
    }
    #packageEvent(event, pkg) {
        const state = this.#state(pkg);
        if (event.Action === "output") {
            if (typeof event.Output !== "string")
                return;
            state.output.push(event.Output);
            this.#checkBuildFailure(event.Output.trim());
            return;
        }
        const status = endStatus(event.Action);
        if (status === undefined)
            return;
        state.ended = true;
        if (status !== "failed")
            return;
        if (typeof event.FailedBuild === "string") {
            this.#packageFailure(pkg, "(build)", `build failed: ${event.FailedBuild}`);
        }
        else if (state.failingTests === 0) {
            // Failed without a failing test: a panic in init, TestMain exiting non-zero, a vet error.
            this.#packageFailure(pkg, "(package)", state.output.text() ?? `package ${pkg} failed`);
        }
    }
    #testEvent(action, pkg, name, output, elapsed) {
        // A status line is ignored altogether, as STATUS_OUTPUT_EVENT lines are.
        if (action === "output" && output !== undefined && isStatusLine(output))
            return;
        const state = this.#state(pkg);
        const running = state.running;
        const status = endStatus(action);
        if (status === undefined) {
            if (!running.has(name))
                running.set(name, this.#started++);
            if (action === "output" && output !== undefined) {
                let tail = state.outputs.get(name);
                if (tail === undefined) {
                    tail = new OutputTail();
                    state.outputs.set(name, tail);
                }
                tail.push(output);
            }
            return;
        }
        running.delete(name);
        let message;
        if (state.outputs.size > 0) {
            message = status === "passed" ? undefined : state.outputs.get(name)?.text();
            state.outputs.delete(name);
        }
        if (status === "failed") {
            state.failingTests += 1;
        }
        const test = this.#test;
        test.suite = pkg;
        test.name = name;
        test.status = status;
        test.message = message;
        test.durationMs = elapsed === undefined ? undefined : elapsed * 1000;
        // The same test again (`go test -count=2`) replaces its result: the last one counts.
        this.#builder.addOrReplace(test);
    }
}

/**
 * Jest's own `--json --outputFile=…` results (vitest's json reporter writes the same shape). Used for
 * jest instead of jest-junit because jest-junit reports `test.todo` and a failing `test.failing` as
 * passes, and jest's JSON marks them (`status: "todo"`, `failing: true`); it also needs no extra
 * package in the project.
 *
 * A test file that failed outside any test (it could not be imported, a hook threw) becomes a pseudo
 * test `file::(file)` with status `error`, so the inventory agrees with the exit code.
 */
const assertionSchema = object({
    ancestorTitles: array(string$1()).default([]),
    title: string$1(),
    status: string$1(),
    failing: boolean().optional(),
    duration: number().nullish(),
    failureMessages: array(string$1()).nullish(),
});
const fileSchema = object({
    name: string$1(),
    status: string$1().optional(),
    message: string$1().optional(),
    assertionResults: array(assertionSchema).default([]),
});
const resultsSchema = object({
    numTotalTests: number().optional(),
    wasInterrupted: boolean().optional(),
    testResults: array(fileSchema),
});
function parseJestJson(report, options = {}) {
    let raw;
    try {
        raw = JSON.parse(report.content);
    }
    catch (error) {
        throw new GateError(`${report.name}: not valid JSON`, { cause: error });
    }
    const parsed = resultsSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue === undefined ? "" : ` (${issue.path.join(".")}: ${issue.message})`;
        throw new GateError(`${report.name}: not a jest/vitest JSON result${where}`);
    }
    const results = parsed.data;
    const roots = options.roots ?? DEFAULT_ROOTS;
    const builder = new InventoryBuilder(options.framework ?? "jest");
    let assertions = 0;
    for (const file of results.testResults) {
        const path = normalizeFile(file.name, roots);
        let failing = false;
        for (const test of file.assertionResults) {
            assertions += 1;
            const status = statusOf$1(test.status, test.failing === true);
            if (status === undefined)
                builder.problem(`${report.name}: unknown status "${test.status}" read as error`);
            const final = status ?? "error";
            if (final === "failed")
                failing = true;
            builder.add({
                file: path,
                suite: test.ancestorTitles.join(" > "),
                name: test.title,
                status: final,
                message: test.failureMessages?.join("\n"),
                durationMs: test.duration ?? undefined,
            });
        }
        if (file.status === "failed" && !failing) {
            const message = file.message !== undefined && file.message !== "" ? file.message : "the test file failed";
            builder.add({ file: path, name: "(file)", status: "error", message });
        }
    }
    const incomplete = [];
    if (results.wasInterrupted === true)
        incomplete.push(`${report.name}: the run was interrupted`);
    const declared = results.numTotalTests;
    if (declared !== undefined && declared !== assertions) {
        incomplete.push(`${report.name}: ${declared} tests counted but ${assertions} test results listed`);
    }
    const facts = { seen: builder.size, incomplete };
    return { inventory: builder.build(), facts: declared === undefined ? facts : { declared, ...facts } };
}
/**
 * jest: passed, failed, pending (skip), todo, disabled, focused; `failing: true` marks test.failing,
 * whose expected failure jest reports as "passed". vitest adds "skipped".
 */
function statusOf$1(status, failing) {
    switch (status) {
        case "passed":
        case "focused":
            return failing ? "xfail" : "passed";
        case "failed":
            return "failed";
        case "pending":
        case "skipped":
        case "disabled":
            return "skipped";
        case "todo":
            return "xfail";
        default:
            return undefined;
    }
}

// Adapted from https://github.com/mathiasbynens/he/blob/36afe179392226cf1b6ccdb16ebbb7a5a844d93a/src/he.js#L106-L134
/**
 * C1 Unicode control character reference replacements (code points 128–159).
 * Index i gives the replacement for code point 128+i; 0 means "no replacement".
 */
const c1 = [
    8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0,
    381, 0, 0, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250,
    339, 0, 382, 376,
];
/**
 * True for NUL, UTF-16 surrogates, and values past U+10FFFF.
 * @param codePoint Unicode code point to check.
 */
function isInvalidCodePoint(codePoint) {
    return (codePoint === 0 ||
        (codePoint >= 0xd8_00 && codePoint <= 0xdf_ff) ||
        codePoint > 0x10_ff_ff);
}
/**
 * Replace the given code point with U+FFFD if it is NUL (0), a surrogate, or
 * outside the valid Unicode range. Code points in the C1 controls range
 * (128–159) are remapped to their Windows-1252 equivalents, following the
 * HTML spec. All other code points are returned unchanged.
 * @param codePoint Unicode code point to convert.
 */
function replaceCodePoint(codePoint) {
    if (isInvalidCodePoint(codePoint)) {
        return 0xff_fd;
    }
    if (codePoint >= 128 && codePoint <= 159) {
        return c1[codePoint - 128] || codePoint;
    }
    return codePoint;
}
/**
 * XML numeric character references are the referenced Unicode code point.
 * Invalid values still become U+FFFD; the HTML Windows-1252 C1 remap is not
 * applied.
 * @see https://www.w3.org/TR/xml/#NT-CharRef
 * @param codePoint Unicode code point to convert.
 */
function replaceCodePointXML(codePoint) {
    return isInvalidCodePoint(codePoint) ? 0xff_fd : codePoint;
}

/*
 * Inverse of the encoder's SAFE alphabet (0x21..0x7E minus 0x22, 0x24, 0x5C),
 * precomputed once at module load. Entries for excluded chars stay 0 but
 * are never read.
 */
const BASE91_INVERSE = /* #__PURE__ */ (() => {
    const table = new Uint8Array(127);
    let code = 0;
    for (let char = 0x21; char <= 0x7e; char++) {
        if (char !== 0x22 && char !== 0x24 && char !== 0x5c) {
            table[char] = code++;
        }
    }
    return table;
})();
/**
 * Decode a dictionary-encoded trie string back into its Uint16Array.
 *
 * Stream layout (consumed in this order):
 *   1. dict1 atoms — `dict1AtomCount` uint16 values, delta+RLE encoded.
 *   2. dict2 atoms — `atomCount - dict1AtomCount` values, delta+RLE.
 *   3. dict2 ngrams — `ngramCount - (dictSize - dict1AtomCount)` entries,
 *      each a pair of slot codes that resolve to earlier slots.
 *   4. dict1 ngrams — `dictSize - dict1AtomCount` entries, same shape.
 *   5. data — slot codes, each expanding to one or more uint16 values.
 *
 * Codes use a 91-char base (printable ASCII minus `"`, `$`, `\`):
 *   - char1 < dictSize  → 1-char code, slot = char1
 *   - char1 ≥ dictSize  → 2-char code, slot = dictSize + (char1 - dictSize)*91 + char2
 *
 * Slot index → token kind:
 *   [0, A)                  dict1 atoms     (1-char codes)
 *   [A, dictSize)           dict1 ngrams    (1-char codes)
 *   [dictSize, dictSize+D)  dict2 atoms     (2-char codes)
 *   [dictSize+D, end)       dict2 ngrams    (2-char codes)
 *
 * Both atom dicts decode before any ngram, and dict2 ngrams decode before
 * dict1 ngrams. So every ngram entry references slots whose contents are
 * already filled — no forward references to handle.
 *
 * This runs on library import. Flat typed arrays store each slot as either
 * a plain value (`single`, covering every atom) or a range in a shared
 * `pool` (ngrams).
 * @param input Packed trie string.
 * @param resultLength Expected number of uint16 values in the output.
 * @param atomCount Total number of distinct uint16 values in the trie.
 * @param dict1AtomCount Atoms in the 1-char range (`A` above).
 * @param ngramCount Total number of ngram entries (dict1 + dict2).
 * @param dictSize Number of 1-char code slots; the rest of `BASE - dictSize`
 *   first-byte values are 2-char codes.
 */
function decodeTrieDict(input, resultLength, atomCount, dict1AtomCount, ngramCount, dictSize) {
    const base = 91;
    const inputLength = input.length;
    // For 2-char codes, slot = char1 * base - twoCharBias + char2.
    const twoCharBias = dictSize * (base - 1);
    let pos = 0;
    /** Read one slot code at `pos` and return its slot index, advancing pos. */
    const readSlotCode = () => {
        const c1 = BASE91_INVERSE[input.charCodeAt(pos++)];
        return c1 < dictSize
            ? c1
            : c1 * base - twoCharBias + BASE91_INVERSE[input.charCodeAt(pos++)];
    };
    const dict2AtomCount = atomCount - dict1AtomCount;
    const slotCount = atomCount + ngramCount;
    /*
     * Per-slot contents: atoms (always a single value) live directly in
     * `single`; ngram slots hold -1 there and expand to
     * `pool[start[slot] .. start[slot] + length[slot])`.
     */
    const single = new Int32Array(slotCount);
    single.fill(-1, dict1AtomCount, dictSize);
    single.fill(-1, dictSize + dict2AtomCount, slotCount);
    const start = new Int32Array(slotCount);
    const length = new Int32Array(slotCount);
    /**
     * Decode `count` ascending uint16 values from a delta+RLE stream into
     * `single[off..off+count)`.
     *
     *   code < 89   → delta = code
     *   code == 89  → run-length: next char encodes runLength-2; emit `runLength` consecutive +1 values
     *   code == 90, next < 90  → escape: delta = 89 + next * BASE + after-next
     *   code == 90, next == 90 → double-escape: extra char for very large deltas
     * @param count
     * @param off
     */
    function decodeDelta(count, off) {
        let previous = 0;
        let slot = off;
        const end = off + count;
        while (slot < end) {
            const code = BASE91_INVERSE[input.charCodeAt(pos++)];
            if (code < 89) {
                previous += code;
                single[slot++] = previous;
            }
            else if (code === 89) {
                let runLength = BASE91_INVERSE[input.charCodeAt(pos++)] + 2;
                while (runLength--)
                    single[slot++] = ++previous;
            }
            else {
                const next = BASE91_INVERSE[input.charCodeAt(pos++)];
                previous +=
                    89 +
                        // eslint-disable-next-line unicorn/prefer-minimal-ternary -- branches read a different number of side-effecting input bytes
                        (next < 90
                            ? next * base + BASE91_INVERSE[input.charCodeAt(pos++)]
                            : BASE91_INVERSE[input.charCodeAt(pos++)] * 8281 +
                                BASE91_INVERSE[input.charCodeAt(pos++)] * base +
                                BASE91_INVERSE[input.charCodeAt(pos++)]);
                single[slot++] = previous;
            }
        }
    }
    // Streams 1 & 2: atoms decoded into their slot ranges.
    decodeDelta(dict1AtomCount, 0);
    decodeDelta(dict2AtomCount, dictSize);
    /*
     * Streams 3 & 4 are read in two passes: first collect every ngram's two
     * references and derive its expanded length (each ref resolves to an earlier
     * slot, so lengths are already known), which sizes the shared pool.
     * Pool ranges are handed out in decode order, so the second pass fills
     * the pool contiguously with a single write cursor.
     */
    const references = new Int32Array(ngramCount * 2);
    let poolSize = 0;
    let ngramIndex = 0;
    /**
     * Read `count` ngram entries (each = 2 slot-code references) for the slots
     * starting at `startSlot`, recording references and assigning pool ranges.
     * @param count
     * @param startSlot
     */
    function readNgramReferences(count, startSlot) {
        for (let index = 0; index < count; index++) {
            const slot = startSlot + index;
            const a = readSlotCode();
            const b = readSlotCode();
            references[ngramIndex * 2] = a;
            references[ngramIndex * 2 + 1] = b;
            ngramIndex += 1;
            start[slot] = poolSize;
            const entryLength = (single[a] < 0 ? length[a] : 1) +
                (single[b] < 0 ? length[b] : 1);
            length[slot] = entryLength;
            poolSize += entryLength;
        }
    }
    readNgramReferences(ngramCount - dictSize + dict1AtomCount, dictSize + dict2AtomCount);
    readNgramReferences(dictSize - dict1AtomCount, dict1AtomCount);
    // Second pass: concatenate each ngram's two halves into the pool.
    const pool = new Uint16Array(poolSize);
    let write = 0;
    for (let index = 0; index < ngramIndex; index++) {
        for (let half = 0; half < 2; half++) {
            const source = references[index * 2 + half];
            const value = single[source];
            if (value < 0) {
                let read = start[source];
                const readEnd = read + length[source];
                while (read < readEnd)
                    pool[write++] = pool[read++];
            }
            else {
                pool[write++] = value;
            }
        }
    }
    // Stream 5: data. Each code expands to its slot's stored values.
    const out = new Uint16Array(resultLength);
    let outIndex = 0;
    while (pos < inputLength) {
        let slot = BASE91_INVERSE[input.charCodeAt(pos++)];
        if (slot >= dictSize) {
            slot =
                slot * base -
                    twoCharBias +
                    BASE91_INVERSE[input.charCodeAt(pos++)];
        }
        const value = single[slot];
        if (value < 0) {
            let read = start[slot];
            const readEnd = read + length[slot];
            while (read < readEnd)
                out[outIndex++] = pool[read++];
        }
        else {
            out[outIndex++] = value;
        }
    }
    return out;
}

// Generated using scripts/write-decode-map.ts
/** Packed HTML decode trie data. */
const htmlDecodeTree = /* #__PURE__ */ decodeTrieDict("!}.&u%}'&}*'~!6*)%&,~!J~!J~%L~y<~!R,~~%Lu~~#GD~~#|)1#%}^%}2%+#.##%##%}&%##%'#%##&%#%#'%#&#%#&#'#%%#&#%##%#)%''%&%#%#'%#%%#%%}%%%#%#&(23#%%#&-%0%('1#(##%#'##+%'*.:1}#%#6-+(%'%%#%%%}#L'2351&('%}&/N'(0(/*-%(%%}#'+&T%7.2}#&%&#%#36/5##%&%%#&#%%#))2%%##%&&'0~!#*+&'%1~!%).'3q?&%'1~!.##%6(~!+%%%(Gw'rT~!E#<nA%#jZ~!H%(~!42##~!*31&~!G%U~#)5~#`3~!J~!Z~%]~%Y~%C~!q~!u~#kz~%#~!6'~!D~!U~!?~#T~!c%~!G#'~%7|~!G~!J~!G&~#pb~(Df}#%}*&}#%##%##%##&#-}&'#'&%#.++}%mI,#,@&(}*%}*'%&##&#%##%}&0}#.},U},%}+%}&%}#%##&}B%(}(%}+%)})%##%#&}&%##%&}<%}>%#%&}*%}(%}9%}/%})%}*%}*%}?&}&%}3%}&*#%})%#%#)}#&#-#+*%E%%'%'#%}#*V##&##I}#&&##%&%#&&Qf%%))w/0+&%#(#.%-''''++++7}>%4'',##1,#%#&%##&#'##&#*#9)%&%}#*}%,#+P(%A&%#'&##wSD',9E00#y#@}(+}&%&>~!#~!X}#*}(&&}(&}(,%}%&#+&}#&}I%#%}%)#(},'%#*}4%%#%}(''}#/##(##),%-##%%)#&}(.}&%#&}%%}*&#%},&&}&%}#%*'#%})%}D&}&%}-&}6&#&}-,%}#%})-(~+`~,=?~I9'9%~!,#%})%})%}@%}?%}(~!?~#<~#pP~#BG~#=1#%K+~#?#~%;)~#A~#mF1~#A'~'X%'~#lR~#N~'N~#r~#m#-~#i'?%#'%~#B%##%,%#~#_%#0%~#]732~,w~2+#:&#%&'0%&>%}#>##F+)#%&&#(+_}4&}-%}(&}@&}O7Fdf0@+/v4}&WU##&/0#&'('B#%}.%}'+#%}#%%&#&%#%##+#&#)#6#'#.},%}c%},%#%##%&#&%#&~#>'*-.%##%##%}#%%}%'~#)D1}#%*&~#_%%'(~#S2%'.}#~#=##*'*-%}&'%'##&&~'E%.#&~#M4}%%##&'%#~#O1##%&#'+~#<B%##%%'%+~#;#@%}#&%#&&%#(~#H1}'%'##&&~#?A}&'~#D#%32}'&&&&~#[}'(#%}'~#;C})&}%%#%~#=&%,3}%'(#%%~#^'#&&)#%'~#Y%-~#d-%'~#^%%&#&&&}#~#b~2t*&'~&(~&@~0%~e~3}%*''0})&}+~!9##-}#%-hD*)1fC#%/&/fB#40~!+#)*4~!+~!K'&:~!/*7~!.#~!H~!L':~%x&~!H#~!*~%1~!I#~!+A~#p'~!F~~#-#~,,(~.Z~!V~%;'B'mq-W~!N~%I%#&&#&}#%},%%}'%}+X#%}#&}(%}'%}<%}#%}%%'}'%}:~![)9@~%>~#UA%-%##&~!C%~!-.9:~!1~!-^2/:a~!y,D*J#-5)/4~%23,~#G~!L1~!0X3`~!2+~!!0-~&E~!W~!o,>Y&]~%cZx_&~#O*9#A#'#+I'%#)~!0B*-5A+-((F&*M#)(-7-5+'-3a5Vi~!Y~!?+[)%3),ERHm~!+:D,VG.+)?fB%%*(%)'(#&80%1'8`K8?`+'Z#&O&'H5#*9)A%%5&3))0%39+.*7#()&&*=4@**L)<'_&*+..;(#*+)./&0#3)%')-8(4ixD(&.}%,('aI:,)%,k2231T)I'#/-W7,/'Q#.'Y24+h')37</31&83##&0#),H(?'&?/1##%#&&#%''-%&&&#(&''&#.-'%#%%(,')*'&#&#'##%(%(#%('#&##%%%%('%#%#%%#%#&%##h>w+v<ayvyvcg.uuhKr}g/v|g>u9i[~>g5uI~=RvdwEg;v/g;uk!!TTSx]@RT!U!#!@VBRUU!'UTe-d0c`e&gSdicedFcrdTaqb.kYcAohdYd@a3e+d}dMdtd.aJ#bqcK`dle/e.e'dwdPdodddjbEb}ogd^ofdpduc6j?l%d{drdqc)d7bacOdQ%T#Y)X.sR[yH>6Vyv3[xwLu>vo'!*.[yBacahoj>6Rew3[xqdZa#!a&#^(X-[yG>6Vyu3[xvg3sEr|g.u/Ri9db0T#^(Xa)!-[y;>6Vylg4wKs{JwNZt3@3r=c4Z([xlg;wKt!cpq's@v7A'*a(a+!-a#[y<3Dt?3Dt'>6Vym3[xmg9rxsNJwLZt4~?r?db1T#`-!(Xa,!0[yS>6Vz%NuQs.g4wKtnJwNZtS@3r>c4Z([y%g;wKtrdga8!a(!#&T*Y-Xa#!a0<or[yc3Dtq>6Vz43[y3JwNZtf@3s!Ju}!%Dti:pm3c_%X#tjB5pkd6q!r]u?voC'*-a.a2!0a&a+[yI3DtI3Ds~3DtH>6Vyw3[xx;:s#~<5pKJwNZtE@3r~d`a)!a2T#a.(!+U.X1[yT3Dt`3Dtv>6Vz&3[y&g9rxwzcxstPu.<rAJwLZtT~?r@dZa%!a.&^*Za(/Reu[ya>6Vz23[y1g3sEr}wkg{NuQRg{ci(U#5@b`~,cg#U(2WnH5wugcRh7dX#T(Y,a'Ta!!a,[yZ<]mj>6Vz,3[y+Pv#5ReZKu+=,%!H}7ABwkaS?Rh:BcW(X#<]mrj:ubv/ARekdg%!(!a.*Ta(Y.X1!#sP>Rl*Dt6[y>>6Vyo3Wf*jOvuumvuRgRJuq*!:9<B@bX~3jVv&v@s@5Re[d/rQt{uAvo&a&a*)a2!,0Wf!3Dt0=Bs'>6Re}3[xy~<5s%JwJZt1~Gs)c;&!#2sJkNuXvzq7rxu,Re8dka4!a8(aEZ+a@Y.X1Xa)[yd=Bs(3DtP>6Vz53[y4cX#X&Re:avRe9~<5s&JwJZtQ~Gs*i^rzvdRg+Jv{%!2sbB@bX}kdga,!Za?&^*T1/!a'Dt+[y6>6Vyf3Wf%g/u;s4hGu6?Rh-JvZ,!c%#&RoX54Rivj7uyvf8RgTKvZB%*!2sGh<vu5Rgq<=C::9bb~#dZ#T&Ta6Y.X*Dt>[y93Wf)coZ(T,6VyifluvRgC@95@B@bX~/hFu34cC#T,k/unq8w8Q5RkUklwQuzunq8w8Q5Rk8d/rJu?v8w9)-&!a0a;a&aIWejg3sEr/h1s<DtDJvyZqY5aws3Jvy!&Wei~Hr1:au5@Bag>23E~5c:Z&bX};kKv?w&unuVu5Rjc;>bs)#~@:Rh.=ay<a]C;b`}Vd6s/t{uAvoaxa()!a,a7%-a#a2Dt,[yF2Wo[>6Vyt3[xuNuPRi&NuPwpi#RoWh?vf8Ri%Jv]!%Ri:KvxD!.'2WeAjZu`q9rxu,Re7woeAg-unLq(qA_/*2Wg_g3u5q^9:4E}/jTrxrzv=Wkkd~0UX#^^Xa-a1a5T&a=U1a'*aEa]!a*aPaA-adok[y54Rn>;:p3~Dp5g9rpsFNvZqjg3uJp4~<5p0Pw;5qlJwNZt*@3p1Pw:5p/Ou!5p2JvG'!6Vye=<qnJvh_[xhg3v,Rh3kOwOw-sDuev/Re^dha[a%!%!a+#Ta7)-5TaCaO!aka!a)sf[yb2>Rl!9ARiq5E}Qg=ucRkBE|oJrJ_@Wk~@Wk{JrJ_@Wk|@WkyJrJ_@Wk}@WkzJvO_[y2g-vMRmiKuYC!)&>Ri;>Ri<@3RkNc](X#@9Rk=g5vuRmhKvDB!+'=]meg3u4Rmgd)#Y'Vz3CARmfd`a+!%T'!+#Ta1Ta6TaM-sTDt9[yA9sYd'%Y#s[[xpj:ueunaXRgEjRq,v-vuqdd2'`#6Rev<32@5>:2<E}5xIo9a*X#Y(;5RePJvD_g>vyRgNj8w)v8<wggs:RgXiZt|vjx,hSq3ah!-(~@:Ro/Ou!5RhWj^v(pyw8unRhUdx-UY#^Ua.a3a70!)%UX1TaDa)'omRiRRhE[y:3Dsz=Br,>6Vyj3[xkg6ruwjcqsrPw;5r*Ku]D'Zt-@3r(~?r.i[vwv]dU1a--U#`a4(g/vsRhPOu!5RhLj:rmu9Wo!~@:wdh@g/vsRiTjXuvvNr}:RhBj^v(pyw8unRn]dz1UYa'a+^Y(!aETZalaRY.Ta?a4[yDJw1!#qLsW>6Vyrfzq-pLflpwRe|Js>%!Dt@3Dt&Jvy_[xs~HrnjMuwpsw'RecKu+D#'!t<~Grl~?rjg5u-x,gwp{ah!-(~@:Rg~Ou!5Rh'jXuvvNr}:Rh#cW#X/c;&!#2sLi[v7u7RgpJv)(!iLrxu,Re6j7v@s@5Se[e7d`aW!Za(a`T.a#!a3!&aDa-!9)Dt_=6s+3[x~~DR|h~DS6avhGun5RkZj3w)v-]mkKunB!&*]kb97R|i<ARk<c:Z(6Vy}Juh'!wziMRoS:F|vkLuauJv5vtvQRh1d='T+Y#VyO~DR|jcF#T'7R|g97R|kJv3'!ay<Rj,Jvh&!:ReXcsa6*a+#a#_aIRf9aLRf?c,Z&Rf5Rf7c.Z&Rf;Rf>cQ#%T'p-Rf8Rf=ct#%'(*!,p,Rf4p+Rf6Rf:Rf<d~'Ua%U*^UYa(!a,-!#a4YaTalaEX0a8a<Weo3Dt/3Dsx=Br93Wen~Dr;~<5p<JwNZt2@3p=Pw:5p;Ou!5r3c7&!#:p>3Ds}KvGB)_6Vyk2sM=<r7x'eovA(!hFu1ARf}cV#X&@r5j6rvwQa^Rf3c=Za'wkghJv__g;unRggA53B9=b^}%j6uduo5Jq;!(hIv%2Re`Ou4ARe_e%a#^^^Xa&!a*a2!&a6YaP!*ad!#a:aE/5Rn?[y@>6Vyp;:pE~DrY~<5pBJwNZt8@3pCh=rt3rWPw:5pAJup_[xoNuPpF9c!#'45pD5ARn)d8#X'X*3@rU72s]h>v<<sSjJpqvewOJq/(!hNw'5ReBk0s2u3w/w'5ReE5@Jq.!a+JQ!&WeU23d(#Y&RjG5]jBk!u7w&u0udARjEe#+^^^Ub#!a2/a`Z(agT1!a-a;|@TaG!aS[yV=Re~fow'RguNuPRe?bz#'>RoUWeL>:Cbb|?JwPZtVg6ruRmzJvD'!6Vz(g/vmRh~Jvy_[y(g9voRgyx*cy(#2>Ri2B9b]~9kIw9u7rluJu3Rg]dI#a%UY'@=p%CAx.gQZ&RhwwygtRm{x5g_Z'+ABqR9Woa=Bp&dV#^*Xa'!&@o{g4v]Rk;Jv{!%Rk[wkkiA5RkiwwfUB=x,fUuqC&*!>RfTg8v0RfV~ARfSd;rJsAuAv9wR'ae+/aO!a@aza/a#[yQ@Wg!2Wemg3sEr0JvB_g>uvReWg2v+Re=KupB_+[y!2AbY~-~Hr2AJwD!(h<~El>h<~El?Kun@+_:9b`}Kg-v/Ri3g;vtwyk_9]k_d=&T#*U.6qh@Ab`|K9:H|CJv[!&3Dtex'fDwC%!Rf[9WlMd[(^X,!a%Z06Vz!@WgBg=v~Rgvg,QRe@awd,#Y+jTv|Q~EfWj]uNr|~FRfXdy#Y&^Ua%!aO.!(a)Ua;=!a@aKap!a-,a!Ta]a[rSa]p?[y82sK=Bq~;:p:~<5p8Pw:5p7d'#Y'Wf(;RnRi[u4w&RgJJvG'!6Vyh=<r#ijuuv/sIKuYD'ZtG@3p9~Gr&d2#`(g<vtRgFj`u5w&rqpxRf2CJuY!+:wfnTOu!5Rg}jNs1ucv&RfwJvA!&3@q|BDcC#T,k/unq8w8Q5RkTklwQuzunq8w8Q5Rk9dga#!a'!a=#a0!:+Tb*b@aO.a4!aba8aFJv^}?!VyR~Dr<g;u%Rn.~<5p[x'e`wNZtR@3p]Pw:5pZhNvjBp.woe_g5u-r4JwF!%DtO3:ooc7&!#:p^3DtpLuGw(!+%)Dtk6Vz#2sd=<r8d'#Y([y#<x3gJt`w@!)%}MRiowzikRij=]ilxAf3,U(#B2Rf#g0v-Rm[ck{`U#]giKv3>)!&6Ri154s,KuGB_%@r68r:dJ|t`#X(9<E|u2@H|rx3gJu?w'!+'1Nu7Reg4=H~+9<wxgY95Rm]xLggZ-`(X}U2:Ri4h<uOawRmsJv__5@bb{jbV~3dka#a'a]!,#a+U=a>b6a3b%!/aKa/)!arwve^VyJ;:pR~DpTg3uJpS~<5pOPw;5qmPw:5pNOu!5pQJvG'!6Vyx=<qoJvA!{~Jup!%@qk7Rn/KvyD!}''[xz;>wkh'?Rh,x8gyt`w5D!&),(SgyccRgztJ@3pPB5p#d'(Y#<]mmifubw&RgoJvE&!82s^JvF&!8Rf,ADb]~;x=h'rNu]vK!,%'*0RnORh)4Rh*AqQg-vaRnNg;wHwkh'ba~4cE#Ta*x3gctyw@'!+%RnFRnD<4Rn@hFvK5RnCxWg[#`&a0Ua()`1Rm75Rg[c]%X#qi8Rg^NvdRj>BwzgZauwji7Rm6A4wgg]d1#&(*,.0a#Rm;Rm<Rm=Rm>Rm?Rm@RmARmBe%#^^^Xaea?aC/b+(,!a+a#!a/!>a&Ta<aKbD!2wphBRnk[yPw}hE|.=Br-3Dtm>6Vy~g6urRf.x,hPrNav!%'RnqRo%Ro#Nu;q[Pw;5r+JwNZtM@3r)d'#Y'Weh;xChL#`&RnmRnoKu}>%(!Rne~Bs-;2wjcussJv+'!aYSO}6@B<5?ba~8LrNvj!.%*ROwungw~ng~:9;Ri^>wtnig;wHRnixDh@|(UZ.x1h@|)!#:2<H|*xHn]#-UX'3Ro)z=iT}6ARns=Bwsn_wpnaRncw]aR(#UXa&Ua*a/=]iPd'#Y&Ro'WnXf{QRm2hNvj]nZd`'T~&1`{|`#9b]{}c:'!#Wl{>@=be}]?cl{{U#:5Abb}Jds#^YaF!a*b4a#a3aPa>&Tb!bH!*a_!Eau?/a&RjY<]gj>6Vz*;:pe~DrZg,QRj1JwNZtX@wihspcJvZ&!VyX9WmOJu|!|N2WmHJvh&!]ht~Bpbcn&T(!#RmQ<s7Nu;padH#X'`+WmJ@>RmKCARhnKup=!)&Wf+:RhqNuPpf9c!#'45pd5AwghpARn(Ls@w!%,)!RmP@Wfe<E|IJva!&WmNg8vsRmLd`*.`#Y'Xa!axRn*]hrA8Rhug5s@rXg8u!RmMd8#X'X*3@rV72smdI*#UY&RmICARho~GsgxVgd)Ta'U-Y&Xa!T#RnEWnA@Wffg1uDRi0hFvK5RnBxGnG&#`%owp)@wsf+bX}Ze-*1!a*^^^Ua|!#a.aq&Ya2!a>.a6!a:aO`aJDtL[y`@Wg#>6Vz12@wzoYRoZNuPRi!NuPRhzg=ucRi,@=b`{Yg=ucRi-ACJvB!&Sh[ebSh]ebi`wUuFRm4Jw2_[y0JvB!.<Ju(!&SoG}6Shd}6<Ju(!&SoH}6She}6Kur@._g5vHRieJvx!{L2G{Kx6gd'T#?Rh82Wi5cZ#X(g1w)Rm5dW-Y(Ta#!a)!#aYa=wnfE=su2>>bU{0j9udv:<svj8uQv-7RgHdE%#^'sq9sp=>Bb_{TJv`!&g/r|snj6v(us5d,#Y(56H}[978H}]Jw5!&g1rushJvB!+j;v{u5?zDhd}6}bj;v{u5?zDhe}6}ce*#`(^^^a[aea!=!a6a*aoXb1a.!aAbL!b>,b'aL!aV@Wf|2Wlg3[y/JwNZt^@3piPw:5pgJunZou3@rsJva&!Vy_g<v~Rm#JvG'!6Vz0=<r{Ju{%!:pj@WfsiXuJu3Rm:JvZ&!WfA~Bph@c4Z&Dtwax5rubx(#:awRk1@d,#Y&RfjRfid1#,Y(@Wfp2Wlrg5s@ryKu[@!,'=]ig9wlk?Rk>g5u-rqJvy'!@9RkQcH(T#=>Ri~@<wkj(Wj(KuZB*!&<7rw@9RkRcH(T#=>Ri}@<wkj)Wj)dg(Ta2Xa9X#`-!a*CARhg@@=I}d9x;c~#X%so=<sj>2@@=aybb}XjWv0Q~EfEj3vLv;<d,#Y(56H}`978H}_dgaPaFa'a/!#a3Y0a_a;a|!1(a7-[yE3[xt;:pJNvZrrg3uJrvJwNZt=@3pIh=rt3rxPw:5pGOu!5rpJvG'!6Vys=<rz@c4Z&Dt(ax5rtJvZ!&~BpH@wsfNg-vaRlNci*U#=<wei<F}a5@Jq.!a*JQ!%@qZ23d(#Y&RjH5]jCk!u7w&u0udARjFd/prq=tyvpaEa(a:.!a1aZ(@@=I}:9wpd%=<sX55w_h}@@=I{t=ay<aU@@=I}T=ay<2@@=I})?C9:9au@9Cb]}DP~=x-fAZ(2Wl1=ay<aU@@=I}>5@d##Y+jTv|vV~EfFj]uNpn~FRfGdgaK!Z2&!a8a-Tb({E!acTbM*!a(DtY[yYd'%Y#sl[y*hHvh>Re5x2c{Z}.j4uCvcawRiMd+#X+_x&d!},<5RkX;2Hzw@x,gavfB-!{CcF&T#Roe;RodwWbBg5urRgaKvHC*_6Vz+<4opieuew&Rmq@d]&Y)X,T#X0Rh}<BqP=4qS9:ReMg/ujReNJw0!/<Jui%!bd{kawwnemRelAxUa?a3#*.&UX(Ya+a/RhvRnQ<o}9Wmtd-#Y&RgSRmw9;Rmxay=Rmyg-vaRmuxEhSrNu,v-voC!%(aR.a(a7+1Ro1>Ro5CE{A9b]{@;5x#eO{:g;urRi+KrNA!%(Ro3>Ro79;Ri_Ku@>{;&!x%gX|{KunA_+g5QRj/g3u5Rj#g>uERj%wio/xRhS&!,!#^1U}wba{8>>@=be}qC@:D5ba{7Ku+A&!}x?ba}t>>@=be}se(aA^^^Uat!b0#{pa+awUazbGa#aLb9bgaWac'a5TbS=Br!d1#`%scp_Jvl!#rT>Re0JvX&!VyN=H{Fcm#U&:pY=ReaJv2&!]h0=]nUJvG'!6Vy|=<r%JrM_=]h2@Wlud'#)U'Wf'b]{i=]h/Jvh!&~BpWg=v]RnMx+ny#'Nu;pVwjnu=]nwxJnx,T#`&Reqwjnt=]nvieu9vrRjLLuYwP(#+!th@wih5pX~Gr'g5v/Rh4KunA'!-CARnP@wwiN:Rm_9x'cvw>!|l=<saKvAA!0&3@q}>w^e1bp#&Re2Re3BDx7gH#T|f5H|eKuZ>!%(:qNAH{]Jv6!+3B2B9=b^{X<5<B92:E{ZLvhwA(a;a%!igQuyRmad+#Y}m@3Rh5d8#X'X*:AqUAHzmaxwbh<aXRnVcF}RT#Nw&cj#U(BWnug/vsRntdka)(a3+.Zb7aYYan1!bVa@Xa}[y^@b[{G=H{+hFu73Rj&Pv#5ReQcK%T#sig1v{Rj'Ku+D#'!t]~Grm~?rkKuMB!01d5#`'Vy.ta3Dtu~Hroc8#'{^45s85AwZbP&!#Rn!wghxWn#KvEA!)&2RlA2RlBx:h|#(T,=]j09Wobz>x]z/@awRoTd+#Y(az]hFhCrm4d,#Y+jTv|Q~EfMj]uNr|~FRfOdCa!Xa9_X#@<plJvf!%b`{(9;Rgwc;.!#2x7cw#T|UDb]|T5Ju={(!=@E{&Jv)&!Ab`{'awJvf!~*>>@=be{#KuY>!+&4Ezyi[ugv&RjIdea+T)#UXa&T-T&a!Rh9auRmW=]kLg5vuRn+g3u4Rn-Ow6ARn,hHus5xNk?#UX(U~)/g8v0RkD~AwkkF?Ri.OuNBwkkA?Ri/d|a2`a*^UYa.!aBTZaTa'Xa;!(!2!-a#b2[yC>6Vyq3[xr2Wi?g1rusVh%s?DtF~<5rbJs;%!DtBfswKtCj[uvuSsEu3RgVx3o:u+wN'*Zt;@3rd~Grh~?rfg8w)Lq)qE&-a%!>bI|`jWv0vV~EfCjTv|vV~Ef@j]uNpn~FRfBcK#T']gWNu7x,k7q4ai(0!hHv8<RhmkMu9vrsBuev/RhlCJvB!,g<v{wchh~@:Rhji[vrv{wchi~@:RhkdS&a5UY#Ta!RgPwwiI5BwciI~@:Rh`x'iJvj'!5]iJPu8Bwch]~@:Rhach)U#h3rp]gLh@t|Ax,hTq3ah!-(~@:Ro0Ou!5RhXj^v(pyw8unRhVd|)`,^UYas!a?/a2Z'a^Ta{Tb7Ta(a#!a,Wf&9sZ3DtAadamov=Bqt3[xig8vsRm~>waiL2b`{QJv*_Ouv2qgj<v]v2BqfdR'X*X#Y-@3qr~Gqv~?p6hHv-]glPup5Lq+q?_%*b_{qF{n9b^{rOu4ARhpKvCD!+&~Bqp:5Dbb}nwoiKl&unuTuBv]v+ueunaXRf0=Jvh!0nKufu8v1w&w7q%w&uHrz:Rgnj5w,uxDJq/(!hNw'5ReCk0s2u3w/w'5ReFd>Za&!*UaA=<wkgsRnSJv^!%Refifw3vyRgOKu_B'!,<]gkiiu:w&Rh<=C@a^<B57@2F{[<B5@aW:=3away9A5aW=<B=C@a^<B57@2F{Ie-#`(^^^bCara.b8aza6!/bZ,!adTbnTbOb+aFaS!aAT9@Wf~2Wli3Dtl2@d,#Y&RfnRfmJwJZtN~GqyJva&!VyMg<v~Rm%iXuJu3Rm9Jv[_=]ih9wlkDRkCd1#`(@Wg>2Wls3cH#T(@<Rj*=>Ri|b~'#23s9h<~El.d'#Y&Dtxi^rzvdRl#d*#U%(o|B2s`hJwSaxRmDKv4B&!1:Rmdd5#`'Vx}to~Hq{x'f1v3(!BA5ba|bJv_&!Wfug1v]ReIdO+U/Y#&G}-8wze=Rh{g1v]ReHg/uQRf/by#)ibQwERl/cH#T(@<Rj+=>Ri{cNu+vlax-!(#a0qa9<Rii2;;bU{H;x<i=&X#Rk`<4wwi=C9H~8xAI(Y#<azRi@45wXI<B9;5bb~7dL(X#Xa(+!aL6Vy{g5QqOau:5au2@ay547EzbxOcU(UX-T#Ta#:Cbb|A?wjh/b_|SOw6ARgtihr}u7Rhy<d1#T)X1@@=I|~=ay<2@@=aybb}Sj3vLv;<d,#Y(56H}A978H}@dGpvs@uAu`vcw9*!aFa+ai%(b!aXa8.a?a[ozWey=sU2@G}Nch&U#Rf_WexKu+D#'!t:~Gr`~?r^j]uNr|~FRg*j^psurwJt|RmcKv)@&!)7Rkv~Br[@wxfO:Rl3co#U'6Rezj_q#vIuavjRltwzeyh@vr5JqD0!>aY?C9:9au@9Cb]}9cl#U*5;5<H||jbuus1ucv&Rfvg1v~d/pppzqFr^a--a~!aMat1(hFv;Wiz@@=Izoj5uuv-7Rix~Cw`fk2WlVcZ#X,k)u3vWs@u2]ktg;wEx'fBq(_2Wg/jTv|vV~EfoJv]!15x'hzqG!(P~EfU~CRl_j6v(us5x4i-#T(2WmZ?C2F|d>Kq<aj1!*jTqIsBv=Wl`~Cw`fi2WlWj`v0u*~>RlR=c>Z,k#u3vWs@u2]kr<c1Z+jTqIsBv=Wla~Cw`fm2WlXdmb3!a{(arZa`bkTa%TbQTa-a9+c'!aM!/[yL=Bqug.w'RifhFvyDRj.g>vgwyk^9]k^Jv3_@WfbAARkhJw2_[x|JvB_wkoIRoKwkoJRoLd'(Y#<]gm=<9<H|yd'%_X#skDtb3awwqkgNulRkgdB#^',9:p'hJwSaxRmEBwVb8@4=H|qLu+w50&!)@3qs~?pU>Awwn;;Rn=c:Z'ARn<=<qwKvC@!/&~BqqJv6!&]eVb^z^xRge'/a%+^`#Sge}6<4Rn3=]n0Pw2>Rn8Jw0!&>Rn:>Rn6cY#a7+!a&=<wkaNw~h3z_c5Z{=wjh#=]nLKv^D!&)Vyz=bW|swYb<WetcG#T(2wxa@qVx@gD#Y&b^|V5JwG&!5bb|pg/w&RgD@x=kHs=uAvn!a%%/'+RmSRh694Ro`g-vaRmRhHv-]mlxCcS#`&ba~.5cD#Ta)P~=d,#Y(56H{>978H{Dd_#{2^Y%_+qbbb{6g3sERhsbU{?dfa.,`a(Xa<!aiX#(55RiG54RiHcI#T'WiU3RiVNvdwtfcRlKNvdd,#Y&RlHRlExQgf.1*^T'X#Sgf}6Wn4=]hfPrk>Rn7Jw0!&>Rn5>Rn9Lunw?&a2!,5<oq@@wqfdRlJj5Q~=d,#Y(~ARfcOuN]fdDKw;ay(}i!547E}j?cI#T(@5bV}iCbV}hdv(^^Tb?a40,b##Tbo!a*bR!a<b|a/!aKai!aU[yK=]o^g:v>ReGJwPZtK<7Rh+h<~El,Pv#5ReR@awwxjCg,ulRjDJv6&!]j!z?aQeeg>w=Sh<eeJw;!&axEzOg,Qosc!#*:wkeJ]eJ>x'h-u(!%Ro.w~h.zPdNZ(X,Ya![x{;9ReY;wkgxRiF:x?ap#Y&RmUg<s2Rkod]+UY0TZ'!a&A9sw<=bczLNvuw{gqzNhJwSaxRmCKuLay!#&s_Rf-55b^{uJvZa!!c%#(55Ri654wmiu5RiuawLu,vp!+}^%b_}Y9;wkgxba}o>A9:=b^}zKuh=a''!3awRk3c*'!#aHRk6c+Z&Rk5Rk4Jv)&!awRjSawd9*`#0?C2@EzMj8u<uJ5RmbjQrquJu3x,k>uq@_+=ayb^|W~ARkEOuN]k@7dhzV^X/X&a-#zRzSb`zXcJzTT#2WkVKvDBzW!%FzY9;5bbzWjQrquJu3Jw3%!b`zU=ayb^zQd:#X(T-a!6Vyywxh}=b]{Jg=u1RiAdGp~qHtzv!w(wA+a+a;<!aJaYai'anasb(=azRmV:Cbb{MLq2vb!%')RjuRjrRjtRjqx3jnqCw3!%')Rk(Rk+Rk&Rk)Lq2vb!%')Rj{RjxRjzRjwLq2vb!%')RjsRjpRjfRjex3jcqCw3!%')Rk'Rk*RjkRjl9<CbbzfOu4ARhxLq2vb!%')RjyRjvRjhRjgx=joq*uKvb!%')+-Rk.Rk%Rj~Rk-Rk#Rj}x=jdq*uKvb!%')+-Rk,Rk!Rj|RjmRjjRjidAq&qKs@uAv8Aa.'*-a@a&0!aM@a5[y73Dsy3Ds|3Dt):wxgI2sHJwJZt.~Gqxwsf0ikrzt}Rl0Jvy_[xj~HqzKv_A|D!&WfP8axRoVcf,U#k(v]v+ueunaXRf1Ju}'!g8u#Ri=jQw!sCunLprq>!,')~<5qeGzq9F{W=c##%s5au:5aU3CBE|;d4#X(D!a&6Vygx(b;#(=]ed?C2F{N<capoq2r[a&!aPa9,'Pw;5s:@@=I|,55w_h|@@=IzcP~=x'fCqB_2Wl2>aU@@=I|1OuNBc1Z+jTqIsBv=Wlc~Cw`fl2WlZ~AcTa%!Z+jTqIsBv=Wlb~Cw`fh2WlYk+uNqJsBv=WlSg,u3dca3#UXaMYa)TaB-=cM|7T#<bI}l5@B932:aV2G{BOuNBJq:|M!5Ezt=<B=C@a^<B57@2F{v>cB{/T#=ay<bI{3Jv6!a.6BKq0ah&+!5E}HP~Ef{978BaU@@=Iza<7d#.Y#978BaU@@=IzH~AJq0!(@@=IzG978BaU@@=IzFe,aU*Y&^^^bvJb,b:bFad!a,c2Ta>aL.bo6!a#CbTa'T#Re{2Wlh2@G{yg6t~Ro_NvdRfticuRQRllJv3&!x&c|zs@Jw3!%RflwpfkRlpKuL;%(!Re<@G|C2GzdhIvuBwgjAg-u0RjAKQB%!(GzZ@G|5NuuRl7d='T+Y#Vy[g<v~Rm!==G|>JvA!)@wma=]m1ifuaw&RmnLs@vT'!|/+[y,g:v>ReTJw1!#qX=x!eC{bLu+wT&)ZtZauq_~Graci&U#F|89:r_Lupvq!.)&2RlG8RfaC=x!eF{_h?rpWlmd&'!#X|&]k::xJey#`'T|+<E|&2@H|%dE#(^,g;u.RiEg6vjRiC9xCkA{O|zY#g=ucRmXKs0@!&*@G|m@awRknJuh!,3d(}gY}eJvj!%Rm):Jw3!%Rm+Rm-Ls0w(&!a(a#@b[|6cZ#X'7RkxWgAOu4ARn'dH'U#Y*Vz-Wm'CARm}d]*#a%^a*T'aK!a<9bV{PC=p*Jw4!&SgxcbB5r]idw(wBRmF7xFkt#&`(Rm/Rm8E|!JuY_9:Rl5=wrgr2:bbxd@xXfB(a*#T+!.X0X1Ta/a'T&RlDRfL>RlyARl9b[z[>RfZ:RlL:RfRwlg/ARl;9;RlxKv,A/!%7s69<74=BA5ba{-8Bde#`a<XaKYa1,a'P~=wxfB2bZ}}?C972@@=I}r8@55B9;5bb}G978B2@@=aybb}3j3vLv;<Jw3&!>Rfk=ayb^}4~Ad1#`*@@=aybb{w2@>==<bbz]dx+UY#^UaF!a9!bB'Ya1.!ajXa#%olRhD[y=3Dt#Ov5BrHKuMB%!(Rf^Wep~HrJwkiQjKr|~FRg)Ku+D#'!t5~GrF~?rDdV)UY,Z/_7RkuG{<~BrBg,rlsO:235B@bX}|d?a1!#`(6Vyn5@d##Y+jTv|vV~EfIj]uNpn~FRfH7Lq2vb1!a9-978BaU@@=Iz9978BbU}#~AJq0!(@@=Iz8978BaU@@=Iz7~AJQ|}!978BbU}!JvkaK!AdUa21-U#`a+(g/vsRn~Ou!5RPj:rmu9WhOjXuvvNr}:RhAj^v(pyw8unRn[kPr}p|u7vwv]RiSBd;pppzq@qHQa?(b.!a.a`@.|xa(hFv;Wiyj5uuv-7Riw~Cw`fg2WlU978BbU|wOuNBJqG!(P~EfD~CRlQcZ#X,k)u3vWs@u2]ksg;wEx'f@q1_2Wg.j]uNpn~FRfqJv]!15x'h{qG!(@@=IzK~CRl^j6v(us5x4i,#T(2WmY?C2F{1>Kq<aj1!*jTqIsBv=Wld~Cw`fj2Wl[j`v0u*~>RlT=c>Z,k#u3vWs@u2]kq<c1Z+jTqIsBv=Wle~Cw`fn2Wl]dn1#c(a(b^a2!b/bAT(bj!aDa7bu,a_a{c0!2T0g:v>ReD2@G{42@G{5~DpM~<5rc=Bx6i>{RT#RnI@zCx]y]z:2Jv[!zr5Awyk]9]k]dD(Y+X#6Vz.g=wKtgwhaCwgmTWj2Lu,w%_+/[y-B;b^xeg3u3Rj-2@bX{*KrJ<!+'@Wg(g?QRlC@Jv`!%b[zIwsfII}8JQ_@w|kW|=Jv(%!AqcOuNBJvEzh!bYzjLs@wP#(0!oy@>RkdJwMZtc3Dtd@BcG#T'9bWxg2@2Fznd*#Y+;2x'c}w<zizixNgwa#Z'U+!/!a'!a+w~g~z6wcn{Rn}wcnzRn|5Rh%=]nJg5vuRmvNvdRlvcprJu}w*az*a#!%.a.'Bot9qT]kj@Wg'ay2Gzv@Jv`!%b[zEwsfHI}1;ck#Ux`<Cbbx_Lu+w!a&0*!wko*wwo,So,}6Juqxf!E}PigQuyRm`d3(`#8>Rn%:A5B;bZ~%KvhCa!a2!x>k7#Uxb@b{#xaRk7Jw0!)>wwhlShl}6>wwhmShm}6CJvB!.x'hhvj{!!5Bwkhhbaz}x'hivjz~!5Bwkhibaz|xEhTrNu,v-vpD!a%&/)a3a.,%Ro2t[CE{)@3re9b]{%wjo09:rgc:Z&Ro6=<riifuaw&RmoKrNA!%(Ro4>Ro89;Ri`dSaL'UYzxZb)7Rka3xRhT&!,!#^1U}vbaz{>>@=be}yC@:D5bazzKu+A&!}{?ba}y>>@=be}wxBh[t`u~vJvr!%a!a()a,a0a4RoC=]o;Ju(!%RoGRhdwjh`=]oAg>w#Ro?g5vuRo=NvdRl|Ku]C.!&;RoEJvB!%RoORoMBx'h[v+_?w~h`}~5?w~hd~!xKh]oiptu-utv.vp!#%&a30a@a'a+(a/aOp(o~p!RoDJu(!%RoHRhewjha=]oBNvdRl}g>w#Ro@g5vuRo>c[#X']o<CauRoRAd-#Y':RkpauRoQKu]C.!&;RoFJvB!%RoNRoPBx'h]v+_?w~ha}t5?w~he}ue!/UbhYacXaW^Tc&a;b:a-c/#b&aja1(!cL+!bKbt!bmcRc9aIc?8[yW3Dtt94Rg`Jv}!&SiRMzBhEebShEMNuPRe>x7gL#TzuwjirRipc<Z&>on;>z=h-MSh.Mwqczx'a7vj&!>Re4@=ResJt__NuPRi*NuPRi)j]uNr|~FRfzKrJ>_+@Wfy@Wf]2WocKrJ<!+'@Wg%g/QRl@@Jv`!&awRl<wsfFIzgLu(w*!.*&ShBMwvhIRhI9;RhNx1hK'!#Sn]Mx1hK~0!#:2<H~7cNu+w7D*'1ZtW>Rn1~?rOc:Z&Rn2=<rQ<7wjh&=BSnLMc]#X(6Vz)w[b=a!U#9wzgMc3#&(RgMRitRis<x,gKt`ax!&+SioM=BSilMc3#&(RgKRinRimKurB,!&SiQMzBhDebShDM6BJQ!(P~Efx978B2@@=I}WLrJw!!,a*&@G}O@9wkibRid@@x'fKwC!&SlDMSfLMjUv~Q~EfKKv3@a+!(hFv-]mpx/hYZ(C5RiWz<o/MwkhY?So/M@x,gbvfB*&!SgEM:SoeeehFu3:Rgbda(,^TZa)X/7Sg[eb:2RgI~BrMC@wgkc:wwkcRerx3h(uUvK!&*,SnOM4Sh*MArRg;wHRh(x=h;rJvPwI!a4',a'0@Wg&=BSh/Mg>w=Rh=g3w*wwgGRgGcW(X#;Sg}M2Gzk@Jv`!&awRl=wsfGIz`dKZ*T'Y-:RhR7RhQg5u-p`j6v(us5d,#Y+~Awkia?RicOuNBwkibba}Ld6p~tyu_vbAa'a+!a/'a3aEa8a!>Sh,ebJv{!&Sh@ebSaReb9;SgwebNuPRi(NvdRl)NuPRi'hHu^<Rm^Jvv_@Wl(g;u1Si/ebKu'B&!*Sh?eb@Wl'z@aPeb95Si.ebcpputyvjB)!,&a+0a%ShAMWeK@G}C@WfJ9;RhMwvhH9w{ia}ix,hJvRA1(!zAn[MRhHx1hJ~*!#hFv(BSn[MBJQ!(@@=I~'978B2@@=I}2db.Ua<'X}+T#a0XaG2G}E;wkg|wuh!Rh!x,hZu,@)!&So0MVy)C5RiXACJvB!&5RiY5RiZg8w)cG}*T#2@bU}=KsA>(!a.3wkhZba~(x,h^u(A!&(SoCMRhb5Bz=h[eb?w~hb~6x,h_u(A!&(SoDMRhc5Bz=h]eb?w~hc~6e)aA1T#T,^^^c-bMb&blcPaP(a/!0!bA=b5c@a(!bfbrc#2afwmhARnjwchORnp2Wlf3DtsNvdRl-2@wpa<]m0bx(#:awRk2@Jw3!%RfhwpfgRlnKQB%!(G{V@G|'NuuRl6d='T+Y#VyUg<v~Rl~==G|<Jv+'!aYShC}6@B<5?ba~8@Jw3'!g2QRljhLrpWlOd+#Y'g.w'rIg>w*wgj@g-u0Rj@Lu+wT&)ZtUauq]~GrGci&U#F|39:rELrNvj!.%*RhCwunfw~nf~:9;Ri]>wtnhg;wHRnhx3hDs@v~!/+'@Wfr@9RkSNu&Rlo=@<5GzoKs0@_+@Wl+@awRkmJuh!-3d(}pY#qWJvj!%Rm(:Jw3!%Rm,Rm*de&!1U-U#`)Re;@G|.@9Ri82@wjfvRlq=@<5GzpLvOvr!).&2RlF8Rf`C=x!eE{.Jw3_g2QRlkhLrpWlPde(!#U{s,UXa*Ta'[y'g:v>ReS;x0PZ&RnlRnn~HrKJw1}f!=x!eB|2w]aP(#Xa&a*Ta.Ua2a7=]iOd'#Y&Ro&WnWg;u.RiDg6vjRiBNvdRlzhNvj]nYJuW_2Wm3x)kFze{9d])!a.!,Y01!#&aC!a3RndC=ox~BrC@2b^{pg,rlse7x'ksuq!%Rm.E{xidw(wBRmGx9o+)X#wwo-So-}69:Rl4@xSf@a#XZ'X)X,Ta(/ARl8b[xc>RfY:RlI:RfQwlg.ARl:9;Rlwdn'#^XafaQa1X1TaHTa)@b[{zcZ#X'7RkwWg@Ou4ARn&x)kG#{,g7u/RkGdH'U#Y*Vz'Wm&CARm|bx#(A]gUbUzJj9Q~=d,#Y(56H}l978H{U7d,0#U*2>ABb_xZ978BbU{e~AJQ{g!978BbU{hxMh?ad{oUYZ.x1h?{l!#:2<H{mx3n[t{vl!,&a%3Ro(z=iS}6ARnr=Bwsn^wvn`Rnbd`*T}B0!#^X'BG{c9b]{a>>@=be}F?JvS!&BG{d7BG}(Bde#`a1X,Ya@!a'P~=wxf@2bZ}I56B2@@=aybb}08@55B9;5bb}<j3vLv;<Jw3&!>Rfg=ayb^}&OuNBKuLA!)a!P~=x#fD{f2@>==<bbzl?C972@@=Ix^d6rSu,v7w*C(0a)a6#B+a%!sQ[y?3Dt%3[xn~<5rLOu!5p@Ku+D#'!t7~GrP~?rNKvlaya7'!h+v-5qMg=t|cd,U#5AAaa5Abb{S@52B5@a[@52B5Gx[iXueu;d<#`a(!/549C;ag>23ExY5@Dah89b^~689Jv)!~2b[~1Lv'w(%*!a#bX|aPrmawRe]keu7uhv-q6rxu,q`xTo]/a5aU!bNaDXbi!b-!ao!b<bwA!#5@B932:aV2G|:d-)Y#hJrL>RhG<7@C5<H|_=Cau:5aj5@B932:bJ|ng>vIbs)#?C2F|9jPv0w.vISh-MKvUaz(.!9ABbb|[5;5<H|Eg>unwfh;9:4E|YjQsBt|vjx'hYq3!(?C2F|J:2<BaY?C2F|GOu!5x,g|p{ah!-(?C2F|c9:4E|OjXuvvNr}:Rh&i[w*t|cd+U#jJvsu)vsSn~Mkfrmu9p}u7vwv]So!McW#Xa!ax5@A5aY:5;5<H|>kJv~vYrquJu3x4ib#T)2@SmZM?C2F|Bj:rmu9@xPhI(a*a#U#`a3-5Abb|L~@:RhK9:4E|0@52B5G|#C::aY?C2F|-:2<BaY?C2F|.5Jvk!a)javYrquJu3x4ia#T)2@SmYM?C2F|HAxPhH(!a#U#`a*-5Abb|4~@:RhJ9:4E|R@52B5G|F:2<BaY?C2F|Sc^#Xa2j=Qq5CJvB!-g<v{z;hhM?C2F|Zi[vrv{z;hiM?C2F|XKsA>!a)-g<v{z;h[eb?C2F|]i[vrv{z;h]eb?C2F|^iZu.vix,hZq3ah!.(?C2F|QOu!5ShXM:2<BaY?C2F|P", 13_494, 2713, 49, 25, 61);

// Generated using scripts/write-decode-map.ts
/** Packed XML decode trie data. */
const xmlDecodeTree = /* #__PURE__ */ new Uint16Array([
    512, 26_465, 29_036, 7, 0, 2, 4, 116, 24_638, 116, 24_636, 8693, 29_807,
    24_610, 621, 1, 0, 0, 3, 112, 24_614, 111, 115, 24_615,
]);

/**
 * Bit flags & masks for the binary trie encoding used for entity decoding.
 *
 * The trie is a flat `Uint16Array`. Every node starts with one header word:
 *
 *   15..14 VALUE_LENGTH   Number of words the value occupies, +1.
 *                         0 = no value; 1 = value inline in bits 12..0;
 *                         2/3 = value in the 1/2 words after the header.
 *   13     FLAG13         If VALUE_LENGTH > 0: semicolon required ("strict"
 *                         entity; `;` is never stored as a branch).
 *                         If VALUE_LENGTH == 0: this node is a compact run.
 *   12..7  BRANCH_LENGTH  Number of branches (or run length for runs).
 *   6..0   JUMP_TABLE     Jump-table offset / single-branch char / first
 *                         run char (see below).
 *
 * Branch data follows the header and any value words. Its shape is selected
 * by (JUMP_TABLE, BRANCH_LENGTH) in the header:
 *
 *   Single branch  JUMP_TABLE = the only child's char, BRANCH_LENGTH = 0.
 *                  No branch words; the child node follows immediately.
 *   Jump table     JUMP_TABLE = first covered char (> 0), BRANCH_LENGTH =
 *                  table length. One word per covered char: 0 = no branch,
 *                  otherwise the child's offset from the END of the table,
 *                  +1 (so 0 stays the no-branch sentinel).
 *   Dictionary     JUMP_TABLE = 0, BRANCH_LENGTH = number of branches.
 *                  ceil(n/2) words of sorted keys packed two per word
 *                  (low byte first), then n pointer words storing the
 *                  child's offset from the END of the branch data.
 *   Compact run    VALUE_LENGTH = 0, FLAG13 set. BRANCH_LENGTH = run
 *                  length (3..63), JUMP_TABLE = first char; remaining run
 *                  chars packed two per word after the header. The target
 *                  node follows the packed words immediately.
 *
 * Pointers are end-relative (rather than relative to the pointer's own
 * position) because that makes the common "child encoded right after the
 * branch data" case a small constant, which compresses far better. Offsets
 * to already-encoded (shared) nodes wrap via uint16 modulo arithmetic; the
 * decoder masks navigation results with `& 0xff_ff` to match.
 */
var BinTrieFlags;
(function (BinTrieFlags) {
    BinTrieFlags[BinTrieFlags["VALUE_LENGTH"] = 49152] = "VALUE_LENGTH";
    BinTrieFlags[BinTrieFlags["FLAG13"] = 8192] = "FLAG13";
    BinTrieFlags[BinTrieFlags["BRANCH_LENGTH"] = 8064] = "BRANCH_LENGTH";
    BinTrieFlags[BinTrieFlags["JUMP_TABLE"] = 127] = "JUMP_TABLE";
    /** Bits 12..0: the inline value of a VALUE_LENGTH = 1 header word. */
    BinTrieFlags[BinTrieFlags["VALUE_MASK"] = 8191] = "VALUE_MASK";
})(BinTrieFlags || (BinTrieFlags = {}));

var CharCodes$1;
(function (CharCodes) {
    CharCodes[CharCodes["AMP"] = 38] = "AMP";
    CharCodes[CharCodes["NUM"] = 35] = "NUM";
    CharCodes[CharCodes["SEMI"] = 59] = "SEMI";
    CharCodes[CharCodes["EQUALS"] = 61] = "EQUALS";
    CharCodes[CharCodes["ZERO"] = 48] = "ZERO";
    CharCodes[CharCodes["NINE"] = 57] = "NINE";
    CharCodes[CharCodes["LOWER_A"] = 97] = "LOWER_A";
    CharCodes[CharCodes["LOWER_X"] = 120] = "LOWER_X";
})(CharCodes$1 || (CharCodes$1 = {}));
/** Bit that needs to be set to convert an upper case ASCII character to lower case */
const TO_LOWER_BIT = 0b10_0000;
/**
 * Unsigned subtraction trick: (code - lo) >>> 0 wraps negatives to large
 * values, so a single `<=` covers the entire [lo..hi] range check.
 * @param code Code point to check.
 */
function isNumber(code) {
    return (code - CharCodes$1.ZERO) >>> 0 <= 9;
}
function isHexadecimalCharacter(code) {
    return ((code | TO_LOWER_BIT) - CharCodes$1.LOWER_A) >>> 0 <= 5; // F - a
}
function isAlpha(code) {
    return ((code | TO_LOWER_BIT) - CharCodes$1.LOWER_A) >>> 0 <= 25; // Z - a
}
/**
 * Checks if the given character is a valid end character for an entity in an attribute.
 *
 * Attribute values that aren't terminated properly aren't parsed, and shouldn't lead to a parser error.
 * See the example in https://html.spec.whatwg.org/multipage/parsing.html#named-character-reference-state
 * @param code Code point to check.
 */
function isEntityInAttributeInvalidEnd(code) {
    return code === CharCodes$1.EQUALS || isAlpha(code) || isNumber(code);
}
var EntityDecoderState;
(function (EntityDecoderState) {
    EntityDecoderState[EntityDecoderState["EntityStart"] = 0] = "EntityStart";
    EntityDecoderState[EntityDecoderState["NumericStart"] = 1] = "NumericStart";
    EntityDecoderState[EntityDecoderState["NumericDecimal"] = 2] = "NumericDecimal";
    EntityDecoderState[EntityDecoderState["NumericHex"] = 3] = "NumericHex";
    EntityDecoderState[EntityDecoderState["NamedEntity"] = 4] = "NamedEntity";
})(EntityDecoderState || (EntityDecoderState = {}));
/**
 * Decoding mode for named entities.
 */
var DecodingMode;
(function (DecodingMode) {
    /** Entities in text nodes that can end with any character. */
    DecodingMode[DecodingMode["Legacy"] = 0] = "Legacy";
    /** Only allow entities terminated with a semicolon. */
    DecodingMode[DecodingMode["Strict"] = 1] = "Strict";
    /** Entities in attributes have limitations on ending characters. */
    DecodingMode[DecodingMode["Attribute"] = 2] = "Attribute";
})(DecodingMode || (DecodingMode = {}));
/**
 * Token decoder with support of writing partial entities.
 */
class EntityDecoder {
    decodeTree;
    emitCodePoint;
    errors;
    /** The current state of the decoder. */
    state = EntityDecoderState.EntityStart;
    /** Characters that were consumed while parsing an entity. */
    consumed = 1;
    /**
     * The result of the entity.
     *
     * For named entities: the trie index of the best legacy match so far
     * (0 = none). For numeric entities: the accumulated code point.
     */
    result = 0;
    /** The current index in the decode tree. */
    treeIndex = 0;
    /**
     * Characters consumed since the last recorded legacy match, plus one.
     * Invariant at the top of the `stateNamedEntity` loop: `excess` equals
     * the number of unrecorded consumed characters + 1.
     */
    // biome-ignore lint/correctness/noUnusedPrivateClassMembers: False positive (read via destructuring)
    excess = 1;
    /** The mode in which the decoder is operating. */
    decodeMode = DecodingMode.Strict;
    /** The number of characters that have been consumed in the current run. */
    // biome-ignore lint/correctness/noUnusedPrivateClassMembers: False positive
    runConsumed = 0;
    constructor(
    /** The predefined HTML or XML decode tree. */
    decodeTree, 
    /**
     * The function that is called when a codepoint is decoded.
     *
     * For named entities that decode to multiple code points, this will
     * be called multiple times, with the second codepoint, and the same
     * `consumed` value.
     * @param codepoint The decoded codepoint.
     * @param consumed The number of characters consumed by the decoder.
     */
    emitCodePoint, 
    /** An object that is used to produce errors. */
    errors) {
        this.decodeTree = decodeTree;
        this.emitCodePoint = emitCodePoint;
        this.errors = errors;
    }
    /**
     * Resets the instance to make it reusable.
     * @param decodeMode Entity decoding mode to use.
     */
    startEntity(decodeMode) {
        this.decodeMode = decodeMode;
        this.state = EntityDecoderState.EntityStart;
        this.result = 0;
        this.treeIndex = 0;
        this.excess = 1;
        this.consumed = 1;
        this.runConsumed = 0;
    }
    /**
     * Write an entity to the decoder. This can be called multiple times with partial entities.
     * If the entity is incomplete, the decoder will return -1.
     *
     * Mirrors the non-streaming `decodeWithTrie`, but with the ability to stop decoding if the
     * entity is incomplete, and resume when the next string is written.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The offset at which the entity begins. Should be 0 if this is not the first call.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    write(input, offset) {
        switch (this.state) {
            case EntityDecoderState.EntityStart: {
                if (input.charCodeAt(offset) === CharCodes$1.NUM) {
                    this.state = EntityDecoderState.NumericStart;
                    this.consumed += 1;
                    return this.stateNumericStart(input, offset + 1);
                }
                this.state = EntityDecoderState.NamedEntity;
                return this.stateNamedEntity(input, offset);
            }
            case EntityDecoderState.NumericStart: {
                return this.stateNumericStart(input, offset);
            }
            case EntityDecoderState.NumericDecimal: {
                return this.stateNumericDecimal(input, offset);
            }
            case EntityDecoderState.NumericHex: {
                return this.stateNumericHex(input, offset);
            }
            default: {
                // NamedEntity — the only remaining state.
                return this.stateNamedEntity(input, offset);
            }
        }
    }
    /**
     * Switches between the numeric decimal and hexadecimal states.
     *
     * Equivalent to the `Numeric character reference state` in the HTML spec.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The current offset.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    // eslint-disable-next-line unicorn/consistent-class-member-order
    stateNumericStart(input, offset) {
        if (offset >= input.length) {
            return -1;
        }
        if ((input.charCodeAt(offset) | TO_LOWER_BIT) === CharCodes$1.LOWER_X) {
            this.state = EntityDecoderState.NumericHex;
            this.consumed += 1;
            return this.stateNumericHex(input, offset + 1);
        }
        this.state = EntityDecoderState.NumericDecimal;
        return this.stateNumericDecimal(input, offset);
    }
    /**
     * Parses a hexadecimal numeric entity.
     *
     * Equivalent to the `Hexademical character reference state` in the HTML
     * spec. Digit parsing matches the hex loop in `parseNumericEntity`.
     * The accumulated value is preserved for numeric validation callbacks.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The current offset.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    stateNumericHex(input, offset) {
        const inputLength = input.length;
        // Local accumulators; flushed before any exit (see stateNamedEntity).
        let { result } = this;
        let { consumed } = this;
        while (offset < inputLength) {
            const char = input.charCodeAt(offset);
            if (isNumber(char) || isHexadecimalCharacter(char)) {
                // Convert hex digit to value (0-15); 'a'/'A' -> 10.
                const digit = char <= CharCodes$1.NINE
                    ? char - CharCodes$1.ZERO
                    : (char | TO_LOWER_BIT) - CharCodes$1.LOWER_A + 10;
                result = result * 16 + digit;
                consumed += 1;
                offset += 1;
            }
            else {
                this.result = result;
                this.consumed = consumed;
                return this.emitNumericEntity(char, 3);
            }
        }
        this.result = result;
        this.consumed = consumed;
        return -1; // Incomplete entity
    }
    /**
     * Parses a decimal numeric entity.
     *
     * Equivalent to the `Decimal character reference state` in the HTML
     * spec. Digit parsing matches the decimal loop in `parseNumericEntity`.
     * The accumulated value is preserved for numeric validation callbacks.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The current offset.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    stateNumericDecimal(input, offset) {
        const inputLength = input.length;
        // Local accumulators; flushed before any exit (see stateNamedEntity).
        let { result } = this;
        let { consumed } = this;
        while (offset < inputLength) {
            const digit = input.charCodeAt(offset) - CharCodes$1.ZERO;
            if (digit >>> 0 > 9) {
                this.result = result;
                this.consumed = consumed;
                return this.emitNumericEntity(digit + CharCodes$1.ZERO, 2);
            }
            result = result * 10 + digit;
            consumed += 1;
            offset += 1;
        }
        this.result = result;
        this.consumed = consumed;
        return -1; // Incomplete entity
    }
    /**
     * Validate and emit a numeric entity.
     *
     * Implements the logic from the `Hexademical character reference start
     * state` and `Numeric character reference end state` in the HTML spec.
     * @param lastCp The last code point of the entity. Used to see if the
     *               entity was terminated with a semicolon.
     * @param expectedLength The minimum number of characters that should be
     *                       consumed. Used to validate that at least one digit
     *                       was consumed.
     * @returns The number of characters that were consumed.
     */
    emitNumericEntity(lastCp, expectedLength) {
        // Ensure we consumed at least one digit.
        if (this.consumed <= expectedLength) {
            this.errors?.absenceOfDigitsInNumericCharacterReference(this.consumed);
            return 0;
        }
        // Figure out if this is a legit end of the entity
        if (lastCp === CharCodes$1.SEMI) {
            this.consumed += 1;
        }
        else if (this.decodeMode === DecodingMode.Strict) {
            return 0;
        }
        this.emitCodePoint((this.decodeTree === xmlDecodeTree
            ? replaceCodePointXML
            : replaceCodePoint)(this.result), this.consumed);
        if (this.errors) {
            if (lastCp !== CharCodes$1.SEMI) {
                this.errors.missingSemicolonAfterCharacterReference();
            }
            this.errors.validateNumericCharacterReference(this.result);
        }
        return this.consumed;
    }
    /**
     * Flush locally-tracked walk state back to the fields, then emit the
     * recorded legacy match or reject (cold path — at most once per
     * entity). Called after failed navigation (leaf node, branch miss, or
     * compact-run mismatch). In attribute mode, reject if no legacy was
     * recorded at the current node, if we descended past it, or if the
     * pending input character is an invalid attribute terminator.
     * @param consumed Locally-tracked consumed count.
     * @param excess Locally-tracked excess count.
     * @param char Pending input character (may be the mismatching char).
     * @param valueLength Value length at the current trie node.
     */
    flushAndEmitLegacyOrReject(consumed, excess, char, valueLength) {
        this.consumed = consumed;
        this.excess = excess;
        return this.result === 0 ||
            (this.decodeMode === DecodingMode.Attribute &&
                (valueLength === 0 ||
                    excess > 1 ||
                    isEntityInAttributeInvalidEnd(char)))
            ? 0
            : this.emitNotTerminatedNamedEntity();
    }
    /**
     * Parses a named entity.
     *
     * Equivalent to the `Named character reference state` in the HTML spec.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The current offset.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    stateNamedEntity(input, offset) {
        const { decodeTree } = this;
        const inputLength = input.length;
        const isStrict = this.decodeMode === DecodingMode.Strict;
        /*
         * Local copies of the resumable walk state avoid per-character
         * field writes. They are flushed back to the fields
         * on every exit (chunk end, and before any emit helper that reads
         * them). `this.result` is only written at the (rare) record points,
         * so it stays a direct field write.
         *
         * Legacy-match recording happens in two idempotent places: at the
         * loop top when sitting on a value node, and in the chunk-end
         * epilogue (so `end()` sees matches that land exactly on a chunk
         * boundary). Recording applies `consumed += excess - 1; excess = 1`,
         * which is a no-op when repeated — the loop-top invariant is
         * `excess` = unrecorded consumed characters + 1.
         */
        let { treeIndex } = this;
        let { excess } = this;
        let { consumed } = this;
        let current = decodeTree[treeIndex];
        while (offset < inputLength) {
            /*
             * Descend through value-less jump-table nodes (including the
             * single-branch encoding) inline, mirroring `decodeWithTrie`:
             * this avoids a `determineBranch` call per level for the
             * dominant node shape — including the root on the first write.
             */
            while ((current &
                (BinTrieFlags.VALUE_LENGTH | BinTrieFlags.FLAG13)) ===
                0 &&
                (current & BinTrieFlags.JUMP_TABLE) !== 0) {
                const char = input.charCodeAt(offset);
                const jumpOffset = current & BinTrieFlags.JUMP_TABLE;
                const branchCount = (current & BinTrieFlags.BRANCH_LENGTH) >> 7;
                if (branchCount === 0) {
                    // Single branch encoded inline in the jump offset bits.
                    if (char !== jumpOffset) {
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    treeIndex += 1;
                }
                else {
                    const slot = char - jumpOffset;
                    if (slot >>> 0 >= branchCount) {
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    const stored = decodeTree[treeIndex + 1 + slot];
                    if (stored === 0) {
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    // End-relative: branch data ends at treeIndex+1+branchCount.
                    treeIndex = (treeIndex + branchCount + stored) & 0xff_ff;
                }
                current = decodeTree[treeIndex];
                offset += 1;
                excess += 1;
                /*
                 * `charCodeAt` past the end returns NaN, which would alias
                 * to slot 0 after `>>> 0` — bail out explicitly.
                 */
                // eslint-disable-next-line unicorn/no-break-in-nested-loop
                if (offset >= inputLength)
                    break;
            }
            if (offset >= inputLength)
                break;
            // Handle compact runs (resumable across chunks).
            if ((current &
                (BinTrieFlags.VALUE_LENGTH | BinTrieFlags.FLAG13)) ===
                BinTrieFlags.FLAG13) {
                const runLength = (current & BinTrieFlags.BRANCH_LENGTH) >> 7; /* 3..63 */
                let { runConsumed } = this;
                // If we are starting a run, check the first char.
                if (runConsumed === 0) {
                    const char = input.charCodeAt(offset);
                    if (char !== (current & BinTrieFlags.JUMP_TABLE)) {
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    offset += 1;
                    excess += 1;
                    runConsumed = 1;
                }
                // Check remaining characters in the run (packed two per uint16 word).
                while (runConsumed < runLength) {
                    if (offset >= inputLength) {
                        this.treeIndex = treeIndex;
                        this.excess = excess;
                        this.consumed = consumed;
                        this.runConsumed = runConsumed;
                        return -1;
                    }
                    const charIndexInPacked = runConsumed - 1;
                    const packedWord = decodeTree[treeIndex + 1 + (charIndexInPacked >> 1)];
                    const expectedChar = (packedWord >> ((charIndexInPacked & 1) << 3)) & 0xff;
                    const char = input.charCodeAt(offset);
                    if (char !== expectedChar) {
                        this.runConsumed = 0;
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    offset += 1;
                    excess += 1;
                    runConsumed += 1;
                }
                this.runConsumed = 0;
                treeIndex += 1 + (runLength >> 1);
                current = decodeTree[treeIndex];
                // Loop top handles the landed-on node (record/emit/branch).
                continue;
            }
            // Header plus out-of-line value words; 0 means no value.
            const valueLength = current >>> 14;
            const char = input.charCodeAt(offset);
            if (valueLength !== 0) {
                // Record a legacy match (FLAG13 clear = semicolon optional).
                if (!isStrict && (current & BinTrieFlags.FLAG13) === 0) {
                    this.result = treeIndex;
                    consumed += excess - 1;
                    excess = 1;
                }
                /*
                 * Implicit semicolon handling: emit immediately. Covers both
                 * strict (FLAG13 set) and legacy entities — neither stores
                 * an explicit `;` branch in the trie.
                 */
                if (char === CharCodes$1.SEMI) {
                    return this.emitNamedEntityData(treeIndex, valueLength, consumed + excess);
                }
                /*
                 * `valueLength === 1` packs the codepoint into the header
                 * word's low 13 bits, where branch metadata also lives. Skip
                 * the branch lookup on leaves so those value bits aren't
                 * reinterpreted as branch offsets.
                 */
                if (valueLength === 1) {
                    return this.flushAndEmitLegacyOrReject(consumed, excess, char, valueLength);
                }
            }
            // Value-bearing or dictionary node: dispatch through determineBranch.
            const next = determineBranch(decodeTree, current, treeIndex + (valueLength || 1), char);
            if (next < 0) {
                return this.flushAndEmitLegacyOrReject(consumed, excess, char, valueLength);
            }
            treeIndex = next;
            current = decodeTree[treeIndex];
            offset += 1;
            excess += 1;
        }
        /*
         * Chunk exhausted. Record a legacy match we may be sitting on, so a
         * subsequent `end()` emits it, then persist the walk state.
         */
        if (!isStrict &&
            current >>> 14 !== 0 &&
            (current & BinTrieFlags.FLAG13) === 0) {
            this.result = treeIndex;
            consumed += excess - 1;
            excess = 1;
        }
        this.treeIndex = treeIndex;
        this.excess = excess;
        this.consumed = consumed;
        return -1;
    }
    /**
     * Emit a named entity that was not terminated with a semicolon.
     * @returns The number of characters consumed.
     */
    emitNotTerminatedNamedEntity() {
        const { result, decodeTree } = this;
        const valueLength = decodeTree[result] >>> 14;
        this.emitNamedEntityData(result, valueLength, this.consumed);
        this.errors?.missingSemicolonAfterCharacterReference();
        return this.consumed;
    }
    /**
     * Emit a named entity.
     * @param result The index of the entity in the decode tree.
     * @param valueLength Encoded value length (header plus any value words).
     * @param consumed The number of characters consumed.
     * @returns The number of characters consumed.
     */
    emitNamedEntityData(result, valueLength, consumed) {
        const { decodeTree } = this;
        this.emitCodePoint(valueLength === 1
            ? decodeTree[result] & BinTrieFlags.VALUE_MASK
            : decodeTree[result + 1], consumed);
        if (valueLength === 3) {
            // Emit the second UTF-16 code unit.
            this.emitCodePoint(decodeTree[result + 2], consumed);
        }
        return consumed;
    }
    /**
     * Signal to the parser that the end of the input was reached.
     *
     * Remaining data will be emitted and relevant errors will be produced.
     * @returns The number of characters consumed.
     */
    end() {
        switch (this.state) {
            case EntityDecoderState.NamedEntity: {
                // Emit a named entity if we have one.
                return this.result !== 0 &&
                    (this.decodeMode !== DecodingMode.Attribute ||
                        this.result === this.treeIndex)
                    ? this.emitNotTerminatedNamedEntity()
                    : 0;
            }
            // Otherwise, emit a numeric entity if we have one.
            case EntityDecoderState.NumericDecimal: {
                return this.emitNumericEntity(0, 2);
            }
            case EntityDecoderState.NumericHex: {
                return this.emitNumericEntity(0, 3);
            }
            case EntityDecoderState.NumericStart: {
                this.errors?.absenceOfDigitsInNumericCharacterReference(this.consumed);
                return 0;
            }
            default: {
                // EntityStart or unknown — return 0.
                return 0;
            }
        }
    }
}
/**
 * Determines the branch of the current node that is taken given the current
 * character. This function is used to traverse the trie.
 *
 * See `BinTrieFlags` for the branch-data layouts handled here.
 * @param decodeTree The trie.
 * @param current The current node's header word.
 * @param nodeIndex Index of the node's first branch-data word (the header
 *   plus any value words have been skipped by the caller).
 * @param char The current character.
 * @returns The index of the next node, or -1 if no branch is taken.
 */
function determineBranch(decodeTree, current, nodeIndex, char) {
    const branchCount = (current & BinTrieFlags.BRANCH_LENGTH) >> 7;
    const jumpOffset = current & BinTrieFlags.JUMP_TABLE;
    // Case 1: Single branch or jump table (jumpOffset encodes the first/only char code).
    if (jumpOffset) {
        if (branchCount === 0) {
            // Single branch encoded inline in the jump offset bits.
            return char === jumpOffset ? nodeIndex : -1;
        }
        /*
         * Jump table: branchCount consecutive slots starting at jumpOffset.
         * Unsigned comparison handles both < 0 and >= branchCount in one check.
         */
        const slot = char - jumpOffset;
        if (slot >>> 0 >= branchCount)
            return -1;
        const stored = decodeTree[nodeIndex + slot];
        /*
         * 0 = empty slot (no branch); otherwise the child's offset from the
         * end of the branch array, +1 (end-relative pointers compress
         * better). `& 0xff_ff` mirrors the encoder's uint16 wrap for
         * backreferences to already-encoded nodes.
         */
        return stored === 0
            ? -1
            : (nodeIndex + branchCount + stored - 1) & 0xff_ff;
    }
    /*
     * Case 2: Packed dictionary. Linear scan — over 90% of dict nodes have
     * <= 4 branches in the HTML trie, where the constant-factor savings
     * dominate over binary search's asymptotic edge.
     */
    if (branchCount === 0)
        return -1;
    const packedKeySlots = (branchCount + 1) >> 1;
    const branchEnd = nodeIndex + packedKeySlots + branchCount;
    for (let index = 0; index < branchCount; index++) {
        const packed = decodeTree[nodeIndex + (index >> 1)];
        const key = (packed >> ((index & 1) << 3)) & 0xff;
        if (key === char) {
            const pointerIndex = nodeIndex + packedKeySlots + index;
            // Pointers are relative to the end of the branch data.
            return (branchEnd + decodeTree[pointerIndex]) & 0xff_ff;
        }
        // Keys are sorted; if we've passed `char`, no match is possible.
        if (key > char)
            return -1;
    }
    return -1;
}

var CharCodes;
(function (CharCodes) {
    CharCodes[CharCodes["Tab"] = 9] = "Tab";
    CharCodes[CharCodes["NewLine"] = 10] = "NewLine";
    CharCodes[CharCodes["FormFeed"] = 12] = "FormFeed";
    CharCodes[CharCodes["CarriageReturn"] = 13] = "CarriageReturn";
    CharCodes[CharCodes["Space"] = 32] = "Space";
    CharCodes[CharCodes["ExclamationMark"] = 33] = "ExclamationMark";
    CharCodes[CharCodes["Number"] = 35] = "Number";
    CharCodes[CharCodes["Amp"] = 38] = "Amp";
    CharCodes[CharCodes["SingleQuote"] = 39] = "SingleQuote";
    CharCodes[CharCodes["DoubleQuote"] = 34] = "DoubleQuote";
    CharCodes[CharCodes["Dash"] = 45] = "Dash";
    CharCodes[CharCodes["Slash"] = 47] = "Slash";
    CharCodes[CharCodes["Zero"] = 48] = "Zero";
    CharCodes[CharCodes["Nine"] = 57] = "Nine";
    CharCodes[CharCodes["Semi"] = 59] = "Semi";
    CharCodes[CharCodes["Lt"] = 60] = "Lt";
    CharCodes[CharCodes["Eq"] = 61] = "Eq";
    CharCodes[CharCodes["Gt"] = 62] = "Gt";
    CharCodes[CharCodes["Questionmark"] = 63] = "Questionmark";
    CharCodes[CharCodes["UpperA"] = 65] = "UpperA";
    CharCodes[CharCodes["LowerA"] = 97] = "LowerA";
    CharCodes[CharCodes["UpperF"] = 70] = "UpperF";
    CharCodes[CharCodes["LowerF"] = 102] = "LowerF";
    CharCodes[CharCodes["UpperZ"] = 90] = "UpperZ";
    CharCodes[CharCodes["LowerZ"] = 122] = "LowerZ";
    CharCodes[CharCodes["LowerX"] = 120] = "LowerX";
    CharCodes[CharCodes["OpeningSquareBracket"] = 91] = "OpeningSquareBracket";
})(CharCodes || (CharCodes = {}));
/** All the states the tokenizer can be in. */
var State;
(function (State) {
    State[State["Text"] = 1] = "Text";
    State[State["BeforeTagName"] = 2] = "BeforeTagName";
    State[State["InTagName"] = 3] = "InTagName";
    State[State["InSelfClosingTag"] = 4] = "InSelfClosingTag";
    State[State["BeforeClosingTagName"] = 5] = "BeforeClosingTagName";
    State[State["InClosingTagName"] = 6] = "InClosingTagName";
    State[State["AfterClosingTagName"] = 7] = "AfterClosingTagName";
    // Attributes
    State[State["BeforeAttributeName"] = 8] = "BeforeAttributeName";
    State[State["InAttributeName"] = 9] = "InAttributeName";
    State[State["AfterAttributeName"] = 10] = "AfterAttributeName";
    State[State["BeforeAttributeValue"] = 11] = "BeforeAttributeValue";
    State[State["InAttributeValueDq"] = 12] = "InAttributeValueDq";
    State[State["InAttributeValueSq"] = 13] = "InAttributeValueSq";
    State[State["InAttributeValueNq"] = 14] = "InAttributeValueNq";
    // Declarations
    State[State["BeforeDeclaration"] = 15] = "BeforeDeclaration";
    State[State["InDeclaration"] = 16] = "InDeclaration";
    // Processing instructions
    State[State["InProcessingInstruction"] = 17] = "InProcessingInstruction";
    // Comments & CDATA
    State[State["BeforeComment"] = 18] = "BeforeComment";
    State[State["CDATASequence"] = 19] = "CDATASequence";
    State[State["DeclarationSequence"] = 20] = "DeclarationSequence";
    State[State["InSpecialComment"] = 21] = "InSpecialComment";
    State[State["InCommentLike"] = 22] = "InCommentLike";
    // Special tags
    State[State["SpecialStartSequence"] = 23] = "SpecialStartSequence";
    State[State["InSpecialTag"] = 24] = "InSpecialTag";
    State[State["InPlainText"] = 25] = "InPlainText";
    State[State["InEntity"] = 26] = "InEntity";
})(State || (State = {}));
function isWhitespace(c) {
    return (c === CharCodes.Space ||
        c === CharCodes.NewLine ||
        c === CharCodes.Tab ||
        c === CharCodes.FormFeed ||
        c === CharCodes.CarriageReturn);
}
function isEndOfTagSection(c) {
    return c === CharCodes.Slash || c === CharCodes.Gt || isWhitespace(c);
}
function isASCIIAlpha(c) {
    return ((c >= CharCodes.LowerA && c <= CharCodes.LowerZ) ||
        (c >= CharCodes.UpperA && c <= CharCodes.UpperZ));
}
/**
 * Quote style used for parsed attributes.
 */
var QuoteType;
(function (QuoteType) {
    QuoteType[QuoteType["NoValue"] = 0] = "NoValue";
    QuoteType[QuoteType["Unquoted"] = 1] = "Unquoted";
    QuoteType[QuoteType["Single"] = 2] = "Single";
    QuoteType[QuoteType["Double"] = 3] = "Double";
})(QuoteType || (QuoteType = {}));
/**
 * Sequences used to match longer strings.
 *
 * We don't have `Script`, `Style`, or `Title` here. Instead, we re-use the *End
 * sequences with an increased offset.
 */
const Sequences = {
    Empty: new Uint8Array(0),
    Cdata: new Uint8Array([0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]), // CDATA[
    CdataEnd: new Uint8Array([0x5d, 0x5d, 0x3e]), // ]]>
    CommentEnd: new Uint8Array([0x2d, 0x2d, 0x21, 0x3e]), // `--!>`
    Doctype: new Uint8Array([0x64, 0x6f, 0x63, 0x74, 0x79, 0x70, 0x65]), // `doctype`
    IframeEnd: new Uint8Array([0x3c, 0x2f, 0x69, 0x66, 0x72, 0x61, 0x6d, 0x65]), // `</iframe`
    NoembedEnd: new Uint8Array([
        0x3c, 0x2f, 0x6e, 0x6f, 0x65, 0x6d, 0x62, 0x65, 0x64,
    ]), // `</noembed`
    NoframesEnd: new Uint8Array([
        0x3c, 0x2f, 0x6e, 0x6f, 0x66, 0x72, 0x61, 0x6d, 0x65, 0x73,
    ]), // `</noframes`
    Plaintext: new Uint8Array([
        0x3c, 0x2f, 0x70, 0x6c, 0x61, 0x69, 0x6e, 0x74, 0x65, 0x78, 0x74,
    ]), // `</plaintext`
    ScriptEnd: new Uint8Array([0x3c, 0x2f, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74]), // `</script`
    StyleEnd: new Uint8Array([0x3c, 0x2f, 0x73, 0x74, 0x79, 0x6c, 0x65]), // `</style`
    TitleEnd: new Uint8Array([0x3c, 0x2f, 0x74, 0x69, 0x74, 0x6c, 0x65]), // `</title`
    TextareaEnd: new Uint8Array([
        0x3c, 0x2f, 0x74, 0x65, 0x78, 0x74, 0x61, 0x72, 0x65, 0x61,
    ]), // `</textarea`
    XmpEnd: new Uint8Array([0x3c, 0x2f, 0x78, 0x6d, 0x70]), // `</xmp`
};
/**
 * Maps the first lowercase character of an HTML tag name to the sequence
 * used for special-tag detection.  All sequences share a common layout
 * where index 2 is the first tag-name character, so matching always
 * continues from offset 3.
 */
const specialStartSequences = new Map([
    [Sequences.IframeEnd[2], Sequences.IframeEnd],
    [Sequences.NoembedEnd[2], Sequences.NoembedEnd],
    [Sequences.Plaintext[2], Sequences.Plaintext],
    [Sequences.ScriptEnd[2], Sequences.ScriptEnd],
    [Sequences.TitleEnd[2], Sequences.TitleEnd],
    [Sequences.XmpEnd[2], Sequences.XmpEnd],
]);
/**
 * Tokenizer implementation used by `Parser`.
 */
class Tokenizer {
    cbs;
    /** The current state the tokenizer is in. */
    state = State.Text;
    /** The read buffer. */
    buffer = "";
    /** The beginning of the section that is currently being read. */
    sectionStart = 0;
    /** The index within the buffer that we are currently looking at. */
    index = 0;
    /** The start of the last entity. */
    entityStart = 0;
    /** Some behavior, eg. when decoding entities, is done while we are in another state. This keeps track of the other state type. */
    baseState = State.Text;
    /** For special parsing behavior inside of script and style tags. */
    isSpecial = false;
    /** Indicates whether the tokenizer has been paused. */
    running = true;
    /** The offset of the current buffer. */
    offset = 0;
    xmlMode;
    decodeEntities;
    recognizeSelfClosing;
    entityDecoder;
    constructor({ xmlMode = false, decodeEntities = true, recognizeSelfClosing = xmlMode, }, cbs) {
        this.cbs = cbs;
        this.xmlMode = xmlMode;
        this.decodeEntities = decodeEntities;
        this.recognizeSelfClosing = recognizeSelfClosing;
        this.entityDecoder = new EntityDecoder(xmlMode ? xmlDecodeTree : htmlDecodeTree, (cp, consumed) => this.emitCodePoint(cp, consumed));
    }
    reset() {
        this.state = State.Text;
        this.buffer = "";
        this.sectionStart = 0;
        this.index = 0;
        this.baseState = State.Text;
        this.isSpecial = false;
        this.currentSequence = Sequences.Empty;
        this.sequenceIndex = 0;
        this.running = true;
        this.offset = 0;
    }
    write(chunk) {
        this.offset += this.buffer.length;
        this.buffer = chunk;
        this.parse();
    }
    end() {
        if (this.running)
            this.finish();
    }
    pause() {
        this.running = false;
    }
    resume() {
        this.running = true;
        if (this.index < this.buffer.length + this.offset) {
            this.parse();
        }
    }
    stateText(c) {
        if (c === CharCodes.Lt ||
            (!this.decodeEntities && this.fastForwardTo(CharCodes.Lt))) {
            if (this.index > this.sectionStart) {
                this.cbs.ontext(this.sectionStart, this.index);
            }
            this.state = State.BeforeTagName;
            this.sectionStart = this.index;
        }
        else if (this.decodeEntities && c === CharCodes.Amp) {
            this.startEntity();
        }
    }
    currentSequence = Sequences.Empty;
    sequenceIndex = 0;
    enterTagBody() {
        if (this.currentSequence === Sequences.Plaintext) {
            this.currentSequence = Sequences.Empty;
            this.state = State.InPlainText;
        }
        else if (this.isSpecial) {
            this.state = State.InSpecialTag;
            this.sequenceIndex = 0;
        }
        else {
            this.state = State.Text;
        }
    }
    /**
     * Match the opening tag name against an HTML text-only tag sequence.
     *
     * Some tags share an initial prefix (`script`/`style`, `title`/`textarea`,
     * `noembed`/`noframes`), so we may switch to an alternate sequence at the
     * first distinguishing byte.  On a successful full match we fall back to
     * the normal tag-name state; a later `>` will enter raw-text, RCDATA, or
     * plaintext mode based on `currentSequence` / `isSpecial`.
     * @param c Current character code point.
     */
    stateSpecialStartSequence(c) {
        const lower = c | 0x20;
        // Still matching — check for an alternate sequence at branch points.
        if (this.sequenceIndex < this.currentSequence.length) {
            if (lower === this.currentSequence[this.sequenceIndex]) {
                this.sequenceIndex++;
                return;
            }
            if (this.sequenceIndex === 3) {
                if (this.currentSequence === Sequences.ScriptEnd &&
                    lower === Sequences.StyleEnd[3]) {
                    this.currentSequence = Sequences.StyleEnd;
                    this.sequenceIndex = 4;
                    return;
                }
                if (this.currentSequence === Sequences.TitleEnd &&
                    lower === Sequences.TextareaEnd[3]) {
                    this.currentSequence = Sequences.TextareaEnd;
                    this.sequenceIndex = 4;
                    return;
                }
            }
            else if (this.sequenceIndex === 4 &&
                this.currentSequence === Sequences.NoembedEnd &&
                lower === Sequences.NoframesEnd[4]) {
                this.currentSequence = Sequences.NoframesEnd;
                this.sequenceIndex = 5;
                return;
            }
        }
        else if (isEndOfTagSection(c)) {
            // Full match on a valid tag boundary — keep the sequence.
            this.sequenceIndex = 0;
            this.state = State.InTagName;
            this.stateInTagName(c);
            return;
        }
        // No match — abandon special-tag detection.
        this.isSpecial = false;
        this.currentSequence = Sequences.Empty;
        this.sequenceIndex = 0;
        this.state = State.InTagName;
        this.stateInTagName(c);
    }
    stateCDATASequence(c) {
        if (c === Sequences.Cdata[this.sequenceIndex]) {
            if (++this.sequenceIndex === Sequences.Cdata.length) {
                this.state = State.InCommentLike;
                this.currentSequence = Sequences.CdataEnd;
                this.sequenceIndex = 0;
                this.sectionStart = this.index + 1;
            }
        }
        else {
            this.sequenceIndex = 0;
            if (this.xmlMode) {
                this.state = State.InDeclaration;
                this.stateInDeclaration(c); // Reconsume the character
            }
            else {
                this.state = State.InSpecialComment;
                this.stateInSpecialComment(c); // Reconsume the character
            }
        }
    }
    /**
     * When we wait for one specific character, we can speed things up
     * by skipping through the buffer until we find it.
     * @param c Current character code point.
     * @returns Whether the character was found.
     */
    fastForwardTo(c) {
        while (++this.index < this.buffer.length + this.offset) {
            if (this.buffer.charCodeAt(this.index - this.offset) === c) {
                return true;
            }
        }
        /*
         * We increment the index at the end of the `parse` loop,
         * so set it to `buffer.length - 1` here.
         *
         * TODO: Refactor `parse` to increment index before calling states.
         */
        this.index = this.buffer.length + this.offset - 1;
        return false;
    }
    /**
     * Emit a comment token and return to the text state.
     * @param offset Number of characters in the end sequence that have already been matched.
     */
    emitComment(offset) {
        this.cbs.oncomment(this.sectionStart, this.index, offset);
        this.sequenceIndex = 0;
        this.sectionStart = this.index + 1;
        this.state = State.Text;
    }
    /**
     * Comments and CDATA end with `-->` and `]]>`.
     *
     * Their common qualities are:
     * - Their end sequences have a distinct character they start with.
     * - That character is then repeated, so we have to check multiple repeats.
     * - All characters but the start character of the sequence can be skipped.
     * @param c Current character code point.
     */
    stateInCommentLike(c) {
        if (!this.xmlMode &&
            this.currentSequence === Sequences.CommentEnd &&
            this.sequenceIndex <= 1 &&
            /*
             * We're still at the very start of the comment: the only
             * characters consumed since `<!--` are the dashes that
             * advanced sequenceIndex (0 for `<!-->`, 1 for `<!--->`).
             */
            this.index === this.sectionStart + this.sequenceIndex &&
            c === CharCodes.Gt) {
            // Abruptly closed empty HTML comment.
            this.emitComment(this.sequenceIndex);
        }
        else if (this.currentSequence === Sequences.CommentEnd &&
            this.sequenceIndex === 2 &&
            c === CharCodes.Gt) {
            // `!` is optional here, so the same sequence also accepts `-->`.
            this.emitComment(2);
        }
        else if (this.currentSequence === Sequences.CommentEnd &&
            this.sequenceIndex === this.currentSequence.length - 1 &&
            c !== CharCodes.Gt) {
            this.sequenceIndex = Number(c === CharCodes.Dash);
        }
        else if (c === this.currentSequence[this.sequenceIndex]) {
            if (++this.sequenceIndex === this.currentSequence.length) {
                if (this.currentSequence === Sequences.CdataEnd) {
                    this.cbs.oncdata(this.sectionStart, this.index, 2);
                }
                else {
                    this.cbs.oncomment(this.sectionStart, this.index, 3);
                }
                this.sequenceIndex = 0;
                this.sectionStart = this.index + 1;
                this.state = State.Text;
            }
        }
        else if (this.sequenceIndex === 0) {
            // Fast-forward to the first character of the sequence
            if (this.fastForwardTo(this.currentSequence[0])) {
                this.sequenceIndex = 1;
            }
        }
        else if (c !== this.currentSequence[this.sequenceIndex - 1]) {
            // Allow long sequences, eg. --->, ]]]>
            this.sequenceIndex = 0;
        }
    }
    /**
     * HTML only allows ASCII alpha characters (a-z and A-Z) at the beginning of a tag name.
     *
     * XML allows a lot more characters here (@see https://www.w3.org/TR/REC-xml/#NT-NameStartChar).
     * We allow anything that wouldn't end the tag.
     * @param c Current character code point.
     */
    isTagStartChar(c) {
        return this.xmlMode ? !isEndOfTagSection(c) : isASCIIAlpha(c);
    }
    /**
     * Scan raw-text / RCDATA content for the matching end tag.
     *
     * For RCDATA tags (`<title>`, `<textarea>`) entities are decoded inline.
     * For raw-text tags (`<script>`, `<style>`, etc.) we fast-forward to `<`.
     * @param c Current character code point.
     */
    stateInSpecialTag(c) {
        if (this.sequenceIndex === this.currentSequence.length) {
            if (isEndOfTagSection(c)) {
                const endOfText = this.index - this.currentSequence.length;
                if (this.sectionStart < endOfText) {
                    // Spoof the index so that reported locations match up.
                    const actualIndex = this.index;
                    this.index = endOfText;
                    this.cbs.ontext(this.sectionStart, endOfText);
                    this.index = actualIndex;
                }
                this.isSpecial = false;
                this.sectionStart = endOfText + 2; // Skip over the `</`
                this.stateInClosingTagName(c);
                return; // We are done; skip the rest of the function.
            }
            this.sequenceIndex = 0;
        }
        if ((c | 0x20) === this.currentSequence[this.sequenceIndex]) {
            this.sequenceIndex += 1;
        }
        else if (this.sequenceIndex === 0) {
            if (this.currentSequence === Sequences.TitleEnd ||
                this.currentSequence === Sequences.TextareaEnd) {
                // RCDATA tags have to parse entities while still looking for their end tag.
                if (this.decodeEntities && c === CharCodes.Amp) {
                    this.startEntity();
                }
            }
            else if (this.fastForwardTo(CharCodes.Lt)) {
                // Outside of RCDATA tags, we can fast-forward.
                this.sequenceIndex = 1;
            }
        }
        else {
            // If we see a `<`, set the sequence index to 1; useful for eg. `<</script>`.
            this.sequenceIndex = Number(c === CharCodes.Lt);
        }
    }
    stateBeforeTagName(c) {
        if (c === CharCodes.ExclamationMark) {
            this.state = State.BeforeDeclaration;
            this.sectionStart = this.index + 1;
        }
        else if (c === CharCodes.Questionmark) {
            if (this.xmlMode) {
                this.state = State.InProcessingInstruction;
                this.sequenceIndex = 0;
                this.sectionStart = this.index + 1;
            }
            else {
                this.state = State.InSpecialComment;
                this.sectionStart = this.index;
            }
        }
        else if (this.isTagStartChar(c)) {
            this.sectionStart = this.index;
            const special = this.xmlMode || this.cbs.isInForeignContext?.()
                ? undefined
                : specialStartSequences.get(c | 0x20);
            if (special === undefined) {
                this.state = State.InTagName;
            }
            else {
                this.isSpecial = true;
                this.currentSequence = special;
                this.sequenceIndex = 3;
                this.state = State.SpecialStartSequence;
            }
        }
        else if (c === CharCodes.Slash) {
            this.state = State.BeforeClosingTagName;
        }
        else {
            this.state = State.Text;
            this.stateText(c);
        }
    }
    stateInTagName(c) {
        if (isEndOfTagSection(c)) {
            this.cbs.onopentagname(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
    }
    stateBeforeClosingTagName(c) {
        if (isWhitespace(c)) {
            if (this.xmlMode) ;
            else {
                this.state = State.InSpecialComment;
                this.sectionStart = this.index;
            }
        }
        else if (c === CharCodes.Gt) {
            this.state = State.Text;
            if (!this.xmlMode) {
                this.sectionStart = this.index + 1;
            }
        }
        else {
            this.state = this.isTagStartChar(c)
                ? State.InClosingTagName
                : State.InSpecialComment;
            this.sectionStart = this.index;
        }
    }
    stateInClosingTagName(c) {
        if (isEndOfTagSection(c)) {
            this.cbs.onclosetag(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.state = State.AfterClosingTagName;
            this.stateAfterClosingTagName(c);
        }
    }
    stateAfterClosingTagName(c) {
        // Skip everything until ">"
        if (c === CharCodes.Gt || this.fastForwardTo(CharCodes.Gt)) {
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
    }
    stateBeforeAttributeName(c) {
        if (c === CharCodes.Gt) {
            this.cbs.onopentagend(this.index);
            this.enterTagBody();
            this.sectionStart = this.index + 1;
        }
        else if (c === CharCodes.Slash) {
            this.state = State.InSelfClosingTag;
        }
        else if (!isWhitespace(c)) {
            this.state = State.InAttributeName;
            this.sectionStart = this.index;
        }
    }
    /**
     * Handle `/` before `>` in an opening tag.
     *
     * In HTML mode, text-only tags ignore the self-closing flag and still enter
     * their raw-text/RCDATA/plaintext state unless self-closing tags are being
     * recognized. In XML mode, or for ordinary tags, the tokenizer returns to
     * regular text parsing after emitting the self-closing callback.
     * @param c Current character code point.
     */
    stateInSelfClosingTag(c) {
        if (c === CharCodes.Gt) {
            this.cbs.onselfclosingtag(this.index);
            this.sectionStart = this.index + 1;
            if (!this.recognizeSelfClosing) {
                this.enterTagBody();
                return;
            }
            this.state = State.Text;
            this.isSpecial = false; // Reset special state, in case of self-closing special tags
            this.currentSequence = Sequences.Empty;
        }
        else if (!isWhitespace(c)) {
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
    }
    stateInAttributeName(c) {
        if (c === CharCodes.Eq || isEndOfTagSection(c)) {
            this.cbs.onattribname(this.sectionStart, this.index);
            this.sectionStart = this.index;
            this.state = State.AfterAttributeName;
            this.stateAfterAttributeName(c);
        }
    }
    stateAfterAttributeName(c) {
        if (c === CharCodes.Eq) {
            this.state = State.BeforeAttributeValue;
        }
        else if (c === CharCodes.Slash || c === CharCodes.Gt) {
            this.cbs.onattribend(QuoteType.NoValue, this.sectionStart);
            this.sectionStart = -1;
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
        else if (!isWhitespace(c)) {
            this.cbs.onattribend(QuoteType.NoValue, this.sectionStart);
            this.state = State.InAttributeName;
            this.sectionStart = this.index;
        }
    }
    stateBeforeAttributeValue(c) {
        if (c === CharCodes.DoubleQuote) {
            this.state = State.InAttributeValueDq;
            this.sectionStart = this.index + 1;
        }
        else if (c === CharCodes.SingleQuote) {
            this.state = State.InAttributeValueSq;
            this.sectionStart = this.index + 1;
        }
        else if (!isWhitespace(c)) {
            this.sectionStart = this.index;
            this.state = State.InAttributeValueNq;
            this.stateInAttributeValueNoQuotes(c); // Reconsume token
        }
    }
    handleInAttributeValue(c, quote) {
        if (c === quote ||
            (!this.decodeEntities && this.fastForwardTo(quote))) {
            this.cbs.onattribdata(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.cbs.onattribend(quote === CharCodes.DoubleQuote
                ? QuoteType.Double
                : QuoteType.Single, this.index + 1);
            this.state = State.BeforeAttributeName;
        }
        else if (this.decodeEntities && c === CharCodes.Amp) {
            this.startEntity();
        }
    }
    stateInAttributeValueDoubleQuotes(c) {
        this.handleInAttributeValue(c, CharCodes.DoubleQuote);
    }
    stateInAttributeValueSingleQuotes(c) {
        this.handleInAttributeValue(c, CharCodes.SingleQuote);
    }
    stateInAttributeValueNoQuotes(c) {
        if (isWhitespace(c) || c === CharCodes.Gt) {
            this.cbs.onattribdata(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.cbs.onattribend(QuoteType.Unquoted, this.index);
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
        else if (this.decodeEntities && c === CharCodes.Amp) {
            this.startEntity();
        }
    }
    /**
     * Distinguish between CDATA, declarations, HTML comments, and HTML bogus
     * comments after `<!`.
     *
     * In HTML mode, only real comments and doctypes stay on declaration paths;
     * everything else becomes a bogus comment terminated by the next `>`.
     * @param c Current character code point.
     */
    stateBeforeDeclaration(c) {
        if (c === CharCodes.OpeningSquareBracket) {
            this.state = State.CDATASequence;
            this.sequenceIndex = 0;
        }
        else if (this.xmlMode) {
            this.state =
                c === CharCodes.Dash
                    ? State.BeforeComment
                    : State.InDeclaration;
        }
        else if ((c | 0x20) === Sequences.Doctype[0]) {
            this.state = State.DeclarationSequence;
            this.currentSequence = Sequences.Doctype;
            this.sequenceIndex = 1;
        }
        else if (c === CharCodes.Gt) {
            this.cbs.oncomment(this.sectionStart, this.index, 0);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
        else if (c === CharCodes.Dash) {
            this.state = State.BeforeComment;
        }
        else {
            this.state = State.InSpecialComment;
        }
    }
    /**
     * Continue matching `doctype` after `<!d`.
     *
     * A full `doctype` match stays on the declaration path; any other name falls
     * back to an HTML bogus comment, which matches browser behavior for
     * non-doctype `<!...>` constructs.
     * @param c Current character code point.
     */
    stateDeclarationSequence(c) {
        if (this.sequenceIndex === this.currentSequence.length) {
            this.state = State.InDeclaration;
            this.stateInDeclaration(c);
        }
        else if ((c | 0x20) === this.currentSequence[this.sequenceIndex]) {
            this.sequenceIndex += 1;
        }
        else if (c === CharCodes.Gt) {
            this.cbs.oncomment(this.sectionStart, this.index, 0);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
        else {
            this.state = State.InSpecialComment;
        }
    }
    stateInDeclaration(c) {
        if (c === CharCodes.Gt || this.fastForwardTo(CharCodes.Gt)) {
            this.cbs.ondeclaration(this.sectionStart, this.index);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
    }
    /**
     * XML processing instructions (`<?...?>`).
     *
     * In HTML mode `<?` is routed to `InSpecialComment` instead, so this
     * state is only reachable in XML mode.
     * @param c Current character code point.
     */
    stateInProcessingInstruction(c) {
        if (c === CharCodes.Questionmark) {
            // Remember that we just consumed `?`, so the next `>` closes the PI.
            this.sequenceIndex = 1;
        }
        else if (c === CharCodes.Gt && this.sequenceIndex === 1) {
            this.cbs.onprocessinginstruction(this.sectionStart, this.index - 1);
            this.sequenceIndex = 0;
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
        else {
            // Keep scanning for the next `?`, which can start a closing `?>`.
            this.sequenceIndex = Number(this.fastForwardTo(CharCodes.Questionmark));
        }
    }
    stateBeforeComment(c) {
        if (c === CharCodes.Dash) {
            this.state = State.InCommentLike;
            this.currentSequence = Sequences.CommentEnd;
            this.sequenceIndex = 0;
            this.sectionStart = this.index + 1;
        }
        else if (this.xmlMode) {
            this.state = State.InDeclaration;
        }
        else if (c === CharCodes.Gt) {
            this.cbs.oncomment(this.sectionStart, this.index, 0);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
        else {
            this.state = State.InSpecialComment;
        }
    }
    stateInSpecialComment(c) {
        if (c === CharCodes.Gt || this.fastForwardTo(CharCodes.Gt)) {
            this.cbs.oncomment(this.sectionStart, this.index, 0);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
    }
    startEntity() {
        this.baseState = this.state;
        this.state = State.InEntity;
        this.entityStart = this.index;
        this.entityDecoder.startEntity(this.xmlMode
            ? DecodingMode.Strict
            : this.baseState === State.Text ||
                this.baseState === State.InSpecialTag
                ? DecodingMode.Legacy
                : DecodingMode.Attribute);
    }
    stateInEntity() {
        const indexInBuffer = this.index - this.offset;
        const length = this.entityDecoder.write(this.buffer, indexInBuffer);
        // If `length` is positive, we are done with the entity.
        if (length >= 0) {
            this.state = this.baseState;
            if (length === 0) {
                this.index -= 1;
            }
        }
        else {
            if (indexInBuffer < this.buffer.length &&
                this.buffer.charCodeAt(indexInBuffer) === CharCodes.Amp) {
                this.state = this.baseState;
                this.index -= 1;
                return;
            }
            // Mark buffer as consumed.
            this.index = this.offset + this.buffer.length - 1;
        }
    }
    /**
     * Remove data that has already been consumed from the buffer.
     */
    cleanup() {
        // If we are inside of text or attributes, emit what we already have.
        if (this.running && this.sectionStart !== this.index) {
            if (this.state === State.Text ||
                this.state === State.InPlainText ||
                (this.state === State.InSpecialTag && this.sequenceIndex === 0)) {
                this.cbs.ontext(this.sectionStart, this.index);
                this.sectionStart = this.index;
            }
            else if (this.state === State.InAttributeValueDq ||
                this.state === State.InAttributeValueSq ||
                this.state === State.InAttributeValueNq) {
                this.cbs.onattribdata(this.sectionStart, this.index);
                this.sectionStart = this.index;
            }
        }
    }
    shouldContinue() {
        return this.index < this.buffer.length + this.offset && this.running;
    }
    /**
     * Iterates through the buffer, calling the function corresponding to the current state.
     *
     * States that are more likely to be hit are higher up, as a performance improvement.
     */
    parse() {
        while (this.shouldContinue()) {
            const c = this.buffer.charCodeAt(this.index - this.offset);
            switch (this.state) {
                case State.Text: {
                    this.stateText(c);
                    break;
                }
                case State.InPlainText: {
                    // Skip to end of buffer; cleanup() emits the text.
                    this.index = this.buffer.length + this.offset - 1;
                    break;
                }
                case State.SpecialStartSequence: {
                    this.stateSpecialStartSequence(c);
                    break;
                }
                case State.InSpecialTag: {
                    this.stateInSpecialTag(c);
                    break;
                }
                case State.CDATASequence: {
                    this.stateCDATASequence(c);
                    break;
                }
                case State.DeclarationSequence: {
                    this.stateDeclarationSequence(c);
                    break;
                }
                case State.InAttributeValueDq: {
                    this.stateInAttributeValueDoubleQuotes(c);
                    break;
                }
                case State.InAttributeName: {
                    this.stateInAttributeName(c);
                    break;
                }
                case State.InCommentLike: {
                    this.stateInCommentLike(c);
                    break;
                }
                case State.InSpecialComment: {
                    this.stateInSpecialComment(c);
                    break;
                }
                case State.BeforeAttributeName: {
                    this.stateBeforeAttributeName(c);
                    break;
                }
                case State.InTagName: {
                    this.stateInTagName(c);
                    break;
                }
                case State.InClosingTagName: {
                    this.stateInClosingTagName(c);
                    break;
                }
                case State.BeforeTagName: {
                    this.stateBeforeTagName(c);
                    break;
                }
                case State.AfterAttributeName: {
                    this.stateAfterAttributeName(c);
                    break;
                }
                case State.InAttributeValueSq: {
                    this.stateInAttributeValueSingleQuotes(c);
                    break;
                }
                case State.BeforeAttributeValue: {
                    this.stateBeforeAttributeValue(c);
                    break;
                }
                case State.BeforeClosingTagName: {
                    this.stateBeforeClosingTagName(c);
                    break;
                }
                case State.AfterClosingTagName: {
                    this.stateAfterClosingTagName(c);
                    break;
                }
                case State.InAttributeValueNq: {
                    this.stateInAttributeValueNoQuotes(c);
                    break;
                }
                case State.InSelfClosingTag: {
                    this.stateInSelfClosingTag(c);
                    break;
                }
                case State.InDeclaration: {
                    this.stateInDeclaration(c);
                    break;
                }
                case State.BeforeDeclaration: {
                    this.stateBeforeDeclaration(c);
                    break;
                }
                case State.BeforeComment: {
                    this.stateBeforeComment(c);
                    break;
                }
                case State.InProcessingInstruction: {
                    this.stateInProcessingInstruction(c);
                    break;
                }
                case State.InEntity: {
                    this.stateInEntity();
                    break;
                }
            }
            this.index++;
        }
        this.cleanup();
    }
    finish() {
        if (this.state === State.InEntity) {
            this.entityDecoder.end();
            this.state = this.baseState;
        }
        this.handleTrailingData();
        this.cbs.onend();
    }
    handleTrailingCommentLikeData(endIndex) {
        if (this.state !== State.InCommentLike) {
            return false;
        }
        if (this.currentSequence === Sequences.CdataEnd) {
            if (this.xmlMode) {
                if (this.sectionStart < endIndex) {
                    this.cbs.oncdata(this.sectionStart, endIndex, 0);
                }
            }
            else {
                /* In HTML mode, unclosed CDATA is a bogus comment. */
                const cdataStart = this.sectionStart - Sequences.Cdata.length - 1;
                this.cbs.oncomment(cdataStart, endIndex, 0);
            }
        }
        else {
            const offset = this.xmlMode
                ? 0
                : Math.min(this.sequenceIndex, Sequences.CommentEnd.length - 1);
            this.cbs.oncomment(this.sectionStart, endIndex, offset);
        }
        return true;
    }
    handleTrailingMarkupDeclaration(endIndex) {
        if (this.xmlMode) {
            switch (this.state) {
                case State.InSpecialComment:
                case State.BeforeComment:
                case State.CDATASequence:
                case State.DeclarationSequence:
                case State.InDeclaration: {
                    this.cbs.ontext(this.sectionStart, endIndex);
                    return true;
                }
                default: {
                    return false;
                }
            }
        }
        switch (this.state) {
            case State.BeforeDeclaration:
            case State.InSpecialComment:
            case State.BeforeComment:
            case State.CDATASequence: {
                this.cbs.oncomment(this.sectionStart, endIndex, 0);
                return true;
            }
            case State.DeclarationSequence: {
                if (this.sequenceIndex !== Sequences.Doctype.length) {
                    this.cbs.oncomment(this.sectionStart, endIndex, 0);
                }
                return true;
            }
            case State.InDeclaration: {
                return true;
            }
            default: {
                return false;
            }
        }
    }
    /** Handle any trailing data. */
    handleTrailingData() {
        const endIndex = this.buffer.length + this.offset;
        if (this.handleTrailingCommentLikeData(endIndex) ||
            this.handleTrailingMarkupDeclaration(endIndex)) {
            return;
        }
        // If there is no remaining data, we are done.
        if (this.sectionStart >= endIndex) {
            return;
        }
        switch (this.state) {
            case State.InTagName:
            case State.BeforeAttributeName:
            case State.BeforeAttributeValue:
            case State.AfterAttributeName:
            case State.InAttributeName:
            case State.InAttributeValueSq:
            case State.InAttributeValueDq:
            case State.InAttributeValueNq:
            case State.InClosingTagName: {
                /*
                 * If we are currently in an opening or closing tag, us not calling the
                 * respective callback signals that the tag should be ignored.
                 */
                break;
            }
            default: {
                this.cbs.ontext(this.sectionStart, endIndex);
            }
        }
    }
    emitCodePoint(cp, consumed) {
        if (this.baseState !== State.Text &&
            this.baseState !== State.InSpecialTag) {
            if (this.sectionStart < this.entityStart) {
                this.cbs.onattribdata(this.sectionStart, this.entityStart);
            }
            this.sectionStart = this.entityStart + consumed;
            this.index = this.sectionStart - 1;
            this.cbs.onattribentity(cp);
        }
        else {
            if (this.sectionStart < this.entityStart) {
                this.cbs.ontext(this.sectionStart, this.entityStart);
            }
            this.sectionStart = this.entityStart + consumed;
            this.index = this.sectionStart - 1;
            this.cbs.ontextentity(cp, this.sectionStart);
        }
    }
}

const { fromCodePoint } = String;
const formTags = new Set([
    "input",
    "option",
    "optgroup",
    "select",
    "button",
    "datalist",
    "textarea",
]);
const pTag = new Set(["p"]);
const headingTags = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const tableSectionTags = new Set(["thead", "tbody"]);
const ddtTags = new Set(["dd", "dt"]);
const rtpTags = new Set(["rt", "rp"]);
const openImpliesClose = new Map([
    ["tr", new Set(["tr", "th", "td"])],
    ["th", new Set(["th"])],
    ["td", new Set(["thead", "th", "td"])],
    ["body", new Set(["head", "link", "script"])],
    ["a", new Set(["a"])],
    ["li", new Set(["li"])],
    ["p", pTag],
    ["h1", headingTags],
    ["h2", headingTags],
    ["h3", headingTags],
    ["h4", headingTags],
    ["h5", headingTags],
    ["h6", headingTags],
    ["select", formTags],
    ["input", formTags],
    ["output", formTags],
    ["button", formTags],
    ["datalist", formTags],
    ["textarea", formTags],
    ["option", new Set(["option"])],
    ["optgroup", new Set(["optgroup", "option"])],
    ["dd", ddtTags],
    ["dt", ddtTags],
    ["address", pTag],
    ["article", pTag],
    ["aside", pTag],
    ["blockquote", pTag],
    ["details", pTag],
    ["div", pTag],
    ["dl", pTag],
    ["fieldset", pTag],
    ["figcaption", pTag],
    ["figure", pTag],
    ["footer", pTag],
    ["form", pTag],
    ["header", pTag],
    ["hr", pTag],
    ["main", pTag],
    ["nav", pTag],
    ["ol", pTag],
    ["pre", pTag],
    ["section", pTag],
    ["table", pTag],
    ["ul", pTag],
    ["rt", rtpTags],
    ["rp", rtpTags],
    ["tbody", tableSectionTags],
    ["tfoot", tableSectionTags],
]);
const DOCUMENT_TYPE = "doctype";
const voidElements = new Set([
    "area",
    "base",
    "basefont",
    "br",
    "col",
    "command",
    "embed",
    "frame",
    "hr",
    "img",
    "input",
    "isindex",
    "keygen",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
]);
const foreignContextElements = new Set(["math", "svg"]);
/**
 * Elements that can be used to integrate HTML content within foreign namespaces (e.g., SVG or MathML).
 *
 * Entries must use the SVG-adjusted casing (e.g. "foreignObject" not
 * "foreignobject") since they are compared against adjusted tag names.
 */
const htmlIntegrationElements = new Set([
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignObject",
    "desc",
    "title",
]);
const svgTagNameAdjustments = new Map([
    ["altglyph", "altGlyph"],
    ["altglyphdef", "altGlyphDef"],
    ["altglyphitem", "altGlyphItem"],
    ["animatecolor", "animateColor"],
    ["animatemotion", "animateMotion"],
    ["animatetransform", "animateTransform"],
    ["clippath", "clipPath"],
    ["feblend", "feBlend"],
    ["fecolormatrix", "feColorMatrix"],
    ["fecomponenttransfer", "feComponentTransfer"],
    ["fecomposite", "feComposite"],
    ["feconvolvematrix", "feConvolveMatrix"],
    ["fediffuselighting", "feDiffuseLighting"],
    ["fedisplacementmap", "feDisplacementMap"],
    ["fedistantlight", "feDistantLight"],
    ["fedropshadow", "feDropShadow"],
    ["feflood", "feFlood"],
    ["fefunca", "feFuncA"],
    ["fefuncb", "feFuncB"],
    ["fefuncg", "feFuncG"],
    ["fefuncr", "feFuncR"],
    ["fegaussianblur", "feGaussianBlur"],
    ["feimage", "feImage"],
    ["femerge", "feMerge"],
    ["femergenode", "feMergeNode"],
    ["femorphology", "feMorphology"],
    ["feoffset", "feOffset"],
    ["fepointlight", "fePointLight"],
    ["fespecularlighting", "feSpecularLighting"],
    ["fespotlight", "feSpotLight"],
    ["fetile", "feTile"],
    ["feturbulence", "feTurbulence"],
    ["foreignobject", "foreignObject"],
    ["glyphref", "glyphRef"],
    ["lineargradient", "linearGradient"],
    ["radialgradient", "radialGradient"],
    ["textpath", "textPath"],
]);
var ForeignContext;
(function (ForeignContext) {
    ForeignContext[ForeignContext["None"] = 0] = "None";
    ForeignContext[ForeignContext["Svg"] = 1] = "Svg";
    ForeignContext[ForeignContext["MathML"] = 2] = "MathML";
})(ForeignContext || (ForeignContext = {}));
const reNameEnd = /\s|\//;
/**
 * Incremental parser implementation.
 */
let Parser$1 = class Parser {
    options;
    /** The start index of the last event. */
    startIndex = 0;
    /** The end index of the last event. */
    endIndex = 0;
    /**
     * Store the start index of the current open tag,
     * so we can update the start index for attributes.
     */
    openTagStart = 0;
    tagname = "";
    attribname = "";
    attribvalue = "";
    attribs = null;
    stack = [];
    foreignContext;
    cbs;
    lowerCaseTagNames;
    lowerCaseAttributeNames;
    recognizeSelfClosing;
    /** We are parsing HTML. Inverse of the `xmlMode` option. */
    htmlMode;
    tokenizer;
    buffers = [];
    bufferOffset = 0;
    /** The index of the last written buffer. Used when resuming after a `pause()`. */
    writeIndex = 0;
    /** Indicates whether the parser has finished running / `.end` has been called. */
    ended = false;
    constructor(cbs, options = {}) {
        this.options = options;
        this.cbs = cbs ?? {};
        this.htmlMode = !this.options.xmlMode;
        this.lowerCaseTagNames = options.lowerCaseTags ?? this.htmlMode;
        this.lowerCaseAttributeNames =
            options.lowerCaseAttributeNames ?? this.htmlMode;
        this.recognizeSelfClosing =
            options.recognizeSelfClosing ?? !this.htmlMode;
        this.tokenizer = new (options.Tokenizer ?? Tokenizer)(this.options, this);
        this.foreignContext = [ForeignContext.None];
        this.cbs.onparserinit?.(this);
    }
    // Tokenizer event handlers
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    ontext(start, endIndex) {
        const data = this.getSlice(start, endIndex);
        this.endIndex = endIndex - 1;
        this.cbs.ontext?.(data);
        this.startIndex = endIndex;
    }
    /**
     * @param cp Current Unicode code point.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    ontextentity(cp, endIndex) {
        this.endIndex = endIndex - 1;
        this.cbs.ontext?.(fromCodePoint(cp));
        this.startIndex = endIndex;
    }
    /** @internal */
    isInForeignContext() {
        return this.foreignContext[0] !== ForeignContext.None;
    }
    /**
     * Checks if the current tag is a void element. Override this if you want
     * to specify your own additional void elements.
     * @param name Name of the pseudo selector.
     */
    isVoidElement(name) {
        return this.htmlMode && voidElements.has(name);
    }
    /**
     * Read a tag name from the buffer.
     *
     * When `lowerCaseTagNames` is enabled (the default in HTML mode), the name
     * is lowercased and may be adjusted for SVG casing or the `image` → `img`
     * alias.
     * @param start Start index of the tag name in the buffer.
     * @param endIndex End index of the tag name in the buffer.
     */
    readTagName(start, endIndex) {
        const name = this.lowerCaseTagNames
            ? this.getSlice(start, endIndex).toLowerCase()
            : this.getSlice(start, endIndex);
        if (!(this.lowerCaseTagNames && this.htmlMode)) {
            return name;
        }
        if (this.foreignContext[0] === ForeignContext.Svg) {
            return svgTagNameAdjustments.get(name) ?? name;
        }
        /*
         * Closing tags for SVG elements inside HTML integration points
         * (e.g. </foreignObject> while inside its own content) need case
         * adjustment so the name matches what was pushed to the stack.
         * `foreignContext.length > 1` means a foreign ancestor exists —
         * the base [None] entry plus at least one pushed context.
         */
        if (this.foreignContext.length > 1) {
            const adjusted = svgTagNameAdjustments.get(name);
            if (adjusted !== undefined && this.stack.includes(adjusted)) {
                return adjusted;
            }
        }
        if (!this.isInForeignContext()) {
            return name === "image" ? "img" : name;
        }
        return name;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onopentagname(start, endIndex) {
        this.endIndex = endIndex;
        this.emitOpenTag(this.readTagName(start, endIndex));
    }
    emitOpenTag(name) {
        this.openTagStart = this.startIndex;
        this.tagname = name;
        /*
         * The spec ignores a second <form> when one is already open.
         * Setting tagname to "" suppresses all downstream effects: attribs
         * stays null so endOpenTag is a no-op, and closeCurrentTag can't
         * match "" on the stack.
         */
        if (this.htmlMode && name === "form" && this.stack.includes("form")) {
            this.tagname = "";
            return;
        }
        const impliesClose = this.htmlMode && openImpliesClose.get(name);
        if (impliesClose) {
            while (this.stack.length > 0 && impliesClose.has(this.stack[0])) {
                this.popElement(true);
            }
        }
        if (!this.isVoidElement(name)) {
            this.stack.unshift(name);
            if (this.htmlMode) {
                if (name === "svg") {
                    this.foreignContext.unshift(ForeignContext.Svg);
                }
                else if (name === "math") {
                    this.foreignContext.unshift(ForeignContext.MathML);
                }
                else if (htmlIntegrationElements.has(name)) {
                    this.foreignContext.unshift(ForeignContext.None);
                }
            }
        }
        this.cbs.onopentagname?.(name);
        if (this.cbs.onopentag)
            this.attribs = {};
    }
    endOpenTag(isImplied) {
        this.startIndex = this.openTagStart;
        if (this.attribs) {
            this.cbs.onopentag?.(this.tagname, this.attribs, isImplied);
            this.attribs = null;
        }
        if (this.cbs.onclosetag && this.isVoidElement(this.tagname)) {
            this.cbs.onclosetag(this.tagname, true);
        }
        this.tagname = "";
    }
    /**
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onopentagend(endIndex) {
        this.endIndex = endIndex;
        this.endOpenTag(false);
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onclosetag(start, endIndex) {
        this.endIndex = endIndex;
        const name = this.readTagName(start, endIndex);
        if (!this.isVoidElement(name)) {
            const pos = this.stack.indexOf(name);
            if (pos !== -1) {
                for (let index = 0; index < pos; index++) {
                    this.popElement(true);
                }
                this.popElement(false);
            }
            else if (this.htmlMode && name === "p") {
                // Implicit open before close
                this.emitOpenTag("p");
                this.closeCurrentTag(true);
            }
        }
        else if (this.htmlMode && name === "br") {
            // We can't use `emitOpenTag` for implicit open, as `br` would be implicitly closed.
            this.cbs.onopentagname?.("br");
            this.cbs.onopentag?.("br", {}, true);
            this.cbs.onclosetag?.("br", false);
        }
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onselfclosingtag(endIndex) {
        this.endIndex = endIndex;
        if (this.recognizeSelfClosing || this.isInForeignContext()) {
            this.closeCurrentTag(false);
            // Set `startIndex` for next node
            this.startIndex = endIndex + 1;
        }
        else {
            // Ignore the fact that the tag is self-closing.
            this.onopentagend(endIndex);
        }
    }
    /**
     * Pop the top element off the stack, emit a close event, and maintain
     * the foreign context stack.
     * @param implied Whether this close is implied (not from an explicit end tag).
     */
    popElement(implied) {
        // biome-ignore lint/style/noNonNullAssertion: The element is guaranteed to exist.
        const element = this.stack.shift();
        if (this.htmlMode &&
            (foreignContextElements.has(element) ||
                htmlIntegrationElements.has(element))) {
            this.foreignContext.shift();
        }
        this.cbs.onclosetag?.(element, implied);
    }
    closeCurrentTag(isOpenImplied) {
        const name = this.tagname;
        this.endOpenTag(isOpenImplied);
        // Self-closing tags will be on the top of the stack
        if (this.stack[0] === name) {
            this.popElement(!isOpenImplied);
        }
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onattribname(start, endIndex) {
        this.startIndex = start;
        const name = this.getSlice(start, endIndex);
        this.attribname = this.lowerCaseAttributeNames
            ? name.toLowerCase()
            : name;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onattribdata(start, endIndex) {
        this.attribvalue += this.getSlice(start, endIndex);
    }
    /**
     * @param cp Current Unicode code point.
     * @internal
     */
    onattribentity(cp) {
        this.attribvalue += fromCodePoint(cp);
    }
    /**
     * @param quote Quote type used for the current attribute.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onattribend(quote, endIndex) {
        this.endIndex = endIndex;
        this.cbs.onattribute?.(this.attribname, this.attribvalue, quote === QuoteType.Double
            ? '"'
            : quote === QuoteType.Single
                ? "'"
                : quote === QuoteType.NoValue
                    ? undefined
                    : null);
        if (this.attribs && !Object.hasOwn(this.attribs, this.attribname)) {
            this.attribs[this.attribname] = this.attribvalue;
        }
        this.attribvalue = "";
    }
    getInstructionName(value) {
        const index = value.search(reNameEnd);
        let name = index < 0 ? value : value.substr(0, index);
        if (this.lowerCaseTagNames) {
            name = name.toLowerCase();
        }
        return name;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    ondeclaration(start, endIndex) {
        this.endIndex = endIndex;
        const value = this.getSlice(start, endIndex);
        if (this.cbs.onprocessinginstruction) {
            /*
             * In HTML mode, ondeclaration is only reached for DOCTYPE
             * (the tokenizer routes everything else to bogus comments).
             */
            const name = this.htmlMode
                ? this.lowerCaseTagNames
                    ? DOCUMENT_TYPE
                    : value.slice(0, DOCUMENT_TYPE.length)
                : this.getInstructionName(value);
            this.cbs.onprocessinginstruction(`!${name}`, `!${value}`);
        }
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onprocessinginstruction(start, endIndex) {
        this.endIndex = endIndex;
        const value = this.getSlice(start, endIndex);
        if (this.cbs.onprocessinginstruction) {
            const name = this.getInstructionName(value);
            this.cbs.onprocessinginstruction(`?${name}`, `?${value}`);
        }
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @param offset Offset applied when computing parser indices.
     * @internal
     */
    oncomment(start, endIndex, offset) {
        this.endIndex = endIndex;
        this.cbs.oncomment?.(this.getSlice(start, endIndex - offset));
        this.cbs.oncommentend?.();
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @param offset Offset applied when computing parser indices.
     * @internal
     */
    oncdata(start, endIndex, offset) {
        this.endIndex = endIndex;
        const value = this.getSlice(start, endIndex - offset);
        if (!this.htmlMode || this.options.recognizeCDATA) {
            this.cbs.oncdatastart?.();
            this.cbs.ontext?.(value);
            this.cbs.oncdataend?.();
        }
        else if (this.isInForeignContext()) {
            this.cbs.ontext?.(value);
        }
        else {
            this.cbs.oncomment?.(`[CDATA[${value}]]`);
            this.cbs.oncommentend?.();
        }
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /** @internal */
    onend() {
        if (this.cbs.onclosetag) {
            // Set the end index for all remaining tags
            this.endIndex = this.startIndex;
            for (let index = 0; index < this.stack.length; index++) {
                this.cbs.onclosetag(this.stack[index], true);
            }
        }
        this.cbs.onend?.();
    }
    /**
     * Resets the parser to a blank state, ready to parse a new HTML document
     */
    reset() {
        this.cbs.onreset?.();
        this.tokenizer.reset();
        this.tagname = "";
        this.attribname = "";
        this.attribvalue = "";
        this.attribs = null;
        this.stack.length = 0;
        this.startIndex = 0;
        this.endIndex = 0;
        this.cbs.onparserinit?.(this);
        this.buffers.length = 0;
        this.foreignContext.length = 0;
        this.foreignContext.unshift(ForeignContext.None);
        this.bufferOffset = 0;
        this.writeIndex = 0;
        this.ended = false;
    }
    /**
     * Resets the parser, then parses a complete document and
     * pushes it to the handler.
     * @param data Document to parse.
     */
    parseComplete(data) {
        this.reset();
        this.end(data);
    }
    getSlice(start, end) {
        if (start === end) {
            return "";
        }
        while (start - this.bufferOffset >= this.buffers[0].length) {
            this.shiftBuffer();
        }
        let slice = this.buffers[0].slice(start - this.bufferOffset, end - this.bufferOffset);
        while (end - this.bufferOffset > this.buffers[0].length) {
            this.shiftBuffer();
            slice += this.buffers[0].slice(0, end - this.bufferOffset);
        }
        return slice;
    }
    shiftBuffer() {
        this.bufferOffset += this.buffers[0].length;
        this.writeIndex--;
        this.buffers.shift();
    }
    /**
     * Parses a chunk of data and calls the corresponding callbacks.
     * @param chunk Chunk to parse.
     */
    write(chunk) {
        if (this.ended) {
            this.cbs.onerror?.(new Error(".write() after done!"));
            return;
        }
        this.buffers.push(chunk);
        if (this.tokenizer.running) {
            this.tokenizer.write(chunk);
            this.writeIndex++;
        }
    }
    /**
     * Parses the end of the buffer and clears the stack, calls onend.
     * @param chunk Optional final chunk to parse.
     */
    end(chunk) {
        if (this.ended) {
            this.cbs.onerror?.(new Error(".end() after done!"));
            return;
        }
        if (chunk)
            this.write(chunk);
        this.ended = true;
        this.tokenizer.end();
    }
    /**
     * Pauses parsing. The parser won't emit events until `resume` is called.
     */
    pause() {
        this.tokenizer.pause();
    }
    /**
     * Resumes parsing after `pause` was called.
     */
    resume() {
        this.tokenizer.resume();
        while (this.tokenizer.running &&
            this.writeIndex < this.buffers.length) {
            this.tokenizer.write(this.buffers[this.writeIndex++]);
        }
        if (this.ended)
            this.tokenizer.end();
    }
};

/**
 * Streaming XML for test reports: htmlparser2 tokenizes in one pass without building a tree, and
 * this module adds the well-formedness checks it leaves out. htmlparser2 is lenient by design (it
 * closes open elements at the end, drops stray end tags, accepts unquoted attributes); a report is
 * untrusted and may be cut off by a killed run, so anything that could make a report read as a
 * shorter, valid one is a GateError naming the file and position:
 *
 * - no root element, or elements still open at the end (a truncated file);
 * - an end tag that does not close the element open at that point (mismatched or stray);
 * - a second root element, or text other than whitespace outside the root;
 * - an attribute without quotes or without a value, or the same attribute twice on one element.
 *
 * Entities are not decoded by the tokenizer: callers decode the few values they keep with
 * `decodeEntities` (the five XML entities and character references). DOCTYPE entities are never
 * expanded. A `<` or `&` that starts no markup is read as text.
 */
/**
 * Reads `raw` (one report file named `name`) and calls `handler` for every element and text inside
 * the root element. Throws GateError when the report is empty or not well-formed (see above).
 */
function streamXml(name, raw, handler) {
    const content = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
    if (content.trim() === "")
        throw new GateError(`${name}: the report is empty`);
    const checks = new WellFormedness(name, content, handler);
    const parser = new CheckedParser(checks);
    checks.parser = parser;
    parser.end(content);
    checks.finish();
}
/** Reports the point where `content` stopped being well-formed. */
function malformed(name, content, offset, why) {
    const at = Math.max(0, Math.min(offset, content.length));
    let line = 1;
    let lineStart = 0;
    for (let i = content.indexOf("\n"); i !== -1 && i < at; i = content.indexOf("\n", i + 1)) {
        line += 1;
        lineStart = i + 1;
    }
    return new GateError(`${name}: not well-formed XML at line ${String(line)}, column ${String(at - lineStart + 1)}: ${why}`);
}
/**
 * htmlparser2's Parser, hooked where its tokenizer calls it (public methods, marked internal in
 * htmlparser2 12; the tests here fail if they change):
 * - the end of a start tag (`>` or `/>`), which the Parser only reports together with an object of
 *   all attributes;
 * - an end tag in the source, told apart from the closes the parser makes up itself (for a
 *   mismatched end tag it closes the inner elements "implied"; a stray one it drops silently);
 * - the end of the input, after which every close is of an element the file left open.
 */
class CheckedParser extends Parser$1 {
    #checks;
    constructor(checks) {
        super(checks, { xmlMode: true, decodeEntities: false });
        this.#checks = checks;
    }
    onopentagend(endIndex) {
        this.#checks.openEnd();
        super.onopentagend(endIndex);
    }
    onselfclosingtag(endIndex) {
        this.#checks.openEnd();
        super.onselfclosingtag(endIndex);
    }
    onclosetag(start, endIndex) {
        this.#checks.beginEndTag();
        super.onclosetag(start, endIndex);
        this.#checks.endEndTag();
    }
    /** At the end of the input the parser closes whatever is still open: each is a truncation. */
    onend() {
        this.#checks.ending = true;
        super.onend();
    }
}
const NOT_WHITESPACE = /\S/;
/** The end of a DOCTYPE internal subset, which the tokenizer hands over as text: `]>`. */
const SUBSET_END = /\]\s*>/;
/** The checks, as htmlparser2 callbacks; what passes goes on to the handler. */
class WellFormedness {
    #name;
    #content;
    #handler;
    parser;
    #depth = 0;
    #rootSeen = false;
    #rootClosed = false;
    /** Inside `<!DOCTYPE x [ … ]>`, whose declarations the tokenizer splits into text and tags. */
    #inSubset = false;
    #inEndTag = false;
    #closesInEndTag = 0;
    /** Set by the parser once the input is exhausted. */
    ending = false;
    /** The attribute names of the start tag being read, to refuse a repeated one. */
    #attributeNames = [];
    constructor(name, content, handler) {
        this.#name = name;
        this.#content = content;
        this.#handler = handler;
    }
    #fail(why, offset = this.parser?.startIndex ?? 0) {
        throw malformed(this.#name, this.#content, offset, why);
    }
    onopentagname(name) {
        if (this.#inSubset)
            this.#fail(`<${name}> inside the DOCTYPE declaration`);
        if (this.#depth === 0) {
            if (this.#rootSeen)
                this.#fail(`a second root element <${name}>`);
            this.#rootSeen = true;
        }
        this.#depth += 1;
        this.#attributeNames.length = 0;
        this.#handler.open(name);
    }
    onattribute(name, value, quote) {
        if (quote === undefined)
            this.#fail(`attribute ${name} has no value`);
        if (quote === null)
            this.#fail(`the value of attribute ${name} is not quoted`);
        if (this.#attributeNames.includes(name))
            this.#fail(`attribute ${name} is repeated`);
        this.#attributeNames.push(name);
        this.#handler.attribute(name, value);
    }
    openEnd() {
        this.#handler.openEnd();
    }
    onclosetag(name, implied) {
        if (this.#inEndTag) {
            // Inside an end tag, a made-up close means the end tag named an outer element.
            if (implied)
                this.#fail(`</…> does not close <${name}>`);
            this.#closesInEndTag += 1;
        }
        else if (this.ending) {
            this.#fail(`<${name}> is not closed (the file ends early)`, this.#content.length);
        }
        // Outside an end tag, an implied close is a self-closing tag (`<x/>`).
        this.#depth -= 1;
        if (this.#depth === 0)
            this.#rootClosed = true;
        this.#handler.close(name);
    }
    beginEndTag() {
        this.#inEndTag = true;
        this.#closesInEndTag = 0;
    }
    endEndTag() {
        this.#inEndTag = false;
        if (this.#closesInEndTag === 0)
            this.#fail("an end tag without a matching start tag");
    }
    ontext(data) {
        if (this.#depth > 0) {
            this.#handler.text(data);
            return;
        }
        if (this.#inSubset) {
            const end = SUBSET_END.exec(data);
            if (end === null)
                return;
            this.#inSubset = false;
            data = data.slice(end.index + end[0].length);
        }
        if (NOT_WHITESPACE.test(data)) {
            this.#fail(this.#rootClosed ? "text after the root element" : "text before the root element");
        }
    }
    onprocessinginstruction(name, data) {
        // A DOCTYPE with an internal subset: the tokenizer ends the declaration at its first `>`.
        if (this.#depth === 0 && name.toUpperCase() === "!DOCTYPE" && data.includes("[")) {
            this.#inSubset = !/\]\s*$/.test(data);
        }
    }
    finish() {
        if (!this.#rootSeen)
            this.#fail("no root element", this.#content.length);
    }
}
const NAMED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** Decodes the five XML entities and character references; anything else (`&a;`) stays as written. */
function decodeEntities(text) {
    if (!text.includes("&"))
        return text;
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body) => {
        if (body.startsWith("#")) {
            const code = body.startsWith("#x")
                ? Number.parseInt(body.slice(2), 16)
                : Number.parseInt(body.slice(1), 10);
            return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return NAMED[body] ?? whole;
    });
}

/**
 * The structure of a JUnit report, read from the XML stream in one pass: `<testsuites>` or a bare
 * `<testsuite>` root, suites nested in suites, testcases directly in a suite or in the
 * `<testsuites>` root, and each testcase's `<failure>`, `<error>` and `<skipped>` children. Nothing
 * else is kept: `<system-out>`, `<system-err>` and `<properties>` (most of a big report's bytes) are
 * skipped without being collected, and an outcome's text is cut to what a message can show.
 *
 * Which outcome decides a testcase: a `<skipped>` whose type says xfail/todo (node:test reports a
 * failing todo with both `<skipped type="todo">` and `<failure>`), then the first `<error>`, the
 * first `<failure>`, the first `<skipped>`; none is a pass.
 */
/** The attributes a JUnit element can have that an inventory uses; raw (not trimmed or decoded). */
class Attributes {
    name = undefined;
    classname = undefined;
    file = undefined;
    time = undefined;
    type = undefined;
    message = undefined;
}
/** Raw text kept per outcome: twice a message, so entities and a repeated message still leave enough. */
const OUTCOME_TEXT_CHARS = MAX_MESSAGE_CHARS * 2;
const XFAIL_TYPE = /xfail|todo|expected.?fail/i;
// Element kinds on the reader's stack.
const SUITES = 0;
const SUITE = 1;
const CASE = 2;
const OUTCOME = 3;
// Outcome slots, in the order that decides: the lowest filled one wins.
const XFAIL = 0;
const ERROR = 1;
const FAILURE = 2;
const SKIP = 3;
const SLOT_STATUS = ["xfail", "error", "failed", "skipped"];
/**
 * Reads one report file and calls `visitor` for each suite and testcase in document order. Throws
 * GateError for an empty or malformed file, or one whose root is not a JUnit element.
 */
function readJUnit(name, content, root, visitor) {
    streamXml(name, content, new JUnitReader(name, root, visitor));
}
class JUnitReader {
    #name;
    #visitor;
    #kinds = [];
    /** The scope of the innermost suite, and those of the suites around it. */
    #scope;
    #outer = [];
    /** Depth inside an element whose content does not matter; its events are dropped. */
    #skipped = 0;
    /** The attributes of the start tag being read, when it is one the reader keeps. */
    #reading;
    #case = new Attributes();
    #slots = [undefined, undefined, undefined, undefined];
    #slot = 0;
    #text = "";
    constructor(name, root, visitor) {
        this.#name = name;
        this.#visitor = visitor;
        this.#scope = root;
    }
    open(name) {
        this.#reading = undefined;
        if (this.#skipped > 0) {
            this.#skipped += 1;
            return;
        }
        const kind = this.#kinds.at(-1);
        if (kind === undefined)
            this.#openRoot(name);
        else if (kind === SUITES || kind === SUITE)
            this.#openInSuite(name);
        else if (kind === CASE)
            this.#openInCase(name);
        else
            this.#skipped = 1;
    }
    #openRoot(name) {
        if (name === "testsuites")
            this.#kinds.push(SUITES);
        else if (name === "testsuite")
            this.#openSuite();
        else {
            throw new GateError(`${this.#name}: not a JUnit report (the root element is <${name}>, not <testsuites> or <testsuite>)`);
        }
    }
    #openInSuite(name) {
        if (name === "testcase") {
            this.#kinds.push(CASE);
            this.#case = this.#reading = new Attributes();
            this.#slots.fill(undefined);
        }
        else if (name === "testsuite")
            this.#openSuite();
        else
            this.#skipped = 1;
    }
    #openSuite() {
        this.#kinds.push(SUITE);
        this.#reading = new Attributes();
    }
    #openInCase(name) {
        const slot = name === "error" ? ERROR : name === "failure" ? FAILURE : name === "skipped" ? SKIP : -1;
        if (slot === -1) {
            this.#skipped = 1;
            return;
        }
        // Which slot a <skipped> fills depends on its type: decided in openEnd().
        this.#kinds.push(OUTCOME);
        this.#slot = slot;
        this.#reading = new Attributes();
    }
    attribute(name, value) {
        const into = this.#reading;
        if (into === undefined)
            return;
        switch (name) {
            case "name":
                into.name = value;
                break;
            case "classname":
                into.classname = value;
                break;
            case "file":
                into.file = value;
                break;
            case "time":
                into.time = value;
                break;
            case "type":
                into.type = value;
                break;
            case "message":
                into.message = value;
                break;
        }
    }
    openEnd() {
        const attributes = this.#reading;
        this.#reading = undefined;
        if (attributes === undefined)
            return;
        const kind = this.#kinds.at(-1);
        if (kind === SUITE) {
            this.#outer.push(this.#scope);
            this.#scope = this.#visitor.suite(attributes, this.#scope);
        }
        else if (kind === OUTCOME)
            this.#startOutcome(attributes);
    }
    #startOutcome(attributes) {
        if (this.#slot === SKIP &&
            attributes.type !== undefined &&
            XFAIL_TYPE.test(decodeEntities(attributes.type))) {
            this.#slot = XFAIL;
        }
        // Only an outcome that could still decide the status is read.
        if (this.#decidedBefore(this.#slot)) {
            this.#kinds.pop();
            this.#skipped = 1;
            return;
        }
        this.#slots[this.#slot] = { attributes, text: "" };
        this.#text = "";
    }
    #decidedBefore(slot) {
        for (let i = 0; i <= slot; i++)
            if (this.#slots[i] !== undefined)
                return true;
        return false;
    }
    text(data) {
        if (this.#skipped > 0 || this.#kinds.at(-1) !== OUTCOME)
            return;
        const room = OUTCOME_TEXT_CHARS - this.#text.length;
        if (room <= 0)
            return;
        const piece = this.#text === "" ? data.trimStart() : data;
        this.#text += piece.length > room ? piece.slice(0, room) : piece;
    }
    close() {
        if (this.#skipped > 0) {
            this.#skipped -= 1;
            return;
        }
        const kind = this.#kinds.pop();
        if (kind === SUITE)
            this.#scope = this.#outer.pop() ?? this.#scope;
        else if (kind === OUTCOME) {
            const outcome = this.#slots[this.#slot];
            if (outcome !== undefined)
                outcome.text = this.#text;
            this.#text = "";
        }
        else if (kind === CASE)
            this.#closeCase();
    }
    #closeCase() {
        for (let slot = XFAIL; slot <= SKIP; slot++) {
            const outcome = this.#slots[slot];
            if (outcome !== undefined) {
                this.#visitor.testcase(this.#case, this.#scope, SLOT_STATUS[slot] ?? "error", outcome);
                return;
            }
        }
        this.#visitor.testcase(this.#case, this.#scope, "passed", undefined);
    }
}

/**
 * Parses every report file of one run into one inventory. Files are read in name order so repeated
 * ids get the same `#n` suffixes on base and head; within a file, testcases are added in document
 * order. Throws GateError for an empty or malformed file (see `xml-stream.ts`).
 */
function parseJUnit(files, options = {}) {
    const framework = options.framework ?? "junit";
    const builder = new InventoryBuilder(framework);
    const roots = options.roots ?? DEFAULT_ROOTS;
    const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const file of sorted) {
        const context = { builder, roots, framework, source: file.name, last: undefined };
        const root = { file: undefined, suites: "" };
        readJUnit(file.name, file.content, root, {
            suite: (attributes, parent) => enter(context, attributes, parent),
            testcase: (attributes, scope, status, outcome) => addCase(context, attributes, scope, status, outcome),
        });
    }
    return { inventory: builder.build(), facts: { seen: builder.size, incomplete: [] } };
}
/** An attribute value as the report means it: surrounding whitespace dropped, entities decoded. */
function clean(value) {
    return value === undefined ? undefined : decodeEntities(value.trim());
}
function enter(context, suite, scope) {
    const name = clean(suite.name);
    const file = clean(suite.file);
    const suites = name === undefined || name === ""
        ? scope.suites
        : scope.suites === ""
            ? name
            : `${scope.suites} > ${name}`;
    return {
        file: file !== undefined && file !== "" ? normalizeFile(file, context.roots) : scope.file,
        suites,
    };
}
function addCase(context, testcase, scope, status, outcome) {
    const name = clean(testcase.name);
    if (name === undefined || name === "") {
        context.builder.problem(`${context.source}: a <testcase> without a name was ignored`);
        return;
    }
    const test = locate(context, testcase, scope, name);
    test.status = status;
    if (outcome !== undefined)
        test.message = describe(outcome);
    const seconds = Number(clean(testcase.time));
    if (Number.isFinite(seconds))
        test.durationMs = seconds * 1000;
    context.builder.add(test);
}
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?|py|go|rs|rb|java|kt|cs|php|swift)$/;
const DOTTED = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/;
function locate(context, testcase, scope, name) {
    const { file, classname } = placeOf(context, testcase, scope);
    if (context.framework === "pytest" && classname === "" && file === undefined && DOTTED.test(name)) {
        // A collection error: pytest names the module (`tests.test_x`) and leaves classname empty.
        return { file: `${name.replaceAll(".", "/")}.py`, suite: "", name: "(collection)", status: "passed" };
    }
    // jest-junit's default classname repeats the test name.
    const cls = classname === name ? "" : classname;
    const suite = cls !== "" ? cls : file === undefined ? scope.suites : "";
    return { file, suite, name, status: "passed" };
}
function placeOf(context, testcase, scope) {
    const fileAttribute = clean(testcase.file);
    if (fileAttribute !== undefined && fileAttribute !== "") {
        return place(context, normalizeFile(fileAttribute, context.roots), clean(testcase.classname) ?? "");
    }
    const raw = testcase.classname ?? "";
    const last = context.last;
    if (last?.scope === scope && last.classname === raw)
        return last.place;
    const found = place(context, scope.file, clean(testcase.classname) ?? "");
    context.last = { scope, classname: raw, place: found };
    return found;
}
function place(context, fileFrom, classnameAttribute) {
    let file = fileFrom;
    let classname = classnameAttribute;
    // vitest names the file in `classname`.
    if (file === undefined && SOURCE_EXTENSION.test(classname))
        file = normalizeFile(classname, context.roots);
    if (file !== undefined && normalizeFile(classname, context.roots) === file)
        classname = "";
    if (context.framework === "pytest" || (context.framework === "unittest" && file !== undefined)) {
        const split = splitPythonClassname(classname);
        if (file === undefined && split.module !== "")
            file = `${split.module.replaceAll(".", "/")}.py`;
        classname = split.cls;
    }
    return { file, classname };
}
/**
 * `tests.sub.test_x.TestC.TestInner` → module `tests.sub.test_x`, class `TestC.TestInner`: the class
 * starts at the first segment that begins with a capital letter (pytest collects `Test*` classes).
 */
function splitPythonClassname(classname) {
    if (!DOTTED.test(classname))
        return { module: "", cls: classname };
    const segments = classname.split(".");
    const index = segments.findIndex((segment) => /^[A-Z]/.test(segment));
    if (index === -1)
        return { module: classname, cls: "" };
    return { module: segments.slice(0, index).join("."), cls: segments.slice(index).join(".") };
}
/** The outcome's message attribute and its text, as one message. */
function describe(outcome) {
    const message = clean(outcome.attributes.message);
    const raw = outcome.text.trimEnd();
    const text = raw === "" ? undefined : decodeEntities(raw);
    // node:test writes message="true" for a bare { skip: true }.
    if (message !== undefined && message !== "" && message !== "true") {
        return text !== undefined && !text.startsWith(message) ? `${message}\n${text}` : (text ?? message);
    }
    return text;
}

var dist$1 = {};

var composer = {};

var directives = {};

var identity = {};

var hasRequiredIdentity;

function requireIdentity () {
	if (hasRequiredIdentity) return identity;
	hasRequiredIdentity = 1;

	const ALIAS = Symbol.for('yaml.alias');
	const DOC = Symbol.for('yaml.document');
	const MAP = Symbol.for('yaml.map');
	const PAIR = Symbol.for('yaml.pair');
	const SCALAR = Symbol.for('yaml.scalar');
	const SEQ = Symbol.for('yaml.seq');
	const NODE_TYPE = Symbol.for('yaml.node.type');
	const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case MAP:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	function isNode(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case ALIAS:
	            case MAP:
	            case SCALAR:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

	identity.ALIAS = ALIAS;
	identity.DOC = DOC;
	identity.MAP = MAP;
	identity.NODE_TYPE = NODE_TYPE;
	identity.PAIR = PAIR;
	identity.SCALAR = SCALAR;
	identity.SEQ = SEQ;
	identity.hasAnchor = hasAnchor;
	identity.isAlias = isAlias;
	identity.isCollection = isCollection;
	identity.isDocument = isDocument;
	identity.isMap = isMap;
	identity.isNode = isNode;
	identity.isPair = isPair;
	identity.isScalar = isScalar;
	identity.isSeq = isSeq;
	return identity;
}

var visit = {};

var hasRequiredVisit;

function requireVisit () {
	if (hasRequiredVisit) return visit;
	hasRequiredVisit = 1;

	var identity = requireIdentity();

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove node');
	/**
	 * Apply a visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	function visit$1(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        visit_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit$1.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit$1.SKIP = SKIP;
	/** Remove the current node */
	visit$1.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
	    const ctrl = callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visit_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = visit_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = visit_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = visit_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	/**
	 * Apply an async visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `Promise`: Must resolve to one of the following values
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	async function visitAsync(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
	    const ctrl = await callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visitAsync_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = await visitAsync_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = await visitAsync_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = await visitAsync_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	function initVisitor(visitor) {
	    if (typeof visitor === 'object' &&
	        (visitor.Collection || visitor.Node || visitor.Value)) {
	        return Object.assign({
	            Alias: visitor.Node,
	            Map: visitor.Node,
	            Scalar: visitor.Node,
	            Seq: visitor.Node
	        }, visitor.Value && {
	            Map: visitor.Value,
	            Scalar: visitor.Value,
	            Seq: visitor.Value
	        }, visitor.Collection && {
	            Map: visitor.Collection,
	            Seq: visitor.Collection
	        }, visitor);
	    }
	    return visitor;
	}
	function callVisitor(key, node, visitor, path) {
	    if (typeof visitor === 'function')
	        return visitor(key, node, path);
	    if (identity.isMap(node))
	        return visitor.Map?.(key, node, path);
	    if (identity.isSeq(node))
	        return visitor.Seq?.(key, node, path);
	    if (identity.isPair(node))
	        return visitor.Pair?.(key, node, path);
	    if (identity.isScalar(node))
	        return visitor.Scalar?.(key, node, path);
	    if (identity.isAlias(node))
	        return visitor.Alias?.(key, node, path);
	    return undefined;
	}
	function replaceNode(key, path, node) {
	    const parent = path[path.length - 1];
	    if (identity.isCollection(parent)) {
	        parent.items[key] = node;
	    }
	    else if (identity.isPair(parent)) {
	        if (key === 'key')
	            parent.key = node;
	        else
	            parent.value = node;
	    }
	    else if (identity.isDocument(parent)) {
	        parent.contents = node;
	    }
	    else {
	        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
	        throw new Error(`Cannot replace node with ${pt} parent`);
	    }
	}

	visit.visit = visit$1;
	visit.visitAsync = visitAsync;
	return visit;
}

var hasRequiredDirectives;

function requireDirectives () {
	if (hasRequiredDirectives) return directives;
	hasRequiredDirectives = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	const escapeChars = {
	    '!': '%21',
	    ',': '%2C',
	    '[': '%5B',
	    ']': '%5D',
	    '{': '%7B',
	    '}': '%7D'
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
	class Directives {
	    constructor(yaml, tags) {
	        /**
	         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
	         * included in the document's stringified representation.
	         */
	        this.docStart = null;
	        /** The doc-end marker `...`.  */
	        this.docEnd = false;
	        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
	        this.tags = Object.assign({}, Directives.defaultTags, tags);
	    }
	    clone() {
	        const copy = new Directives(this.yaml, this.tags);
	        copy.docStart = this.docStart;
	        return copy;
	    }
	    /**
	     * During parsing, get a Directives instance for the current document and
	     * update the stream state according to the current version's spec.
	     */
	    atDocument() {
	        const res = new Directives(this.yaml, this.tags);
	        switch (this.yaml.version) {
	            case '1.1':
	                this.atNextDocument = true;
	                break;
	            case '1.2':
	                this.atNextDocument = false;
	                this.yaml = {
	                    explicit: Directives.defaultYaml.explicit,
	                    version: '1.2'
	                };
	                this.tags = Object.assign({}, Directives.defaultTags);
	                break;
	        }
	        return res;
	    }
	    /**
	     * @param onError - May be called even if the action was successful
	     * @returns `true` on success
	     */
	    add(line, onError) {
	        if (this.atNextDocument) {
	            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
	            this.tags = Object.assign({}, Directives.defaultTags);
	            this.atNextDocument = false;
	        }
	        const parts = line.trim().split(/[ \t]+/);
	        const name = parts.shift();
	        switch (name) {
	            case '%TAG': {
	                if (parts.length !== 2) {
	                    onError(0, '%TAG directive should contain exactly two parts');
	                    if (parts.length < 2)
	                        return false;
	                }
	                const [handle, prefix] = parts;
	                this.tags[handle] = prefix;
	                return true;
	            }
	            case '%YAML': {
	                this.yaml.explicit = true;
	                if (parts.length !== 1) {
	                    onError(0, '%YAML directive should contain exactly one part');
	                    return false;
	                }
	                const [version] = parts;
	                if (version === '1.1' || version === '1.2') {
	                    this.yaml.version = version;
	                    return true;
	                }
	                else {
	                    const isValid = /^\d+\.\d+$/.test(version);
	                    onError(6, `Unsupported YAML version ${version}`, isValid);
	                    return false;
	                }
	            }
	            default:
	                onError(0, `Unknown directive ${name}`, true);
	                return false;
	        }
	    }
	    /**
	     * Resolves a tag, matching handles to those defined in %TAG directives.
	     *
	     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
	     *   `'!local'` tag, or `null` if unresolvable.
	     */
	    tagName(source, onError) {
	        if (source === '!')
	            return '!'; // non-specific tag
	        if (source[0] !== '!') {
	            onError(`Not a valid tag: ${source}`);
	            return null;
	        }
	        if (source[1] === '<') {
	            const verbatim = source.slice(2, -1);
	            if (verbatim === '!' || verbatim === '!!') {
	                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
	                return null;
	            }
	            if (source[source.length - 1] !== '>')
	                onError('Verbatim tags must end with a >');
	            return verbatim;
	        }
	        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
	        if (!suffix)
	            onError(`The ${source} tag has no suffix`);
	        const prefix = this.tags[handle];
	        if (prefix) {
	            try {
	                return prefix + decodeURIComponent(suffix);
	            }
	            catch (error) {
	                onError(String(error));
	                return null;
	            }
	        }
	        if (handle === '!')
	            return source; // local tag
	        onError(`Could not resolve tag: ${source}`);
	        return null;
	    }
	    /**
	     * Given a fully resolved tag, returns its printable string form,
	     * taking into account current tag prefixes and defaults.
	     */
	    tagString(tag) {
	        for (const [handle, prefix] of Object.entries(this.tags)) {
	            if (tag.startsWith(prefix))
	                return handle + escapeTagName(tag.substring(prefix.length));
	        }
	        return tag[0] === '!' ? tag : `!<${tag}>`;
	    }
	    toString(doc) {
	        const lines = this.yaml.explicit
	            ? [`%YAML ${this.yaml.version || '1.2'}`]
	            : [];
	        const tagEntries = Object.entries(this.tags);
	        let tagNames;
	        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
	            const tags = {};
	            visit.visit(doc.contents, (_key, node) => {
	                if (identity.isNode(node) && node.tag)
	                    tags[node.tag] = true;
	            });
	            tagNames = Object.keys(tags);
	        }
	        else
	            tagNames = [];
	        for (const [handle, prefix] of tagEntries) {
	            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
	                continue;
	            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
	                lines.push(`%TAG ${handle} ${prefix}`);
	        }
	        return lines.join('\n');
	    }
	}
	Directives.defaultYaml = { explicit: false, version: '1.2' };
	Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

	directives.Directives = Directives;
	return directives;
}

var Document = {};

var Alias = {};

var anchors = {};

var hasRequiredAnchors;

function requireAnchors () {
	if (hasRequiredAnchors) return anchors;
	hasRequiredAnchors = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	/**
	 * Verify that the input string is a valid anchor.
	 *
	 * Will throw on errors.
	 */
	function anchorIsValid(anchor) {
	    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
	        const sa = JSON.stringify(anchor);
	        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
	        throw new Error(msg);
	    }
	    return true;
	}
	function anchorNames(root) {
	    const anchors = new Set();
	    visit.visit(root, {
	        Value(_key, node) {
	            if (node.anchor)
	                anchors.add(node.anchor);
	        }
	    });
	    return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
	    for (let i = 1; true; ++i) {
	        const name = `${prefix}${i}`;
	        if (!exclude.has(name))
	            return name;
	    }
	}
	function createNodeAnchors(doc, prefix) {
	    const aliasObjects = [];
	    const sourceObjects = new Map();
	    let prevAnchors = null;
	    return {
	        onAnchor: (source) => {
	            aliasObjects.push(source);
	            prevAnchors ?? (prevAnchors = anchorNames(doc));
	            const anchor = findNewAnchor(prefix, prevAnchors);
	            prevAnchors.add(anchor);
	            return anchor;
	        },
	        /**
	         * With circular references, the source node is only resolved after all
	         * of its child nodes are. This is why anchors are set only after all of
	         * the nodes have been created.
	         */
	        setAnchors: () => {
	            for (const source of aliasObjects) {
	                const ref = sourceObjects.get(source);
	                if (typeof ref === 'object' &&
	                    ref.anchor &&
	                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
	                    ref.node.anchor = ref.anchor;
	                }
	                else {
	                    const error = new Error('Failed to resolve repeated object (this should not happen)');
	                    error.source = source;
	                    throw error;
	                }
	            }
	        },
	        sourceObjects
	    };
	}

	anchors.anchorIsValid = anchorIsValid;
	anchors.anchorNames = anchorNames;
	anchors.createNodeAnchors = createNodeAnchors;
	anchors.findNewAnchor = findNewAnchor;
	return anchors;
}

var Node = {};

var applyReviver = {};

var hasRequiredApplyReviver;

function requireApplyReviver () {
	if (hasRequiredApplyReviver) return applyReviver;
	hasRequiredApplyReviver = 1;

	/**
	 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	 *
	 * Includes extensions for handling Map and Set objects.
	 */
	function applyReviver$1(reviver, obj, key, val) {
	    if (val && typeof val === 'object') {
	        if (Array.isArray(val)) {
	            for (let i = 0, len = val.length; i < len; ++i) {
	                const v0 = val[i];
	                const v1 = applyReviver$1(reviver, val, String(i), v0);
	                // eslint-disable-next-line @typescript-eslint/no-array-delete
	                if (v1 === undefined)
	                    delete val[i];
	                else if (v1 !== v0)
	                    val[i] = v1;
	            }
	        }
	        else if (val instanceof Map) {
	            for (const k of Array.from(val.keys())) {
	                const v0 = val.get(k);
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    val.delete(k);
	                else if (v1 !== v0)
	                    val.set(k, v1);
	            }
	        }
	        else if (val instanceof Set) {
	            for (const v0 of Array.from(val)) {
	                const v1 = applyReviver$1(reviver, val, v0, v0);
	                if (v1 === undefined)
	                    val.delete(v0);
	                else if (v1 !== v0) {
	                    val.delete(v0);
	                    val.add(v1);
	                }
	            }
	        }
	        else {
	            for (const [k, v0] of Object.entries(val)) {
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    delete val[k];
	                else if (v1 !== v0)
	                    val[k] = v1;
	            }
	        }
	    }
	    return reviver.call(obj, key, val);
	}

	applyReviver.applyReviver = applyReviver$1;
	return applyReviver;
}

var toJS = {};

var hasRequiredToJS;

function requireToJS () {
	if (hasRequiredToJS) return toJS;
	hasRequiredToJS = 1;

	var identity = requireIdentity();

	/**
	 * Recursively convert any node or its contents to native JavaScript
	 *
	 * @param value - The input value
	 * @param arg - If `value` defines a `toJSON()` method, use this
	 *   as its first argument
	 * @param ctx - Conversion context, originally set in Document#toJS(). If
	 *   `{ keep: true }` is not set, output should be suitable for JSON
	 *   stringification.
	 */
	function toJS$1(value, arg, ctx) {
	    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
	    if (Array.isArray(value))
	        return value.map((v, i) => toJS$1(v, String(i), ctx));
	    if (value && typeof value.toJSON === 'function') {
	        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	        if (!ctx || !identity.hasAnchor(value))
	            return value.toJSON(arg, ctx);
	        const data = { aliasCount: 0, count: 1, res: undefined };
	        ctx.anchors.set(value, data);
	        ctx.onCreate = res => {
	            data.res = res;
	            delete ctx.onCreate;
	        };
	        const res = value.toJSON(arg, ctx);
	        if (ctx.onCreate)
	            ctx.onCreate(res);
	        return res;
	    }
	    if (typeof value === 'bigint' && !ctx?.keep)
	        return Number(value);
	    return value;
	}

	toJS.toJS = toJS$1;
	return toJS;
}

var hasRequiredNode;

function requireNode () {
	if (hasRequiredNode) return Node;
	hasRequiredNode = 1;

	var applyReviver = requireApplyReviver();
	var identity = requireIdentity();
	var toJS = requireToJS();

	class NodeBase {
	    constructor(type) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
	    }
	    /** Create a copy of this node.  */
	    clone() {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** A plain JavaScript representation of this node. */
	    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        if (!identity.isDocument(doc))
	            throw new TypeError('A document argument is required');
	        const ctx = {
	            anchors: new Map(),
	            doc,
	            keep: true,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this, '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	}

	Node.NodeBase = NodeBase;
	return Node;
}

var hasRequiredAlias;

function requireAlias () {
	if (hasRequiredAlias) return Alias;
	hasRequiredAlias = 1;

	var anchors = requireAnchors();
	var visit = requireVisit();
	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	let Alias$1 = class Alias extends Node.NodeBase {
	    constructor(source) {
	        super(identity.ALIAS);
	        this.source = source;
	        Object.defineProperty(this, 'tag', {
	            set() {
	                throw new Error('Alias nodes cannot have tags');
	            }
	        });
	    }
	    /**
	     * Resolve the value of this alias within `doc`, finding the last
	     * instance of the `source` anchor before this node.
	     */
	    resolve(doc, ctx) {
	        if (ctx?.maxAliasCount === 0)
	            throw new ReferenceError('Alias resolution is disabled');
	        let nodes;
	        if (ctx?.aliasResolveCache) {
	            nodes = ctx.aliasResolveCache;
	        }
	        else {
	            nodes = [];
	            visit.visit(doc, {
	                Node: (_key, node) => {
	                    if (identity.isAlias(node) || identity.hasAnchor(node))
	                        nodes.push(node);
	                }
	            });
	            if (ctx)
	                ctx.aliasResolveCache = nodes;
	        }
	        let found = undefined;
	        for (const node of nodes) {
	            if (node === this)
	                break;
	            if (node.anchor === this.source)
	                found = node;
	        }
	        if (found && ctx) {
	            const { anchors, doc, maxAliasCount } = ctx;
	            let data = anchors.get(found);
	            if (!data) {
	                // Resolve anchors for Node.prototype.toJS()
	                toJS.toJS(found, null, ctx);
	                data = anchors.get(found);
	            }
	            /* istanbul ignore if */
	            if (data?.res === undefined) {
	                const msg = 'This should not happen: Alias anchor was not resolved?';
	                throw new ReferenceError(msg);
	            }
	            if (maxAliasCount >= 0) {
	                data.count += 1;
	                if (data.aliasCount === 0)
	                    data.aliasCount = getAliasCount(doc, found, anchors);
	                if (data.count * data.aliasCount > maxAliasCount) {
	                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
	                    throw new ReferenceError(msg);
	                }
	            }
	        }
	        return found;
	    }
	    toJSON(_arg, ctx) {
	        if (!ctx)
	            return { source: this.source };
	        const source = this.resolve(ctx.doc, ctx);
	        if (!source) {
	            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	            throw new ReferenceError(msg);
	        }
	        return ctx.anchors.get(source).res;
	    }
	    toString(ctx, _onComment, _onChompKeep) {
	        const src = `*${this.source}`;
	        if (ctx) {
	            anchors.anchorIsValid(this.source);
	            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
	                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	                throw new Error(msg);
	            }
	            if (ctx.implicitKey)
	                return `${src} `;
	        }
	        return src;
	    }
	};
	function getAliasCount(doc, node, anchors) {
	    if (identity.isAlias(node)) {
	        const source = node.resolve(doc);
	        const anchor = anchors && source && anchors.get(source);
	        return anchor ? anchor.count * anchor.aliasCount : 0;
	    }
	    else if (identity.isCollection(node)) {
	        let count = 0;
	        for (const item of node.items) {
	            const c = getAliasCount(doc, item, anchors);
	            if (c > count)
	                count = c;
	        }
	        return count;
	    }
	    else if (identity.isPair(node)) {
	        const kc = getAliasCount(doc, node.key, anchors);
	        const vc = getAliasCount(doc, node.value, anchors);
	        return Math.max(kc, vc);
	    }
	    return 1;
	}

	Alias.Alias = Alias$1;
	return Alias;
}

var Collection = {};

var createNode = {};

var Scalar = {};

var hasRequiredScalar;

function requireScalar () {
	if (hasRequiredScalar) return Scalar;
	hasRequiredScalar = 1;

	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
	let Scalar$1 = class Scalar extends Node.NodeBase {
	    constructor(value) {
	        super(identity.SCALAR);
	        this.value = value;
	    }
	    toJSON(arg, ctx) {
	        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
	    }
	    toString() {
	        return String(this.value);
	    }
	};
	Scalar$1.BLOCK_FOLDED = 'BLOCK_FOLDED';
	Scalar$1.BLOCK_LITERAL = 'BLOCK_LITERAL';
	Scalar$1.PLAIN = 'PLAIN';
	Scalar$1.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
	Scalar$1.QUOTE_SINGLE = 'QUOTE_SINGLE';

	Scalar.Scalar = Scalar$1;
	Scalar.isScalarValue = isScalarValue;
	return Scalar;
}

var hasRequiredCreateNode;

function requireCreateNode () {
	if (hasRequiredCreateNode) return createNode;
	hasRequiredCreateNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var Scalar = requireScalar();

	const defaultTagPrefix = 'tag:yaml.org,2002:';
	function findTagObject(value, tagName, tags) {
	    if (tagName) {
	        const match = tags.filter(t => t.tag === tagName);
	        const tagObj = match.find(t => !t.format) ?? match[0];
	        if (!tagObj)
	            throw new Error(`Tag ${tagName} not found`);
	        return tagObj;
	    }
	    return tags.find(t => t.identify?.(value) && !t.format);
	}
	function createNode$1(value, tagName, ctx) {
	    if (identity.isDocument(value))
	        value = value.contents;
	    if (identity.isNode(value))
	        return value;
	    if (identity.isPair(value)) {
	        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
	        map.items.push(value);
	        return map;
	    }
	    if (value instanceof String ||
	        value instanceof Number ||
	        value instanceof Boolean ||
	        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
	    ) {
	        // https://tc39.es/ecma262/#sec-serializejsonproperty
	        value = value.valueOf();
	    }
	    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
	    // Detect duplicate references to the same object & use Alias nodes for all
	    // after first. The `ref` wrapper allows for circular references to resolve.
	    let ref = undefined;
	    if (aliasDuplicateObjects && value && typeof value === 'object') {
	        ref = sourceObjects.get(value);
	        if (ref) {
	            ref.anchor ?? (ref.anchor = onAnchor(value));
	            return new Alias.Alias(ref.anchor);
	        }
	        else {
	            ref = { anchor: null, node: null };
	            sourceObjects.set(value, ref);
	        }
	    }
	    if (tagName?.startsWith('!!'))
	        tagName = defaultTagPrefix + tagName.slice(2);
	    let tagObj = findTagObject(value, tagName, schema.tags);
	    if (!tagObj) {
	        if (value && typeof value.toJSON === 'function') {
	            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	            value = value.toJSON();
	        }
	        if (!value || typeof value !== 'object') {
	            const node = new Scalar.Scalar(value);
	            if (ref)
	                ref.node = node;
	            return node;
	        }
	        tagObj =
	            value instanceof Map
	                ? schema[identity.MAP]
	                : Symbol.iterator in Object(value)
	                    ? schema[identity.SEQ]
	                    : schema[identity.MAP];
	    }
	    if (onTagObj) {
	        onTagObj(tagObj);
	        delete ctx.onTagObj;
	    }
	    const node = tagObj?.createNode
	        ? tagObj.createNode(ctx.schema, value, ctx)
	        : typeof tagObj?.nodeClass?.from === 'function'
	            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
	            : new Scalar.Scalar(value);
	    if (tagName)
	        node.tag = tagName;
	    else if (!tagObj.default)
	        node.tag = tagObj.tag;
	    if (ref)
	        ref.node = node;
	    return node;
	}

	createNode.createNode = createNode$1;
	return createNode;
}

var hasRequiredCollection;

function requireCollection () {
	if (hasRequiredCollection) return Collection;
	hasRequiredCollection = 1;

	var createNode = requireCreateNode();
	var identity = requireIdentity();
	var Node = requireNode();

	function collectionFromPath(schema, path, value) {
	    let v = value;
	    for (let i = path.length - 1; i >= 0; --i) {
	        const k = path[i];
	        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
	            const a = [];
	            a[k] = v;
	            v = a;
	        }
	        else {
	            v = new Map([[k, v]]);
	        }
	    }
	    return createNode.createNode(v, undefined, {
	        aliasDuplicateObjects: false,
	        keepUndefined: false,
	        onAnchor: () => {
	            throw new Error('This should not happen, please report a bug.');
	        },
	        schema,
	        sourceObjects: new Map()
	    });
	}
	// Type guard is intentionally a little wrong so as to be more useful,
	// as it does not cover untypable empty non-string iterables (e.g. []).
	const isEmptyPath = (path) => path == null ||
	    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
	let Collection$1 = class Collection extends Node.NodeBase {
	    constructor(type, schema) {
	        super(type);
	        Object.defineProperty(this, 'schema', {
	            value: schema,
	            configurable: true,
	            enumerable: false,
	            writable: true
	        });
	    }
	    /**
	     * Create a copy of this collection.
	     *
	     * @param schema - If defined, overwrites the original's schema
	     */
	    clone(schema) {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (schema)
	            copy.schema = schema;
	        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /**
	     * Adds a value to the collection. For `!!map` and `!!omap` the value must
	     * be a Pair instance or a `{ key, value }` object, which may not have a key
	     * that already exists in the map.
	     */
	    addIn(path, value) {
	        if (isEmptyPath(path))
	            this.add(value);
	        else {
	            const [key, ...rest] = path;
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.addIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	    /**
	     * Removes a value from the collection.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.delete(key);
	        const node = this.get(key, true);
	        if (identity.isCollection(node))
	            return node.deleteIn(rest);
	        else
	            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        const [key, ...rest] = path;
	        const node = this.get(key, true);
	        if (rest.length === 0)
	            return !keepScalar && identity.isScalar(node) ? node.value : node;
	        else
	            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
	    }
	    hasAllNullValues(allowScalar) {
	        return this.items.every(node => {
	            if (!identity.isPair(node))
	                return false;
	            const n = node.value;
	            return (n == null ||
	                (allowScalar &&
	                    identity.isScalar(n) &&
	                    n.value == null &&
	                    !n.commentBefore &&
	                    !n.comment &&
	                    !n.tag));
	        });
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     */
	    hasIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.has(key);
	        const node = this.get(key, true);
	        return identity.isCollection(node) ? node.hasIn(rest) : false;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        const [key, ...rest] = path;
	        if (rest.length === 0) {
	            this.set(key, value);
	        }
	        else {
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.setIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	};

	Collection.Collection = Collection$1;
	Collection.collectionFromPath = collectionFromPath;
	Collection.isEmptyPath = isEmptyPath;
	return Collection;
}

var Pair = {};

var stringifyPair = {};

var stringify$2 = {};

var stringifyComment = {};

var hasRequiredStringifyComment;

function requireStringifyComment () {
	if (hasRequiredStringifyComment) return stringifyComment;
	hasRequiredStringifyComment = 1;

	/**
	 * Stringifies a comment.
	 *
	 * Empty comment lines are left empty,
	 * lines consisting of a single space are replaced by `#`,
	 * and all other lines are prefixed with a `#`.
	 */
	const stringifyComment$1 = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
	function indentComment(comment, indent) {
	    if (/^\n+$/.test(comment))
	        return comment.substring(1);
	    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith('\n')
	    ? indentComment(comment, indent)
	    : comment.includes('\n')
	        ? '\n' + indentComment(comment, indent)
	        : (str.endsWith(' ') ? '' : ' ') + comment;

	stringifyComment.indentComment = indentComment;
	stringifyComment.lineComment = lineComment;
	stringifyComment.stringifyComment = stringifyComment$1;
	return stringifyComment;
}

var stringifyString = {};

var foldFlowLines = {};

var hasRequiredFoldFlowLines;

function requireFoldFlowLines () {
	if (hasRequiredFoldFlowLines) return foldFlowLines;
	hasRequiredFoldFlowLines = 1;

	const FOLD_FLOW = 'flow';
	const FOLD_BLOCK = 'block';
	const FOLD_QUOTED = 'quoted';
	/**
	 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	 * terminated with `\n` and started with `indent`.
	 */
	function foldFlowLines$1(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
	    if (!lineWidth || lineWidth < 0)
	        return text;
	    if (lineWidth < minContentWidth)
	        minContentWidth = 0;
	    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
	    if (text.length <= endStep)
	        return text;
	    const folds = [];
	    const escapedFolds = {};
	    let end = lineWidth - indent.length;
	    if (typeof indentAtStart === 'number') {
	        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
	            folds.push(0);
	        else
	            end = lineWidth - indentAtStart;
	    }
	    let split = undefined;
	    let prev = undefined;
	    let overflow = false;
	    let i = -1;
	    let escStart = -1;
	    let escEnd = -1;
	    if (mode === FOLD_BLOCK) {
	        i = consumeMoreIndentedLines(text, i, indent.length);
	        if (i !== -1)
	            end = i + endStep;
	    }
	    for (let ch; (ch = text[(i += 1)]);) {
	        if (mode === FOLD_QUOTED && ch === '\\') {
	            escStart = i;
	            switch (text[i + 1]) {
	                case 'x':
	                    i += 3;
	                    break;
	                case 'u':
	                    i += 5;
	                    break;
	                case 'U':
	                    i += 9;
	                    break;
	                default:
	                    i += 1;
	            }
	            escEnd = i;
	        }
	        if (ch === '\n') {
	            if (mode === FOLD_BLOCK)
	                i = consumeMoreIndentedLines(text, i, indent.length);
	            end = i + indent.length + endStep;
	            split = undefined;
	        }
	        else {
	            if (ch === ' ' &&
	                prev &&
	                prev !== ' ' &&
	                prev !== '\n' &&
	                prev !== '\t') {
	                // space surrounded by non-space can be replaced with newline + indent
	                const next = text[i + 1];
	                if (next && next !== ' ' && next !== '\n' && next !== '\t')
	                    split = i;
	            }
	            if (i >= end) {
	                if (split) {
	                    folds.push(split);
	                    end = split + endStep;
	                    split = undefined;
	                }
	                else if (mode === FOLD_QUOTED) {
	                    // white-space collected at end may stretch past lineWidth
	                    while (prev === ' ' || prev === '\t') {
	                        prev = ch;
	                        ch = text[(i += 1)];
	                        overflow = true;
	                    }
	                    // Account for newline escape, but don't break preceding escape
	                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
	                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
	                    if (escapedFolds[j])
	                        return text;
	                    folds.push(j);
	                    escapedFolds[j] = true;
	                    end = j + endStep;
	                    split = undefined;
	                }
	                else {
	                    overflow = true;
	                }
	            }
	        }
	        prev = ch;
	    }
	    if (overflow && onOverflow)
	        onOverflow();
	    if (folds.length === 0)
	        return text;
	    if (onFold)
	        onFold();
	    let res = text.slice(0, folds[0]);
	    for (let i = 0; i < folds.length; ++i) {
	        const fold = folds[i];
	        const end = folds[i + 1] || text.length;
	        if (fold === 0)
	            res = `\n${indent}${text.slice(0, end)}`;
	        else {
	            if (mode === FOLD_QUOTED && escapedFolds[fold])
	                res += `${text[fold]}\\`;
	            res += `\n${indent}${text.slice(fold + 1, end)}`;
	        }
	    }
	    return res;
	}
	/**
	 * Presumes `i + 1` is at the start of a line
	 * @returns index of last newline in more-indented block
	 */
	function consumeMoreIndentedLines(text, i, indent) {
	    let end = i;
	    let start = i + 1;
	    let ch = text[start];
	    while (ch === ' ' || ch === '\t') {
	        if (i < start + indent) {
	            ch = text[++i];
	        }
	        else {
	            do {
	                ch = text[++i];
	            } while (ch && ch !== '\n');
	            end = i;
	            start = i + 1;
	            ch = text[start];
	        }
	    }
	    return end;
	}

	foldFlowLines.FOLD_BLOCK = FOLD_BLOCK;
	foldFlowLines.FOLD_FLOW = FOLD_FLOW;
	foldFlowLines.FOLD_QUOTED = FOLD_QUOTED;
	foldFlowLines.foldFlowLines = foldFlowLines$1;
	return foldFlowLines;
}

var hasRequiredStringifyString;

function requireStringifyString () {
	if (hasRequiredStringifyString) return stringifyString;
	hasRequiredStringifyString = 1;

	var Scalar = requireScalar();
	var foldFlowLines = requireFoldFlowLines();

	const getFoldOptions = (ctx, isBlock) => ({
	    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
	    lineWidth: ctx.options.lineWidth,
	    minContentWidth: ctx.options.minContentWidth
	});
	// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
	// presume that's starting a new document.
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
	    if (!lineWidth || lineWidth < 0)
	        return false;
	    const limit = lineWidth - indentLength;
	    const strLen = str.length;
	    if (strLen <= limit)
	        return false;
	    for (let i = 0, start = 0; i < strLen; ++i) {
	        if (str[i] === '\n') {
	            if (i - start > limit)
	                return true;
	            start = i + 1;
	            if (strLen - start <= limit)
	                return false;
	        }
	    }
	    return true;
	}
	function doubleQuotedString(value, ctx) {
	    const json = JSON.stringify(value);
	    if (ctx.options.doubleQuotedAsJSON)
	        return json;
	    const { implicitKey } = ctx;
	    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    let str = '';
	    let start = 0;
	    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
	        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
	            // space before newline needs to be escaped to not be folded
	            str += json.slice(start, i) + '\\ ';
	            i += 1;
	            start = i;
	            ch = '\\';
	        }
	        if (ch === '\\')
	            switch (json[i + 1]) {
	                case 'u':
	                    {
	                        str += json.slice(start, i);
	                        const code = json.substr(i + 2, 4);
	                        switch (code) {
	                            case '0000':
	                                str += '\\0';
	                                break;
	                            case '0007':
	                                str += '\\a';
	                                break;
	                            case '000b':
	                                str += '\\v';
	                                break;
	                            case '001b':
	                                str += '\\e';
	                                break;
	                            case '0085':
	                                str += '\\N';
	                                break;
	                            case '00a0':
	                                str += '\\_';
	                                break;
	                            case '2028':
	                                str += '\\L';
	                                break;
	                            case '2029':
	                                str += '\\P';
	                                break;
	                            default:
	                                if (code.substr(0, 2) === '00')
	                                    str += '\\x' + code.substr(2);
	                                else
	                                    str += json.substr(i, 6);
	                        }
	                        i += 5;
	                        start = i + 1;
	                    }
	                    break;
	                case 'n':
	                    if (implicitKey ||
	                        json[i + 2] === '"' ||
	                        json.length < minMultiLineLength) {
	                        i += 1;
	                    }
	                    else {
	                        // folding will eat first newline
	                        str += json.slice(start, i) + '\n\n';
	                        while (json[i + 2] === '\\' &&
	                            json[i + 3] === 'n' &&
	                            json[i + 4] !== '"') {
	                            str += '\n';
	                            i += 2;
	                        }
	                        str += indent;
	                        // space after newline needs to be escaped to not be folded
	                        if (json[i + 2] === ' ')
	                            str += '\\';
	                        i += 1;
	                        start = i + 1;
	                    }
	                    break;
	                default:
	                    i += 1;
	            }
	    }
	    str = start ? str + json.slice(start) : json;
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
	    if (ctx.options.singleQuote === false ||
	        (ctx.implicitKey && value.includes('\n')) ||
	        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
	    )
	        return doubleQuotedString(value, ctx);
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
	    return ctx.implicitKey
	        ? res
	        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
	    const { singleQuote } = ctx.options;
	    let qs;
	    if (singleQuote === false)
	        qs = doubleQuotedString;
	    else {
	        const hasDouble = value.includes('"');
	        const hasSingle = value.includes("'");
	        if (hasDouble && !hasSingle)
	            qs = singleQuotedString;
	        else if (hasSingle && !hasDouble)
	            qs = doubleQuotedString;
	        else
	            qs = singleQuote ? singleQuotedString : doubleQuotedString;
	    }
	    return qs(value, ctx);
	}
	// The negative lookbehind avoids a polynomial search,
	// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
	let blockEndNewlines;
	try {
	    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
	}
	catch {
	    blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
	    const { blockQuote, commentString, lineWidth } = ctx.options;
	    // 1. Block can't end in whitespace unless the last line is non-empty.
	    // 2. Strings consisting of only whitespace are best rendered explicitly.
	    if (!blockQuote || /\n[\t ]+$/.test(value)) {
	        return quotedString(value, ctx);
	    }
	    const indent = ctx.indent ||
	        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
	    const literal = blockQuote === 'literal'
	        ? true
	        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
	            ? false
	            : type === Scalar.Scalar.BLOCK_LITERAL
	                ? true
	                : !lineLengthOverLimit(value, lineWidth, indent.length);
	    if (!value)
	        return literal ? '|\n' : '>\n';
	    // determine chomping from whitespace at value end
	    let chomp;
	    let endStart;
	    for (endStart = value.length; endStart > 0; --endStart) {
	        const ch = value[endStart - 1];
	        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
	            break;
	    }
	    let end = value.substring(endStart);
	    const endNlPos = end.indexOf('\n');
	    if (endNlPos === -1) {
	        chomp = '-'; // strip
	    }
	    else if (value === end || endNlPos !== end.length - 1) {
	        chomp = '+'; // keep
	        if (onChompKeep)
	            onChompKeep();
	    }
	    else {
	        chomp = ''; // clip
	    }
	    if (end) {
	        value = value.slice(0, -end.length);
	        if (end[end.length - 1] === '\n')
	            end = end.slice(0, -1);
	        end = end.replace(blockEndNewlines, `$&${indent}`);
	    }
	    // determine indent indicator from whitespace at value start
	    let startWithSpace = false;
	    let startEnd;
	    let startNlPos = -1;
	    for (startEnd = 0; startEnd < value.length; ++startEnd) {
	        const ch = value[startEnd];
	        if (ch === ' ')
	            startWithSpace = true;
	        else if (ch === '\n')
	            startNlPos = startEnd;
	        else
	            break;
	    }
	    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
	    if (start) {
	        value = value.substring(start.length);
	        start = start.replace(/\n+/g, `$&${indent}`);
	    }
	    const indentSize = indent ? '2' : '1'; // root is at -1
	    // Leading | or > is added later
	    let header = (startWithSpace ? indentSize : '') + chomp;
	    if (comment) {
	        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
	        if (onComment)
	            onComment();
	    }
	    if (!literal) {
	        const foldedValue = value
	            .replace(/\n+/g, '\n$&')
	            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
	            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
	            .replace(/\n+/g, `$&${indent}`);
	        let literalFallback = false;
	        const foldOptions = getFoldOptions(ctx, true);
	        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
	            foldOptions.onOverflow = () => {
	                literalFallback = true;
	            };
	        }
	        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
	        if (!literalFallback)
	            return `>${header}\n${indent}${body}`;
	    }
	    value = value.replace(/\n+/g, `$&${indent}`);
	    return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
	    const { type, value } = item;
	    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
	    if ((implicitKey && value.includes('\n')) ||
	        (inFlow && /[[\]{},]/.test(value))) {
	        return quotedString(value, ctx);
	    }
	    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
	        // not allowed:
	        // - '-' or '?'
	        // - start with an indicator character (except [?:-]) or /[?-] /
	        // - '\n ', ': ' or ' \n' anywhere
	        // - '#' not preceded by a non-space char
	        // - end with ' ' or ':'
	        return implicitKey || inFlow || !value.includes('\n')
	            ? quotedString(value, ctx)
	            : blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (!implicitKey &&
	        !inFlow &&
	        type !== Scalar.Scalar.PLAIN &&
	        value.includes('\n')) {
	        // Where allowed & type not set explicitly, prefer block style for multiline strings
	        return blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (containsDocumentMarker(value)) {
	        if (indent === '') {
	            ctx.forceBlockIndent = true;
	            return blockString(item, ctx, onComment, onChompKeep);
	        }
	        else if (implicitKey && indent === indentStep) {
	            return quotedString(value, ctx);
	        }
	    }
	    const str = value.replace(/\n+/g, `$&\n${indent}`);
	    // Verify that output will be parsed as a string, as e.g. plain numbers and
	    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
	    // and others in v1.1.
	    if (actualString) {
	        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
	        const { compat, tags } = ctx.doc.schema;
	        if (tags.some(test) || compat?.some(test))
	            return quotedString(value, ctx);
	    }
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString$1(item, ctx, onComment, onChompKeep) {
	    const { implicitKey, inFlow } = ctx;
	    const ss = typeof item.value === 'string'
	        ? item
	        : Object.assign({}, item, { value: String(item.value) });
	    let { type } = item;
	    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	        // force double quotes on control characters & unpaired surrogates
	        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
	            type = Scalar.Scalar.QUOTE_DOUBLE;
	    }
	    const _stringify = (_type) => {
	        switch (_type) {
	            case Scalar.Scalar.BLOCK_FOLDED:
	            case Scalar.Scalar.BLOCK_LITERAL:
	                return implicitKey || inFlow
	                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
	                    : blockString(ss, ctx, onComment, onChompKeep);
	            case Scalar.Scalar.QUOTE_DOUBLE:
	                return doubleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.QUOTE_SINGLE:
	                return singleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.PLAIN:
	                return plainString(ss, ctx, onComment, onChompKeep);
	            default:
	                return null;
	        }
	    };
	    let res = _stringify(type);
	    if (res === null) {
	        const { defaultKeyType, defaultStringType } = ctx.options;
	        const t = (implicitKey && defaultKeyType) || defaultStringType;
	        res = _stringify(t);
	        if (res === null)
	            throw new Error(`Unsupported default string type ${t}`);
	    }
	    return res;
	}

	stringifyString.stringifyString = stringifyString$1;
	return stringifyString;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify$2;
	hasRequiredStringify = 1;

	var anchors = requireAnchors();
	var identity = requireIdentity();
	var stringifyComment = requireStringifyComment();
	var stringifyString = requireStringifyString();

	function createStringifyContext(doc, options) {
	    const opt = Object.assign({
	        blockQuote: true,
	        commentString: stringifyComment.stringifyComment,
	        defaultKeyType: null,
	        defaultStringType: 'PLAIN',
	        directives: null,
	        doubleQuotedAsJSON: false,
	        doubleQuotedMinMultiLineLength: 40,
	        falseStr: 'false',
	        flowCollectionPadding: true,
	        indentSeq: true,
	        lineWidth: 80,
	        minContentWidth: 20,
	        nullStr: 'null',
	        simpleKeys: false,
	        singleQuote: null,
	        trailingComma: false,
	        trueStr: 'true',
	        verifyAliasOrder: true
	    }, doc.schema.toStringOptions, options);
	    let inFlow;
	    switch (opt.collectionStyle) {
	        case 'block':
	            inFlow = false;
	            break;
	        case 'flow':
	            inFlow = true;
	            break;
	        default:
	            inFlow = null;
	    }
	    return {
	        anchors: new Set(),
	        doc,
	        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
	        indent: '',
	        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
	        inFlow,
	        options: opt
	    };
	}
	function getTagObject(tags, item) {
	    if (item.tag) {
	        const match = tags.filter(t => t.tag === item.tag);
	        if (match.length > 0)
	            return match.find(t => t.format === item.format) ?? match[0];
	    }
	    let tagObj = undefined;
	    let obj;
	    if (identity.isScalar(item)) {
	        obj = item.value;
	        let match = tags.filter(t => t.identify?.(obj));
	        if (match.length > 1) {
	            const testMatch = match.filter(t => t.test);
	            if (testMatch.length > 0)
	                match = testMatch;
	        }
	        tagObj =
	            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
	    }
	    else {
	        obj = item;
	        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
	    }
	    if (!tagObj) {
	        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
	        throw new Error(`Tag not resolved for ${name} value`);
	    }
	    return tagObj;
	}
	// needs to be called before value stringifier to allow for circular anchor refs
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
	    if (!doc.directives)
	        return '';
	    const props = [];
	    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
	    if (anchor && anchors.anchorIsValid(anchor)) {
	        anchors$1.add(anchor);
	        props.push(`&${anchor}`);
	    }
	    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
	    if (tag)
	        props.push(doc.directives.tagString(tag));
	    return props.join(' ');
	}
	function stringify(item, ctx, onComment, onChompKeep) {
	    if (identity.isPair(item))
	        return item.toString(ctx, onComment, onChompKeep);
	    if (identity.isAlias(item)) {
	        if (ctx.doc.directives)
	            return item.toString(ctx);
	        if (ctx.resolvedAliases?.has(item)) {
	            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
	        }
	        else {
	            if (ctx.resolvedAliases)
	                ctx.resolvedAliases.add(item);
	            else
	                ctx.resolvedAliases = new Set([item]);
	            item = item.resolve(ctx.doc);
	        }
	    }
	    let tagObj = undefined;
	    const node = identity.isNode(item)
	        ? item
	        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
	    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
	    const props = stringifyProps(node, tagObj, ctx);
	    if (props.length > 0)
	        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
	    const str = typeof tagObj.stringify === 'function'
	        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
	        : identity.isScalar(node)
	            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
	            : node.toString(ctx, onComment, onChompKeep);
	    if (!props)
	        return str;
	    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
	        ? `${props} ${str}`
	        : `${props}\n${ctx.indent}${str}`;
	}

	stringify$2.createStringifyContext = createStringifyContext;
	stringify$2.stringify = stringify;
	return stringify$2;
}

var hasRequiredStringifyPair;

function requireStringifyPair () {
	if (hasRequiredStringifyPair) return stringifyPair;
	hasRequiredStringifyPair = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyPair$1({ key, value }, ctx, onComment, onChompKeep) {
	    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
	    let keyComment = (identity.isNode(key) && key.comment) || null;
	    if (simpleKeys) {
	        if (keyComment) {
	            throw new Error('With simple keys, key nodes cannot have comments');
	        }
	        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
	            const msg = 'With simple keys, collection cannot be used as a key value';
	            throw new Error(msg);
	        }
	    }
	    let explicitKey = !simpleKeys &&
	        (!key ||
	            (keyComment && value == null && !ctx.inFlow) ||
	            identity.isCollection(key) ||
	            (identity.isScalar(key)
	                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
	                : typeof key === 'object'));
	    ctx = Object.assign({}, ctx, {
	        allNullValues: false,
	        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
	        indent: indent + indentStep
	    });
	    let keyCommentDone = false;
	    let chompKeep = false;
	    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
	    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
	        if (simpleKeys)
	            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
	        explicitKey = true;
	    }
	    if (ctx.inFlow) {
	        if (allNullValues || value == null) {
	            if (keyCommentDone && onComment)
	                onComment();
	            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
	        }
	    }
	    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
	        str = `? ${str}`;
	        if (keyComment && !keyCommentDone) {
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        }
	        else if (chompKeep && onChompKeep)
	            onChompKeep();
	        return str;
	    }
	    if (keyCommentDone)
	        keyComment = null;
	    if (explicitKey) {
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        str = `? ${str}\n${indent}:`;
	    }
	    else {
	        str = `${str}:`;
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	    }
	    let vsb, vcb, valueComment;
	    if (identity.isNode(value)) {
	        vsb = !!value.spaceBefore;
	        vcb = value.commentBefore;
	        valueComment = value.comment;
	    }
	    else {
	        vsb = false;
	        vcb = null;
	        valueComment = null;
	        if (value && typeof value === 'object')
	            value = doc.createNode(value);
	    }
	    ctx.implicitKey = false;
	    if (!explicitKey && !keyComment && identity.isScalar(value))
	        ctx.indentAtStart = str.length + 1;
	    chompKeep = false;
	    if (!indentSeq &&
	        indentStep.length >= 2 &&
	        !ctx.inFlow &&
	        !explicitKey &&
	        identity.isSeq(value) &&
	        !value.flow &&
	        !value.tag &&
	        !value.anchor) {
	        // If indentSeq === false, consider '- ' as part of indentation where possible
	        ctx.indent = ctx.indent.substring(2);
	    }
	    let valueCommentDone = false;
	    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
	    let ws = ' ';
	    if (keyComment || vsb || vcb) {
	        ws = vsb ? '\n' : '';
	        if (vcb) {
	            const cs = commentString(vcb);
	            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
	        }
	        if (valueStr === '' && !ctx.inFlow) {
	            if (ws === '\n' && valueComment)
	                ws = '\n\n';
	        }
	        else {
	            ws += `\n${ctx.indent}`;
	        }
	    }
	    else if (!explicitKey && identity.isCollection(value)) {
	        const vs0 = valueStr[0];
	        const nl0 = valueStr.indexOf('\n');
	        const hasNewline = nl0 !== -1;
	        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
	        if (hasNewline || !flow) {
	            let hasPropsLine = false;
	            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
	                let sp0 = valueStr.indexOf(' ');
	                if (vs0 === '&' &&
	                    sp0 !== -1 &&
	                    sp0 < nl0 &&
	                    valueStr[sp0 + 1] === '!') {
	                    sp0 = valueStr.indexOf(' ', sp0 + 1);
	                }
	                if (sp0 === -1 || nl0 < sp0)
	                    hasPropsLine = true;
	            }
	            if (!hasPropsLine)
	                ws = `\n${ctx.indent}`;
	        }
	    }
	    else if (valueStr === '' || valueStr[0] === '\n') {
	        ws = '';
	    }
	    str += ws + valueStr;
	    if (ctx.inFlow) {
	        if (valueCommentDone && onComment)
	            onComment();
	    }
	    else if (valueComment && !valueCommentDone) {
	        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
	    }
	    else if (chompKeep && onChompKeep) {
	        onChompKeep();
	    }
	    return str;
	}

	stringifyPair.stringifyPair = stringifyPair$1;
	return stringifyPair;
}

var addPairToJSMap = {};

var log = {};

var hasRequiredLog;

function requireLog () {
	if (hasRequiredLog) return log;
	hasRequiredLog = 1;

	var node_process = require$$0;

	function debug(logLevel, ...messages) {
	    if (logLevel === 'debug')
	        console.log(...messages);
	}
	function warn(logLevel, warning) {
	    if (logLevel === 'debug' || logLevel === 'warn') {
	        if (typeof node_process.emitWarning === 'function')
	            node_process.emitWarning(warning);
	        else
	            console.warn(warning);
	    }
	}

	log.debug = debug;
	log.warn = warn;
	return log;
}

var merge = {};

var hasRequiredMerge;

function requireMerge () {
	if (hasRequiredMerge) return merge;
	hasRequiredMerge = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();

	// If the value associated with a merge key is a single mapping node, each of
	// its key/value pairs is inserted into the current mapping, unless the key
	// already exists in it. If the value associated with the merge key is a
	// sequence, then this sequence is expected to contain mapping nodes and each
	// of these nodes is merged in turn according to its order in the sequence.
	// Keys in mapping nodes earlier in the sequence override keys specified in
	// later mapping nodes. -- http://yaml.org/type/merge.html
	const MERGE_KEY = '<<';
	const merge$1 = {
	    identify: value => value === MERGE_KEY ||
	        (typeof value === 'symbol' && value.description === MERGE_KEY),
	    default: 'key',
	    tag: 'tag:yaml.org,2002:merge',
	    test: /^<<$/,
	    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
	        addToJSMap: addMergeToJSMap
	    }),
	    stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge$1.identify(key) ||
	    (identity.isScalar(key) &&
	        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
	        merge$1.identify(key.value))) &&
	    ctx?.doc.schema.tags.some(tag => tag.tag === merge$1.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (identity.isSeq(source))
	        for (const it of source.items)
	            mergeValue(ctx, map, it);
	    else if (Array.isArray(source))
	        for (const it of source)
	            mergeValue(ctx, map, it);
	    else
	        mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (!identity.isMap(source))
	        throw new Error('Merge sources must be maps or map aliases');
	    const srcMap = source.toJSON(null, ctx, Map);
	    for (const [key, value] of srcMap) {
	        if (map instanceof Map) {
	            if (!map.has(key))
	                map.set(key, value);
	        }
	        else if (map instanceof Set) {
	            map.add(key);
	        }
	        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
	            Object.defineProperty(map, key, {
	                value,
	                writable: true,
	                enumerable: true,
	                configurable: true
	            });
	        }
	    }
	    return map;
	}
	function resolveAliasValue(ctx, value) {
	    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}

	merge.addMergeToJSMap = addMergeToJSMap;
	merge.isMergeKey = isMergeKey;
	merge.merge = merge$1;
	return merge;
}

var hasRequiredAddPairToJSMap;

function requireAddPairToJSMap () {
	if (hasRequiredAddPairToJSMap) return addPairToJSMap;
	hasRequiredAddPairToJSMap = 1;

	var log = requireLog();
	var merge = requireMerge();
	var stringify = requireStringify();
	var identity = requireIdentity();
	var toJS = requireToJS();

	function addPairToJSMap$1(ctx, map, { key, value }) {
	    if (identity.isNode(key) && key.addToJSMap)
	        key.addToJSMap(ctx, map, value);
	    // TODO: Should drop this special case for bare << handling
	    else if (merge.isMergeKey(ctx, key))
	        merge.addMergeToJSMap(ctx, map, value);
	    else {
	        const jsKey = toJS.toJS(key, '', ctx);
	        if (map instanceof Map) {
	            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
	        }
	        else if (map instanceof Set) {
	            map.add(jsKey);
	        }
	        else {
	            const stringKey = stringifyKey(key, jsKey, ctx);
	            const jsValue = toJS.toJS(value, stringKey, ctx);
	            if (stringKey in map)
	                Object.defineProperty(map, stringKey, {
	                    value: jsValue,
	                    writable: true,
	                    enumerable: true,
	                    configurable: true
	                });
	            else
	                map[stringKey] = jsValue;
	        }
	    }
	    return map;
	}
	function stringifyKey(key, jsKey, ctx) {
	    if (jsKey === null)
	        return '';
	    // eslint-disable-next-line @typescript-eslint/no-base-to-string
	    if (typeof jsKey !== 'object')
	        return String(jsKey);
	    if (identity.isNode(key) && ctx?.doc) {
	        const strCtx = stringify.createStringifyContext(ctx.doc, {});
	        strCtx.anchors = new Set();
	        for (const node of ctx.anchors.keys())
	            strCtx.anchors.add(node.anchor);
	        strCtx.inFlow = true;
	        strCtx.inStringifyKey = true;
	        const strKey = key.toString(strCtx);
	        if (!ctx.mapKeyWarned) {
	            let jsonStr = JSON.stringify(strKey);
	            if (jsonStr.length > 40)
	                jsonStr = jsonStr.substring(0, 36) + '..."';
	            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
	            ctx.mapKeyWarned = true;
	        }
	        return strKey;
	    }
	    return JSON.stringify(jsKey);
	}

	addPairToJSMap.addPairToJSMap = addPairToJSMap$1;
	return addPairToJSMap;
}

var hasRequiredPair;

function requirePair () {
	if (hasRequiredPair) return Pair;
	hasRequiredPair = 1;

	var createNode = requireCreateNode();
	var stringifyPair = requireStringifyPair();
	var addPairToJSMap = requireAddPairToJSMap();
	var identity = requireIdentity();

	function createPair(key, value, ctx) {
	    const k = createNode.createNode(key, undefined, ctx);
	    const v = createNode.createNode(value, undefined, ctx);
	    return new Pair$1(k, v);
	}
	let Pair$1 = class Pair {
	    constructor(key, value = null) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
	        this.key = key;
	        this.value = value;
	    }
	    clone(schema) {
	        let { key, value } = this;
	        if (identity.isNode(key))
	            key = key.clone(schema);
	        if (identity.isNode(value))
	            value = value.clone(schema);
	        return new Pair(key, value);
	    }
	    toJSON(_, ctx) {
	        const pair = ctx?.mapAsMap ? new Map() : {};
	        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        return ctx?.doc
	            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
	            : JSON.stringify(this);
	    }
	};

	Pair.Pair = Pair$1;
	Pair.createPair = createPair;
	return Pair;
}

var Schema = {};

var map = {};

var YAMLMap = {};

var stringifyCollection = {};

var hasRequiredStringifyCollection;

function requireStringifyCollection () {
	if (hasRequiredStringifyCollection) return stringifyCollection;
	hasRequiredStringifyCollection = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyCollection$1(collection, ctx, options) {
	    const flow = ctx.inFlow ?? collection.flow;
	    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
	    return stringify(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
	    const { indent, options: { commentString } } = ctx;
	    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
	    let chompKeep = false; // flag for the preceding node's status
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (!chompKeep && item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (!chompKeep && ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
	            }
	        }
	        chompKeep = false;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        if (chompKeep && comment)
	            chompKeep = false;
	        lines.push(blockItemPrefix + str);
	    }
	    let str;
	    if (lines.length === 0) {
	        str = flowChars.start + flowChars.end;
	    }
	    else {
	        str = lines[0];
	        for (let i = 1; i < lines.length; ++i) {
	            const line = lines[i];
	            str += line ? `\n${indent}${line}` : '\n';
	        }
	    }
	    if (comment) {
	        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
	        if (onComment)
	            onComment();
	    }
	    else if (chompKeep && onChompKeep)
	        onChompKeep();
	    return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
	    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
	    itemIndent += indentStep;
	    const itemCtx = Object.assign({}, ctx, {
	        indent: itemIndent,
	        inFlow: true,
	        type: null
	    });
	    let reqNewline = false;
	    let linesAtValue = 0;
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, false);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, false);
	                if (ik.comment)
	                    reqNewline = true;
	            }
	            const iv = identity.isNode(item.value) ? item.value : null;
	            if (iv) {
	                if (iv.comment)
	                    comment = iv.comment;
	                if (iv.commentBefore)
	                    reqNewline = true;
	            }
	            else if (item.value == null && ik?.comment) {
	                comment = ik.comment;
	            }
	        }
	        if (comment)
	            reqNewline = true;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null));
	        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
	        if (i < items.length - 1) {
	            str += ',';
	        }
	        else if (ctx.options.trailingComma) {
	            if (ctx.options.lineWidth > 0) {
	                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
	                    (str.length + 2) >
	                    ctx.options.lineWidth);
	            }
	            if (reqNewline) {
	                str += ',';
	            }
	        }
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        lines.push(str);
	        linesAtValue = lines.length;
	    }
	    const { start, end } = flowChars;
	    if (lines.length === 0) {
	        return start + end;
	    }
	    else {
	        if (!reqNewline) {
	            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
	            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
	        }
	        if (reqNewline) {
	            let str = start;
	            for (const line of lines)
	                str += line ? `\n${indentStep}${indent}${line}` : '\n';
	            return `${str}\n${indent}${end}`;
	        }
	        else {
	            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
	        }
	    }
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
	    if (comment && chompKeep)
	        comment = comment.replace(/^\n+/, '');
	    if (comment) {
	        const ic = stringifyComment.indentComment(commentString(comment), indent);
	        lines.push(ic.trimStart()); // Avoid double indent on first line
	    }
	}

	stringifyCollection.stringifyCollection = stringifyCollection$1;
	return stringifyCollection;
}

var hasRequiredYAMLMap;

function requireYAMLMap () {
	if (hasRequiredYAMLMap) return YAMLMap;
	hasRequiredYAMLMap = 1;

	var stringifyCollection = requireStringifyCollection();
	var addPairToJSMap = requireAddPairToJSMap();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();

	function findPair(items, key) {
	    const k = identity.isScalar(key) ? key.value : key;
	    for (const it of items) {
	        if (identity.isPair(it)) {
	            if (it.key === key || it.key === k)
	                return it;
	            if (identity.isScalar(it.key) && it.key.value === k)
	                return it;
	        }
	    }
	    return undefined;
	}
	let YAMLMap$1 = class YAMLMap extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:map';
	    }
	    constructor(schema) {
	        super(identity.MAP, schema);
	        this.items = [];
	    }
	    /**
	     * A generic collection parsing method that can be extended
	     * to other node classes that inherit from YAMLMap
	     */
	    static from(schema, obj, ctx) {
	        const { keepUndefined, replacer } = ctx;
	        const map = new this(schema);
	        const add = (key, value) => {
	            if (typeof replacer === 'function')
	                value = replacer.call(obj, key, value);
	            else if (Array.isArray(replacer) && !replacer.includes(key))
	                return;
	            if (value !== undefined || keepUndefined)
	                map.items.push(Pair.createPair(key, value, ctx));
	        };
	        if (obj instanceof Map) {
	            for (const [key, value] of obj)
	                add(key, value);
	        }
	        else if (obj && typeof obj === 'object') {
	            for (const key of Object.keys(obj))
	                add(key, obj[key]);
	        }
	        if (typeof schema.sortMapEntries === 'function') {
	            map.items.sort(schema.sortMapEntries);
	        }
	        return map;
	    }
	    /**
	     * Adds a value to the collection.
	     *
	     * @param overwrite - If not set `true`, using a key that is already in the
	     *   collection will throw. Otherwise, overwrites the previous value.
	     */
	    add(pair, overwrite) {
	        let _pair;
	        if (identity.isPair(pair))
	            _pair = pair;
	        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
	            // In TypeScript, this never happens.
	            _pair = new Pair.Pair(pair, pair?.value);
	        }
	        else
	            _pair = new Pair.Pair(pair.key, pair.value);
	        const prev = findPair(this.items, _pair.key);
	        const sortEntries = this.schema?.sortMapEntries;
	        if (prev) {
	            if (!overwrite)
	                throw new Error(`Key ${_pair.key} already set`);
	            // For scalars, keep the old node & its comments and anchors
	            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
	                prev.value.value = _pair.value;
	            else
	                prev.value = _pair.value;
	        }
	        else if (sortEntries) {
	            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
	            if (i === -1)
	                this.items.push(_pair);
	            else
	                this.items.splice(i, 0, _pair);
	        }
	        else {
	            this.items.push(_pair);
	        }
	    }
	    delete(key) {
	        const it = findPair(this.items, key);
	        if (!it)
	            return false;
	        const del = this.items.splice(this.items.indexOf(it), 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const it = findPair(this.items, key);
	        const node = it?.value;
	        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
	    }
	    has(key) {
	        return !!findPair(this.items, key);
	    }
	    set(key, value) {
	        this.add(new Pair.Pair(key, value), true);
	    }
	    /**
	     * @param ctx - Conversion context, originally set in Document#toJS()
	     * @param {Class} Type - If set, forces the returned collection type
	     * @returns Instance of Type, Map, or Object
	     */
	    toJSON(_, ctx, Type) {
	        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const item of this.items)
	            addPairToJSMap.addPairToJSMap(ctx, map, item);
	        return map;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        for (const item of this.items) {
	            if (!identity.isPair(item))
	                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
	        }
	        if (!ctx.allNullValues && this.hasAllNullValues(false))
	            ctx = Object.assign({}, ctx, { allNullValues: true });
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '',
	            flowChars: { start: '{', end: '}' },
	            itemIndent: ctx.indent || '',
	            onChompKeep,
	            onComment
	        });
	    }
	};

	YAMLMap.YAMLMap = YAMLMap$1;
	YAMLMap.findPair = findPair;
	return YAMLMap;
}

var hasRequiredMap;

function requireMap () {
	if (hasRequiredMap) return map;
	hasRequiredMap = 1;

	var identity = requireIdentity();
	var YAMLMap = requireYAMLMap();

	const map$1 = {
	    collection: 'map',
	    default: true,
	    nodeClass: YAMLMap.YAMLMap,
	    tag: 'tag:yaml.org,2002:map',
	    resolve(map, onError) {
	        if (!identity.isMap(map))
	            onError('Expected a mapping for this tag');
	        return map;
	    },
	    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};

	map.map = map$1;
	return map;
}

var seq = {};

var YAMLSeq = {};

var hasRequiredYAMLSeq;

function requireYAMLSeq () {
	if (hasRequiredYAMLSeq) return YAMLSeq;
	hasRequiredYAMLSeq = 1;

	var createNode = requireCreateNode();
	var stringifyCollection = requireStringifyCollection();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Scalar = requireScalar();
	var toJS = requireToJS();

	let YAMLSeq$1 = class YAMLSeq extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:seq';
	    }
	    constructor(schema) {
	        super(identity.SEQ, schema);
	        this.items = [];
	    }
	    add(value) {
	        this.items.push(value);
	    }
	    /**
	     * Removes a value from the collection.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     *
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return false;
	        const del = this.items.splice(idx, 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return undefined;
	        const it = this.items[idx];
	        return !keepScalar && identity.isScalar(it) ? it.value : it;
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     */
	    has(key) {
	        const idx = asItemIndex(key);
	        return typeof idx === 'number' && idx < this.items.length;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     *
	     * If `key` does not contain a representation of an integer, this will throw.
	     * It may be wrapped in a `Scalar`.
	     */
	    set(key, value) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            throw new Error(`Expected a valid index, not ${key}.`);
	        const prev = this.items[idx];
	        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
	            prev.value = value;
	        else
	            this.items[idx] = value;
	    }
	    toJSON(_, ctx) {
	        const seq = [];
	        if (ctx?.onCreate)
	            ctx.onCreate(seq);
	        let i = 0;
	        for (const item of this.items)
	            seq.push(toJS.toJS(item, String(i++), ctx));
	        return seq;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '- ',
	            flowChars: { start: '[', end: ']' },
	            itemIndent: (ctx.indent || '') + '  ',
	            onChompKeep,
	            onComment
	        });
	    }
	    static from(schema, obj, ctx) {
	        const { replacer } = ctx;
	        const seq = new this(schema);
	        if (obj && Symbol.iterator in Object(obj)) {
	            let i = 0;
	            for (let it of obj) {
	                if (typeof replacer === 'function') {
	                    const key = obj instanceof Set ? it : String(i++);
	                    it = replacer.call(obj, key, it);
	                }
	                seq.items.push(createNode.createNode(it, undefined, ctx));
	            }
	        }
	        return seq;
	    }
	};
	function asItemIndex(key) {
	    let idx = identity.isScalar(key) ? key.value : key;
	    if (idx && typeof idx === 'string')
	        idx = Number(idx);
	    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
	        ? idx
	        : null;
	}

	YAMLSeq.YAMLSeq = YAMLSeq$1;
	return YAMLSeq;
}

var hasRequiredSeq;

function requireSeq () {
	if (hasRequiredSeq) return seq;
	hasRequiredSeq = 1;

	var identity = requireIdentity();
	var YAMLSeq = requireYAMLSeq();

	const seq$1 = {
	    collection: 'seq',
	    default: true,
	    nodeClass: YAMLSeq.YAMLSeq,
	    tag: 'tag:yaml.org,2002:seq',
	    resolve(seq, onError) {
	        if (!identity.isSeq(seq))
	            onError('Expected a sequence for this tag');
	        return seq;
	    },
	    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};

	seq.seq = seq$1;
	return seq;
}

var string = {};

var hasRequiredString;

function requireString () {
	if (hasRequiredString) return string;
	hasRequiredString = 1;

	var stringifyString = requireStringifyString();

	const string$1 = {
	    identify: value => typeof value === 'string',
	    default: true,
	    tag: 'tag:yaml.org,2002:str',
	    resolve: str => str,
	    stringify(item, ctx, onComment, onChompKeep) {
	        ctx = Object.assign({ actualString: true }, ctx);
	        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
	    }
	};

	string.string = string$1;
	return string;
}

var tags = {};

var _null = {};

var hasRequired_null;

function require_null () {
	if (hasRequired_null) return _null;
	hasRequired_null = 1;

	var Scalar = requireScalar();

	const nullTag = {
	    identify: value => value == null,
	    createNode: () => new Scalar.Scalar(null),
	    default: true,
	    tag: 'tag:yaml.org,2002:null',
	    test: /^(?:~|[Nn]ull|NULL)?$/,
	    resolve: () => new Scalar.Scalar(null),
	    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
	        ? source
	        : ctx.options.nullStr
	};

	_null.nullTag = nullTag;
	return _null;
}

var bool$1 = {};

var hasRequiredBool$1;

function requireBool$1 () {
	if (hasRequiredBool$1) return bool$1;
	hasRequiredBool$1 = 1;

	var Scalar = requireScalar();

	const boolTag = {
	    identify: value => typeof value === 'boolean',
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
	    stringify({ source, value }, ctx) {
	        if (source && boolTag.test.test(source)) {
	            const sv = source[0] === 't' || source[0] === 'T';
	            if (value === sv)
	                return source;
	        }
	        return value ? ctx.options.trueStr : ctx.options.falseStr;
	    }
	};

	bool$1.boolTag = boolTag;
	return bool$1;
}

var float$1 = {};

var stringifyNumber = {};

var hasRequiredStringifyNumber;

function requireStringifyNumber () {
	if (hasRequiredStringifyNumber) return stringifyNumber;
	hasRequiredStringifyNumber = 1;

	function stringifyNumber$1({ format, minFractionDigits, tag, value }) {
	    if (typeof value === 'bigint')
	        return String(value);
	    const num = typeof value === 'number' ? value : Number(value);
	    if (!isFinite(num))
	        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
	    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
	    if (!format &&
	        minFractionDigits &&
	        (!tag || tag === 'tag:yaml.org,2002:float') &&
	        /^-?\d/.test(n) &&
	        !n.includes('e')) {
	        let i = n.indexOf('.');
	        if (i < 0) {
	            i = n.length;
	            n += '.';
	        }
	        let d = minFractionDigits - (n.length - i - 1);
	        while (d-- > 0)
	            n += '0';
	    }
	    return n;
	}

	stringifyNumber.stringifyNumber = stringifyNumber$1;
	return stringifyNumber;
}

var hasRequiredFloat$1;

function requireFloat$1 () {
	if (hasRequiredFloat$1) return float$1;
	hasRequiredFloat$1 = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: str => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	    resolve: str => parseFloat(str),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str));
	        const dot = str.indexOf('.');
	        if (dot !== -1 && str[str.length - 1] === '0')
	            node.minFractionDigits = str.length - dot - 1;
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float$1.float = float;
	float$1.floatExp = floatExp;
	float$1.floatNaN = floatNaN;
	return float$1;
}

var int$1 = {};

var hasRequiredInt$1;

function requireInt$1 () {
	if (hasRequiredInt$1) return int$1;
	hasRequiredInt$1 = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value) && value >= 0)
	        return prefix + value.toString(radix);
	    return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^0o[0-7]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
	    stringify: node => intStringify(node, 8, '0o')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^0x[0-9a-fA-F]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$1.int = int;
	int$1.intHex = intHex;
	int$1.intOct = intOct;
	return int$1;
}

var schema$3 = {};

var hasRequiredSchema$3;

function requireSchema$3 () {
	if (hasRequiredSchema$3) return schema$3;
	hasRequiredSchema$3 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.boolTag,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float
	];

	schema$3.schema = schema;
	return schema$3;
}

var schema$2 = {};

var hasRequiredSchema$2;

function requireSchema$2 () {
	if (hasRequiredSchema$2) return schema$2;
	hasRequiredSchema$2 = 1;

	var Scalar = requireScalar();
	var map = requireMap();
	var seq = requireSeq();

	function intIdentify(value) {
	    return typeof value === 'bigint' || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
	    {
	        identify: value => typeof value === 'string',
	        default: true,
	        tag: 'tag:yaml.org,2002:str',
	        resolve: str => str,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => value == null,
	        createNode: () => new Scalar.Scalar(null),
	        default: true,
	        tag: 'tag:yaml.org,2002:null',
	        test: /^null$/,
	        resolve: () => null,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => typeof value === 'boolean',
	        default: true,
	        tag: 'tag:yaml.org,2002:bool',
	        test: /^true$|^false$/,
	        resolve: str => str === 'true',
	        stringify: stringifyJSON
	    },
	    {
	        identify: intIdentify,
	        default: true,
	        tag: 'tag:yaml.org,2002:int',
	        test: /^-?(?:0|[1-9][0-9]*)$/,
	        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
	        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
	    },
	    {
	        identify: value => typeof value === 'number',
	        default: true,
	        tag: 'tag:yaml.org,2002:float',
	        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
	        resolve: str => parseFloat(str),
	        stringify: stringifyJSON
	    }
	];
	const jsonError = {
	    default: true,
	    tag: '',
	    test: /^/,
	    resolve(str, onError) {
	        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
	        return str;
	    }
	};
	const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

	schema$2.schema = schema;
	return schema$2;
}

var binary = {};

var hasRequiredBinary;

function requireBinary () {
	if (hasRequiredBinary) return binary;
	hasRequiredBinary = 1;

	var node_buffer = require$$0__default;
	var Scalar = requireScalar();
	var stringifyString = requireStringifyString();

	const binary$1 = {
	    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
	    default: false,
	    tag: 'tag:yaml.org,2002:binary',
	    /**
	     * Returns a Buffer in node and an Uint8Array in browsers
	     *
	     * To use the resulting buffer as an image, you'll want to do something like:
	     *
	     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
	     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
	     */
	    resolve(src, onError) {
	        if (typeof node_buffer.Buffer === 'function') {
	            return node_buffer.Buffer.from(src, 'base64');
	        }
	        else if (typeof atob === 'function') {
	            // On IE 11, atob() can't handle newlines
	            const str = atob(src.replace(/[\n\r]/g, ''));
	            const buffer = new Uint8Array(str.length);
	            for (let i = 0; i < str.length; ++i)
	                buffer[i] = str.charCodeAt(i);
	            return buffer;
	        }
	        else {
	            onError('This environment does not support reading binary tags; either Buffer or atob is required');
	            return src;
	        }
	    },
	    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
	        if (!value)
	            return '';
	        const buf = value; // checked earlier by binary.identify()
	        let str;
	        if (typeof node_buffer.Buffer === 'function') {
	            str =
	                buf instanceof node_buffer.Buffer
	                    ? buf.toString('base64')
	                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
	        }
	        else if (typeof btoa === 'function') {
	            let s = '';
	            for (let i = 0; i < buf.length; ++i)
	                s += String.fromCharCode(buf[i]);
	            str = btoa(s);
	        }
	        else {
	            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
	        }
	        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
	        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
	            const n = Math.ceil(str.length / lineWidth);
	            const lines = new Array(n);
	            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
	                lines[i] = str.substr(o, lineWidth);
	            }
	            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
	        }
	        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
	    }
	};

	binary.binary = binary$1;
	return binary;
}

var omap = {};

var pairs = {};

var hasRequiredPairs;

function requirePairs () {
	if (hasRequiredPairs) return pairs;
	hasRequiredPairs = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLSeq = requireYAMLSeq();

	function resolvePairs(seq, onError) {
	    if (identity.isSeq(seq)) {
	        for (let i = 0; i < seq.items.length; ++i) {
	            let item = seq.items[i];
	            if (identity.isPair(item))
	                continue;
	            else if (identity.isMap(item)) {
	                if (item.items.length > 1)
	                    onError('Each pair must have its own sequence indicator');
	                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
	                if (item.commentBefore)
	                    pair.key.commentBefore = pair.key.commentBefore
	                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
	                        : item.commentBefore;
	                if (item.comment) {
	                    const cn = pair.value ?? pair.key;
	                    cn.comment = cn.comment
	                        ? `${item.comment}\n${cn.comment}`
	                        : item.comment;
	                }
	                item = pair;
	            }
	            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
	        }
	    }
	    else
	        onError('Expected a sequence for this tag');
	    return seq;
	}
	function createPairs(schema, iterable, ctx) {
	    const { replacer } = ctx;
	    const pairs = new YAMLSeq.YAMLSeq(schema);
	    pairs.tag = 'tag:yaml.org,2002:pairs';
	    let i = 0;
	    if (iterable && Symbol.iterator in Object(iterable))
	        for (let it of iterable) {
	            if (typeof replacer === 'function')
	                it = replacer.call(iterable, String(i++), it);
	            let key, value;
	            if (Array.isArray(it)) {
	                if (it.length === 2) {
	                    key = it[0];
	                    value = it[1];
	                }
	                else
	                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
	            }
	            else if (it && it instanceof Object) {
	                const keys = Object.keys(it);
	                if (keys.length === 1) {
	                    key = keys[0];
	                    value = it[key];
	                }
	                else {
	                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
	                }
	            }
	            else {
	                key = it;
	            }
	            pairs.items.push(Pair.createPair(key, value, ctx));
	        }
	    return pairs;
	}
	const pairs$1 = {
	    collection: 'seq',
	    default: false,
	    tag: 'tag:yaml.org,2002:pairs',
	    resolve: resolvePairs,
	    createNode: createPairs
	};

	pairs.createPairs = createPairs;
	pairs.pairs = pairs$1;
	pairs.resolvePairs = resolvePairs;
	return pairs;
}

var hasRequiredOmap;

function requireOmap () {
	if (hasRequiredOmap) return omap;
	hasRequiredOmap = 1;

	var identity = requireIdentity();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var pairs = requirePairs();

	class YAMLOMap extends YAMLSeq.YAMLSeq {
	    constructor() {
	        super();
	        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
	        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
	        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
	        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
	        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
	        this.tag = YAMLOMap.tag;
	    }
	    /**
	     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
	     * but TypeScript won't allow widening the signature of a child method.
	     */
	    toJSON(_, ctx) {
	        if (!ctx)
	            return super.toJSON(_);
	        const map = new Map();
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const pair of this.items) {
	            let key, value;
	            if (identity.isPair(pair)) {
	                key = toJS.toJS(pair.key, '', ctx);
	                value = toJS.toJS(pair.value, key, ctx);
	            }
	            else {
	                key = toJS.toJS(pair, '', ctx);
	            }
	            if (map.has(key))
	                throw new Error('Ordered maps must not include duplicate keys');
	            map.set(key, value);
	        }
	        return map;
	    }
	    static from(schema, iterable, ctx) {
	        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
	        const omap = new this();
	        omap.items = pairs$1.items;
	        return omap;
	    }
	}
	YAMLOMap.tag = 'tag:yaml.org,2002:omap';
	const omap$1 = {
	    collection: 'seq',
	    identify: value => value instanceof Map,
	    nodeClass: YAMLOMap,
	    default: false,
	    tag: 'tag:yaml.org,2002:omap',
	    resolve(seq, onError) {
	        const pairs$1 = pairs.resolvePairs(seq, onError);
	        const seenKeys = [];
	        for (const { key } of pairs$1.items) {
	            if (identity.isScalar(key)) {
	                if (seenKeys.includes(key.value)) {
	                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
	                }
	                else {
	                    seenKeys.push(key.value);
	                }
	            }
	        }
	        return Object.assign(new YAMLOMap(), pairs$1);
	    },
	    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};

	omap.YAMLOMap = YAMLOMap;
	omap.omap = omap$1;
	return omap;
}

var schema$1 = {};

var bool = {};

var hasRequiredBool;

function requireBool () {
	if (hasRequiredBool) return bool;
	hasRequiredBool = 1;

	var Scalar = requireScalar();

	function boolStringify({ value, source }, ctx) {
	    const boolObj = value ? trueTag : falseTag;
	    if (source && boolObj.test.test(source))
	        return source;
	    return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
	    identify: value => value === true,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
	    resolve: () => new Scalar.Scalar(true),
	    stringify: boolStringify
	};
	const falseTag = {
	    identify: value => value === false,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
	    resolve: () => new Scalar.Scalar(false),
	    stringify: boolStringify
	};

	bool.falseTag = falseTag;
	bool.trueTag = trueTag;
	return bool;
}

var float = {};

var hasRequiredFloat;

function requireFloat () {
	if (hasRequiredFloat) return float;
	hasRequiredFloat = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	    resolve: (str) => parseFloat(str.replace(/_/g, '')),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float$1 = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
	        const dot = str.indexOf('.');
	        if (dot !== -1) {
	            const f = str.substring(dot + 1).replace(/_/g, '');
	            if (f[f.length - 1] === '0')
	                node.minFractionDigits = f.length;
	        }
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float.float = float$1;
	float.floatExp = floatExp;
	float.floatNaN = floatNaN;
	return float;
}

var int = {};

var hasRequiredInt;

function requireInt () {
	if (hasRequiredInt) return int;
	hasRequiredInt = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
	    const sign = str[0];
	    if (sign === '-' || sign === '+')
	        offset += 1;
	    str = str.substring(offset).replace(/_/g, '');
	    if (intAsBigInt) {
	        switch (radix) {
	            case 2:
	                str = `0b${str}`;
	                break;
	            case 8:
	                str = `0o${str}`;
	                break;
	            case 16:
	                str = `0x${str}`;
	                break;
	        }
	        const n = BigInt(str);
	        return sign === '-' ? BigInt(-1) * n : n;
	    }
	    const n = parseInt(str, radix);
	    return sign === '-' ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value)) {
	        const str = value.toString(radix);
	        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
	    }
	    return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'BIN',
	    test: /^[-+]?0b[0-1_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
	    stringify: node => intStringify(node, 2, '0b')
	};
	const intOct = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^[-+]?0[0-7_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
	    stringify: node => intStringify(node, 8, '0')
	};
	const int$1 = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9][0-9_]*$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^[-+]?0x[0-9a-fA-F_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int.int = int$1;
	int.intBin = intBin;
	int.intHex = intHex;
	int.intOct = intOct;
	return int;
}

var set = {};

var hasRequiredSet;

function requireSet () {
	if (hasRequiredSet) return set;
	hasRequiredSet = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();

	class YAMLSet extends YAMLMap.YAMLMap {
	    constructor(schema) {
	        super(schema);
	        this.tag = YAMLSet.tag;
	    }
	    add(key) {
	        let pair;
	        if (identity.isPair(key))
	            pair = key;
	        else if (key &&
	            typeof key === 'object' &&
	            'key' in key &&
	            'value' in key &&
	            key.value === null)
	            pair = new Pair.Pair(key.key, null);
	        else
	            pair = new Pair.Pair(key, null);
	        const prev = YAMLMap.findPair(this.items, pair.key);
	        if (!prev)
	            this.items.push(pair);
	    }
	    /**
	     * If `keepPair` is `true`, returns the Pair matching `key`.
	     * Otherwise, returns the value of that Pair's key.
	     */
	    get(key, keepPair) {
	        const pair = YAMLMap.findPair(this.items, key);
	        return !keepPair && identity.isPair(pair)
	            ? identity.isScalar(pair.key)
	                ? pair.key.value
	                : pair.key
	            : pair;
	    }
	    set(key, value) {
	        if (typeof value !== 'boolean')
	            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
	        const prev = YAMLMap.findPair(this.items, key);
	        if (prev && !value) {
	            this.items.splice(this.items.indexOf(prev), 1);
	        }
	        else if (!prev && value) {
	            this.items.push(new Pair.Pair(key));
	        }
	    }
	    toJSON(_, ctx) {
	        return super.toJSON(_, ctx, Set);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        if (this.hasAllNullValues(true))
	            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
	        else
	            throw new Error('Set items must all have null values');
	    }
	    static from(schema, iterable, ctx) {
	        const { replacer } = ctx;
	        const set = new this(schema);
	        if (iterable && Symbol.iterator in Object(iterable))
	            for (let value of iterable) {
	                if (typeof replacer === 'function')
	                    value = replacer.call(iterable, value, value);
	                set.items.push(Pair.createPair(value, null, ctx));
	            }
	        return set;
	    }
	}
	YAMLSet.tag = 'tag:yaml.org,2002:set';
	const set$1 = {
	    collection: 'map',
	    identify: value => value instanceof Set,
	    nodeClass: YAMLSet,
	    default: false,
	    tag: 'tag:yaml.org,2002:set',
	    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
	    resolve(map, onError) {
	        if (identity.isMap(map)) {
	            if (map.hasAllNullValues(true))
	                return Object.assign(new YAMLSet(), map);
	            else
	                onError('Set items must all have null values');
	        }
	        else
	            onError('Expected a mapping for this tag');
	        return map;
	    }
	};

	set.YAMLSet = YAMLSet;
	set.set = set$1;
	return set;
}

var timestamp$1 = {};

var hasRequiredTimestamp;

function requireTimestamp () {
	if (hasRequiredTimestamp) return timestamp$1;
	hasRequiredTimestamp = 1;

	var stringifyNumber = requireStringifyNumber();

	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
	    const sign = str[0];
	    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
	    const num = (n) => asBigInt ? BigInt(n) : Number(n);
	    const res = parts
	        .replace(/_/g, '')
	        .split(':')
	        .reduce((res, p) => res * num(60) + num(p), num(0));
	    return (sign === '-' ? num(-1) * res : res);
	}
	/**
	 * hhhh:mm:ss.sss
	 *
	 * Internal types handle bigint as number, because TS can't figure it out.
	 */
	function stringifySexagesimal(node) {
	    let { value } = node;
	    let num = (n) => n;
	    if (typeof value === 'bigint')
	        num = n => BigInt(n);
	    else if (isNaN(value) || !isFinite(value))
	        return stringifyNumber.stringifyNumber(node);
	    let sign = '';
	    if (value < 0) {
	        sign = '-';
	        value *= num(-1);
	    }
	    const _60 = num(60);
	    const parts = [value % _60]; // seconds, including ms
	    if (value < 60) {
	        parts.unshift(0); // at least one : is required
	    }
	    else {
	        value = (value - parts[0]) / _60;
	        parts.unshift(value % _60); // minutes
	        if (value >= 60) {
	            value = (value - parts[0]) / _60;
	            parts.unshift(value); // hours
	        }
	    }
	    return (sign +
	        parts
	            .map(n => String(n).padStart(2, '0'))
	            .join(':')
	            .replace(/000000\d*$/, '') // % 60 may introduce error
	    );
	}
	const intTime = {
	    identify: value => typeof value === 'bigint' || Number.isInteger(value),
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
	    stringify: stringifySexagesimal
	};
	const floatTime = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
	    resolve: str => parseSexagesimal(str, false),
	    stringify: stringifySexagesimal
	};
	const timestamp = {
	    identify: value => value instanceof Date,
	    default: true,
	    tag: 'tag:yaml.org,2002:timestamp',
	    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
	    // may be omitted altogether, resulting in a date format. In such a case, the time part is
	    // assumed to be 00:00:00Z (start of day, UTC).
	    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
	        '(?:' + // time is optional
	        '(?:t|T|[ \\t]+)' + // t | T | whitespace
	        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
	        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
	        ')?$'),
	    resolve(str) {
	        const match = str.match(timestamp.test);
	        if (!match)
	            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
	        const [, year, month, day, hour, minute, second] = match.map(Number);
	        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
	        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
	        const tz = match[8];
	        if (tz && tz !== 'Z') {
	            let d = parseSexagesimal(tz, false);
	            if (Math.abs(d) < 30)
	                d *= 60;
	            date -= 60000 * d;
	        }
	        return new Date(date);
	    },
	    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
	};

	timestamp$1.floatTime = floatTime;
	timestamp$1.intTime = intTime;
	timestamp$1.timestamp = timestamp;
	return timestamp$1;
}

var hasRequiredSchema$1;

function requireSchema$1 () {
	if (hasRequiredSchema$1) return schema$1;
	hasRequiredSchema$1 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var binary = requireBinary();
	var bool = requireBool();
	var float = requireFloat();
	var int = requireInt();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.trueTag,
	    bool.falseTag,
	    int.intBin,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float,
	    binary.binary,
	    merge.merge,
	    omap.omap,
	    pairs.pairs,
	    set.set,
	    timestamp.intTime,
	    timestamp.floatTime,
	    timestamp.timestamp
	];

	schema$1.schema = schema;
	return schema$1;
}

var hasRequiredTags;

function requireTags () {
	if (hasRequiredTags) return tags;
	hasRequiredTags = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();
	var schema = requireSchema$3();
	var schema$1 = requireSchema$2();
	var binary = requireBinary();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var schema$2 = requireSchema$1();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schemas = new Map([
	    ['core', schema.schema],
	    ['failsafe', [map.map, seq.seq, string.string]],
	    ['json', schema$1.schema],
	    ['yaml11', schema$2.schema],
	    ['yaml-1.1', schema$2.schema]
	]);
	const tagsByName = {
	    binary: binary.binary,
	    bool: bool.boolTag,
	    float: float.float,
	    floatExp: float.floatExp,
	    floatNaN: float.floatNaN,
	    floatTime: timestamp.floatTime,
	    int: int.int,
	    intHex: int.intHex,
	    intOct: int.intOct,
	    intTime: timestamp.intTime,
	    map: map.map,
	    merge: merge.merge,
	    null: _null.nullTag,
	    omap: omap.omap,
	    pairs: pairs.pairs,
	    seq: seq.seq,
	    set: set.set,
	    timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
	    'tag:yaml.org,2002:binary': binary.binary,
	    'tag:yaml.org,2002:merge': merge.merge,
	    'tag:yaml.org,2002:omap': omap.omap,
	    'tag:yaml.org,2002:pairs': pairs.pairs,
	    'tag:yaml.org,2002:set': set.set,
	    'tag:yaml.org,2002:timestamp': timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
	    const schemaTags = schemas.get(schemaName);
	    if (schemaTags && !customTags) {
	        return addMergeTag && !schemaTags.includes(merge.merge)
	            ? schemaTags.concat(merge.merge)
	            : schemaTags.slice();
	    }
	    let tags = schemaTags;
	    if (!tags) {
	        if (Array.isArray(customTags))
	            tags = [];
	        else {
	            const keys = Array.from(schemas.keys())
	                .filter(key => key !== 'yaml11')
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
	        }
	    }
	    if (Array.isArray(customTags)) {
	        for (const tag of customTags)
	            tags = tags.concat(tag);
	    }
	    else if (typeof customTags === 'function') {
	        tags = customTags(tags.slice());
	    }
	    if (addMergeTag)
	        tags = tags.concat(merge.merge);
	    return tags.reduce((tags, tag) => {
	        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
	        if (!tagObj) {
	            const tagName = JSON.stringify(tag);
	            const keys = Object.keys(tagsByName)
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
	        }
	        if (!tags.includes(tagObj))
	            tags.push(tagObj);
	        return tags;
	    }, []);
	}

	tags.coreKnownTags = coreKnownTags;
	tags.getTags = getTags;
	return tags;
}

var hasRequiredSchema;

function requireSchema () {
	if (hasRequiredSchema) return Schema;
	hasRequiredSchema = 1;

	var identity = requireIdentity();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var tags = requireTags();

	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	let Schema$1 = class Schema {
	    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
	        this.compat = Array.isArray(compat)
	            ? tags.getTags(compat, 'compat')
	            : compat
	                ? tags.getTags(null, compat)
	                : null;
	        this.name = (typeof schema === 'string' && schema) || 'core';
	        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
	        this.tags = tags.getTags(customTags, this.name, merge);
	        this.toStringOptions = toStringDefaults ?? null;
	        Object.defineProperty(this, identity.MAP, { value: map.map });
	        Object.defineProperty(this, identity.SCALAR, { value: string.string });
	        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
	        // Used by createMap()
	        this.sortMapEntries =
	            typeof sortMapEntries === 'function'
	                ? sortMapEntries
	                : sortMapEntries === true
	                    ? sortMapEntriesByKey
	                    : null;
	    }
	    clone() {
	        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
	        copy.tags = this.tags.slice();
	        return copy;
	    }
	};

	Schema.Schema = Schema$1;
	return Schema;
}

var stringifyDocument = {};

var hasRequiredStringifyDocument;

function requireStringifyDocument () {
	if (hasRequiredStringifyDocument) return stringifyDocument;
	hasRequiredStringifyDocument = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyDocument$1(doc, options) {
	    const lines = [];
	    let hasDirectives = options.directives === true;
	    if (options.directives !== false && doc.directives) {
	        const dir = doc.directives.toString(doc);
	        if (dir) {
	            lines.push(dir);
	            hasDirectives = true;
	        }
	        else if (doc.directives.docStart)
	            hasDirectives = true;
	    }
	    if (hasDirectives)
	        lines.push('---');
	    const ctx = stringify.createStringifyContext(doc, options);
	    const { commentString } = ctx.options;
	    if (doc.commentBefore) {
	        if (lines.length !== 1)
	            lines.unshift('');
	        const cs = commentString(doc.commentBefore);
	        lines.unshift(stringifyComment.indentComment(cs, ''));
	    }
	    let chompKeep = false;
	    let contentComment = null;
	    if (doc.contents) {
	        if (identity.isNode(doc.contents)) {
	            if (doc.contents.spaceBefore && hasDirectives)
	                lines.push('');
	            if (doc.contents.commentBefore) {
	                const cs = commentString(doc.contents.commentBefore);
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            // top-level block scalars need to be indented if followed by a comment
	            ctx.forceBlockIndent = !!doc.comment;
	            contentComment = doc.contents.comment;
	        }
	        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
	        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
	        if (contentComment)
	            body += stringifyComment.lineComment(body, '', commentString(contentComment));
	        if ((body[0] === '|' || body[0] === '>') &&
	            lines[lines.length - 1] === '---') {
	            // Top-level block scalars with a preceding doc marker ought to use the
	            // same line for their header.
	            lines[lines.length - 1] = `--- ${body}`;
	        }
	        else
	            lines.push(body);
	    }
	    else {
	        lines.push(stringify.stringify(doc.contents, ctx));
	    }
	    if (doc.directives?.docEnd) {
	        if (doc.comment) {
	            const cs = commentString(doc.comment);
	            if (cs.includes('\n')) {
	                lines.push('...');
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            else {
	                lines.push(`... ${cs}`);
	            }
	        }
	        else {
	            lines.push('...');
	        }
	    }
	    else {
	        let dc = doc.comment;
	        if (dc && chompKeep)
	            dc = dc.replace(/^\n+/, '');
	        if (dc) {
	            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
	                lines.push('');
	            lines.push(stringifyComment.indentComment(commentString(dc), ''));
	        }
	    }
	    return lines.join('\n') + '\n';
	}

	stringifyDocument.stringifyDocument = stringifyDocument$1;
	return stringifyDocument;
}

var hasRequiredDocument;

function requireDocument () {
	if (hasRequiredDocument) return Document;
	hasRequiredDocument = 1;

	var Alias = requireAlias();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var toJS = requireToJS();
	var Schema = requireSchema();
	var stringifyDocument = requireStringifyDocument();
	var anchors = requireAnchors();
	var applyReviver = requireApplyReviver();
	var createNode = requireCreateNode();
	var directives = requireDirectives();

	let Document$1 = class Document {
	    constructor(value, replacer, options) {
	        /** A comment before this Document */
	        this.commentBefore = null;
	        /** A comment immediately after this Document */
	        this.comment = null;
	        /** Errors encountered during parsing. */
	        this.errors = [];
	        /** Warnings encountered during parsing. */
	        this.warnings = [];
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
	        let _replacer = null;
	        if (typeof replacer === 'function' || Array.isArray(replacer)) {
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const opt = Object.assign({
	            intAsBigInt: false,
	            keepSourceTokens: false,
	            logLevel: 'warn',
	            prettyErrors: true,
	            strict: true,
	            stringKeys: false,
	            uniqueKeys: true,
	            version: '1.2'
	        }, options);
	        this.options = opt;
	        let { version } = opt;
	        if (options?._directives) {
	            this.directives = options._directives.atDocument();
	            if (this.directives.yaml.explicit)
	                version = this.directives.yaml.version;
	        }
	        else
	            this.directives = new directives.Directives({ version });
	        this.setSchema(version, options);
	        // @ts-expect-error We can't really know that this matches Contents.
	        this.contents =
	            value === undefined ? null : this.createNode(value, _replacer, options);
	    }
	    /**
	     * Create a deep copy of this Document and its contents.
	     *
	     * Custom Node values that inherit from `Object` still refer to their original instances.
	     */
	    clone() {
	        const copy = Object.create(Document.prototype, {
	            [identity.NODE_TYPE]: { value: identity.DOC }
	        });
	        copy.commentBefore = this.commentBefore;
	        copy.comment = this.comment;
	        copy.errors = this.errors.slice();
	        copy.warnings = this.warnings.slice();
	        copy.options = Object.assign({}, this.options);
	        if (this.directives)
	            copy.directives = this.directives.clone();
	        copy.schema = this.schema.clone();
	        // @ts-expect-error We can't really know that this matches Contents.
	        copy.contents = identity.isNode(this.contents)
	            ? this.contents.clone(copy.schema)
	            : this.contents;
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** Adds a value to the document. */
	    add(value) {
	        if (assertCollection(this.contents))
	            this.contents.add(value);
	    }
	    /** Adds a value to the document. */
	    addIn(path, value) {
	        if (assertCollection(this.contents))
	            this.contents.addIn(path, value);
	    }
	    /**
	     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
	     *
	     * If `node` already has an anchor, `name` is ignored.
	     * Otherwise, the `node.anchor` value will be set to `name`,
	     * or if an anchor with that name is already present in the document,
	     * `name` will be used as a prefix for a new unique anchor.
	     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
	     */
	    createAlias(node, name) {
	        if (!node.anchor) {
	            const prev = anchors.anchorNames(this);
	            node.anchor =
	                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
	        }
	        return new Alias.Alias(node.anchor);
	    }
	    createNode(value, replacer, options) {
	        let _replacer = undefined;
	        if (typeof replacer === 'function') {
	            value = replacer.call({ '': value }, '', value);
	            _replacer = replacer;
	        }
	        else if (Array.isArray(replacer)) {
	            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
	            const asStr = replacer.filter(keyToStr).map(String);
	            if (asStr.length > 0)
	                replacer = replacer.concat(asStr);
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
	        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        anchorPrefix || 'a');
	        const ctx = {
	            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
	            keepUndefined: keepUndefined ?? false,
	            onAnchor,
	            onTagObj,
	            replacer: _replacer,
	            schema: this.schema,
	            sourceObjects
	        };
	        const node = createNode.createNode(value, tag, ctx);
	        if (flow && identity.isCollection(node))
	            node.flow = true;
	        setAnchors();
	        return node;
	    }
	    /**
	     * Convert a key and a value into a `Pair` using the current schema,
	     * recursively wrapping all values as `Scalar` or `Collection` nodes.
	     */
	    createPair(key, value, options = {}) {
	        const k = this.createNode(key, null, options);
	        const v = this.createNode(value, null, options);
	        return new Pair.Pair(k, v);
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        return assertCollection(this.contents) ? this.contents.delete(key) : false;
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        if (Collection.isEmptyPath(path)) {
	            if (this.contents == null)
	                return false;
	            // @ts-expect-error Presumed impossible if Strict extends false
	            this.contents = null;
	            return true;
	        }
	        return assertCollection(this.contents)
	            ? this.contents.deleteIn(path)
	            : false;
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    get(key, keepScalar) {
	        return identity.isCollection(this.contents)
	            ? this.contents.get(key, keepScalar)
	            : undefined;
	    }
	    /**
	     * Returns item at `path`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        if (Collection.isEmptyPath(path))
	            return !keepScalar && identity.isScalar(this.contents)
	                ? this.contents.value
	                : this.contents;
	        return identity.isCollection(this.contents)
	            ? this.contents.getIn(path, keepScalar)
	            : undefined;
	    }
	    /**
	     * Checks if the document includes a value with the key `key`.
	     */
	    has(key) {
	        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
	    }
	    /**
	     * Checks if the document includes a value at `path`.
	     */
	    hasIn(path) {
	        if (Collection.isEmptyPath(path))
	            return this.contents !== undefined;
	        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    set(key, value) {
	        if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, [key], value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.set(key, value);
	        }
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        if (Collection.isEmptyPath(path)) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = value;
	        }
	        else if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.setIn(path, value);
	        }
	    }
	    /**
	     * Change the YAML version and schema used by the document.
	     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
	     * It also requires the `schema` option to be given as a `Schema` instance value.
	     *
	     * Overrides all previously set schema options.
	     */
	    setSchema(version, options = {}) {
	        if (typeof version === 'number')
	            version = String(version);
	        let opt;
	        switch (version) {
	            case '1.1':
	                if (this.directives)
	                    this.directives.yaml.version = '1.1';
	                else
	                    this.directives = new directives.Directives({ version: '1.1' });
	                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
	                break;
	            case '1.2':
	            case 'next':
	                if (this.directives)
	                    this.directives.yaml.version = version;
	                else
	                    this.directives = new directives.Directives({ version });
	                opt = { resolveKnownTags: true, schema: 'core' };
	                break;
	            case null:
	                if (this.directives)
	                    delete this.directives;
	                opt = null;
	                break;
	            default: {
	                const sv = JSON.stringify(version);
	                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
	            }
	        }
	        // Not using `instanceof Schema` to allow for duck typing
	        if (options.schema instanceof Object)
	            this.schema = options.schema;
	        else if (opt)
	            this.schema = new Schema.Schema(Object.assign(opt, options));
	        else
	            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
	    }
	    // json & jsonArg are only used from toJSON()
	    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        const ctx = {
	            anchors: new Map(),
	            doc: this,
	            keep: !json,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	    /**
	     * A JSON representation of the document `contents`.
	     *
	     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
	     *   property name.
	     */
	    toJSON(jsonArg, onAnchor) {
	        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
	    }
	    /** A YAML representation of the document. */
	    toString(options = {}) {
	        if (this.errors.length > 0)
	            throw new Error('Document with errors cannot be stringified');
	        if ('indent' in options &&
	            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
	            const s = JSON.stringify(options.indent);
	            throw new Error(`"indent" option must be a positive integer, not ${s}`);
	        }
	        return stringifyDocument.stringifyDocument(this, options);
	    }
	};
	function assertCollection(contents) {
	    if (identity.isCollection(contents))
	        return true;
	    throw new Error('Expected a YAML collection as document contents');
	}

	Document.Document = Document$1;
	return Document;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;

	class YAMLError extends Error {
	    constructor(name, pos, code, message) {
	        super();
	        this.name = name;
	        this.code = code;
	        this.message = message;
	        this.pos = pos;
	    }
	}
	class YAMLParseError extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLParseError', pos, code, message);
	    }
	}
	class YAMLWarning extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLWarning', pos, code, message);
	    }
	}
	const prettifyError = (src, lc) => (error) => {
	    if (error.pos[0] === -1)
	        return;
	    error.linePos = error.pos.map(pos => lc.linePos(pos));
	    const { line, col } = error.linePos[0];
	    error.message += ` at line ${line}, column ${col}`;
	    let ci = col - 1;
	    let lineStr = src
	        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
	        .replace(/[\n\r]+$/, '');
	    // Trim to max 80 chars, keeping col position near the middle
	    if (ci >= 60 && lineStr.length > 80) {
	        const trimStart = Math.min(ci - 39, lineStr.length - 79);
	        lineStr = '…' + lineStr.substring(trimStart);
	        ci -= trimStart - 1;
	    }
	    if (lineStr.length > 80)
	        lineStr = lineStr.substring(0, 79) + '…';
	    // Include previous line in context if pointing at line start
	    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
	        // Regexp won't match if start is trimmed
	        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
	        if (prev.length > 80)
	            prev = prev.substring(0, 79) + '…\n';
	        lineStr = prev + lineStr;
	    }
	    if (/[^ ]/.test(lineStr)) {
	        let count = 1;
	        const end = error.linePos[1];
	        if (end?.line === line && end.col > col) {
	            count = Math.max(1, Math.min(end.col - col, 80 - ci));
	        }
	        const pointer = ' '.repeat(ci) + '^'.repeat(count);
	        error.message += `:\n\n${lineStr}\n${pointer}\n`;
	    }
	};

	errors.YAMLError = YAMLError;
	errors.YAMLParseError = YAMLParseError;
	errors.YAMLWarning = YAMLWarning;
	errors.prettifyError = prettifyError;
	return errors;
}

var composeDoc = {};

var composeNode = {};

var composeCollection = {};

var resolveBlockMap = {};

var resolveProps = {};

var hasRequiredResolveProps;

function requireResolveProps () {
	if (hasRequiredResolveProps) return resolveProps;
	hasRequiredResolveProps = 1;

	function resolveProps$1(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
	    let spaceBefore = false;
	    let atNewline = startOnNewline;
	    let hasSpace = startOnNewline;
	    let comment = '';
	    let commentSep = '';
	    let hasNewline = false;
	    let reqSpace = false;
	    let tab = null;
	    let anchor = null;
	    let tag = null;
	    let newlineAfterProp = null;
	    let comma = null;
	    let found = null;
	    let start = null;
	    for (const token of tokens) {
	        if (reqSpace) {
	            if (token.type !== 'space' &&
	                token.type !== 'newline' &&
	                token.type !== 'comma')
	                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	            reqSpace = false;
	        }
	        if (tab) {
	            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
	                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	            }
	            tab = null;
	        }
	        switch (token.type) {
	            case 'space':
	                // At the doc level, tabs at line start may be parsed
	                // as leading white space rather than indentation.
	                // In a flow collection, only the parser handles indent.
	                if (!flow &&
	                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
	                    token.source.includes('\t')) {
	                    tab = token;
	                }
	                hasSpace = true;
	                break;
	            case 'comment': {
	                if (!hasSpace)
	                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                const cb = token.source.substring(1) || ' ';
	                if (!comment)
	                    comment = cb;
	                else
	                    comment += commentSep + cb;
	                commentSep = '';
	                atNewline = false;
	                break;
	            }
	            case 'newline':
	                if (atNewline) {
	                    if (comment)
	                        comment += token.source;
	                    else if (!found || indicator !== 'seq-item-ind')
	                        spaceBefore = true;
	                }
	                else
	                    commentSep += token.source;
	                atNewline = true;
	                hasNewline = true;
	                if (anchor || tag)
	                    newlineAfterProp = token;
	                hasSpace = true;
	                break;
	            case 'anchor':
	                if (anchor)
	                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
	                if (token.source.endsWith(':'))
	                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
	                anchor = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            case 'tag': {
	                if (tag)
	                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
	                tag = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            }
	            case indicator:
	                // Could here handle preceding comments differently
	                if (anchor || tag)
	                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
	                if (found)
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
	                found = token;
	                atNewline =
	                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
	                hasSpace = false;
	                break;
	            case 'comma':
	                if (flow) {
	                    if (comma)
	                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
	                    comma = token;
	                    atNewline = false;
	                    hasSpace = false;
	                    break;
	                }
	            // else fallthrough
	            default:
	                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
	                atNewline = false;
	                hasSpace = false;
	        }
	    }
	    const last = tokens[tokens.length - 1];
	    const end = last ? last.offset + last.source.length : offset;
	    if (reqSpace &&
	        next &&
	        next.type !== 'space' &&
	        next.type !== 'newline' &&
	        next.type !== 'comma' &&
	        (next.type !== 'scalar' || next.source !== '')) {
	        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	    }
	    if (tab &&
	        ((atNewline && tab.indent <= parentIndent) ||
	            next?.type === 'block-map' ||
	            next?.type === 'block-seq'))
	        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	    return {
	        comma,
	        found,
	        spaceBefore,
	        comment,
	        hasNewline,
	        anchor,
	        tag,
	        newlineAfterProp,
	        end,
	        start: start ?? end
	    };
	}

	resolveProps.resolveProps = resolveProps$1;
	return resolveProps;
}

var utilContainsNewline = {};

var hasRequiredUtilContainsNewline;

function requireUtilContainsNewline () {
	if (hasRequiredUtilContainsNewline) return utilContainsNewline;
	hasRequiredUtilContainsNewline = 1;

	function containsNewline(key) {
	    if (!key)
	        return null;
	    switch (key.type) {
	        case 'alias':
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            if (key.source.includes('\n'))
	                return true;
	            if (key.end)
	                for (const st of key.end)
	                    if (st.type === 'newline')
	                        return true;
	            return false;
	        case 'flow-collection':
	            for (const it of key.items) {
	                for (const st of it.start)
	                    if (st.type === 'newline')
	                        return true;
	                if (it.sep)
	                    for (const st of it.sep)
	                        if (st.type === 'newline')
	                            return true;
	                if (containsNewline(it.key) || containsNewline(it.value))
	                    return true;
	            }
	            return false;
	        default:
	            return true;
	    }
	}

	utilContainsNewline.containsNewline = containsNewline;
	return utilContainsNewline;
}

var utilFlowIndentCheck = {};

var hasRequiredUtilFlowIndentCheck;

function requireUtilFlowIndentCheck () {
	if (hasRequiredUtilFlowIndentCheck) return utilFlowIndentCheck;
	hasRequiredUtilFlowIndentCheck = 1;

	var utilContainsNewline = requireUtilContainsNewline();

	function flowIndentCheck(indent, fc, onError) {
	    if (fc?.type === 'flow-collection') {
	        const end = fc.end[0];
	        if (end.indent === indent &&
	            (end.source === ']' || end.source === '}') &&
	            utilContainsNewline.containsNewline(fc)) {
	            const msg = 'Flow end indicator should be more indented than parent';
	            onError(end, 'BAD_INDENT', msg, true);
	        }
	    }
	}

	utilFlowIndentCheck.flowIndentCheck = flowIndentCheck;
	return utilFlowIndentCheck;
}

var utilMapIncludes = {};

var hasRequiredUtilMapIncludes;

function requireUtilMapIncludes () {
	if (hasRequiredUtilMapIncludes) return utilMapIncludes;
	hasRequiredUtilMapIncludes = 1;

	var identity = requireIdentity();

	function mapIncludes(ctx, items, search) {
	    const { uniqueKeys } = ctx.options;
	    if (uniqueKeys === false)
	        return false;
	    const isEqual = typeof uniqueKeys === 'function'
	        ? uniqueKeys
	        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
	    return items.some(pair => isEqual(pair.key, search));
	}

	utilMapIncludes.mapIncludes = mapIncludes;
	return utilMapIncludes;
}

var hasRequiredResolveBlockMap;

function requireResolveBlockMap () {
	if (hasRequiredResolveBlockMap) return resolveBlockMap;
	hasRequiredResolveBlockMap = 1;

	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();
	var utilMapIncludes = requireUtilMapIncludes();

	const startColMsg = 'All mapping items must start at the same column';
	function resolveBlockMap$1({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
	    const map = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    let offset = bm.offset;
	    let commentEnd = null;
	    for (const collItem of bm.items) {
	        const { start, key, sep, value } = collItem;
	        // key properties
	        const keyProps = resolveProps.resolveProps(start, {
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: true
	        });
	        const implicitKey = !keyProps.found;
	        if (implicitKey) {
	            if (key) {
	                if (key.type === 'block-seq')
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
	                else if ('indent' in key && key.indent !== bm.indent)
	                    onError(offset, 'BAD_INDENT', startColMsg);
	            }
	            if (!keyProps.anchor && !keyProps.tag && !sep) {
	                commentEnd = keyProps.end;
	                if (keyProps.comment) {
	                    if (map.comment)
	                        map.comment += '\n' + keyProps.comment;
	                    else
	                        map.comment = keyProps.comment;
	                }
	                continue;
	            }
	            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
	                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
	            }
	        }
	        else if (keyProps.found?.indent !== bm.indent) {
	            onError(offset, 'BAD_INDENT', startColMsg);
	        }
	        // key value
	        ctx.atKey = true;
	        const keyStart = keyProps.end;
	        const keyNode = key
	            ? composeNode(ctx, key, keyProps, onError)
	            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
	        ctx.atKey = false;
	        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	        // value properties
	        const valueProps = resolveProps.resolveProps(sep ?? [], {
	            indicator: 'map-value-ind',
	            next: value,
	            offset: keyNode.range[2],
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: !key || key.type === 'block-scalar'
	        });
	        offset = valueProps.end;
	        if (valueProps.found) {
	            if (implicitKey) {
	                if (value?.type === 'block-map' && !valueProps.hasNewline)
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
	                if (ctx.options.strict &&
	                    keyProps.start < valueProps.found.offset - 1024)
	                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
	            if (ctx.schema.compat)
	                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
	            offset = valueNode.range[2];
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	        else {
	            // key with no value
	            if (implicitKey)
	                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
	            if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	    }
	    if (commentEnd && commentEnd < offset)
	        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
	    map.range = [bm.offset, offset, commentEnd ?? offset];
	    return map;
	}

	resolveBlockMap.resolveBlockMap = resolveBlockMap$1;
	return resolveBlockMap;
}

var resolveBlockSeq = {};

var hasRequiredResolveBlockSeq;

function requireResolveBlockSeq () {
	if (hasRequiredResolveBlockSeq) return resolveBlockSeq;
	hasRequiredResolveBlockSeq = 1;

	var YAMLSeq = requireYAMLSeq();
	var resolveProps = requireResolveProps();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();

	function resolveBlockSeq$1({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
	    const seq = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = bs.offset;
	    let commentEnd = null;
	    for (const { start, value } of bs.items) {
	        const props = resolveProps.resolveProps(start, {
	            indicator: 'seq-item-ind',
	            next: value,
	            offset,
	            onError,
	            parentIndent: bs.indent,
	            startOnNewline: true
	        });
	        if (!props.found) {
	            if (props.anchor || props.tag || value) {
	                if (value?.type === 'block-seq')
	                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
	                else
	                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
	            }
	            else {
	                commentEnd = props.end;
	                if (props.comment)
	                    seq.comment = props.comment;
	                continue;
	            }
	        }
	        const node = value
	            ? composeNode(ctx, value, props, onError)
	            : composeEmptyNode(ctx, props.end, start, null, props, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
	        offset = node.range[2];
	        seq.items.push(node);
	    }
	    seq.range = [bs.offset, offset, commentEnd ?? offset];
	    return seq;
	}

	resolveBlockSeq.resolveBlockSeq = resolveBlockSeq$1;
	return resolveBlockSeq;
}

var resolveFlowCollection = {};

var resolveEnd = {};

var hasRequiredResolveEnd;

function requireResolveEnd () {
	if (hasRequiredResolveEnd) return resolveEnd;
	hasRequiredResolveEnd = 1;

	function resolveEnd$1(end, offset, reqSpace, onError) {
	    let comment = '';
	    if (end) {
	        let hasSpace = false;
	        let sep = '';
	        for (const token of end) {
	            const { source, type } = token;
	            switch (type) {
	                case 'space':
	                    hasSpace = true;
	                    break;
	                case 'comment': {
	                    if (reqSpace && !hasSpace)
	                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                    const cb = source.substring(1) || ' ';
	                    if (!comment)
	                        comment = cb;
	                    else
	                        comment += sep + cb;
	                    sep = '';
	                    break;
	                }
	                case 'newline':
	                    if (comment)
	                        sep += source;
	                    hasSpace = true;
	                    break;
	                default:
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
	            }
	            offset += source.length;
	        }
	    }
	    return { comment, offset };
	}

	resolveEnd.resolveEnd = resolveEnd$1;
	return resolveEnd;
}

var hasRequiredResolveFlowCollection;

function requireResolveFlowCollection () {
	if (hasRequiredResolveFlowCollection) return resolveFlowCollection;
	hasRequiredResolveFlowCollection = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilMapIncludes = requireUtilMapIncludes();

	const blockMsg = 'Block collections are not allowed within flow collections';
	const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
	function resolveFlowCollection$1({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
	    const isMap = fc.start.source === '{';
	    const fcName = isMap ? 'flow map' : 'flow sequence';
	    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
	    const coll = new NodeClass(ctx.schema);
	    coll.flow = true;
	    const atRoot = ctx.atRoot;
	    if (atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = fc.offset + fc.start.source.length;
	    for (let i = 0; i < fc.items.length; ++i) {
	        const collItem = fc.items[i];
	        const { start, key, sep, value } = collItem;
	        const props = resolveProps.resolveProps(start, {
	            flow: fcName,
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: fc.indent,
	            startOnNewline: false
	        });
	        if (!props.found) {
	            if (!props.anchor && !props.tag && !sep && !value) {
	                if (i === 0 && props.comma)
	                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	                else if (i < fc.items.length - 1)
	                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
	                if (props.comment) {
	                    if (coll.comment)
	                        coll.comment += '\n' + props.comment;
	                    else
	                        coll.comment = props.comment;
	                }
	                offset = props.end;
	                continue;
	            }
	            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
	                onError(key, // checked by containsNewline()
	                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	        }
	        if (i === 0) {
	            if (props.comma)
	                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	        }
	        else {
	            if (!props.comma)
	                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
	            if (props.comment) {
	                let prevItemComment = '';
	                loop: for (const st of start) {
	                    switch (st.type) {
	                        case 'comma':
	                        case 'space':
	                            break;
	                        case 'comment':
	                            prevItemComment = st.source.substring(1);
	                            break loop;
	                        default:
	                            break loop;
	                    }
	                }
	                if (prevItemComment) {
	                    let prev = coll.items[coll.items.length - 1];
	                    if (identity.isPair(prev))
	                        prev = prev.value ?? prev.key;
	                    if (prev.comment)
	                        prev.comment += '\n' + prevItemComment;
	                    else
	                        prev.comment = prevItemComment;
	                    props.comment = props.comment.substring(prevItemComment.length + 1);
	                }
	            }
	        }
	        if (!isMap && !sep && !props.found) {
	            // item is a value in a seq
	            // → key & sep are empty, start does not include ? or :
	            const valueNode = value
	                ? composeNode(ctx, value, props, onError)
	                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
	            coll.items.push(valueNode);
	            offset = valueNode.range[2];
	            if (isBlock(value))
	                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	        }
	        else {
	            // item is a key+value pair
	            // key value
	            ctx.atKey = true;
	            const keyStart = props.end;
	            const keyNode = key
	                ? composeNode(ctx, key, props, onError)
	                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
	            if (isBlock(key))
	                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            ctx.atKey = false;
	            // value properties
	            const valueProps = resolveProps.resolveProps(sep ?? [], {
	                flow: fcName,
	                indicator: 'map-value-ind',
	                next: value,
	                offset: keyNode.range[2],
	                onError,
	                parentIndent: fc.indent,
	                startOnNewline: false
	            });
	            if (valueProps.found) {
	                if (!isMap && !props.found && ctx.options.strict) {
	                    if (sep)
	                        for (const st of sep) {
	                            if (st === valueProps.found)
	                                break;
	                            if (st.type === 'newline') {
	                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	                                break;
	                            }
	                        }
	                    if (props.start < valueProps.found.offset - 1024)
	                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
	                }
	            }
	            else if (value) {
	                if ('source' in value && value.source?.[0] === ':')
	                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
	                else
	                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : valueProps.found
	                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
	                    : null;
	            if (valueNode) {
	                if (isBlock(value))
	                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            }
	            else if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            if (isMap) {
	                const map = coll;
	                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	                map.items.push(pair);
	            }
	            else {
	                const map = new YAMLMap.YAMLMap(ctx.schema);
	                map.flow = true;
	                map.items.push(pair);
	                const endRange = (valueNode ?? keyNode).range;
	                map.range = [keyNode.range[0], endRange[1], endRange[2]];
	                coll.items.push(map);
	            }
	            offset = valueNode ? valueNode.range[2] : valueProps.end;
	        }
	    }
	    const expectedEnd = isMap ? '}' : ']';
	    const [ce, ...ee] = fc.end;
	    let cePos = offset;
	    if (ce?.source === expectedEnd)
	        cePos = ce.offset + ce.source.length;
	    else {
	        const name = fcName[0].toUpperCase() + fcName.substring(1);
	        const msg = atRoot
	            ? `${name} must end with a ${expectedEnd}`
	            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
	        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
	        if (ce && ce.source.length !== 1)
	            ee.unshift(ce);
	    }
	    if (ee.length > 0) {
	        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
	        if (end.comment) {
	            if (coll.comment)
	                coll.comment += '\n' + end.comment;
	            else
	                coll.comment = end.comment;
	        }
	        coll.range = [fc.offset, cePos, end.offset];
	    }
	    else {
	        coll.range = [fc.offset, cePos, cePos];
	    }
	    return coll;
	}

	resolveFlowCollection.resolveFlowCollection = resolveFlowCollection$1;
	return resolveFlowCollection;
}

var hasRequiredComposeCollection;

function requireComposeCollection () {
	if (hasRequiredComposeCollection) return composeCollection;
	hasRequiredComposeCollection = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveBlockMap = requireResolveBlockMap();
	var resolveBlockSeq = requireResolveBlockSeq();
	var resolveFlowCollection = requireResolveFlowCollection();

	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
	    const coll = token.type === 'block-map'
	        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
	        : token.type === 'block-seq'
	            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
	            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
	    const Coll = coll.constructor;
	    // If we got a tagName matching the class, or the tag name is '!',
	    // then use the tagName from the node class used to create it.
	    if (tagName === '!' || tagName === Coll.tagName) {
	        coll.tag = Coll.tagName;
	        return coll;
	    }
	    if (tagName)
	        coll.tag = tagName;
	    return coll;
	}
	function composeCollection$1(CN, ctx, token, props, onError) {
	    const tagToken = props.tag;
	    const tagName = !tagToken
	        ? null
	        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
	    if (token.type === 'block-seq') {
	        const { anchor, newlineAfterProp: nl } = props;
	        const lastProp = anchor && tagToken
	            ? anchor.offset > tagToken.offset
	                ? anchor
	                : tagToken
	            : (anchor ?? tagToken);
	        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
	            const message = 'Missing newline after block sequence props';
	            onError(lastProp, 'MISSING_CHAR', message);
	        }
	    }
	    const expType = token.type === 'block-map'
	        ? 'map'
	        : token.type === 'block-seq'
	            ? 'seq'
	            : token.start.source === '{'
	                ? 'map'
	                : 'seq';
	    // shortcut: check if it's a generic YAMLMap or YAMLSeq
	    // before jumping into the custom tag logic.
	    if (!tagToken ||
	        !tagName ||
	        tagName === '!' ||
	        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
	        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
	        return resolveCollection(CN, ctx, token, onError, tagName);
	    }
	    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
	    if (!tag) {
	        const kt = ctx.schema.knownTags[tagName];
	        if (kt?.collection === expType) {
	            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
	            tag = kt;
	        }
	        else {
	            if (kt) {
	                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
	            }
	            else {
	                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
	            }
	            return resolveCollection(CN, ctx, token, onError, tagName);
	        }
	    }
	    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
	    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
	    const node = identity.isNode(res)
	        ? res
	        : new Scalar.Scalar(res);
	    node.range = coll.range;
	    node.tag = tagName;
	    if (tag?.format)
	        node.format = tag.format;
	    return node;
	}

	composeCollection.composeCollection = composeCollection$1;
	return composeCollection;
}

var composeScalar = {};

var resolveBlockScalar = {};

var hasRequiredResolveBlockScalar;

function requireResolveBlockScalar () {
	if (hasRequiredResolveBlockScalar) return resolveBlockScalar;
	hasRequiredResolveBlockScalar = 1;

	var Scalar = requireScalar();

	function resolveBlockScalar$1(ctx, scalar, onError) {
	    const start = scalar.offset;
	    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
	    if (!header)
	        return { value: '', type: null, comment: '', range: [start, start, start] };
	    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
	    const lines = scalar.source ? splitLines(scalar.source) : [];
	    // determine the end of content & start of chomping
	    let chompStart = lines.length;
	    for (let i = lines.length - 1; i >= 0; --i) {
	        const content = lines[i][1];
	        if (content === '' || content === '\r')
	            chompStart = i;
	        else
	            break;
	    }
	    // shortcut for empty contents
	    if (chompStart === 0) {
	        const value = header.chomp === '+' && lines.length > 0
	            ? '\n'.repeat(Math.max(1, lines.length - 1))
	            : '';
	        let end = start + header.length;
	        if (scalar.source)
	            end += scalar.source.length;
	        return { value, type, comment: header.comment, range: [start, end, end] };
	    }
	    // find the indentation level to trim from start
	    let trimIndent = scalar.indent + header.indent;
	    let offset = scalar.offset + header.length;
	    let contentStart = 0;
	    for (let i = 0; i < chompStart; ++i) {
	        const [indent, content] = lines[i];
	        if (content === '' || content === '\r') {
	            if (header.indent === 0 && indent.length > trimIndent)
	                trimIndent = indent.length;
	        }
	        else {
	            if (indent.length < trimIndent) {
	                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
	                onError(offset + indent.length, 'MISSING_CHAR', message);
	            }
	            if (header.indent === 0)
	                trimIndent = indent.length;
	            contentStart = i;
	            if (trimIndent === 0 && !ctx.atRoot) {
	                const message = 'Block scalar values in collections must be indented';
	                onError(offset, 'BAD_INDENT', message);
	            }
	            break;
	        }
	        offset += indent.length + content.length + 1;
	    }
	    // include trailing more-indented empty lines in content
	    for (let i = lines.length - 1; i >= chompStart; --i) {
	        if (lines[i][0].length > trimIndent)
	            chompStart = i + 1;
	    }
	    let value = '';
	    let sep = '';
	    let prevMoreIndented = false;
	    // leading whitespace is kept intact
	    for (let i = 0; i < contentStart; ++i)
	        value += lines[i][0].slice(trimIndent) + '\n';
	    for (let i = contentStart; i < chompStart; ++i) {
	        let [indent, content] = lines[i];
	        offset += indent.length + content.length + 1;
	        const crlf = content[content.length - 1] === '\r';
	        if (crlf)
	            content = content.slice(0, -1);
	        /* istanbul ignore if already caught in lexer */
	        if (content && indent.length < trimIndent) {
	            const src = header.indent
	                ? 'explicit indentation indicator'
	                : 'first line';
	            const message = `Block scalar lines must not be less indented than their ${src}`;
	            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
	            indent = '';
	        }
	        if (type === Scalar.Scalar.BLOCK_LITERAL) {
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	        }
	        else if (indent.length > trimIndent || content[0] === '\t') {
	            // more-indented content within a folded block
	            if (sep === ' ')
	                sep = '\n';
	            else if (!prevMoreIndented && sep === '\n')
	                sep = '\n\n';
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	            prevMoreIndented = true;
	        }
	        else if (content === '') {
	            // empty line
	            if (sep === '\n')
	                value += '\n';
	            else
	                sep = '\n';
	        }
	        else {
	            value += sep + content;
	            sep = ' ';
	            prevMoreIndented = false;
	        }
	    }
	    switch (header.chomp) {
	        case '-':
	            break;
	        case '+':
	            for (let i = chompStart; i < lines.length; ++i)
	                value += '\n' + lines[i][0].slice(trimIndent);
	            if (value[value.length - 1] !== '\n')
	                value += '\n';
	            break;
	        default:
	            value += '\n';
	    }
	    const end = start + header.length + scalar.source.length;
	    return { value, type, comment: header.comment, range: [start, end, end] };
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
	    /* istanbul ignore if should not happen */
	    if (props[0].type !== 'block-scalar-header') {
	        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
	        return null;
	    }
	    const { source } = props[0];
	    const mode = source[0];
	    let indent = 0;
	    let chomp = '';
	    let error = -1;
	    for (let i = 1; i < source.length; ++i) {
	        const ch = source[i];
	        if (!chomp && (ch === '-' || ch === '+'))
	            chomp = ch;
	        else {
	            const n = Number(ch);
	            if (!indent && n)
	                indent = n;
	            else if (error === -1)
	                error = offset + i;
	        }
	    }
	    if (error !== -1)
	        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
	    let hasSpace = false;
	    let comment = '';
	    let length = source.length;
	    for (let i = 1; i < props.length; ++i) {
	        const token = props[i];
	        switch (token.type) {
	            case 'space':
	                hasSpace = true;
	            // fallthrough
	            case 'newline':
	                length += token.source.length;
	                break;
	            case 'comment':
	                if (strict && !hasSpace) {
	                    const message = 'Comments must be separated from other tokens by white space characters';
	                    onError(token, 'MISSING_CHAR', message);
	                }
	                length += token.source.length;
	                comment = token.source.substring(1);
	                break;
	            case 'error':
	                onError(token, 'UNEXPECTED_TOKEN', token.message);
	                length += token.source.length;
	                break;
	            /* istanbul ignore next should not happen */
	            default: {
	                const message = `Unexpected token in block scalar header: ${token.type}`;
	                onError(token, 'UNEXPECTED_TOKEN', message);
	                const ts = token.source;
	                if (ts && typeof ts === 'string')
	                    length += ts.length;
	            }
	        }
	    }
	    return { mode, indent, chomp, comment, length };
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
	    const split = source.split(/\n( *)/);
	    const first = split[0];
	    const m = first.match(/^( *)/);
	    const line0 = m?.[1]
	        ? [m[1], first.slice(m[1].length)]
	        : ['', first];
	    const lines = [line0];
	    for (let i = 1; i < split.length; i += 2)
	        lines.push([split[i], split[i + 1]]);
	    return lines;
	}

	resolveBlockScalar.resolveBlockScalar = resolveBlockScalar$1;
	return resolveBlockScalar;
}

var resolveFlowScalar = {};

var hasRequiredResolveFlowScalar;

function requireResolveFlowScalar () {
	if (hasRequiredResolveFlowScalar) return resolveFlowScalar;
	hasRequiredResolveFlowScalar = 1;

	var Scalar = requireScalar();
	var resolveEnd = requireResolveEnd();

	function resolveFlowScalar$1(scalar, strict, onError) {
	    const { offset, type, source, end } = scalar;
	    let _type;
	    let value;
	    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
	    switch (type) {
	        case 'scalar':
	            _type = Scalar.Scalar.PLAIN;
	            value = plainValue(source, _onError);
	            break;
	        case 'single-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_SINGLE;
	            value = singleQuotedValue(source, _onError);
	            break;
	        case 'double-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_DOUBLE;
	            value = doubleQuotedValue(source, _onError);
	            break;
	        /* istanbul ignore next should not happen */
	        default:
	            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
	            return {
	                value: '',
	                type: null,
	                comment: '',
	                range: [offset, offset + source.length, offset + source.length]
	            };
	    }
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
	    return {
	        value,
	        type: _type,
	        comment: re.comment,
	        range: [offset, valueEnd, re.offset]
	    };
	}
	function plainValue(source, onError) {
	    let badChar = '';
	    switch (source[0]) {
	        /* istanbul ignore next should not happen */
	        case '\t':
	            badChar = 'a tab character';
	            break;
	        case ',':
	            badChar = 'flow indicator character ,';
	            break;
	        case '%':
	            badChar = 'directive indicator character %';
	            break;
	        case '|':
	        case '>': {
	            badChar = `block scalar indicator ${source[0]}`;
	            break;
	        }
	        case '@':
	        case '`': {
	            badChar = `reserved character ${source[0]}`;
	            break;
	        }
	    }
	    if (badChar)
	        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
	    return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
	    if (source[source.length - 1] !== "'" || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
	    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
	    const line = /(.*?)\r?\n/sy;
	    let match = line.exec(source);
	    if (!match)
	        return source;
	    /**
	     * The negative lookbehinds in these RegExps are to
	     * prevent causing a polynomial search time in certain cases.
	     *
	     * The try-catch is for Safari < 16.4 and other old browsers:
	     * https://caniuse.com/js-regexp-lookbehind
	     */
	    let trimEnd, trimBoth;
	    try {
	        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
	        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
	    }
	    catch {
	        trimEnd = /[ \t]+$/;
	        trimBoth = /^[ \t]+|[ \t]+$/g;
	    }
	    let res = match[1].replace(trimEnd, '');
	    let sep = ' ';
	    let pos = line.lastIndex;
	    while ((match = line.exec(source))) {
	        const lm = match[1].replace(trimBoth, '');
	        if (lm === '') {
	            if (sep === '\n')
	                res += sep;
	            else
	                sep = '\n';
	        }
	        else {
	            res += sep + lm;
	            sep = ' ';
	        }
	        pos = line.lastIndex;
	    }
	    const last = /[ \t]*(.*)/sy;
	    last.lastIndex = pos;
	    match = last.exec(source);
	    return res + sep + (match?.[1] ?? '');
	}
	function doubleQuotedValue(source, onError) {
	    let res = '';
	    for (let i = 1; i < source.length - 1; ++i) {
	        const ch = source[i];
	        if (ch === '\r' && source[i + 1] === '\n')
	            continue;
	        if (ch === '\n') {
	            const { fold, offset } = foldNewline(source, i);
	            res += fold;
	            i = offset;
	        }
	        else if (ch === '\\') {
	            let next = source[++i];
	            const cc = escapeCodes[next];
	            if (cc)
	                res += cc;
	            else if (next === '\n') {
	                // skip escaped newlines, but still trim the following line
	                next = source[i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === '\r' && source[i + 1] === '\n') {
	                // skip escaped CRLF newlines, but still trim the following line
	                next = source[++i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === 'x' || next === 'u' || next === 'U') {
	                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
	                res += parseCharCode(source, i + 1, length, onError);
	                i += length;
	            }
	            else {
	                const raw = source.substr(i - 1, 2);
	                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	                res += raw;
	            }
	        }
	        else if (ch === ' ' || ch === '\t') {
	            // trim trailing whitespace
	            const wsStart = i;
	            let next = source[i + 1];
	            while (next === ' ' || next === '\t')
	                next = source[++i + 1];
	            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
	                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
	        }
	        else {
	            res += ch;
	        }
	    }
	    if (source[source.length - 1] !== '"' || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
	    return res;
	}
	/**
	 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
	 * Presumes `source[offset] === '\n'`
	 */
	function foldNewline(source, offset) {
	    let fold = '';
	    let ch = source[offset + 1];
	    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
	        if (ch === '\r' && source[offset + 2] !== '\n')
	            break;
	        if (ch === '\n')
	            fold += '\n';
	        offset += 1;
	        ch = source[offset + 1];
	    }
	    if (!fold)
	        fold = ' ';
	    return { fold, offset };
	}
	const escapeCodes = {
	    '0': '\0', // null character
	    a: '\x07', // bell character
	    b: '\b', // backspace
	    e: '\x1b', // escape character
	    f: '\f', // form feed
	    n: '\n', // line feed
	    r: '\r', // carriage return
	    t: '\t', // horizontal tab
	    v: '\v', // vertical tab
	    N: '\u0085', // Unicode next line
	    _: '\u00a0', // Unicode non-breaking space
	    L: '\u2028', // Unicode line separator
	    P: '\u2029', // Unicode paragraph separator
	    ' ': ' ',
	    '"': '"',
	    '/': '/',
	    '\\': '\\',
	    '\t': '\t'
	};
	function parseCharCode(source, offset, length, onError) {
	    const cc = source.substr(offset, length);
	    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
	    const code = ok ? parseInt(cc, 16) : NaN;
	    try {
	        return String.fromCodePoint(code);
	    }
	    catch {
	        const raw = source.substr(offset - 2, length + 2);
	        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	        return raw;
	    }
	}

	resolveFlowScalar.resolveFlowScalar = resolveFlowScalar$1;
	return resolveFlowScalar;
}

var hasRequiredComposeScalar;

function requireComposeScalar () {
	if (hasRequiredComposeScalar) return composeScalar;
	hasRequiredComposeScalar = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();

	function composeScalar$1(ctx, token, tagToken, onError) {
	    const { value, type, comment, range } = token.type === 'block-scalar'
	        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
	        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
	    const tagName = tagToken
	        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
	        : null;
	    let tag;
	    if (ctx.options.stringKeys && ctx.atKey) {
	        tag = ctx.schema[identity.SCALAR];
	    }
	    else if (tagName)
	        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
	    else if (token.type === 'scalar')
	        tag = findScalarTagByTest(ctx, value, token, onError);
	    else
	        tag = ctx.schema[identity.SCALAR];
	    let scalar;
	    try {
	        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
	        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
	    }
	    catch (error) {
	        const msg = error instanceof Error ? error.message : String(error);
	        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
	        scalar = new Scalar.Scalar(value);
	    }
	    scalar.range = range;
	    scalar.source = value;
	    if (type)
	        scalar.type = type;
	    if (tagName)
	        scalar.tag = tagName;
	    if (tag.format)
	        scalar.format = tag.format;
	    if (comment)
	        scalar.comment = comment;
	    return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
	    if (tagName === '!')
	        return schema[identity.SCALAR]; // non-specific tag
	    const matchWithTest = [];
	    for (const tag of schema.tags) {
	        if (!tag.collection && tag.tag === tagName) {
	            if (tag.default && tag.test)
	                matchWithTest.push(tag);
	            else
	                return tag;
	        }
	    }
	    for (const tag of matchWithTest)
	        if (tag.test?.test(value))
	            return tag;
	    const kt = schema.knownTags[tagName];
	    if (kt && !kt.collection) {
	        // Ensure that the known tag is available for stringifying,
	        // but does not get used by default.
	        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
	        return kt;
	    }
	    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
	    return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
	    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
	        tag.test?.test(value)) || schema[identity.SCALAR];
	    if (schema.compat) {
	        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
	            schema[identity.SCALAR];
	        if (tag.tag !== compat.tag) {
	            const ts = directives.tagString(tag.tag);
	            const cs = directives.tagString(compat.tag);
	            const msg = `Value may be parsed as either ${ts} or ${cs}`;
	            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
	        }
	    }
	    return tag;
	}

	composeScalar.composeScalar = composeScalar$1;
	return composeScalar;
}

var utilEmptyScalarPosition = {};

var hasRequiredUtilEmptyScalarPosition;

function requireUtilEmptyScalarPosition () {
	if (hasRequiredUtilEmptyScalarPosition) return utilEmptyScalarPosition;
	hasRequiredUtilEmptyScalarPosition = 1;

	function emptyScalarPosition(offset, before, pos) {
	    if (before) {
	        pos ?? (pos = before.length);
	        for (let i = pos - 1; i >= 0; --i) {
	            let st = before[i];
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                case 'newline':
	                    offset -= st.source.length;
	                    continue;
	            }
	            // Technically, an empty scalar is immediately after the last non-empty
	            // node, but it's more useful to place it after any whitespace.
	            st = before[++i];
	            while (st?.type === 'space') {
	                offset += st.source.length;
	                st = before[++i];
	            }
	            break;
	        }
	    }
	    return offset;
	}

	utilEmptyScalarPosition.emptyScalarPosition = emptyScalarPosition;
	return utilEmptyScalarPosition;
}

var hasRequiredComposeNode;

function requireComposeNode () {
	if (hasRequiredComposeNode) return composeNode;
	hasRequiredComposeNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var composeCollection = requireComposeCollection();
	var composeScalar = requireComposeScalar();
	var resolveEnd = requireResolveEnd();
	var utilEmptyScalarPosition = requireUtilEmptyScalarPosition();

	const CN = { composeNode: composeNode$1, composeEmptyNode };
	function composeNode$1(ctx, token, props, onError) {
	    const atKey = ctx.atKey;
	    const { spaceBefore, comment, anchor, tag } = props;
	    let node;
	    let isSrcToken = true;
	    switch (token.type) {
	        case 'alias':
	            node = composeAlias(ctx, token, onError);
	            if (anchor || tag)
	                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
	            break;
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'block-scalar':
	            node = composeScalar.composeScalar(ctx, token, tag, onError);
	            if (anchor)
	                node.anchor = anchor.source.substring(1);
	            break;
	        case 'block-map':
	        case 'block-seq':
	        case 'flow-collection':
	            try {
	                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
	                if (anchor)
	                    node.anchor = anchor.source.substring(1);
	            }
	            catch (error) {
	                // Almost certainly here due to a stack overflow
	                const message = error instanceof Error ? error.message : String(error);
	                onError(token, 'RESOURCE_EXHAUSTION', message);
	            }
	            break;
	        default: {
	            const message = token.type === 'error'
	                ? token.message
	                : `Unsupported token (type: ${token.type})`;
	            onError(token, 'UNEXPECTED_TOKEN', message);
	            isSrcToken = false;
	        }
	    }
	    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
	    if (anchor && node.anchor === '')
	        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    if (atKey &&
	        ctx.options.stringKeys &&
	        (!identity.isScalar(node) ||
	            typeof node.value !== 'string' ||
	            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
	        const msg = 'With stringKeys, all keys must be strings';
	        onError(tag ?? token, 'NON_STRING_KEY', msg);
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        if (token.type === 'scalar' && token.source === '')
	            node.comment = comment;
	        else
	            node.commentBefore = comment;
	    }
	    // @ts-expect-error Type checking misses meaning of isSrcToken
	    if (ctx.options.keepSourceTokens && isSrcToken)
	        node.srcToken = token;
	    return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
	    const token = {
	        type: 'scalar',
	        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
	        indent: -1,
	        source: ''
	    };
	    const node = composeScalar.composeScalar(ctx, token, tag, onError);
	    if (anchor) {
	        node.anchor = anchor.source.substring(1);
	        if (node.anchor === '')
	            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        node.comment = comment;
	        node.range[2] = end;
	    }
	    return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
	    const alias = new Alias.Alias(source.substring(1));
	    if (alias.source === '')
	        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
	    if (alias.source.endsWith(':'))
	        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
	    alias.range = [offset, valueEnd, re.offset];
	    if (re.comment)
	        alias.comment = re.comment;
	    return alias;
	}

	composeNode.composeEmptyNode = composeEmptyNode;
	composeNode.composeNode = composeNode$1;
	return composeNode;
}

var hasRequiredComposeDoc;

function requireComposeDoc () {
	if (hasRequiredComposeDoc) return composeDoc;
	hasRequiredComposeDoc = 1;

	var Document = requireDocument();
	var composeNode = requireComposeNode();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();

	function composeDoc$1(options, directives, { offset, start, value, end }, onError) {
	    const opts = Object.assign({ _directives: directives }, options);
	    const doc = new Document.Document(undefined, opts);
	    const ctx = {
	        atKey: false,
	        atRoot: true,
	        directives: doc.directives,
	        options: doc.options,
	        schema: doc.schema
	    };
	    const props = resolveProps.resolveProps(start, {
	        indicator: 'doc-start',
	        next: value ?? end?.[0],
	        offset,
	        onError,
	        parentIndent: 0,
	        startOnNewline: true
	    });
	    if (props.found) {
	        doc.directives.docStart = true;
	        if (value &&
	            (value.type === 'block-map' || value.type === 'block-seq') &&
	            !props.hasNewline)
	            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
	    }
	    // @ts-expect-error If Contents is set, let's trust the user
	    doc.contents = value
	        ? composeNode.composeNode(ctx, value, props, onError)
	        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
	    const contentEnd = doc.contents.range[2];
	    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
	    if (re.comment)
	        doc.comment = re.comment;
	    doc.range = [offset, contentEnd, re.offset];
	    return doc;
	}

	composeDoc.composeDoc = composeDoc$1;
	return composeDoc;
}

var hasRequiredComposer;

function requireComposer () {
	if (hasRequiredComposer) return composer;
	hasRequiredComposer = 1;

	var node_process = require$$0;
	var directives = requireDirectives();
	var Document = requireDocument();
	var errors = requireErrors();
	var identity = requireIdentity();
	var composeDoc = requireComposeDoc();
	var resolveEnd = requireResolveEnd();

	function getErrorPos(src) {
	    if (typeof src === 'number')
	        return [src, src + 1];
	    if (Array.isArray(src))
	        return src.length === 2 ? src : [src[0], src[1]];
	    const { offset, source } = src;
	    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
	}
	function parsePrelude(prelude) {
	    let comment = '';
	    let atComment = false;
	    let afterEmptyLine = false;
	    for (let i = 0; i < prelude.length; ++i) {
	        const source = prelude[i];
	        switch (source[0]) {
	            case '#':
	                comment +=
	                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
	                        (source.substring(1) || ' ');
	                atComment = true;
	                afterEmptyLine = false;
	                break;
	            case '%':
	                if (prelude[i + 1]?.[0] !== '#')
	                    i += 1;
	                atComment = false;
	                break;
	            default:
	                // This may be wrong after doc-end, but in that case it doesn't matter
	                if (!atComment)
	                    afterEmptyLine = true;
	                atComment = false;
	        }
	    }
	    return { comment, afterEmptyLine };
	}
	/**
	 * Compose a stream of CST nodes into a stream of YAML Documents.
	 *
	 * ```ts
	 * import { Composer, Parser } from 'yaml'
	 *
	 * const src: string = ...
	 * const tokens = new Parser().parse(src)
	 * const docs = new Composer().compose(tokens)
	 * ```
	 */
	class Composer {
	    constructor(options = {}) {
	        this.doc = null;
	        this.atDirectives = false;
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	        this.onError = (source, code, message, warning) => {
	            const pos = getErrorPos(source);
	            if (warning)
	                this.warnings.push(new errors.YAMLWarning(pos, code, message));
	            else
	                this.errors.push(new errors.YAMLParseError(pos, code, message));
	        };
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        this.directives = new directives.Directives({ version: options.version || '1.2' });
	        this.options = options;
	    }
	    decorate(doc, afterDoc) {
	        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
	        //console.log({ dc: doc.comment, prelude, comment })
	        if (comment) {
	            const dc = doc.contents;
	            if (afterDoc) {
	                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
	            }
	            else if (afterEmptyLine || doc.directives.docStart || !dc) {
	                doc.commentBefore = comment;
	            }
	            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
	                let it = dc.items[0];
	                if (identity.isPair(it))
	                    it = it.key;
	                const cb = it.commentBefore;
	                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	            else {
	                const cb = dc.commentBefore;
	                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	        }
	        if (afterDoc) {
	            for (let i = 0; i < this.errors.length; ++i)
	                doc.errors.push(this.errors[i]);
	            for (let i = 0; i < this.warnings.length; ++i)
	                doc.warnings.push(this.warnings[i]);
	        }
	        else {
	            doc.errors = this.errors;
	            doc.warnings = this.warnings;
	        }
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	    }
	    /**
	     * Current stream status information.
	     *
	     * Mostly useful at the end of input for an empty stream.
	     */
	    streamInfo() {
	        return {
	            comment: parsePrelude(this.prelude).comment,
	            directives: this.directives,
	            errors: this.errors,
	            warnings: this.warnings
	        };
	    }
	    /**
	     * Compose tokens into documents.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *compose(tokens, forceDoc = false, endOffset = -1) {
	        for (const token of tokens)
	            yield* this.next(token);
	        yield* this.end(forceDoc, endOffset);
	    }
	    /** Advance the composer by one CST token. */
	    *next(token) {
	        if (node_process.env.LOG_STREAM)
	            console.dir(token, { depth: null });
	        switch (token.type) {
	            case 'directive':
	                this.directives.add(token.source, (offset, message, warning) => {
	                    const pos = getErrorPos(token);
	                    pos[0] += offset;
	                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
	                });
	                this.prelude.push(token.source);
	                this.atDirectives = true;
	                break;
	            case 'document': {
	                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
	                if (this.atDirectives && !doc.directives.docStart)
	                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
	                this.decorate(doc, false);
	                if (this.doc)
	                    yield this.doc;
	                this.doc = doc;
	                this.atDirectives = false;
	                break;
	            }
	            case 'byte-order-mark':
	            case 'space':
	                break;
	            case 'comment':
	            case 'newline':
	                this.prelude.push(token.source);
	                break;
	            case 'error': {
	                const msg = token.source
	                    ? `${token.message}: ${JSON.stringify(token.source)}`
	                    : token.message;
	                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
	                if (this.atDirectives || !this.doc)
	                    this.errors.push(error);
	                else
	                    this.doc.errors.push(error);
	                break;
	            }
	            case 'doc-end': {
	                if (!this.doc) {
	                    const msg = 'Unexpected doc-end without preceding document';
	                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
	                    break;
	                }
	                this.doc.directives.docEnd = true;
	                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
	                this.decorate(this.doc, true);
	                if (end.comment) {
	                    const dc = this.doc.comment;
	                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
	                }
	                this.doc.range[2] = end.offset;
	                break;
	            }
	            default:
	                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
	        }
	    }
	    /**
	     * Call at end of input to yield any remaining document.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *end(forceDoc = false, endOffset = -1) {
	        if (this.doc) {
	            this.decorate(this.doc, true);
	            yield this.doc;
	            this.doc = null;
	        }
	        else if (forceDoc) {
	            const opts = Object.assign({ _directives: this.directives }, this.options);
	            const doc = new Document.Document(undefined, opts);
	            if (this.atDirectives)
	                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
	            doc.range = [0, endOffset, endOffset];
	            this.decorate(doc, false);
	            yield doc;
	        }
	    }
	}

	composer.Composer = Composer;
	return composer;
}

var cst = {};

var cstScalar = {};

var hasRequiredCstScalar;

function requireCstScalar () {
	if (hasRequiredCstScalar) return cstScalar;
	hasRequiredCstScalar = 1;

	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();
	var errors = requireErrors();
	var stringifyString = requireStringifyString();

	function resolveAsScalar(token, strict = true, onError) {
	    if (token) {
	        const _onError = (pos, code, message) => {
	            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
	            if (onError)
	                onError(offset, code, message);
	            else
	                throw new errors.YAMLParseError([offset, offset + 1], code, message);
	        };
	        switch (token.type) {
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
	            case 'block-scalar':
	                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
	        }
	    }
	    return null;
	}
	/**
	 * Create a new scalar token with `value`
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.indent The indent level of the token.
	 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	 * @param context.offset The offset position of the token.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function createScalarToken(value, context) {
	    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey,
	        indent: indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    const end = context.end ?? [
	        { type: 'newline', offset: -1, indent, source: '\n' }
	    ];
	    switch (source[0]) {
	        case '|':
	        case '>': {
	            const he = source.indexOf('\n');
	            const head = source.substring(0, he);
	            const body = source.substring(he + 1) + '\n';
	            const props = [
	                { type: 'block-scalar-header', offset, indent, source: head }
	            ];
	            if (!addEndtoBlockProps(props, end))
	                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	            return { type: 'block-scalar', offset, indent, props, source: body };
	        }
	        case '"':
	            return { type: 'double-quoted-scalar', offset, indent, source, end };
	        case "'":
	            return { type: 'single-quoted-scalar', offset, indent, source, end };
	        default:
	            return { type: 'scalar', offset, indent, source, end };
	    }
	}
	/**
	 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	 *
	 * Best efforts are made to retain any comments previously associated with the `token`,
	 * though all contents within a collection's `items` will be overwritten.
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function setScalarValue(token, value, context = {}) {
	    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
	    let indent = 'indent' in token ? token.indent : null;
	    if (afterKey && typeof indent === 'number')
	        indent += 2;
	    if (!type)
	        switch (token.type) {
	            case 'single-quoted-scalar':
	                type = 'QUOTE_SINGLE';
	                break;
	            case 'double-quoted-scalar':
	                type = 'QUOTE_DOUBLE';
	                break;
	            case 'block-scalar': {
	                const header = token.props[0];
	                if (header.type !== 'block-scalar-header')
	                    throw new Error('Invalid block scalar header');
	                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
	                break;
	            }
	            default:
	                type = 'PLAIN';
	        }
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey: implicitKey || indent === null,
	        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    switch (source[0]) {
	        case '|':
	        case '>':
	            setBlockScalarValue(token, source);
	            break;
	        case '"':
	            setFlowScalarValue(token, source, 'double-quoted-scalar');
	            break;
	        case "'":
	            setFlowScalarValue(token, source, 'single-quoted-scalar');
	            break;
	        default:
	            setFlowScalarValue(token, source, 'scalar');
	    }
	}
	function setBlockScalarValue(token, source) {
	    const he = source.indexOf('\n');
	    const head = source.substring(0, he);
	    const body = source.substring(he + 1) + '\n';
	    if (token.type === 'block-scalar') {
	        const header = token.props[0];
	        if (header.type !== 'block-scalar-header')
	            throw new Error('Invalid block scalar header');
	        header.source = head;
	        token.source = body;
	    }
	    else {
	        const { offset } = token;
	        const indent = 'indent' in token ? token.indent : -1;
	        const props = [
	            { type: 'block-scalar-header', offset, indent, source: head }
	        ];
	        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
	            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	        for (const key of Object.keys(token))
	            if (key !== 'type' && key !== 'offset')
	                delete token[key];
	        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
	    }
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
	    if (end)
	        for (const st of end)
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                    props.push(st);
	                    break;
	                case 'newline':
	                    props.push(st);
	                    return true;
	            }
	    return false;
	}
	function setFlowScalarValue(token, source, type) {
	    switch (token.type) {
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            token.type = type;
	            token.source = source;
	            break;
	        case 'block-scalar': {
	            const end = token.props.slice(1);
	            let oa = source.length;
	            if (token.props[0].type === 'block-scalar-header')
	                oa -= token.props[0].source.length;
	            for (const tok of end)
	                tok.offset += oa;
	            delete token.props;
	            Object.assign(token, { type, source, end });
	            break;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            const offset = token.offset + source.length;
	            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
	            delete token.items;
	            Object.assign(token, { type, source, end: [nl] });
	            break;
	        }
	        default: {
	            const indent = 'indent' in token ? token.indent : -1;
	            const end = 'end' in token && Array.isArray(token.end)
	                ? token.end.filter(st => st.type === 'space' ||
	                    st.type === 'comment' ||
	                    st.type === 'newline')
	                : [];
	            for (const key of Object.keys(token))
	                if (key !== 'type' && key !== 'offset')
	                    delete token[key];
	            Object.assign(token, { type, indent, source, end });
	        }
	    }
	}

	cstScalar.createScalarToken = createScalarToken;
	cstScalar.resolveAsScalar = resolveAsScalar;
	cstScalar.setScalarValue = setScalarValue;
	return cstScalar;
}

var cstStringify = {};

var hasRequiredCstStringify;

function requireCstStringify () {
	if (hasRequiredCstStringify) return cstStringify;
	hasRequiredCstStringify = 1;

	/**
	 * Stringify a CST document, token, or collection item
	 *
	 * Fair warning: This applies no validation whatsoever, and
	 * simply concatenates the sources in their logical order.
	 */
	const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
	    switch (token.type) {
	        case 'block-scalar': {
	            let res = '';
	            for (const tok of token.props)
	                res += stringifyToken(tok);
	            return res + token.source;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            let res = '';
	            for (const item of token.items)
	                res += stringifyItem(item);
	            return res;
	        }
	        case 'flow-collection': {
	            let res = token.start.source;
	            for (const item of token.items)
	                res += stringifyItem(item);
	            for (const st of token.end)
	                res += st.source;
	            return res;
	        }
	        case 'document': {
	            let res = stringifyItem(token);
	            if (token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	        default: {
	            let res = token.source;
	            if ('end' in token && token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	    }
	}
	function stringifyItem({ start, key, sep, value }) {
	    let res = '';
	    for (const st of start)
	        res += st.source;
	    if (key)
	        res += stringifyToken(key);
	    if (sep)
	        for (const st of sep)
	            res += st.source;
	    if (value)
	        res += stringifyToken(value);
	    return res;
	}

	cstStringify.stringify = stringify;
	return cstStringify;
}

var cstVisit = {};

var hasRequiredCstVisit;

function requireCstVisit () {
	if (hasRequiredCstVisit) return cstVisit;
	hasRequiredCstVisit = 1;

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove item');
	/**
	 * Apply a visitor to a CST document or item.
	 *
	 * Walks through the tree (depth-first) starting from the root, calling a
	 * `visitor` function with two arguments when entering each item:
	 *   - `item`: The current item, which included the following members:
	 *     - `start: SourceToken[]` – Source tokens before the key or value,
	 *       possibly including its anchor or tag.
	 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
	 *       the key before the `:` separator is empty.
	 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	 *       which should include the `:` map value indicator if `value` is set.
	 *     - `value?: Token` – The value of a sequence item, or of a map pair.
	 *   - `path`: The steps from the root to the current node, as an array of
	 *     `['key' | 'value', number]` tuples.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this token, continue with
	 *      next sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
	 *   - `number`: Set the index of the next step. This is useful especially if
	 *     the index of the current token has changed.
	 *   - `function`: Define the next visitor for this item. After the original
	 *     visitor is called on item entry, next visitors are called after handling
	 *     a non-empty `key` and when exiting the item.
	 */
	function visit(cst, visitor) {
	    if ('type' in cst && cst.type === 'document')
	        cst = { start: cst.start, value: cst.value };
	    _visit(Object.freeze([]), cst, visitor);
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
	    let item = cst;
	    for (const [field, index] of path) {
	        const tok = item?.[field];
	        if (tok && 'items' in tok) {
	            item = tok.items[index];
	        }
	        else
	            return undefined;
	    }
	    return item;
	};
	/**
	 * Get the immediate parent collection of the item at `path` from `cst` as the root.
	 *
	 * Throws an error if the collection is not found, which should never happen if the item itself exists.
	 */
	visit.parentCollection = (cst, path) => {
	    const parent = visit.itemAtPath(cst, path.slice(0, -1));
	    const field = path[path.length - 1][0];
	    const coll = parent?.[field];
	    if (coll && 'items' in coll)
	        return coll;
	    throw new Error('Parent collection not found');
	};
	function _visit(path, item, visitor) {
	    let ctrl = visitor(item, path);
	    if (typeof ctrl === 'symbol')
	        return ctrl;
	    for (const field of ['key', 'value']) {
	        const token = item[field];
	        if (token && 'items' in token) {
	            for (let i = 0; i < token.items.length; ++i) {
	                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    token.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	            if (typeof ctrl === 'function' && field === 'key')
	                ctrl = ctrl(item, path);
	        }
	    }
	    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
	}

	cstVisit.visit = visit;
	return cstVisit;
}

var hasRequiredCst;

function requireCst () {
	if (hasRequiredCst) return cst;
	hasRequiredCst = 1;

	var cstScalar = requireCstScalar();
	var cstStringify = requireCstStringify();
	var cstVisit = requireCstVisit();

	/** The byte order mark */
	const BOM = '\u{FEFF}';
	/** Start of doc-mode */
	const DOCUMENT = '\x02'; // C0: Start of Text
	/** Unexpected end of flow-mode */
	const FLOW_END = '\x18'; // C0: Cancel
	/** Next token is a scalar value */
	const SCALAR = '\x1f'; // C0: Unit Separator
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && 'items' in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token &&
	    (token.type === 'scalar' ||
	        token.type === 'single-quoted-scalar' ||
	        token.type === 'double-quoted-scalar' ||
	        token.type === 'block-scalar');
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
	    switch (token) {
	        case BOM:
	            return '<BOM>';
	        case DOCUMENT:
	            return '<DOC>';
	        case FLOW_END:
	            return '<FLOW_END>';
	        case SCALAR:
	            return '<SCALAR>';
	        default:
	            return JSON.stringify(token);
	    }
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
	    switch (source) {
	        case BOM:
	            return 'byte-order-mark';
	        case DOCUMENT:
	            return 'doc-mode';
	        case FLOW_END:
	            return 'flow-error-end';
	        case SCALAR:
	            return 'scalar';
	        case '---':
	            return 'doc-start';
	        case '...':
	            return 'doc-end';
	        case '':
	        case '\n':
	        case '\r\n':
	            return 'newline';
	        case '-':
	            return 'seq-item-ind';
	        case '?':
	            return 'explicit-key-ind';
	        case ':':
	            return 'map-value-ind';
	        case '{':
	            return 'flow-map-start';
	        case '}':
	            return 'flow-map-end';
	        case '[':
	            return 'flow-seq-start';
	        case ']':
	            return 'flow-seq-end';
	        case ',':
	            return 'comma';
	    }
	    switch (source[0]) {
	        case ' ':
	        case '\t':
	            return 'space';
	        case '#':
	            return 'comment';
	        case '%':
	            return 'directive-line';
	        case '*':
	            return 'alias';
	        case '&':
	            return 'anchor';
	        case '!':
	            return 'tag';
	        case "'":
	            return 'single-quoted-scalar';
	        case '"':
	            return 'double-quoted-scalar';
	        case '|':
	        case '>':
	            return 'block-scalar-header';
	    }
	    return null;
	}

	cst.createScalarToken = cstScalar.createScalarToken;
	cst.resolveAsScalar = cstScalar.resolveAsScalar;
	cst.setScalarValue = cstScalar.setScalarValue;
	cst.stringify = cstStringify.stringify;
	cst.visit = cstVisit.visit;
	cst.BOM = BOM;
	cst.DOCUMENT = DOCUMENT;
	cst.FLOW_END = FLOW_END;
	cst.SCALAR = SCALAR;
	cst.isCollection = isCollection;
	cst.isScalar = isScalar;
	cst.prettyToken = prettyToken;
	cst.tokenType = tokenType;
	return cst;
}

var lexer = {};

var hasRequiredLexer;

function requireLexer () {
	if (hasRequiredLexer) return lexer;
	hasRequiredLexer = 1;

	var cst = requireCst();

	/*
	START -> stream

	stream
	  directive -> line-end -> stream
	  indent + line-end -> stream
	  [else] -> line-start

	line-end
	  comment -> line-end
	  newline -> .
	  input-end -> END

	line-start
	  doc-start -> doc
	  doc-end -> stream
	  [else] -> indent -> block-start

	block-start
	  seq-item-start -> block-start
	  explicit-key-start -> block-start
	  map-value-start -> block-start
	  [else] -> doc

	doc
	  line-end -> line-start
	  spaces -> doc
	  anchor -> doc
	  tag -> doc
	  flow-start -> flow -> doc
	  flow-end -> error -> doc
	  seq-item-start -> error -> doc
	  explicit-key-start -> error -> doc
	  map-value-start -> doc
	  alias -> doc
	  quote-start -> quoted-scalar -> doc
	  block-scalar-header -> line-end -> block-scalar(min) -> line-start
	  [else] -> plain-scalar(false, min) -> doc

	flow
	  line-end -> flow
	  spaces -> flow
	  anchor -> flow
	  tag -> flow
	  flow-start -> flow -> flow
	  flow-end -> .
	  seq-item-start -> error -> flow
	  explicit-key-start -> flow
	  map-value-start -> flow
	  alias -> flow
	  quote-start -> quoted-scalar -> flow
	  comma -> flow
	  [else] -> plain-scalar(true, 0) -> flow

	quoted-scalar
	  quote-end -> .
	  [else] -> quoted-scalar

	block-scalar(min)
	  newline + peek(indent < min) -> .
	  [else] -> block-scalar(min)

	plain-scalar(is-flow, min)
	  scalar-end(is-flow) -> .
	  peek(newline + (indent < min)) -> .
	  [else] -> plain-scalar(min)
	*/
	function isEmpty(ch) {
	    switch (ch) {
	        case undefined:
	        case ' ':
	        case '\n':
	        case '\r':
	        case '\t':
	            return true;
	        default:
	            return false;
	    }
	}
	const hexDigits = new Set('0123456789ABCDEFabcdef');
	const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = new Set(',[]{}');
	const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	 * Splits an input string into lexical tokens, i.e. smaller strings that are
	 * easily identifiable by `tokens.tokenType()`.
	 *
	 * Lexing starts always in a "stream" context. Incomplete input may be buffered
	 * until a complete token can be emitted.
	 *
	 * In addition to slices of the original input, the following control characters
	 * may also be emitted:
	 *
	 * - `\x02` (Start of Text): A document starts with the next token
	 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	 * - `\x1f` (Unit Separator): Next token is a scalar value
	 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	 */
	class Lexer {
	    constructor() {
	        /**
	         * Flag indicating whether the end of the current buffer marks the end of
	         * all input
	         */
	        this.atEnd = false;
	        /**
	         * Explicit indent set in block scalar header, as an offset from the current
	         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
	         * explicitly set.
	         */
	        this.blockScalarIndent = -1;
	        /**
	         * Block scalars that include a + (keep) chomping indicator in their header
	         * include trailing empty lines, which are otherwise excluded from the
	         * scalar's contents.
	         */
	        this.blockScalarKeep = false;
	        /** Current input */
	        this.buffer = '';
	        /**
	         * Flag noting whether the map value indicator : can immediately follow this
	         * node within a flow context.
	         */
	        this.flowKey = false;
	        /** Count of surrounding flow collection levels. */
	        this.flowLevel = 0;
	        /**
	         * Minimum level of indentation required for next lines to be parsed as a
	         * part of the current scalar value.
	         */
	        this.indentNext = 0;
	        /** Indentation level of the current line. */
	        this.indentValue = 0;
	        /** Position of the next \n character. */
	        this.lineEndPos = null;
	        /** Stores the state of the lexer if reaching the end of incpomplete input */
	        this.next = null;
	        /** A pointer to `buffer`; the current position of the lexer. */
	        this.pos = 0;
	    }
	    /**
	     * Generate YAML tokens from the `source` string. If `incomplete`,
	     * a part of the last line may be left as a buffer for the next call.
	     *
	     * @returns A generator of lexical tokens
	     */
	    *lex(source, incomplete = false) {
	        if (source) {
	            if (typeof source !== 'string')
	                throw TypeError('source is not a string');
	            this.buffer = this.buffer ? this.buffer + source : source;
	            this.lineEndPos = null;
	        }
	        this.atEnd = !incomplete;
	        let next = this.next ?? 'stream';
	        while (next && (incomplete || this.hasChars(1)))
	            next = yield* this.parseNext(next);
	    }
	    atLineEnd() {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (ch === ' ' || ch === '\t')
	            ch = this.buffer[++i];
	        if (!ch || ch === '#' || ch === '\n')
	            return true;
	        if (ch === '\r')
	            return this.buffer[i + 1] === '\n';
	        return false;
	    }
	    charAt(n) {
	        return this.buffer[this.pos + n];
	    }
	    continueScalar(offset) {
	        let ch = this.buffer[offset];
	        if (this.indentNext > 0) {
	            let indent = 0;
	            while (ch === ' ')
	                ch = this.buffer[++indent + offset];
	            if (ch === '\r') {
	                const next = this.buffer[indent + offset + 1];
	                if (next === '\n' || (!next && !this.atEnd))
	                    return offset + indent + 1;
	            }
	            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
	                ? offset + indent
	                : -1;
	        }
	        if (ch === '-' || ch === '.') {
	            const dt = this.buffer.substr(offset, 3);
	            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
	                return -1;
	        }
	        return offset;
	    }
	    getLine() {
	        let end = this.lineEndPos;
	        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
	            end = this.buffer.indexOf('\n', this.pos);
	            this.lineEndPos = end;
	        }
	        if (end === -1)
	            return this.atEnd ? this.buffer.substring(this.pos) : null;
	        if (this.buffer[end - 1] === '\r')
	            end -= 1;
	        return this.buffer.substring(this.pos, end);
	    }
	    hasChars(n) {
	        return this.pos + n <= this.buffer.length;
	    }
	    setNext(state) {
	        this.buffer = this.buffer.substring(this.pos);
	        this.pos = 0;
	        this.lineEndPos = null;
	        this.next = state;
	        return null;
	    }
	    peek(n) {
	        return this.buffer.substr(this.pos, n);
	    }
	    *parseNext(next) {
	        switch (next) {
	            case 'stream':
	                return yield* this.parseStream();
	            case 'line-start':
	                return yield* this.parseLineStart();
	            case 'block-start':
	                return yield* this.parseBlockStart();
	            case 'doc':
	                return yield* this.parseDocument();
	            case 'flow':
	                return yield* this.parseFlowCollection();
	            case 'quoted-scalar':
	                return yield* this.parseQuotedScalar();
	            case 'block-scalar':
	                return yield* this.parseBlockScalar();
	            case 'plain-scalar':
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseStream() {
	        let line = this.getLine();
	        if (line === null)
	            return this.setNext('stream');
	        if (line[0] === cst.BOM) {
	            yield* this.pushCount(1);
	            line = line.substring(1);
	        }
	        if (line[0] === '%') {
	            let dirEnd = line.length;
	            let cs = line.indexOf('#');
	            while (cs !== -1) {
	                const ch = line[cs - 1];
	                if (ch === ' ' || ch === '\t') {
	                    dirEnd = cs - 1;
	                    break;
	                }
	                else {
	                    cs = line.indexOf('#', cs + 1);
	                }
	            }
	            while (true) {
	                const ch = line[dirEnd - 1];
	                if (ch === ' ' || ch === '\t')
	                    dirEnd -= 1;
	                else
	                    break;
	            }
	            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
	            yield* this.pushCount(line.length - n); // possible comment
	            this.pushNewline();
	            return 'stream';
	        }
	        if (this.atLineEnd()) {
	            const sp = yield* this.pushSpaces(true);
	            yield* this.pushCount(line.length - sp);
	            yield* this.pushNewline();
	            return 'stream';
	        }
	        yield cst.DOCUMENT;
	        return yield* this.parseLineStart();
	    }
	    *parseLineStart() {
	        const ch = this.charAt(0);
	        if (!ch && !this.atEnd)
	            return this.setNext('line-start');
	        if (ch === '-' || ch === '.') {
	            if (!this.atEnd && !this.hasChars(4))
	                return this.setNext('line-start');
	            const s = this.peek(3);
	            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
	                yield* this.pushCount(3);
	                this.indentValue = 0;
	                this.indentNext = 0;
	                return s === '---' ? 'doc' : 'stream';
	            }
	        }
	        this.indentValue = yield* this.pushSpaces(false);
	        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
	            this.indentNext = this.indentValue;
	        return yield* this.parseBlockStart();
	    }
	    *parseBlockStart() {
	        const [ch0, ch1] = this.peek(2);
	        if (!ch1 && !this.atEnd)
	            return this.setNext('block-start');
	        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
	            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
	            this.indentNext = this.indentValue + 1;
	            this.indentValue += n;
	            return 'block-start';
	        }
	        return 'doc';
	    }
	    *parseDocument() {
	        yield* this.pushSpaces(true);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('doc');
	        let n = yield* this.pushIndicators();
	        switch (line[n]) {
	            case '#':
	                yield* this.pushCount(line.length - n);
	            // fallthrough
	            case undefined:
	                yield* this.pushNewline();
	                return yield* this.parseLineStart();
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel = 1;
	                return 'flow';
	            case '}':
	            case ']':
	                // this is an error
	                yield* this.pushCount(1);
	                return 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'doc';
	            case '"':
	            case "'":
	                return yield* this.parseQuotedScalar();
	            case '|':
	            case '>':
	                n += yield* this.parseBlockScalarHeader();
	                n += yield* this.pushSpaces(true);
	                yield* this.pushCount(line.length - n);
	                yield* this.pushNewline();
	                return yield* this.parseBlockScalar();
	            default:
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseFlowCollection() {
	        let nl, sp;
	        let indent = -1;
	        do {
	            nl = yield* this.pushNewline();
	            if (nl > 0) {
	                sp = yield* this.pushSpaces(false);
	                this.indentValue = indent = sp;
	            }
	            else {
	                sp = 0;
	            }
	            sp += yield* this.pushSpaces(true);
	        } while (nl + sp > 0);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('flow');
	        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
	            (indent === 0 &&
	                (line.startsWith('---') || line.startsWith('...')) &&
	                isEmpty(line[3]))) {
	            // Allowing for the terminal ] or } at the same (rather than greater)
	            // indent level as the initial [ or { is technically invalid, but
	            // failing here would be surprising to users.
	            const atFlowEndMarker = indent === this.indentNext - 1 &&
	                this.flowLevel === 1 &&
	                (line[0] === ']' || line[0] === '}');
	            if (!atFlowEndMarker) {
	                // this is an error
	                this.flowLevel = 0;
	                yield cst.FLOW_END;
	                return yield* this.parseLineStart();
	            }
	        }
	        let n = 0;
	        while (line[n] === ',') {
	            n += yield* this.pushCount(1);
	            n += yield* this.pushSpaces(true);
	            this.flowKey = false;
	        }
	        n += yield* this.pushIndicators();
	        switch (line[n]) {
	            case undefined:
	                return 'flow';
	            case '#':
	                yield* this.pushCount(line.length - n);
	                return 'flow';
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel += 1;
	                return 'flow';
	            case '}':
	            case ']':
	                yield* this.pushCount(1);
	                this.flowKey = true;
	                this.flowLevel -= 1;
	                return this.flowLevel ? 'flow' : 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'flow';
	            case '"':
	            case "'":
	                this.flowKey = true;
	                return yield* this.parseQuotedScalar();
	            case ':': {
	                const next = this.charAt(1);
	                if (this.flowKey || isEmpty(next) || next === ',') {
	                    this.flowKey = false;
	                    yield* this.pushCount(1);
	                    yield* this.pushSpaces(true);
	                    return 'flow';
	                }
	            }
	            // fallthrough
	            default:
	                this.flowKey = false;
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseQuotedScalar() {
	        const quote = this.charAt(0);
	        let end = this.buffer.indexOf(quote, this.pos + 1);
	        if (quote === "'") {
	            while (end !== -1 && this.buffer[end + 1] === "'")
	                end = this.buffer.indexOf("'", end + 2);
	        }
	        else {
	            // double-quote
	            while (end !== -1) {
	                let n = 0;
	                while (this.buffer[end - 1 - n] === '\\')
	                    n += 1;
	                if (n % 2 === 0)
	                    break;
	                end = this.buffer.indexOf('"', end + 1);
	            }
	        }
	        // Only looking for newlines within the quotes
	        const qb = this.buffer.substring(0, end);
	        let nl = qb.indexOf('\n', this.pos);
	        if (nl !== -1) {
	            while (nl !== -1) {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = qb.indexOf('\n', cs);
	            }
	            if (nl !== -1) {
	                // this is an error caused by an unexpected unindent
	                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
	            }
	        }
	        if (end === -1) {
	            if (!this.atEnd)
	                return this.setNext('quoted-scalar');
	            end = this.buffer.length;
	        }
	        yield* this.pushToIndex(end + 1, false);
	        return this.flowLevel ? 'flow' : 'doc';
	    }
	    *parseBlockScalarHeader() {
	        this.blockScalarIndent = -1;
	        this.blockScalarKeep = false;
	        let i = this.pos;
	        while (true) {
	            const ch = this.buffer[++i];
	            if (ch === '+')
	                this.blockScalarKeep = true;
	            else if (ch > '0' && ch <= '9')
	                this.blockScalarIndent = Number(ch) - 1;
	            else if (ch !== '-')
	                break;
	        }
	        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
	    }
	    *parseBlockScalar() {
	        let nl = this.pos - 1; // may be -1 if this.pos === 0
	        let indent = 0;
	        let ch;
	        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
	            switch (ch) {
	                case ' ':
	                    indent += 1;
	                    break;
	                case '\n':
	                    nl = i;
	                    indent = 0;
	                    break;
	                case '\r': {
	                    const next = this.buffer[i + 1];
	                    if (!next && !this.atEnd)
	                        return this.setNext('block-scalar');
	                    if (next === '\n')
	                        break;
	                } // fallthrough
	                default:
	                    break loop;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('block-scalar');
	        if (indent >= this.indentNext) {
	            if (this.blockScalarIndent === -1)
	                this.indentNext = indent;
	            else {
	                this.indentNext =
	                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
	            }
	            do {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = this.buffer.indexOf('\n', cs);
	            } while (nl !== -1);
	            if (nl === -1) {
	                if (!this.atEnd)
	                    return this.setNext('block-scalar');
	                nl = this.buffer.length;
	            }
	        }
	        // Trailing insufficiently indented tabs are invalid.
	        // To catch that during parsing, we include them in the block scalar value.
	        let i = nl + 1;
	        ch = this.buffer[i];
	        while (ch === ' ')
	            ch = this.buffer[++i];
	        if (ch === '\t') {
	            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
	                ch = this.buffer[++i];
	            nl = i - 1;
	        }
	        else if (!this.blockScalarKeep) {
	            do {
	                let i = nl - 1;
	                let ch = this.buffer[i];
	                if (ch === '\r')
	                    ch = this.buffer[--i];
	                const lastChar = i; // Drop the line if last char not more indented
	                while (ch === ' ')
	                    ch = this.buffer[--i];
	                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
	                    nl = i;
	                else
	                    break;
	            } while (true);
	        }
	        yield cst.SCALAR;
	        yield* this.pushToIndex(nl + 1, true);
	        return yield* this.parseLineStart();
	    }
	    *parsePlainScalar() {
	        const inFlow = this.flowLevel > 0;
	        let end = this.pos - 1;
	        let i = this.pos - 1;
	        let ch;
	        while ((ch = this.buffer[++i])) {
	            if (ch === ':') {
	                const next = this.buffer[i + 1];
	                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                end = i;
	            }
	            else if (isEmpty(ch)) {
	                let next = this.buffer[i + 1];
	                if (ch === '\r') {
	                    if (next === '\n') {
	                        i += 1;
	                        ch = '\n';
	                        next = this.buffer[i + 1];
	                    }
	                    else
	                        end = i;
	                }
	                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                if (ch === '\n') {
	                    const cs = this.continueScalar(i + 1);
	                    if (cs === -1)
	                        break;
	                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
	                }
	            }
	            else {
	                if (inFlow && flowIndicatorChars.has(ch))
	                    break;
	                end = i;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('plain-scalar');
	        yield cst.SCALAR;
	        yield* this.pushToIndex(end + 1, true);
	        return inFlow ? 'flow' : 'doc';
	    }
	    *pushCount(n) {
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos += n;
	            return n;
	        }
	        return 0;
	    }
	    *pushToIndex(i, allowEmpty) {
	        const s = this.buffer.slice(this.pos, i);
	        if (s) {
	            yield s;
	            this.pos += s.length;
	            return s.length;
	        }
	        else if (allowEmpty)
	            yield '';
	        return 0;
	    }
	    *pushIndicators() {
	        let n = 0;
	        loop: while (true) {
	            switch (this.charAt(0)) {
	                case '!':
	                    n += yield* this.pushTag();
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '&':
	                    n += yield* this.pushUntil(isNotAnchorChar);
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '-': // this is an error
	                case '?': // this is an error outside flow collections
	                case ':': {
	                    const inFlow = this.flowLevel > 0;
	                    const ch1 = this.charAt(1);
	                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
	                        if (!inFlow)
	                            this.indentNext = this.indentValue + 1;
	                        else if (this.flowKey)
	                            this.flowKey = false;
	                        n += yield* this.pushCount(1);
	                        n += yield* this.pushSpaces(true);
	                        continue loop;
	                    }
	                }
	            }
	            break loop;
	        }
	        return n;
	    }
	    *pushTag() {
	        if (this.charAt(1) === '<') {
	            let i = this.pos + 2;
	            let ch = this.buffer[i];
	            while (!isEmpty(ch) && ch !== '>')
	                ch = this.buffer[++i];
	            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
	        }
	        else {
	            let i = this.pos + 1;
	            let ch = this.buffer[i];
	            while (ch) {
	                if (tagChars.has(ch))
	                    ch = this.buffer[++i];
	                else if (ch === '%' &&
	                    hexDigits.has(this.buffer[i + 1]) &&
	                    hexDigits.has(this.buffer[i + 2])) {
	                    ch = this.buffer[(i += 3)];
	                }
	                else
	                    break;
	            }
	            return yield* this.pushToIndex(i, false);
	        }
	    }
	    *pushNewline() {
	        const ch = this.buffer[this.pos];
	        if (ch === '\n')
	            return yield* this.pushCount(1);
	        else if (ch === '\r' && this.charAt(1) === '\n')
	            return yield* this.pushCount(2);
	        else
	            return 0;
	    }
	    *pushSpaces(allowTabs) {
	        let i = this.pos - 1;
	        let ch;
	        do {
	            ch = this.buffer[++i];
	        } while (ch === ' ' || (allowTabs && ch === '\t'));
	        const n = i - this.pos;
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos = i;
	        }
	        return n;
	    }
	    *pushUntil(test) {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (!test(ch))
	            ch = this.buffer[++i];
	        return yield* this.pushToIndex(i, false);
	    }
	}

	lexer.Lexer = Lexer;
	return lexer;
}

var lineCounter = {};

var hasRequiredLineCounter;

function requireLineCounter () {
	if (hasRequiredLineCounter) return lineCounter;
	hasRequiredLineCounter = 1;

	/**
	 * Tracks newlines during parsing in order to provide an efficient API for
	 * determining the one-indexed `{ line, col }` position for any offset
	 * within the input.
	 */
	class LineCounter {
	    constructor() {
	        this.lineStarts = [];
	        /**
	         * Should be called in ascending order. Otherwise, call
	         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
	         */
	        this.addNewLine = (offset) => this.lineStarts.push(offset);
	        /**
	         * Performs a binary search and returns the 1-indexed { line, col }
	         * position of `offset`. If `line === 0`, `addNewLine` has never been
	         * called or `offset` is before the first known newline.
	         */
	        this.linePos = (offset) => {
	            let low = 0;
	            let high = this.lineStarts.length;
	            while (low < high) {
	                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
	                if (this.lineStarts[mid] < offset)
	                    low = mid + 1;
	                else
	                    high = mid;
	            }
	            if (this.lineStarts[low] === offset)
	                return { line: low + 1, col: 1 };
	            if (low === 0)
	                return { line: 0, col: offset };
	            const start = this.lineStarts[low - 1];
	            return { line: low, col: offset - start + 1 };
	        };
	    }
	}

	lineCounter.LineCounter = LineCounter;
	return lineCounter;
}

var parser = {};

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;

	var node_process = require$$0;
	var cst = requireCst();
	var lexer = requireLexer();

	function includesToken(list, type) {
	    for (let i = 0; i < list.length; ++i)
	        if (list[i].type === type)
	            return true;
	    return false;
	}
	function findNonEmptyIndex(list) {
	    for (let i = 0; i < list.length; ++i) {
	        switch (list[i].type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                break;
	            default:
	                return i;
	        }
	    }
	    return -1;
	}
	function isFlowToken(token) {
	    switch (token?.type) {
	        case 'alias':
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'flow-collection':
	            return true;
	        default:
	            return false;
	    }
	}
	function getPrevProps(parent) {
	    switch (parent.type) {
	        case 'document':
	            return parent.start;
	        case 'block-map': {
	            const it = parent.items[parent.items.length - 1];
	            return it.sep ?? it.start;
	        }
	        case 'block-seq':
	            return parent.items[parent.items.length - 1].start;
	        /* istanbul ignore next should not happen */
	        default:
	            return [];
	    }
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
	    if (prev.length === 0)
	        return [];
	    let i = prev.length;
	    loop: while (--i >= 0) {
	        switch (prev[i].type) {
	            case 'doc-start':
	            case 'explicit-key-ind':
	            case 'map-value-ind':
	            case 'seq-item-ind':
	            case 'newline':
	                break loop;
	        }
	    }
	    while (prev[++i]?.type === 'space') {
	        /* loop */
	    }
	    return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
	    // May exhaust call stack with large `source` array
	    if (source.length < 1e5)
	        Array.prototype.push.apply(target, source);
	    else
	        for (let i = 0; i < source.length; ++i)
	            target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
	    if (fc.start.type === 'flow-seq-start') {
	        for (const it of fc.items) {
	            if (it.sep &&
	                !it.value &&
	                !includesToken(it.start, 'explicit-key-ind') &&
	                !includesToken(it.sep, 'map-value-ind')) {
	                if (it.key)
	                    it.value = it.key;
	                delete it.key;
	                if (isFlowToken(it.value)) {
	                    if (it.value.end)
	                        arrayPushArray(it.value.end, it.sep);
	                    else
	                        it.value.end = it.sep;
	                }
	                else
	                    arrayPushArray(it.start, it.sep);
	                delete it.sep;
	            }
	        }
	    }
	}
	/**
	 * A YAML concrete syntax tree (CST) parser
	 *
	 * ```ts
	 * const src: string = ...
	 * for (const token of new Parser().parse(src)) {
	 *   // token: Token
	 * }
	 * ```
	 *
	 * To use the parser with a user-provided lexer:
	 *
	 * ```ts
	 * function* parse(source: string, lexer: Lexer) {
	 *   const parser = new Parser()
	 *   for (const lexeme of lexer.lex(source))
	 *     yield* parser.next(lexeme)
	 *   yield* parser.end()
	 * }
	 *
	 * const src: string = ...
	 * const lexer = new Lexer()
	 * for (const token of parse(src, lexer)) {
	 *   // token: Token
	 * }
	 * ```
	 */
	class Parser {
	    /**
	     * @param onNewLine - If defined, called separately with the start position of
	     *   each new line (in `parse()`, including the start of input).
	     */
	    constructor(onNewLine) {
	        /** If true, space and sequence indicators count as indentation */
	        this.atNewLine = true;
	        /** If true, next token is a scalar value */
	        this.atScalar = false;
	        /** Current indentation level */
	        this.indent = 0;
	        /** Current offset since the start of parsing */
	        this.offset = 0;
	        /** On the same line with a block map key */
	        this.onKeyLine = false;
	        /** Top indicates the node that's currently being built */
	        this.stack = [];
	        /** The source of the current token, set in parse() */
	        this.source = '';
	        /** The type of the current token, set in parse() */
	        this.type = '';
	        // Must be defined after `next()`
	        this.lexer = new lexer.Lexer();
	        this.onNewLine = onNewLine;
	    }
	    /**
	     * Parse `source` as a YAML stream.
	     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
	     *
	     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
	     *
	     * @returns A generator of tokens representing each directive, document, and other structure.
	     */
	    *parse(source, incomplete = false) {
	        if (this.onNewLine && this.offset === 0)
	            this.onNewLine(0);
	        for (const lexeme of this.lexer.lex(source, incomplete))
	            yield* this.next(lexeme);
	        if (!incomplete)
	            yield* this.end();
	    }
	    /**
	     * Advance the parser by the `source` of one lexical token.
	     */
	    *next(source) {
	        this.source = source;
	        if (node_process.env.LOG_TOKENS)
	            console.log('|', cst.prettyToken(source));
	        if (this.atScalar) {
	            this.atScalar = false;
	            yield* this.step();
	            this.offset += source.length;
	            return;
	        }
	        const type = cst.tokenType(source);
	        if (!type) {
	            const message = `Not a YAML token: ${source}`;
	            yield* this.pop({ type: 'error', offset: this.offset, message, source });
	            this.offset += source.length;
	        }
	        else if (type === 'scalar') {
	            this.atNewLine = false;
	            this.atScalar = true;
	            this.type = 'scalar';
	        }
	        else {
	            this.type = type;
	            yield* this.step();
	            switch (type) {
	                case 'newline':
	                    this.atNewLine = true;
	                    this.indent = 0;
	                    if (this.onNewLine)
	                        this.onNewLine(this.offset + source.length);
	                    break;
	                case 'space':
	                    if (this.atNewLine && source[0] === ' ')
	                        this.indent += source.length;
	                    break;
	                case 'explicit-key-ind':
	                case 'map-value-ind':
	                case 'seq-item-ind':
	                    if (this.atNewLine)
	                        this.indent += source.length;
	                    break;
	                case 'doc-mode':
	                case 'flow-error-end':
	                    return;
	                default:
	                    this.atNewLine = false;
	            }
	            this.offset += source.length;
	        }
	    }
	    /** Call at end of input to push out any remaining constructions */
	    *end() {
	        while (this.stack.length > 0)
	            yield* this.pop();
	    }
	    get sourceToken() {
	        const st = {
	            type: this.type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	        return st;
	    }
	    *step() {
	        const top = this.peek(1);
	        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
	            while (this.stack.length > 0)
	                yield* this.pop();
	            this.stack.push({
	                type: 'doc-end',
	                offset: this.offset,
	                source: this.source
	            });
	            return;
	        }
	        if (!top)
	            return yield* this.stream();
	        switch (top.type) {
	            case 'document':
	                return yield* this.document(top);
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return yield* this.scalar(top);
	            case 'block-scalar':
	                return yield* this.blockScalar(top);
	            case 'block-map':
	                return yield* this.blockMap(top);
	            case 'block-seq':
	                return yield* this.blockSequence(top);
	            case 'flow-collection':
	                return yield* this.flowCollection(top);
	            case 'doc-end':
	                return yield* this.documentEnd(top);
	        }
	        /* istanbul ignore next should not happen */
	        yield* this.pop();
	    }
	    peek(n) {
	        return this.stack[this.stack.length - n];
	    }
	    *pop(error) {
	        const token = error ?? this.stack.pop();
	        /* istanbul ignore if should not happen */
	        if (!token) {
	            const message = 'Tried to pop an empty stack';
	            yield { type: 'error', offset: this.offset, source: '', message };
	        }
	        else if (this.stack.length === 0) {
	            yield token;
	        }
	        else {
	            const top = this.peek(1);
	            if (token.type === 'block-scalar') {
	                // Block scalars use their parent rather than header indent
	                token.indent = 'indent' in top ? top.indent : 0;
	            }
	            else if (token.type === 'flow-collection' && top.type === 'document') {
	                // Ignore all indent for top-level flow collections
	                token.indent = 0;
	            }
	            if (token.type === 'flow-collection')
	                fixFlowSeqItems(token);
	            switch (top.type) {
	                case 'document':
	                    top.value = token;
	                    break;
	                case 'block-scalar':
	                    top.props.push(token); // error
	                    break;
	                case 'block-map': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value) {
	                        top.items.push({ start: [], key: token, sep: [] });
	                        this.onKeyLine = true;
	                        return;
	                    }
	                    else if (it.sep) {
	                        it.value = token;
	                    }
	                    else {
	                        Object.assign(it, { key: token, sep: [] });
	                        this.onKeyLine = !it.explicitKey;
	                        return;
	                    }
	                    break;
	                }
	                case 'block-seq': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value)
	                        top.items.push({ start: [], value: token });
	                    else
	                        it.value = token;
	                    break;
	                }
	                case 'flow-collection': {
	                    const it = top.items[top.items.length - 1];
	                    if (!it || it.value)
	                        top.items.push({ start: [], key: token, sep: [] });
	                    else if (it.sep)
	                        it.value = token;
	                    else
	                        Object.assign(it, { key: token, sep: [] });
	                    return;
	                }
	                /* istanbul ignore next should not happen */
	                default:
	                    yield* this.pop();
	                    yield* this.pop(token);
	            }
	            if ((top.type === 'document' ||
	                top.type === 'block-map' ||
	                top.type === 'block-seq') &&
	                (token.type === 'block-map' || token.type === 'block-seq')) {
	                const last = token.items[token.items.length - 1];
	                if (last &&
	                    !last.sep &&
	                    !last.value &&
	                    last.start.length > 0 &&
	                    findNonEmptyIndex(last.start) === -1 &&
	                    (token.indent === 0 ||
	                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
	                    if (top.type === 'document')
	                        top.end = last.start;
	                    else
	                        top.items.push({ start: last.start });
	                    token.items.splice(-1, 1);
	                }
	            }
	        }
	    }
	    *stream() {
	        switch (this.type) {
	            case 'directive-line':
	                yield { type: 'directive', offset: this.offset, source: this.source };
	                return;
	            case 'byte-order-mark':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                yield this.sourceToken;
	                return;
	            case 'doc-mode':
	            case 'doc-start': {
	                const doc = {
	                    type: 'document',
	                    offset: this.offset,
	                    start: []
	                };
	                if (this.type === 'doc-start')
	                    doc.start.push(this.sourceToken);
	                this.stack.push(doc);
	                return;
	            }
	        }
	        yield {
	            type: 'error',
	            offset: this.offset,
	            message: `Unexpected ${this.type} token in YAML stream`,
	            source: this.source
	        };
	    }
	    *document(doc) {
	        if (doc.value)
	            return yield* this.lineEnd(doc);
	        switch (this.type) {
	            case 'doc-start': {
	                if (findNonEmptyIndex(doc.start) !== -1) {
	                    yield* this.pop();
	                    yield* this.step();
	                }
	                else
	                    doc.start.push(this.sourceToken);
	                return;
	            }
	            case 'anchor':
	            case 'tag':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                doc.start.push(this.sourceToken);
	                return;
	        }
	        const bv = this.startBlockValue(doc);
	        if (bv)
	            this.stack.push(bv);
	        else {
	            yield {
	                type: 'error',
	                offset: this.offset,
	                message: `Unexpected ${this.type} token in YAML document`,
	                source: this.source
	            };
	        }
	    }
	    *scalar(scalar) {
	        if (this.type === 'map-value-ind') {
	            const prev = getPrevProps(this.peek(2));
	            const start = getFirstKeyStartProps(prev);
	            let sep;
	            if (scalar.end) {
	                sep = scalar.end;
	                sep.push(this.sourceToken);
	                delete scalar.end;
	            }
	            else
	                sep = [this.sourceToken];
	            const map = {
	                type: 'block-map',
	                offset: scalar.offset,
	                indent: scalar.indent,
	                items: [{ start, key: scalar, sep }]
	            };
	            this.onKeyLine = true;
	            this.stack[this.stack.length - 1] = map;
	        }
	        else
	            yield* this.lineEnd(scalar);
	    }
	    *blockScalar(scalar) {
	        switch (this.type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                scalar.props.push(this.sourceToken);
	                return;
	            case 'scalar':
	                scalar.source = this.source;
	                // block-scalar source includes trailing newline
	                this.atNewLine = true;
	                this.indent = 0;
	                if (this.onNewLine) {
	                    let nl = this.source.indexOf('\n') + 1;
	                    while (nl !== 0) {
	                        this.onNewLine(this.offset + nl);
	                        nl = this.source.indexOf('\n', nl) + 1;
	                    }
	                }
	                yield* this.pop();
	                break;
	            /* istanbul ignore next should not happen */
	            default:
	                yield* this.pop();
	                yield* this.step();
	        }
	    }
	    *blockMap(map) {
	        const it = map.items[map.items.length - 1];
	        // it.sep is true-ish if pair already has key or : separator
	        switch (this.type) {
	            case 'newline':
	                this.onKeyLine = false;
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value) {
	                    map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    if (this.atIndentedComment(it.start, map.indent)) {
	                        const prev = map.items[map.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            map.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	        }
	        if (this.indent >= map.indent) {
	            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
	            const atNextItem = atMapIndent &&
	                (it.sep || it.explicitKey) &&
	                this.type !== 'seq-item-ind';
	            // For empty nodes, assign newline-separated not indented empty tokens to following node
	            let start = [];
	            if (atNextItem && it.sep && !it.value) {
	                const nl = [];
	                for (let i = 0; i < it.sep.length; ++i) {
	                    const st = it.sep[i];
	                    switch (st.type) {
	                        case 'newline':
	                            nl.push(i);
	                            break;
	                        case 'space':
	                            break;
	                        case 'comment':
	                            if (st.indent > map.indent)
	                                nl.length = 0;
	                            break;
	                        default:
	                            nl.length = 0;
	                    }
	                }
	                if (nl.length >= 2)
	                    start = it.sep.splice(nl[1]);
	            }
	            switch (this.type) {
	                case 'anchor':
	                case 'tag':
	                    if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        it.sep.push(this.sourceToken);
	                    }
	                    else {
	                        it.start.push(this.sourceToken);
	                    }
	                    return;
	                case 'explicit-key-ind':
	                    if (!it.sep && !it.explicitKey) {
	                        it.start.push(this.sourceToken);
	                        it.explicitKey = true;
	                    }
	                    else if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start, explicitKey: true });
	                    }
	                    else {
	                        this.stack.push({
	                            type: 'block-map',
	                            offset: this.offset,
	                            indent: this.indent,
	                            items: [{ start: [this.sourceToken], explicitKey: true }]
	                        });
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'map-value-ind':
	                    if (it.explicitKey) {
	                        if (!it.sep) {
	                            if (includesToken(it.start, 'newline')) {
	                                Object.assign(it, { key: null, sep: [this.sourceToken] });
	                            }
	                            else {
	                                const start = getFirstKeyStartProps(it.start);
	                                this.stack.push({
	                                    type: 'block-map',
	                                    offset: this.offset,
	                                    indent: this.indent,
	                                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                                });
	                            }
	                        }
	                        else if (it.value) {
	                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else if (isFlowToken(it.key) &&
	                            !includesToken(it.sep, 'newline')) {
	                            const start = getFirstKeyStartProps(it.start);
	                            const key = it.key;
	                            const sep = it.sep;
	                            sep.push(this.sourceToken);
	                            // @ts-expect-error type guard is wrong here
	                            delete it.key;
	                            // @ts-expect-error type guard is wrong here
	                            delete it.sep;
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key, sep }]
	                            });
	                        }
	                        else if (start.length > 0) {
	                            // Not actually at next item
	                            it.sep = it.sep.concat(start, this.sourceToken);
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    else {
	                        if (!it.sep) {
	                            Object.assign(it, { key: null, sep: [this.sourceToken] });
	                        }
	                        else if (it.value || atNextItem) {
	                            map.items.push({ start, key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (atNextItem || it.value) {
	                        map.items.push({ start, key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        this.stack.push(fs);
	                    }
	                    else {
	                        Object.assign(it, { key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    return;
	                }
	                default: {
	                    const bv = this.startBlockValue(map);
	                    if (bv) {
	                        if (bv.type === 'block-seq') {
	                            if (!it.explicitKey &&
	                                it.sep &&
	                                !includesToken(it.sep, 'newline')) {
	                                yield* this.pop({
	                                    type: 'error',
	                                    offset: this.offset,
	                                    message: 'Unexpected block-seq-ind on same line with key',
	                                    source: this.source
	                                });
	                                return;
	                            }
	                        }
	                        else if (atMapIndent) {
	                            map.items.push({ start });
	                        }
	                        this.stack.push(bv);
	                        return;
	                    }
	                }
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *blockSequence(seq) {
	        const it = seq.items[seq.items.length - 1];
	        switch (this.type) {
	            case 'newline':
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        seq.items.push({ start: [this.sourceToken] });
	                }
	                else
	                    it.start.push(this.sourceToken);
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value)
	                    seq.items.push({ start: [this.sourceToken] });
	                else {
	                    if (this.atIndentedComment(it.start, seq.indent)) {
	                        const prev = seq.items[seq.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            seq.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'anchor':
	            case 'tag':
	                if (it.value || this.indent <= seq.indent)
	                    break;
	                it.start.push(this.sourceToken);
	                return;
	            case 'seq-item-ind':
	                if (this.indent !== seq.indent)
	                    break;
	                if (it.value || includesToken(it.start, 'seq-item-ind'))
	                    seq.items.push({ start: [this.sourceToken] });
	                else
	                    it.start.push(this.sourceToken);
	                return;
	        }
	        if (this.indent > seq.indent) {
	            const bv = this.startBlockValue(seq);
	            if (bv) {
	                this.stack.push(bv);
	                return;
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *flowCollection(fc) {
	        const it = fc.items[fc.items.length - 1];
	        if (this.type === 'flow-error-end') {
	            let top;
	            do {
	                yield* this.pop();
	                top = this.peek(1);
	            } while (top?.type === 'flow-collection');
	        }
	        else if (fc.end.length === 0) {
	            switch (this.type) {
	                case 'comma':
	                case 'explicit-key-ind':
	                    if (!it || it.sep)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'map-value-ind':
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        Object.assign(it, { key: null, sep: [this.sourceToken] });
	                    return;
	                case 'space':
	                case 'comment':
	                case 'newline':
	                case 'anchor':
	                case 'tag':
	                    if (!it || it.value)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: fs, sep: [] });
	                    else if (it.sep)
	                        this.stack.push(fs);
	                    else
	                        Object.assign(it, { key: fs, sep: [] });
	                    return;
	                }
	                case 'flow-map-end':
	                case 'flow-seq-end':
	                    fc.end.push(this.sourceToken);
	                    return;
	            }
	            const bv = this.startBlockValue(fc);
	            /* istanbul ignore else should not happen */
	            if (bv)
	                this.stack.push(bv);
	            else {
	                yield* this.pop();
	                yield* this.step();
	            }
	        }
	        else {
	            const parent = this.peek(2);
	            if (parent.type === 'block-map' &&
	                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
	                    (this.type === 'newline' &&
	                        !parent.items[parent.items.length - 1].sep))) {
	                yield* this.pop();
	                yield* this.step();
	            }
	            else if (this.type === 'map-value-ind' &&
	                parent.type !== 'flow-collection') {
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                fixFlowSeqItems(fc);
	                const sep = fc.end.splice(1, fc.end.length);
	                sep.push(this.sourceToken);
	                const map = {
	                    type: 'block-map',
	                    offset: fc.offset,
	                    indent: fc.indent,
	                    items: [{ start, key: fc, sep }]
	                };
	                this.onKeyLine = true;
	                this.stack[this.stack.length - 1] = map;
	            }
	            else {
	                yield* this.lineEnd(fc);
	            }
	        }
	    }
	    flowScalar(type) {
	        if (this.onNewLine) {
	            let nl = this.source.indexOf('\n') + 1;
	            while (nl !== 0) {
	                this.onNewLine(this.offset + nl);
	                nl = this.source.indexOf('\n', nl) + 1;
	            }
	        }
	        return {
	            type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	    }
	    startBlockValue(parent) {
	        switch (this.type) {
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return this.flowScalar(this.type);
	            case 'block-scalar-header':
	                return {
	                    type: 'block-scalar',
	                    offset: this.offset,
	                    indent: this.indent,
	                    props: [this.sourceToken],
	                    source: ''
	                };
	            case 'flow-map-start':
	            case 'flow-seq-start':
	                return {
	                    type: 'flow-collection',
	                    offset: this.offset,
	                    indent: this.indent,
	                    start: this.sourceToken,
	                    items: [],
	                    end: []
	                };
	            case 'seq-item-ind':
	                return {
	                    type: 'block-seq',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start: [this.sourceToken] }]
	                };
	            case 'explicit-key-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                start.push(this.sourceToken);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, explicitKey: true }]
	                };
	            }
	            case 'map-value-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                };
	            }
	        }
	        return null;
	    }
	    atIndentedComment(start, indent) {
	        if (this.type !== 'comment')
	            return false;
	        if (this.indent <= indent)
	            return false;
	        return start.every(st => st.type === 'newline' || st.type === 'space');
	    }
	    *documentEnd(docEnd) {
	        if (this.type !== 'doc-mode') {
	            if (docEnd.end)
	                docEnd.end.push(this.sourceToken);
	            else
	                docEnd.end = [this.sourceToken];
	            if (this.type === 'newline')
	                yield* this.pop();
	        }
	    }
	    *lineEnd(token) {
	        switch (this.type) {
	            case 'comma':
	            case 'doc-start':
	            case 'doc-end':
	            case 'flow-seq-end':
	            case 'flow-map-end':
	            case 'map-value-ind':
	                yield* this.pop();
	                yield* this.step();
	                break;
	            case 'newline':
	                this.onKeyLine = false;
	            // fallthrough
	            case 'space':
	            case 'comment':
	            default:
	                // all other values are errors
	                if (token.end)
	                    token.end.push(this.sourceToken);
	                else
	                    token.end = [this.sourceToken];
	                if (this.type === 'newline')
	                    yield* this.pop();
	        }
	    }
	}

	parser.Parser = Parser;
	return parser;
}

var publicApi = {};

var hasRequiredPublicApi;

function requirePublicApi () {
	if (hasRequiredPublicApi) return publicApi;
	hasRequiredPublicApi = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var errors = requireErrors();
	var log = requireLog();
	var identity = requireIdentity();
	var lineCounter = requireLineCounter();
	var parser = requireParser();

	function parseOptions(options) {
	    const prettyErrors = options.prettyErrors !== false;
	    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
	    return { lineCounter: lineCounter$1, prettyErrors };
	}
	/**
	 * Parse the input as a stream of YAML documents.
	 *
	 * Documents should be separated from each other by `...` or `---` marker lines.
	 *
	 * @returns If an empty `docs` array is returned, it will be of type
	 *   EmptyStream and contain additional stream information. In
	 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
	 */
	function parseAllDocuments(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
	    if (prettyErrors && lineCounter)
	        for (const doc of docs) {
	            doc.errors.forEach(errors.prettifyError(source, lineCounter));
	            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	        }
	    if (docs.length > 0)
	        return docs;
	    return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    // `doc` is always set by compose.end(true) at the very latest
	    let doc = null;
	    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
	        if (!doc)
	            doc = _doc;
	        else if (doc.options.logLevel !== 'silent') {
	            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
	            break;
	        }
	    }
	    if (prettyErrors && lineCounter) {
	        doc.errors.forEach(errors.prettifyError(source, lineCounter));
	        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	    }
	    return doc;
	}
	function parse(src, reviver, options) {
	    let _reviver = undefined;
	    if (typeof reviver === 'function') {
	        _reviver = reviver;
	    }
	    else if (options === undefined && reviver && typeof reviver === 'object') {
	        options = reviver;
	    }
	    const doc = parseDocument(src, options);
	    if (!doc)
	        return null;
	    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
	    if (doc.errors.length > 0) {
	        if (doc.options.logLevel !== 'silent')
	            throw doc.errors[0];
	        else
	            doc.errors = [];
	    }
	    return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
	    let _replacer = null;
	    if (typeof replacer === 'function' || Array.isArray(replacer)) {
	        _replacer = replacer;
	    }
	    else if (options === undefined && replacer) {
	        options = replacer;
	    }
	    if (typeof options === 'string')
	        options = options.length;
	    if (typeof options === 'number') {
	        const indent = Math.round(options);
	        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
	    }
	    if (value === undefined) {
	        const { keepUndefined } = options ?? replacer ?? {};
	        if (!keepUndefined)
	            return undefined;
	    }
	    if (identity.isDocument(value) && !_replacer)
	        return value.toString(options);
	    return new Document.Document(value, _replacer, options).toString(options);
	}

	publicApi.parse = parse;
	publicApi.parseAllDocuments = parseAllDocuments;
	publicApi.parseDocument = parseDocument;
	publicApi.stringify = stringify;
	return publicApi;
}

var hasRequiredDist$1;

function requireDist$1 () {
	if (hasRequiredDist$1) return dist$1;
	hasRequiredDist$1 = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var Schema = requireSchema();
	var errors = requireErrors();
	var Alias = requireAlias();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var cst = requireCst();
	var lexer = requireLexer();
	var lineCounter = requireLineCounter();
	var parser = requireParser();
	var publicApi = requirePublicApi();
	var visit = requireVisit();



	dist$1.Composer = composer.Composer;
	dist$1.Document = Document.Document;
	dist$1.Schema = Schema.Schema;
	dist$1.YAMLError = errors.YAMLError;
	dist$1.YAMLParseError = errors.YAMLParseError;
	dist$1.YAMLWarning = errors.YAMLWarning;
	dist$1.Alias = Alias.Alias;
	dist$1.isAlias = identity.isAlias;
	dist$1.isCollection = identity.isCollection;
	dist$1.isDocument = identity.isDocument;
	dist$1.isMap = identity.isMap;
	dist$1.isNode = identity.isNode;
	dist$1.isPair = identity.isPair;
	dist$1.isScalar = identity.isScalar;
	dist$1.isSeq = identity.isSeq;
	dist$1.Pair = Pair.Pair;
	dist$1.Scalar = Scalar.Scalar;
	dist$1.YAMLMap = YAMLMap.YAMLMap;
	dist$1.YAMLSeq = YAMLSeq.YAMLSeq;
	dist$1.CST = cst;
	dist$1.Lexer = lexer.Lexer;
	dist$1.LineCounter = lineCounter.LineCounter;
	dist$1.Parser = parser.Parser;
	dist$1.parse = publicApi.parse;
	dist$1.parseAllDocuments = publicApi.parseAllDocuments;
	dist$1.parseDocument = publicApi.parseDocument;
	dist$1.stringify = publicApi.stringify;
	dist$1.visit = visit.visit;
	dist$1.visitAsync = visit.visitAsync;
	return dist$1;
}

var distExports$1 = requireDist$1();
var yaml$1 = /*@__PURE__*/getDefaultExportFromCjs(distExports$1);

var dist = {};

var bigint = {};

var util = {};

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;

	var createNode = requireCreateNode();
	var log = requireLog();
	var Pair = requirePair();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var foldFlowLines = requireFoldFlowLines();
	var stringifyNumber = requireStringifyNumber();
	var stringifyString = requireStringifyString();



	util.createNode = createNode.createNode;
	util.debug = log.debug;
	util.warn = log.warn;
	util.createPair = Pair.createPair;
	util.toJS = toJS.toJS;
	util.findPair = YAMLMap.findPair;
	util.mapTag = map.map;
	util.seqTag = seq.seq;
	util.stringTag = string.string;
	util.foldFlowLines = foldFlowLines.foldFlowLines;
	util.stringifyNumber = stringifyNumber.stringifyNumber;
	util.stringifyString = stringifyString.stringifyString;
	return util;
}

var hasRequiredBigint;

function requireBigint () {
	if (hasRequiredBigint) return bigint;
	hasRequiredBigint = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.bigint = void 0;
		const util_1 = requireUtil();
		/**
		 * `!bigint` BigInt
		 *
		 * [BigInt](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/BigInt) values,
		 * using their conventional `123n` representation.
		 */
		exports.bigint = {
		    identify: (value) => {
		        return typeof value === 'bigint' || value instanceof BigInt;
		    },
		    tag: '!bigint',
		    resolve(str) {
		        if (str.endsWith('n'))
		            str = str.substring(0, str.length - 1);
		        return BigInt(str);
		    },
		    stringify(item, ctx, onComment, onChompKeep) {
		        if (!exports.bigint.identify?.(item.value)) {
		            throw new TypeError(`${item.value} is not a bigint`);
		        }
		        const value = item.value.toString() + 'n';
		        return (0, util_1.stringifyString)({ value }, ctx, onComment, onChompKeep);
		    }
		};
		
	} (bigint));
	return bigint;
}

var _class = {};

var hasRequired_class;

function require_class () {
	if (hasRequired_class) return _class;
	hasRequired_class = 1;
	Object.defineProperty(_class, "__esModule", { value: true });
	_class.classTag = void 0;
	const util_1 = requireUtil();
	const options = {
	    defaultType: 'BLOCK_LITERAL'
	};
	/**
	 * `!class` A YAML representation of JavaScript classes
	 *
	 * Stringified as a block literal string, prefixed with the class name.
	 *
	 * When parsing, a no-op class with matching name and toString() is
	 * returned. It is not possible to construct an actual JavaScript class by
	 * evaluating YAML, and it is unsafe to attempt.
	 */
	_class.classTag = {
	    identify(value) {
	        const cls = value;
	        try {
	            return typeof value === 'function' && Boolean(class extends cls {
	            });
	        }
	        catch {
	            return false;
	        }
	    },
	    tag: '!class',
	    resolve(str) {
	        const f = class {
	        };
	        f.toString = () => str;
	        const m = str.trim().match(/^class(?:\s+([^{ \s]*?)[{\s])/);
	        Object.defineProperty(f, 'name', {
	            value: m?.[1],
	            enumerable: false,
	            configurable: true,
	            writable: true
	        });
	        return f;
	    },
	    options,
	    stringify(i, ctx, onComment, onChompKeep) {
	        const { type: originalType, value: originalValue } = i;
	        const cls = originalValue;
	        const value = cls.toString();
	        // better to just always put classes on a new line.
	        const type = originalType || options.defaultType;
	        return (0, util_1.stringifyString)({ ...i, type, value }, ctx, onComment, onChompKeep);
	    }
	};
	
	return _class;
}

var error = {};

var hasRequiredError;

function requireError () {
	if (hasRequiredError) return error;
	hasRequiredError = 1;
	Object.defineProperty(error, "__esModule", { value: true });
	error.error = void 0;
	const yaml_1 = requireDist$1();
	const tag = '!error';
	// If the user cared to provide a custom inspect, then use
	// that as the source of extra properties.
	const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
	class YAMLErrorObject extends yaml_1.YAMLMap {
	    constructor() {
	        super(...arguments);
	        this.tag = tag;
	    }
	    toJSON(_, ctx) {
	        ctx = { ...ctx, mapAsMap: false };
	        // stack has to be handled separately, because JS will create
	        // a random stack trace at this callsite, which we don't want.
	        // If the YAML doesn't have a stack defined, this will end up setting
	        // it to `undefined` explicitly. Otherwise, it'll be whatever's in
	        // the YAML.
	        const { name, message, stack, ...rest } = super.toJSON(_, ctx);
	        const Cls = name === 'EvalError'
	            ? EvalError
	            : name === 'RangeError'
	                ? RangeError
	                : name === 'ReferenceError'
	                    ? ReferenceError
	                    : name === 'SyntaxError'
	                        ? SyntaxError
	                        : name === 'TypeError'
	                            ? TypeError
	                            : name === 'URIError'
	                                ? URIError
	                                : Error;
	        const er = new Cls(message);
	        if (Cls.name !== name) {
	            Object.defineProperty(er, 'name', {
	                value: name,
	                enumerable: false,
	                configurable: true
	            });
	        }
	        er.stack = stack;
	        return Object.assign(er, rest);
	    }
	    static from(schema, value, ctx) {
	        // Error.cause is standardized, but only recently, so TS does not
	        // yet recognize it as a property on the Error type. It's non-enumerable,
	        // and like stack, very useful to retain in diagnostic information.
	        const error = value;
	        const { name, message, stack, cause } = error;
	        const maybeCustom = error;
	        let fields = typeof maybeCustom[customInspectSymbol] === 'function' &&
	            maybeCustom[customInspectSymbol]();
	        fields || (fields = typeof maybeCustom.toJSON === 'function' && maybeCustom.toJSON());
	        fields || (fields = { ...error });
	        const withCause = cause === undefined ? {} : { cause };
	        // delete the noisy fields that Node.js injects when domains are active
	        delete fields.domain;
	        delete fields.domainEmitter;
	        delete fields.domainThrew;
	        return super.from(schema, {
	            name,
	            message,
	            stack,
	            ...withCause,
	            ...fields
	        }, ctx);
	    }
	}
	/**
	 * `!error` Error object values
	 *
	 * An object collection of all enumerable properties on the Error object,
	 * along with stack, message, and name (which are typically non-enumerable).
	 *
	 * If the Error has a `Symbol.for('util.inspect.custom')` or `toJSON` method,
	 * then this will be called to get the object properties.
	 *
	 * When parsing, though the `stack` string is maintained, the internal call
	 * site information will of course not be preserved faithfully.
	 */
	error.error = {
	    tag,
	    collection: 'map',
	    nodeClass: YAMLErrorObject,
	    identify: (er) => er instanceof Error
	};
	
	return error;
}

var _function = {};

var hasRequired_function;

function require_function () {
	if (hasRequired_function) return _function;
	hasRequired_function = 1;
	Object.defineProperty(_function, "__esModule", { value: true });
	_function.functionTag = void 0;
	const util_1 = requireUtil();
	const options = {
	    defaultType: 'BLOCK_LITERAL'
	};
	/**
	 * `!function` A YAML representation of JavaScript functions
	 *
	 * Stringified as a block literal string, prefixed with the function name.
	 *
	 * When parsing, a no-op function with matching name and toString() is
	 * returned. It is not possible to construct an actual JavaScript function by
	 * evaluating YAML, and it is unsafe to attempt.
	 */
	_function.functionTag = {
	    identify: value => typeof value === 'function',
	    tag: '!function',
	    resolve(str) {
	        const src = str.split('\n');
	        const n = src.shift();
	        const name = n ? JSON.parse(n) : undefined;
	        const code = src.join('\n');
	        const f = function () { };
	        Object.defineProperty(f, 'name', {
	            value: name,
	            enumerable: false,
	            configurable: true
	        });
	        f.toString = () => code;
	        return f;
	    },
	    options,
	    stringify(i, ctx, onComment, onChompKeep) {
	        const { type: originalType, value: originalValue } = i;
	        const fn = originalValue;
	        const value = JSON.stringify(fn.name) + '\n' + fn.toString();
	        // better to just always put functions on a new line.
	        const type = originalType || options.defaultType;
	        return (0, util_1.stringifyString)({ ...i, type, value }, ctx, onComment, onChompKeep);
	    }
	};
	
	return _function;
}

var nullObject = {};

var hasRequiredNullObject;

function requireNullObject () {
	if (hasRequiredNullObject) return nullObject;
	hasRequiredNullObject = 1;
	Object.defineProperty(nullObject, "__esModule", { value: true });
	nullObject.nullobject = void 0;
	const yaml_1 = requireDist$1();
	const tag = '!nullobject';
	class YAMLNullObject extends yaml_1.YAMLMap {
	    constructor() {
	        super(...arguments);
	        this.tag = tag;
	    }
	    toJSON(_, ctx) {
	        const obj = super.toJSON(_, { ...ctx, mapAsMap: false });
	        return Object.assign(Object.create(null), obj);
	    }
	}
	/**
	 * `!nullobject` An object with a `null` prototype
	 */
	nullObject.nullobject = {
	    tag,
	    collection: 'map',
	    nodeClass: YAMLNullObject,
	    identify: v => !!(typeof v === 'object' && v && !Object.getPrototypeOf(v))
	};
	
	return nullObject;
}

var regexp = {};

var hasRequiredRegexp;

function requireRegexp () {
	if (hasRequiredRegexp) return regexp;
	hasRequiredRegexp = 1;
	Object.defineProperty(regexp, "__esModule", { value: true });
	regexp.regexp = void 0;
	/**
	 * `!re` RegExp
	 *
	 * [Regular Expression](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide/Regular_expressions) values,
	 * using their default `/foo/flags` string representation.
	 */
	regexp.regexp = {
	    identify: value => value instanceof RegExp,
	    tag: '!re',
	    resolve(str) {
	        const match = str.match(/^\/([\s\S]+)\/([dgimsuy]*)$/);
	        if (!match)
	            throw new Error('Invalid RegExp value');
	        return new RegExp(match[1], match[2]);
	    }
	};
	
	return regexp;
}

var symbol = {};

var hasRequiredSymbol;

function requireSymbol () {
	if (hasRequiredSymbol) return symbol;
	hasRequiredSymbol = 1;
	Object.defineProperty(symbol, "__esModule", { value: true });
	symbol.symbol = symbol.sharedSymbol = void 0;
	const util_1 = requireUtil();
	symbol.sharedSymbol = {
	    identify: value => value?.constructor === Symbol && typeof Symbol.keyFor(value) === 'string',
	    tag: '!symbol/shared',
	    resolve: str => Symbol.for(str),
	    stringify(item, ctx, onComment, onChompKeep) {
	        const key = Symbol.keyFor(item.value);
	        if (key === undefined) {
	            throw new TypeError('Only shared symbols are supported');
	        }
	        return (0, util_1.stringifyString)({ value: key }, ctx, onComment, onChompKeep);
	    }
	};
	symbol.symbol = {
	    identify: value => value?.constructor === Symbol && Symbol.keyFor(value) === undefined,
	    tag: '!symbol',
	    resolve: str => Symbol(str),
	    stringify(item, ctx, onComment, onChompKeep) {
	        const sym = item.value;
	        if (typeof sym !== 'symbol')
	            throw new TypeError(`${sym} is not a symbol`);
	        const value = String(sym).replace(/^Symbol\(|\)$/g, '');
	        return (0, util_1.stringifyString)({ value }, ctx, onComment, onChompKeep);
	    }
	};
	
	return symbol;
}

var yaml11 = {};

var hasRequiredYaml11;

function requireYaml11 () {
	if (hasRequiredYaml11) return yaml11;
	hasRequiredYaml11 = 1;
	Object.defineProperty(yaml11, "__esModule", { value: true });
	yaml11.timestamp = yaml11.set = yaml11.pairs = yaml11.omap = yaml11.binary = void 0;
	const yaml_1 = requireDist$1();
	const tags = new yaml_1.Schema({ resolveKnownTags: true }).knownTags;
	yaml11.binary = tags["tag:yaml.org,2002:binary"], yaml11.omap = tags["tag:yaml.org,2002:omap"], yaml11.pairs = tags["tag:yaml.org,2002:pairs"], yaml11.set = tags["tag:yaml.org,2002:set"];
	yaml11.timestamp = {
	    ...tags['tag:yaml.org,2002:timestamp'],
	    default: false
	};
	
	return yaml11;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.timestamp = exports.set = exports.pairs = exports.omap = exports.binary = exports.symbol = exports.sharedSymbol = exports.regexp = exports.nullobject = exports.functionTag = exports.error = exports.classTag = exports.bigint = void 0;
		var bigint_js_1 = requireBigint();
		Object.defineProperty(exports, "bigint", { enumerable: true, get: function () { return bigint_js_1.bigint; } });
		var class_js_1 = require_class();
		Object.defineProperty(exports, "classTag", { enumerable: true, get: function () { return class_js_1.classTag; } });
		var error_js_1 = requireError();
		Object.defineProperty(exports, "error", { enumerable: true, get: function () { return error_js_1.error; } });
		var function_js_1 = require_function();
		Object.defineProperty(exports, "functionTag", { enumerable: true, get: function () { return function_js_1.functionTag; } });
		var null_object_js_1 = requireNullObject();
		Object.defineProperty(exports, "nullobject", { enumerable: true, get: function () { return null_object_js_1.nullobject; } });
		var regexp_js_1 = requireRegexp();
		Object.defineProperty(exports, "regexp", { enumerable: true, get: function () { return regexp_js_1.regexp; } });
		var symbol_js_1 = requireSymbol();
		Object.defineProperty(exports, "sharedSymbol", { enumerable: true, get: function () { return symbol_js_1.sharedSymbol; } });
		Object.defineProperty(exports, "symbol", { enumerable: true, get: function () { return symbol_js_1.symbol; } });
		var yaml11_js_1 = requireYaml11();
		Object.defineProperty(exports, "binary", { enumerable: true, get: function () { return yaml11_js_1.binary; } });
		Object.defineProperty(exports, "omap", { enumerable: true, get: function () { return yaml11_js_1.omap; } });
		Object.defineProperty(exports, "pairs", { enumerable: true, get: function () { return yaml11_js_1.pairs; } });
		Object.defineProperty(exports, "set", { enumerable: true, get: function () { return yaml11_js_1.set; } });
		Object.defineProperty(exports, "timestamp", { enumerable: true, get: function () { return yaml11_js_1.timestamp; } });
		
	} (dist));
	return dist;
}

var distExports = requireDist();

const date = {
    tag: '!date',
    // use !!timestamp instead, this is for parsing only
    /* c8 ignore start */
    identify() {
        return false;
    },
    /* c8 ignore stop */
    resolve(src) {
        const d = new Date(src);
        const t = d.getTime();
        if (t !== t) {
            throw new Error(`Invalid date string: ${src}`);
        }
        return d;
    },
};

// this just sets the !!timestamp tag to be not considered a default,
// so that we don't confuse date strings and actual dates.
// See: https://github.com/eemeli/yaml/issues/475
const schema = new distExports$1.Schema({ resolveKnownTags: true });
const timestamp = schema.knownTags['tag:yaml.org,2002:timestamp'];
timestamp.default = false;

// prepend our custom tags so that they take priority over anything
// enabled by default in the schema.
const t = [
    distExports.regexp,
    distExports.sharedSymbol,
    distExports.symbol,
    distExports.bigint,
    distExports.nullobject,
    distExports.error,
    distExports.classTag,
    distExports.functionTag,
    timestamp,
    date,
    'omap',
    'set',
    'binary',
];
const customTags = (tags) => [...new Set(t.concat(tags))];

const parse$1 = (str) => yaml$1.parse(str, { customTags, prettyErrors: true });

const stringify$1 = (obj) => yaml$1.stringify(obj, { customTags, prettyErrors: true });

var yaml = { parse: parse$1, stringify: stringify$1 };

/**
 * The summary of the plan, for inclusion in the results
 * provided in the `complete` event.
 */
class FinalPlan {
    start = null;
    end = null;
    skipAll;
    skipReason;
    comment;
    constructor(skipAll, self) {
        if (self.planStart >= 0)
            this.start = self.planStart;
        if (self.planEnd >= 0)
            this.end = self.planEnd;
        this.skipAll = skipAll;
        this.skipReason = skipAll ? self.planComment : '';
        this.comment = self.planComment || '';
    }
}

/**
 * The summary results provided in the `complete` event when the TAP
 * stream ends.
 */
class FinalResults {
    ok;
    count;
    pass;
    fail;
    bailout;
    todo;
    skip;
    failures;
    time;
    passes;
    plan;
    skips;
    todos;
    constructor(skipAll, parser) {
        this.ok = parser.ok;
        this.count = parser.count;
        this.pass = parser.pass;
        this.fail = parser.fail || 0;
        this.bailout = parser.bailedOut || false;
        this.todo = parser.todo || 0;
        this.skip = skipAll ? parser.count : parser.skip || 0;
        this.plan = new FinalPlan(skipAll, parser);
        this.failures = parser.failures;
        this.passes = parser.passes || undefined;
        this.time = parser.time;
        this.skips = parser.skips;
        this.todos = parser.todos;
    }
}

/**
 * Collection of the various types of lines encountered in a TAP stream
 */
const lineTypes = {
    testPoint: /^(not )?ok(?: ([0-9]+))?(?:(?: -)?( .*?))?(\{?)\n$/,
    pragma: /^pragma ([+-])([a-zA-Z0-9_-]+)\n$/,
    bailout: /^bail out!(.*)\n$/i,
    version: /^TAP version ([0-9]+)\n$/i,
    childVersion: /^(    )+TAP version ([0-9]+)\n$/i,
    plan: /^([0-9]+)\.\.([0-9]+)(?:\s+(?:#\s*(.*)))?\n$/,
    subtest: /^# Subtest(?:: (.*))?\n$/,
    subtestIndent: /^    # Subtest(?:: (.*))?\n$/,
    comment: /^\s*#.*\n$/,
};
/**
 * Determine the type of line, and parse it into a {@link ParsedLine}
 */
const lineType = (line) => {
    for (const [t, pattern] of Object.entries(lineTypes)) {
        const match = line.match(pattern);
        if (match)
            return [t, match];
    }
    return null;
};

/**
 * this isn't for performance or anything, it just confuses vim's
 * brace-matching to have these in the middle of functions, and
 * I'm too lazy to dig into vim-javascript to fix it, so hence these
 * capital snake consts.
 *
 * @module
 */
const OPEN_BRACE_EOL = /\{\s*$/;
const SPACE_OPEN_BRACE_EOL = / \{$/;

/**
 * Parse a "directive", the bit that follows the `#` character
 * on a TestPoint line.
 */
const parseDirective = (line) => {
    if (!line.trim())
        return false;
    line = line
        .replace(OPEN_BRACE_EOL, '')
        .trim()
        .replace(/^duration_ms ([0-9.]+)$/, 'time=$1ms');
    const time = line.match(/^time=((?:[1-9][0-9]*|0)(?:\.[0-9]+)?)(ms|s)$/i);
    const t = time?.[1];
    const s = time?.[2];
    if (typeof t === 'string') {
        let n = +t;
        if (s === 's') {
            // JS does weird things with floats.  Round it off a bit.
            n *= 1000000;
            n = Math.round(n);
            n /= 1000;
        }
        return ['time', n];
    }
    const ts = line.match(/^(todo|skip)(?:\S*)\b(.*)$/i);
    const type = ts?.[1]?.toLowerCase();
    const msg = ts?.[2]?.trim();
    if (!type)
        return false;
    // we know at this point it must be either 'todo' or 'skip',
    // in unknown upper/lower case
    return [type, msg || true];
};

/**
 * A class representing the TAP plan line
 */
class Plan {
    start;
    end;
    comment;
    constructor(start, end, comment = '') {
        this.start = start;
        this.end = end;
        this.comment = comment;
    }
}

/**
 * A representation of a TestPoint result, with diagnostics if present.
 */
class Result {
    ok;
    name = '';
    id = 0;
    buffered = false;
    tapError = null;
    skip = false;
    todo = false;
    previous = null;
    plan = null;
    diag = null;
    time = null;
    fullname = '';
    closingTestPoint = false;
    constructor(parsed, parser) {
        const ok = !parsed[1];
        const id = +(parsed[2] || 0);
        let buffered = parsed[4];
        this.ok = ok;
        if (parsed[2])
            this.id = id;
        let rest = parsed[3] || '';
        let name;
        // We know at this point the parsed result cannot contain \n,
        // so we can leverage that as a placeholder.
        // first, replace any PAIR of \ chars with \n
        // then, split on any # that is not preceeded by \
        // the first of these is definitely the description
        // the rest is the directive, if recognized, otherwise
        // we just lump it onto the description, but escaped.
        // then any \n chars in either are turned into \ (just one)
        // escape \ with \
        // swap out escaped \ with \n, then swap back
        rest = rest.replace(/(\\\\)/g, '\n');
        const [h, ...r] = rest.split(/(?<=\s|^)(?<!\\)#/g);
        name = (h || '').replace(/\\#/g, '#').replace(/\n/g, '\\');
        rest = r.join('#').replace(/\\#/g, '#').replace(/\n/g, '\\');
        // now, let's see if there's a directive in there.
        const dir = parseDirective(rest.trim());
        if (!dir)
            name += (rest ? '#' + rest : '') + buffered;
        else {
            // handle buffered subtests with todo/skip on them, like
            // ok 1 - bar # todo foo {\n
            const dirKey = dir[0];
            const dirValue = dir[1];
            if (dirKey === 'todo' || dirKey === 'skip') {
                this[dirKey] = dirValue;
            }
            else {
                if (dirKey === 'time') {
                    this.time = parseFloat(dirValue);
                    /* c8 ignore start */
                }
                /* c8 ignore stop */
            }
        }
        if (OPEN_BRACE_EOL.test(name)) {
            name = name.replace(OPEN_BRACE_EOL, '');
            buffered = '{';
        }
        if (buffered === '{')
            this.buffered = true;
        if (name)
            this.name = name.trim();
        const n = [];
        if (parser.fullname)
            n.push(parser.fullname);
        if (this.name)
            n.push(this.name);
        this.fullname = n.join(' > ').trim();
    }
}

var eventsToArray_1;
var hasRequiredEventsToArray;

function requireEventsToArray () {
	if (hasRequiredEventsToArray) return eventsToArray_1;
	hasRequiredEventsToArray = 1;

	const { EventEmitter } = events__default;

	eventsToArray_1 = eventsToArray;

	function eventsToArray (ee, ignore = [], map = x => x) {
	  const array = [];

	  const orig = ee.emit;
	  ee.emit = function (...args) {
	    if (!ignore.includes(args[0])) {
	      args = args.map((arg, i, arr) => {
	        if (arg instanceof EventEmitter) {
	          return eventsToArray(arg, ignore, map)
	        }

	        return map(arg, i, arr)
	      });

	      array.push(args);
	    }

	    return orig.apply(this, args)
	  };

	  return array
	}
	return eventsToArray_1;
}

var eventsToArrayExports = requireEventsToArray();
var etoa = /*@__PURE__*/getDefaultExportFromCjs(eventsToArrayExports);

/**
 * turn \ into \\ and # into \#, for stringifying back to TAP
 */
const esc = (str) => str.replace(/\\/g, '\\\\').replace(/#/g, '\\#').trim();
/**
 * turn \\ into \ and \# into #, for parsing TAP into JS
 */
const unesc = (str) => str
    .replace(/(\\\\)/g, '\u0000')
    .replace(/\\#/g, '#')
    .replace(/\u0000/g, '\\')
    .trim();

/**
 * Static `parse()` and `stringify()` methods
 */
// used in flattening mode
const getId = () => {
    const id = () => id.current++;
    id.current = 1;
    return id;
};
/**
 * Parse a TAP text stream into a log of all the events encountered
 */
const parse = (str, options) => {
    const { flat = false } = options;
    const ignore = ['line', 'pass', 'fail', 'todo', 'skip', 'result'];
    if (flat)
        ignore.push('assert', 'child', 'plan', 'complete');
    const parser = new Parser(options);
    const events = etoa(parser, ignore);
    if (flat) {
        const id = getId();
        parser.on('result', res => {
            res.name = res.fullname;
            res.id = id();
            events.push(['assert', res]);
        });
        parser.on('complete', res => {
            if (!res.bailout)
                events.push(['plan', { end: id.current - 1, start: 1 }]);
            events.push(['complete', res]);
        });
    }
    parser.end(str);
    return events;
};
/**
 * Turn an EventLog from {@link tap-parser!statics.parse} into a TAP string
 */
const stringify = (msg, { flat = false, indent = '', id = getId() }) => {
    const ind = flat ? '' : indent;
    return (ind +
        msg
            .map(item => {
            switch (item[0]) {
                case 'child':
                    const comment = item[1][0];
                    const child = item[1].slice(1);
                    return (Parser.stringify([comment], {
                        flat,
                        indent: '',
                        id,
                    }) +
                        Parser.stringify(child, {
                            flat,
                            indent: '    ',
                            id,
                        }));
                case 'version':
                    return 'TAP version ' + item[1] + '\n';
                case 'plan':
                    if (flat) {
                        if (indent !== '')
                            return '';
                        item[1].start = 1;
                        item[1].end = id.current - 1;
                    }
                    return (item[1].start +
                        '..' +
                        item[1].end +
                        (item[1].comment ? ' # ' + esc(item[1].comment) : '') +
                        '\n');
                case 'pragma':
                    return 'pragma ' + (item[2] ? '+' : '-') + item[1] + '\n';
                case 'bailout':
                    return 'Bail out!' + (item[1] ? ' ' + esc(item[1]) : '') + '\n';
                case 'assert':
                    const res = item[1];
                    if (flat) {
                        res.id = id();
                        res.name = res.fullname;
                    }
                    return ((res.ok ? '' : 'not ') +
                        'ok' +
                        (res.id ? ' ' + res.id : '') +
                        (res.name ?
                            ' - ' + esc(res.name).replace(SPACE_OPEN_BRACE_EOL, '')
                            : '') +
                        (res.skip ?
                            ' # SKIP' + (res.skip === true ? '' : ' ' + esc(res.skip))
                            : '') +
                        (res.todo ?
                            ' # TODO' + (res.todo === true ? '' : ' ' + esc(res.todo))
                            : '') +
                        (res.time ? ' # time=' + res.time + 'ms' : '') +
                        '\n' +
                        (res.diag ?
                            '  ---\n  ' +
                                yaml.stringify(res.diag).split('\n').join('\n  ').trim() +
                                '\n  ...\n'
                            : ''));
                case 'extra':
                case 'comment':
                    return item[1];
            }
        })
            .join('')
            .split('\n')
            .join('\n' + ind)
            .trim() +
        '\n');
};

// TODO: declare event signatures
class Parser extends EventEmitter {
    #child = null;
    #current = null;
    #extraQueue = [];
    #maybeChild = null;
    #postPlan = false;
    #previousChild = null;
    #yamlish = '';
    #yind = '';
    #sawVersion = false;
    aborted = false;
    bail = false;
    bailedOut = false;
    #bailingOut = false;
    braceLevel = 0;
    buffer = '';
    buffered;
    #closingTestPoint = null;
    comments = [];
    count = 0;
    fail = 0;
    failures = [];
    skips = [];
    todos = [];
    level;
    name;
    ok = true;
    omitVersion;
    parent = null;
    pass = 0;
    passes;
    planComment = '';
    planEnd = -1;
    planStart = -1;
    pointsSeen = new Map();
    pragmas;
    preserveWhitespace;
    results = null;
    root;
    skip = 0;
    strict;
    syntheticBailout = false;
    syntheticPlan = false;
    time = null;
    todo = 0;
    get closingTestPoint() {
        return this.#closingTestPoint;
    }
    set closingTestPoint(res) {
        this.#closingTestPoint = res;
        if (res)
            res.closingTestPoint = true;
    }
    /* c8 ignore start */
    get readable() {
        return false;
    }
    get writable() {
        return true;
    }
    constructor(options, onComplete) {
        if (typeof options === 'function') {
            onComplete = options;
            options = {};
        }
        options = options || {};
        super();
        if (onComplete)
            this.on('complete', onComplete);
        this.name = options.name || '';
        this.parent = options.parent || null;
        this.closingTestPoint =
            (this.parent && options.closingTestPoint) || null;
        this.root = options.parent ? options.parent.root : this;
        this.passes = options.passes ? [] : null;
        this.level = options.level || 0;
        this.bail = !!options.bail;
        this.omitVersion = !!options.omitVersion;
        this.buffered = !!options.buffered;
        this.preserveWhitespace = options.preserveWhitespace || false;
        this.strict = !!options.strict;
        this.pragmas = { strict: this.strict };
    }
    get fullname() {
        const n = [];
        const pn = (this.parent?.fullname ?? '').trim();
        const mn = (this.name || '').trim();
        if (pn)
            n.push(pn);
        if (mn)
            n.push(mn);
        return n.join(' > ');
    }
    tapError(error, line) {
        if (line)
            this.emit('line', line);
        this.ok = false;
        this.fail++;
        if (typeof error === 'string') {
            error = {
                tapError: error,
            };
        }
        this.failures.push(error);
    }
    parseTestPoint(testPoint, line) {
        // need to hold off on this when we have a child so we can
        // associate the closing test point with the test.
        if (!this.#child)
            this.emitResult();
        if (this.bailedOut)
            return;
        const resId = testPoint[2];
        const res = new Result(testPoint, this);
        if (resId && this.planStart !== -1) {
            const lessThanStart = res.id < this.planStart;
            const greaterThanEnd = res.id > this.planEnd;
            if (lessThanStart || greaterThanEnd) {
                if (lessThanStart)
                    res.tapError = 'id less than plan start';
                else
                    res.tapError = 'id greater than plan end';
                res.plan = new Plan(this.planStart, this.planEnd);
                this.tapError(res, line);
            }
        }
        if (resId && this.pointsSeen.has(res.id)) {
            res.tapError = 'test point id ' + resId + ' appears multiple times';
            /* c8 ignore start */
            res.previous = this.pointsSeen.get(res.id) || null;
            /* c8 ignore stop */
            this.tapError(res, line);
        }
        else if (resId) {
            this.pointsSeen.set(res.id, res);
        }
        if (this.#child) {
            if (!this.#child.closingTestPoint)
                this.#child.closingTestPoint = res;
            this.emitResult();
            // can only bail out here in the case of a child with broken diags
            // anything else would have bailed out already.
            if (this.bailedOut)
                return;
        }
        this.emit('line', line);
        if (!res.skip && !res.todo)
            this.ok = this.ok && res.ok;
        // hold onto it, because we might get yamlish diagnostics
        this.#current = res;
    }
    nonTap(data, didLine = false) {
        if (this.#bailingOut && /^( {4})*\}\n$/.test(data))
            return;
        if (this.strict) {
            const err = {
                tapError: 'Non-TAP data encountered in strict mode',
                data: data,
            };
            this.tapError(err, data);
            if (this.parent)
                this.parent.tapError(err, data);
        }
        // emit each line, then the extra as a whole
        if (!didLine)
            data
                .split('\n')
                .slice(0, -1)
                .forEach(line => {
                line += '\n';
                if (this.#current || this.#extraQueue.length)
                    this.#extraQueue.push(['line', line]);
                else
                    this.emit('line', line);
            });
        this.emitExtra(data);
    }
    emitExtra(data, fromChild = false) {
        if (this.parent)
            this.parent.emitExtra(data.replace(/\n$/, '').replace(/^/gm, '    ') + '\n', true);
        else if (!fromChild && (this.#current || this.#extraQueue.length))
            this.#extraQueue.push(['extra', data]);
        else
            this.emit('extra', data);
    }
    plan(start, end, comment, line) {
        // not allowed to have more than one plan
        if (this.planStart !== -1) {
            this.nonTap(line);
            return;
        }
        // can't put a plan in a child.
        if (this.#child || this.#yind) {
            this.nonTap(line);
            return;
        }
        this.emitResult();
        if (this.bailedOut)
            return;
        // 1..0 is a special case. Otherwise, end must be >= start
        if (end < start && end !== 0 && start !== 1) {
            if (this.strict)
                this.tapError({
                    tapError: 'plan end cannot be less than plan start',
                    plan: { start, end },
                }, line);
            else
                this.nonTap(line);
            return;
        }
        this.planStart = start;
        this.planEnd = end;
        const p = new Plan(start, end, comment);
        if (p.comment)
            this.planComment = p.comment = comment;
        // This means that the plan is coming at the END of all the tests
        // Plans MUST be either at the beginning or the very end.  We treat
        // plans like '1..0' the same, since they indicate that no tests
        // will be coming.
        if (this.count !== 0 || this.planEnd === 0) {
            const seen = new Set();
            for (const [id, res] of this.pointsSeen.entries()) {
                const tapError = id < start ? 'id less than plan start'
                    : id > end ? 'id greater than plan end'
                        : null;
                if (tapError) {
                    seen.add(tapError);
                    res.tapError = tapError;
                    res.plan = new Plan(start, end);
                    this.tapError(res, line);
                }
            }
            this.#postPlan = true;
        }
        this.emit('line', line);
        this.emit('plan', p);
    }
    resetYamlish() {
        this.#yind = '';
        this.#yamlish = '';
    }
    // that moment when you realize it's not what you thought it was
    yamlGarbage() {
        const yamlGarbage = this.#yind + '---\n' + this.#yamlish;
        this.emitResult();
        if (this.bailedOut)
            return;
        this.nonTap(yamlGarbage, true);
    }
    yamlishLine(line) {
        if (line === this.#yind + '...\n') {
            // end the yaml block
            this.processYamlish();
        }
        else {
            this.#yamlish += line;
        }
    }
    processYamlish() {
        /* c8 ignore start */
        if (!this.#current) {
            throw new Error('called processYamlish without a current test point');
        }
        /* c8 ignore stop */
        const yamlish = this.#yamlish;
        this.resetYamlish();
        let diags;
        try {
            diags = yaml.parse(yamlish);
            if (!diags)
                return;
        }
        catch (er) {
            this.nonTap(this.#yind + '---\n' + yamlish + this.#yind + '...\n', true);
            return;
        }
        if (typeof diags.duration_ms === 'number' &&
            this.#current.time === null) {
            this.#current.time = diags.duration_ms;
            delete diags.duration_ms;
        }
        this.#current.diag = diags;
        // we still don't emit the result here yet, to support diags
        // that come ahead of buffered subtests.
    }
    write(chunk, encoding, cb) {
        if (this.aborted) {
            return false;
        }
        if (typeof encoding === 'string' &&
            encoding !== 'utf8' &&
            typeof chunk === 'string') {
            chunk = Buffer.from(chunk, encoding);
        }
        if (Buffer.isBuffer(chunk)) {
            chunk = chunk.toString('utf8');
        }
        if (typeof encoding === 'function') {
            cb = encoding;
            encoding = undefined;
        }
        this.buffer += chunk;
        do {
            const match = this.buffer.match(/^.*\r?\n/);
            if (!match)
                break;
            this.buffer = this.buffer.substring(match[0].length);
            this.parse(match[0]);
        } while (this.buffer.length);
        if (cb)
            process.nextTick(cb);
        return true;
    }
    end(chunk, encoding, cb) {
        if (chunk && typeof chunk !== 'function') {
            if (typeof encoding === 'function') {
                cb = encoding;
                this.write(chunk);
            }
            else {
                this.write(chunk, encoding);
            }
        }
        if (this.buffer) {
            this.write('\n');
        }
        // if we have yamlish, means we didn't finish with a ...
        if (this.#yamlish)
            this.yamlGarbage();
        this.emitResult();
        if (this.syntheticBailout && this.level === 0) {
            this.syntheticBailout = false;
            const reason = this.bailedOut === true ? '' : ' ' + this.bailedOut;
            this.emit('line', 'Bail out!' + reason + '\n');
        }
        let skipAll = false;
        if (this.planEnd === 0 && this.planStart === 1) {
            skipAll = true;
            if (this.count === 0) {
                this.ok = true;
            }
            else {
                this.tapError('Plan of 1..0, but test points encountered', '');
            }
        }
        else if (!this.bailedOut && this.planStart === -1) {
            if (this.count === 0 && !this.syntheticPlan) {
                this.syntheticPlan = true;
                if (this.buffered) {
                    this.planStart = 1;
                    this.planEnd = 0;
                }
                else {
                    if (!this.#sawVersion) {
                        this.version(14, 'TAP version 14\n');
                    }
                    this.plan(1, 0, 'no tests found', '1..0 # no tests found\n');
                }
                skipAll = true;
            }
            else {
                this.tapError('no plan', '');
            }
        }
        else if (this.ok &&
            this.count !== this.planEnd - this.planStart + 1) {
            this.tapError('incorrect number of tests', '');
        }
        this.emitComplete(skipAll);
        if (cb)
            process.nextTick(cb);
        return this;
    }
    emitComplete(skipAll) {
        if (!this.results) {
            const res = (this.results = new FinalResults(!!skipAll, this));
            if (!res.bailout) {
                // comment a bit at the end so we know what happened.
                // but don't repeat these comments if they're already present.
                if (res.plan.end !== res.count) {
                    this.emitComment('test count(' + res.count + ') != plan(' + res.plan.end + ')', false, true);
                }
            }
            this.emit('complete', this.results);
            this.emit('finish');
            this.emit('close');
        }
    }
    version(version, line) {
        // If version is specified, must be at the very beginning.
        if (version >= 13 &&
            this.planStart === -1 &&
            this.count === 0 &&
            !this.#current) {
            this.#sawVersion = true;
            this.emit('line', line);
            this.emit('version', version);
        }
        else
            this.nonTap(line);
    }
    pragma(key, value, line) {
        // can't put a pragma in a child or yaml block
        if (this.#child) {
            this.nonTap(line);
            return;
        }
        this.emitResult();
        if (this.bailedOut)
            return;
        // only the 'strict' pragma is currently relevant
        if (key === 'strict') {
            this.strict = value;
        }
        this.pragmas[key] = value;
        this.emit('line', line);
        this.emit('pragma', key, value);
    }
    bailout(reason, synthetic = false) {
        this.syntheticBailout = synthetic;
        if (this.#bailingOut)
            return;
        // Guard because emitting a result can trigger a forced bailout
        // if the harness decides that failures should be bailouts.
        this.#bailingOut = reason || true;
        if (!synthetic)
            this.emitResult();
        else
            this.#current = null;
        this.bailedOut = this.#bailingOut;
        this.ok = false;
        if (!synthetic) {
            // synthetic bailouts get emitted on end
            let line = 'Bail out!';
            if (reason)
                line += ' ' + reason;
            this.emit('line', line + '\n');
        }
        this.emit('bailout', reason);
        if (this.parent) {
            this.end();
            this.parent.bailout(reason, true);
        }
    }
    clearExtraQueue() {
        for (const [ev, data] of this.#extraQueue) {
            this.emit(ev, data);
        }
        this.#extraQueue.length = 0;
    }
    endChild() {
        if (this.#child && (!this.#bailingOut || this.#child.count)) {
            this.#child.time = this.#child.closingTestPoint?.time || null;
            this.#previousChild = this.#child;
            this.#child.end();
            this.#child = null;
        }
    }
    emitResult() {
        if (this.bailedOut)
            return;
        this.endChild();
        this.resetYamlish();
        if (!this.#current)
            return this.clearExtraQueue();
        const res = this.#current;
        this.#current = null;
        this.count++;
        const { skip, todo } = res;
        if (skip)
            this.skips.push({ ...res, skip });
        if (todo)
            this.todos.push({ ...res, todo });
        if (res.ok) {
            this.pass++;
            if (!skip && !todo && this.passes)
                this.passes.push(res);
        }
        else {
            this.fail++;
            if (!res.todo && !res.skip) {
                this.ok = false;
                this.failures.push(res);
            }
        }
        if (res.skip)
            this.skip++;
        if (res.todo)
            this.todo++;
        this.emitAssert(res);
        if (this.bail &&
            !res.ok &&
            !res.todo &&
            !res.skip &&
            !this.#bailingOut) {
            this.#maybeChild = null;
            const ind = new Array(this.level + 1).join('    ');
            let p;
            for (p = this; p.parent; p = p.parent)
                ;
            const bailName = res.name ? ' ' + res.name : '';
            p.parse(ind + 'Bail out!' + bailName + '\n');
        }
        this.clearExtraQueue();
    }
    // TODO: We COULD say that any "relevant tap" line that's indented
    // by 4 spaces starts a child test, and just call it 'unnamed' if
    // it does not have a prefix comment.  In that case, any number of
    // 4-space indents can be plucked off to try to find a relevant
    // TAP line type, and if so, start the unnamed child.
    startChild(line) {
        const maybeBuffered = this.#current && this.#current.buffered;
        const unindentStream = !maybeBuffered && this.#maybeChild;
        const indentStream = !maybeBuffered &&
            !unindentStream &&
            lineTypes.subtestIndent.test(line);
        // If we have any other result waiting in the wings, we need to emit
        // that now.  A buffered test emits its test point at the *end* of
        // the child subtest block, so as to match streamed test semantics.
        if (!maybeBuffered)
            this.emitResult();
        if (this.bailedOut)
            return;
        this.#child = new Parser({
            bail: this.bail,
            parent: this,
            level: this.level + 1,
            buffered: maybeBuffered || undefined,
            closingTestPoint: (maybeBuffered && this.#current) || undefined,
            preserveWhitespace: this.preserveWhitespace,
            omitVersion: true,
            strict: this.strict,
        });
        this.#child.on('complete', results => {
            if (!results.ok)
                this.ok = false;
        });
        this.#child.on('line', l => {
            if (l.trim() || this.preserveWhitespace)
                l = '    ' + l;
            this.emit('line', l);
        });
        // Canonicalize the parsing result of any kind of subtest
        // if it's a buffered subtest or a non-indented Subtest directive,
        // then synthetically emit the Subtest comment
        line = line.substring(4);
        let subtestComment;
        if (indentStream) {
            subtestComment = line;
            line = '';
        }
        else if (maybeBuffered && this.#current) {
            subtestComment = '# Subtest: ' + this.#current.name + '\n';
        }
        else {
            subtestComment = this.#maybeChild || '# Subtest\n';
        }
        this.#maybeChild = null;
        this.#child.name = subtestComment
            .substring('# Subtest: '.length)
            .trim();
        // at some point, we may wish to move 100% to preferring
        // the Subtest comment on the parent level.  If so, uncomment
        // this line, and remove the child.emitComment below.
        // this.emit('comment', subtestComment)
        if (!this.#child.buffered)
            this.emit('line', subtestComment);
        this.emit('child', this.#child);
        this.#child.emitComment(subtestComment, true);
        if (line)
            this.#child.parse(line);
    }
    destroy(er) {
        this.abort('destroyed', er);
    }
    abort(message = '', extra) {
        if (this.#child) {
            const b = this.#child.buffered;
            this.#child.abort(message, extra);
            extra = null;
            if (b)
                this.write('\n}\n');
        }
        let dump = '';
        if (extra && Object.keys(extra).length) {
            try {
                dump = yaml.stringify(extra).trimEnd();
                /* c8 ignore start */
            }
            catch (er) { }
            /* c8 ignore stop */
        }
        const y = dump ?
            '  ---\n  ' + dump.split('\n').join('\n  ') + '\n  ...\n'
            : '\n';
        const n = (this.count || 0) + 1 + (this.#current ? 1 : 0);
        if (this.planEnd !== -1 && this.planEnd < n && this.parent) {
            // skip it, let the parent do this.
            this.aborted = true;
            return;
        }
        message = message.replace(/[\n\r\s\t]/g, ' ');
        let point = '\nnot ok ' + n + ' - ' + message + '\n' + y;
        if (this.planEnd === -1)
            point += '1..' + n + '\n';
        if (!this.#sawVersion)
            this.write('TAP version 14\n');
        this.write(point);
        this.aborted = true;
        this.end();
    }
    emitAssert(res) {
        this.emit('assert', res);
        // see if we need to surface to the top level
        const c = this.#child || this.#previousChild;
        if (c) {
            this.#previousChild = null;
            if (res.name === c.name &&
                c.results &&
                res.ok === c.results.ok &&
                c.results.count &&
                !res.todo &&
                !res.skip) {
                // just procedural, ignore it
                return;
            }
        }
        // surface result to the top level parser
        this.root.emit('result', res);
        if (res.skip)
            this.root.emit('skip', res);
        else if (res.todo)
            this.root.emit('todo', res);
        else if (!res.ok)
            this.root.emit('fail', res);
        else
            this.root.emit('pass', res);
    }
    emitComment(line, skipLine = false, noDuplicate = false) {
        if (line.trim().charAt(0) !== '#')
            line = '# ' + line;
        if (line.slice(-1) !== '\n')
            line += '\n';
        // XXX: is this still needed?
        /* c8 ignore start */
        if (noDuplicate && this.comments.indexOf(line) !== -1)
            return;
        /* c8 ignore stop */
        this.comments.push(line);
        const dir = parseDirective(line.replace(/^\s*#\s*/, '').trim());
        if (dir && dir[0] === 'time' && typeof dir[1] === 'number')
            this.time = dir[1];
        if (this.#current || this.#extraQueue.length) {
            // no way to get here with skipLine being true
            this.#extraQueue.push(['line', line]);
            this.#extraQueue.push(['comment', line]);
        }
        else {
            if (!skipLine)
                this.emit('line', line);
            this.emit('comment', line);
        }
    }
    parse(line) {
        // normalize line endings
        line = line.replace(/\r\n$/, '\n');
        // sometimes empty lines get trimmed, but are still part of
        // a subtest or a yaml block.  Otherwise, nothing to parse!
        if (line === '\n') {
            if (this.#child)
                line = '    ' + line;
            else if (this.#yind)
                line = this.#yind + line;
        }
        // If we're bailing out, then the only thing we want to see is the
        // end of a buffered child test.  Anything else should be ignored.
        // But!  if we're bailing out a nested child, and ANOTHER nested child
        // comes after that one, then we don't want the second child's } to
        // also show up, or it looks weird.
        if (this.#bailingOut) {
            if (!/^\s*}\n$/.test(line))
                return;
            else if (!this.braceLevel || line.length < this.braceLevel)
                this.braceLevel = line.length;
            else
                return;
        }
        // This allows omitting even parsing the version if the test is
        // an indented child test.  Several parsers get upset when they
        // see an indented version field.
        if (this.omitVersion && lineTypes.version.test(line) && !this.#yind) {
            return;
        }
        // check to see if the line is indented.
        // if it is, then it's either a subtest, yaml, or garbage.
        const indent = line.match(/^[ \t]*/);
        if (indent && indent[0]) {
            this.parseIndent(line, indent[0]);
            return;
        }
        // In any case where we're going to emitResult, that can trigger
        // a bailout, so we need to only emit the line once we know that
        // isn't happening, to prevent cases where there's a bailout, and
        // then one more line of output.  That'll also prevent the case
        // where the test point is emitted AFTER the line that follows it.
        // buffered subtests must end with a }
        if (this.#child && this.#child.buffered && line === '}\n') {
            this.endChild();
            this.emit('line', line);
            this.emitResult();
            return;
        }
        // just a \n, emit only if we care about whitespace
        const validLine = this.preserveWhitespace || line.trim() || this.#yind;
        if (line === '\n')
            return validLine && this.emit('line', line);
        // buffered subtest with diagnostics
        if (this.#current &&
            line === '{\n' &&
            this.#current.diag &&
            !this.#current.buffered &&
            !this.#child) {
            this.emit('line', line);
            this.#current.buffered = true;
            return;
        }
        // now we know it's not indented, so if it's either valid tap
        // or garbage.  Get the type of line.
        const type = lineType(line);
        if (!type) {
            this.nonTap(line);
            return;
        }
        if (type[0] === 'comment') {
            this.emitComment(line);
            return;
        }
        // if we have any yamlish, it's garbage now.  We tolerate non-TAP and
        // comments in the midst of yaml (though, perhaps, that's questionable
        // behavior), but any actual TAP means that the yaml block was just
        // not valid.
        if (this.#yind)
            this.yamlGarbage();
        // If it's anything other than a comment or garbage, then any
        // maybeChild is just an unsatisfied promise.
        if (this.#maybeChild) {
            this.emitComment(this.#maybeChild);
            this.#maybeChild = null;
        }
        // nothing but comments can come after a trailing plan
        if (this.#postPlan) {
            this.nonTap(line);
            return;
        }
        // ok, now it's maybe a thing
        if (type[0] === 'bailout') {
            const msg = type[1]?.[1] || '';
            this.bailout(unesc(msg), false);
            return;
        }
        if (type[0] === 'pragma') {
            const [_, posNeg, key] = type[1];
            this.pragma(String(key), posNeg === '+', line);
            return;
        }
        if (type[0] === 'version') {
            const version = type[1];
            this.version(parseInt(String(version[1]), 10), line);
            return;
        }
        if (type[0] === 'plan') {
            const plan = type[1];
            this.plan(+String(plan[1]), +String(plan[2]), unesc(plan[3] || '').trim(), line);
            return;
        }
        // streamed subtests will end when this test point is emitted
        if (type[0] === 'testPoint') {
            // note: it's weird, but possible, to have a testpoint ending in
            // { before a streamed subtest which ends with a test point
            // instead of a }.  In this case, the parser gets confused, but
            // also, even beginning to handle that means doing a much more
            // involved multi-line parse.  By that point, the subtest block
            // has already been emitted as a 'child' event, so it's too late
            // to really do the optimal thing.  The only way around would be
            // to buffer up everything and do a multi-line parse.  This is
            // rare and weird, and a multi-line parse would be a bigger
            // rewrite, so I'm allowing it as it currently is.
            this.parseTestPoint(type[1], line);
            return;
        }
        // We already detected nontap up above, so the only case left
        // should be a `# Subtest:` comment.  Ignore for coverage, but
        // include the error here just for good measure.
        if (type[0] === 'subtest') {
            // this is potentially a subtest.  Not indented.
            // hold until later.
            this.#maybeChild = line;
            /* c8 ignore start */
        }
        else {
            throw new Error('Unhandled case: ' + type[0]);
        }
        /* c8 ignore stop */
    }
    parseIndent(line, indent) {
        // still belongs to the child, so pass it along.
        if (this.#child && line.substring(0, 4) === '    ') {
            line = line.substring(4);
            this.#child.write(line);
            return;
        }
        // one of:
        // - continuing yaml block
        // - starting yaml block
        // - ending yaml block
        // - body of a new child subtest that was previously introduced
        // - An indented subtest directive
        // - A comment, or garbage
        // continuing/ending yaml block
        if (this.#yind) {
            if (line.indexOf(this.#yind) === 0) {
                this.emit('line', line);
                this.yamlishLine(line);
                return;
            }
            else {
                // oops!  that was not actually yamlish, I guess.
                // this is a case where the indent is shortened mid-yamlish block
                // treat existing yaml as garbage, continue parsing this line
                this.yamlGarbage();
            }
        }
        // start a yaml block under a test point
        if (this.#current && !this.#yind && line === indent + '---\n') {
            this.#yind = indent;
            this.emit('line', line);
            return;
        }
        // at this point, not yamlish, and not an existing child test.
        // We may have already seen an unindented Subtest directive, or
        // a test point that ended in { indicating a buffered subtest
        // Child tests are always indented 4 spaces.
        if (line.substring(0, 4) === '    ') {
            if (this.#maybeChild ||
                (this.#current && this.#current.buffered) ||
                lineTypes.subtestIndent.test(line)) {
                this.startChild(line);
                return;
            }
            // It's _something_ indented, if the indentation is divisible by
            // 4 spaces, and the result is actual TAP of some sort, then do
            // a child subtest for it as well.
            //
            // This will lead to some ambiguity in cases where there are multiple
            // levels of non-signaled subtests, but a Subtest comment in the
            // middle of them, which may or may not be considered "indented"
            // See the subtest-no-comment-mid-comment fixture for an example
            // of this.  As it happens, the preference is towards an indented
            // Subtest comment as the interpretation, which is the only possible
            // way to resolve this, since otherwise there's no way to distinguish
            // between an anonymous subtest with a non-indented Subtest comment,
            // and an indented Subtest comment.
            const s = line.match(/( {4})+(.*\n)$/);
            if (s && s[2]?.charAt(0) !== ' ') {
                // integer number of indentations.
                const type = lineType(String(s[2]));
                if (type) {
                    if (type[0] === 'comment') {
                        this.emit('line', line);
                        this.emitComment(line);
                    }
                    else {
                        // it's relevant!  start as an "unnamed" child subtest
                        this.startChild(line);
                    }
                    return;
                }
            }
        }
        // at this point, it's either a non-subtest comment, or garbage.
        if (lineTypes.comment.test(line)) {
            this.emitComment(line);
            return;
        }
        this.nonTap(line);
    }
    static parse(str, options = {}) {
        return parse(str, options);
    }
    static stringify(msg, options = {}) {
        return stringify(msg, options);
    }
}

/** tape's closing summary and tap-parser's own synthetic comments are not test names. */
const NOT_A_SECTION = /^(?:tests|pass|fail|todo|skip|skipped|suites|cancelled|duration_ms)\s+[\d.]+$|^ok$|^test count\(/;
function parseTap(text, options = {}) {
    const source = options.source ?? "TAP output";
    const builder = new InventoryBuilder(options.framework ?? "tap");
    // node:test-style streams nest tests as subtests; tape-style streams name tests in comments.
    const nested = /^\s*# Subtest: /m.test(text);
    let final;
    const root = new Parser({ passes: false }, (results) => {
        final = results;
    });
    attach(root, [], builder, nested);
    root.end(text);
    if (final === undefined)
        throw new GateError(`${source}: the TAP parser did not finish`);
    const results = final;
    const facts = planFacts(results, builder.size, source);
    for (const failure of results.failures) {
        if ("tapError" in failure && typeof failure.tapError === "string") {
            builder.problem(`${source}: ${failure.tapError}`);
        }
    }
    return { inventory: builder.build(), facts };
}
/**
 * Wires a parser (root or child) to the builder. Returns a summary the parent reads when this child
 * closes: whether anything inside failed, and how many test points it held.
 */
function attach(parser, path, builder, nested) {
    const frame = { openChild: undefined, section: undefined };
    const summary = { failed: false, points: 0 };
    parser.on("child", (child) => {
        frame.openChild = attach(child, [...path, child.name], builder, nested);
    });
    parser.on("comment", (line) => {
        if (nested)
            return;
        const text = line.replace(/^\s*#\s?/, "").trim();
        if (text === "" || NOT_A_SECTION.test(text))
            return;
        const skipped = /^SKIP\s+(.+)$/.exec(text);
        if (skipped?.[1] !== undefined) {
            builder.add({ name: skipped[1], status: "skipped" });
            summary.points += 1;
            return;
        }
        const todo = /^TODO\s+(.+)$/.exec(text);
        frame.section = todo?.[1] ?? text;
    });
    parser.on("assert", (result) => {
        const child = frame.openChild;
        frame.openChild = undefined;
        const status = statusOf(result);
        if (child !== undefined && child.points > 0) {
            summary.points += child.points;
            if (child.failed)
                summary.failed = true;
            // The closing point of a subtest group: a test only when it failed on its own (a hook).
            if (status !== "failed" || child.failed)
                return;
        }
        const name = result.name.trim() === "" ? `#${result.id}` : result.name.trim();
        const suite = nested ? path.join(" > ") : frame.section;
        builder.add({ suite, name, status, message: messageOf(result), durationMs: durationOf(result) });
        summary.points += 1;
        if (status === "failed")
            summary.failed = true;
    });
    return summary;
}
function statusOf(result) {
    if (result.todo !== false)
        return "xfail";
    if (result.skip !== false)
        return "skipped";
    return result.ok ? "passed" : "failed";
}
function messageOf(result) {
    const directive = result.todo !== false ? result.todo : result.skip;
    if (typeof directive === "string" && directive !== "")
        return directive;
    const diag = result.diag;
    if (typeof diag === "object" && diag !== null) {
        for (const key of ["error", "message"]) {
            const value = diag[key];
            if (typeof value === "string" && value !== "")
                return value;
        }
    }
    return undefined;
}
function durationOf(result) {
    const diag = result.diag;
    if (typeof diag !== "object" || diag === null)
        return undefined;
    const value = diag.duration_ms;
    return typeof value === "number" ? value : undefined;
}
function planFacts(results, seen, source) {
    const incomplete = [];
    const { start, end, skipAll } = results.plan;
    let declared;
    if (start !== null && end !== null) {
        declared = skipAll ? 0 : Math.max(0, end - start + 1);
        if (results.count < declared) {
            incomplete.push(`${source}: the plan announced ${declared} tests but only ${results.count} reported`);
        }
        else if (results.count > declared) {
            incomplete.push(`${source}: ${results.count} test points for a plan of ${declared}`);
        }
    }
    else if (results.count > 0 || results.bailout === false) {
        incomplete.push(`${source}: the TAP stream has no plan line (the run may have stopped early)`);
    }
    if (results.bailout !== false) {
        const reason = typeof results.bailout === "string" && results.bailout !== "" ? `: ${results.bailout}` : "";
        incomplete.push(`${source}: Bail out!${reason}`);
    }
    return declared === undefined ? { seen, incomplete } : { declared, seen, incomplete };
}

/**
 * Throws GateError when a report exists but cannot be read (malformed XML or JSON). A missing
 * report is not an error: the run produced no results, which `facts.incomplete` says and the
 * exit-consistency and comparison checks turn into findings.
 */
function parseRunOutput(format, output, options) {
    const { framework } = options;
    switch (format) {
        case "junit":
            if (output.files.length === 0)
                return noResults(framework, "no JUnit report was written");
            return parseJUnit(output.files, options);
        case "jest-json": {
            const runs = output.files.map((file) => parseJestJson(file, options));
            return runs.length === 0
                ? noResults(framework, "no jest JSON report was written")
                : mergeRuns(framework, runs);
        }
        case "tap": {
            if (output.stdout !== undefined)
                return parseTap(output.stdout, { framework, source: "stdout" });
            const runs = [...output.files]
                .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
                .map((file) => parseTap(file.content, { framework, source: file.name }));
            return runs.length === 0
                ? noResults(framework, "no TAP report was written")
                : mergeRuns(framework, runs);
        }
        case "go-json":
            return parseGoTestJson(output.stdout ?? "", { framework, source: "go test output" });
        case "cargo":
            return parseCargoOutput(output.stdout ?? "", { framework, source: "cargo test output" });
    }
}
function noResults(framework, why) {
    return { inventory: new InventoryBuilder(framework).build(), facts: { seen: 0, incomplete: [why] } };
}
/** Several runs' results as one; an id seen again gets the next `#n` suffix. */
function mergeRuns(framework, runs) {
    if (runs.length === 1 && runs[0] !== undefined)
        return runs[0];
    const builder = new InventoryBuilder(framework);
    const incomplete = [];
    let declared;
    for (const run of runs) {
        for (const test of run.inventory.tests.values()) {
            const id = builder.add(test);
            if (id !== test.id)
                builder.problem(`test ${test.id} appears in more than one report (kept as ${id})`);
        }
        for (const problem of run.inventory.problems)
            builder.problem(problem);
        incomplete.push(...run.facts.incomplete);
        if (run.facts.declared !== undefined)
            declared = (declared ?? 0) + run.facts.declared;
    }
    const facts = { seen: builder.size, incomplete };
    return { inventory: builder.build(), facts: declared === undefined ? facts : { declared, ...facts } };
}

/**
 * The unittest preset's result recorder. Python's unittest has no machine-readable reporter and
 * `xmlrunner` is not packaged by Debian, so the gate writes this file as `sitecustomize.py` into a
 * directory it puts first on PYTHONPATH (see `presets.ts`). Python imports it at start-up in every
 * process; it wraps `unittest.TestResult` and `unittest.TextTestRunner.run`, so `python -m unittest`,
 * `unittest.main()` and `make test` all write `unittest-<pid>.xml` into `$LOOPHOLE_REPORTS` when
 * their run ends. A process that exits early (`os._exit(0)`) writes nothing: the gate then sees no
 * results, never a pass.
 *
 * Kept free of imports and type syntax so `scripts/make-report-fixtures.sh` can load it with plain
 * Node.
 */
const UNITTEST_SITECUSTOMIZE = String.raw `# Written by loophole into its report directory and loaded through PYTHONPATH as sitecustomize:
# records every unittest result and writes JUnit XML into $LOOPHOLE_REPORTS when a
# unittest.TextTestRunner run ends (python -m unittest, unittest.main(), custom scripts alike).
# A process that dies before the run ends writes nothing, which the gate reports as missing results.
import os
import sys


def _loophole_chain():
    # Keep the behaviour of any other sitecustomize on the path (Debian ships one).
    import importlib.machinery
    import importlib.util

    here = os.path.dirname(os.path.abspath(__file__))
    path = [p for p in sys.path if os.path.abspath(p or ".") != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", path)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


def _loophole_install(out_dir):
    import re
    import time
    import unittest
    import xml.etree.ElementTree as ET

    records = []
    by_key = {}
    invalid = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

    def clean(text):
        return invalid.sub("\ufffd", str(text))

    def describe(test):
        method = getattr(test, "_testMethodName", None)
        if method is None:
            # setUpClass/setUpModule failures arrive as _ErrorHolder objects.
            return "", str(getattr(test, "description", None) or test.id()), None
        cls = type(test)
        module = sys.modules.get(cls.__module__)
        path = getattr(module, "__file__", None)
        if cls.id is not unittest.TestCase.id:
            # Doctest cases and FunctionTestCase all run "runTest" and name themselves through id():
            # by method name alone, swapping one doctest file for another would keep every id.
            method = str(test.id())
            path = getattr(getattr(test, "_dt_test", None), "filename", None) or path
        if path:
            try:
                path = os.path.relpath(path)
            except ValueError:
                path = None
            # Files outside the working tree (unittest's own loader, for import errors) name no test file.
            if path is not None and (path == ".." or path.startswith(".." + os.sep)):
                path = None
        return cls.__module__ + "." + cls.__qualname__, method, path

    def entry(test):
        record = by_key.get(id(test))
        if record is None or record["test"] is not test:
            classname, name, path = describe(test)
            record = {"test": test, "classname": classname, "name": name, "file": path,
                      "status": None, "message": "", "summary": None, "start": time.perf_counter(),
                      "time": 0.0}
            by_key[id(test)] = record
            records.append(record)
        return record

    def mark(test, status, message, err=None):
        record = entry(test)
        # A failing subtest already decided the outcome; a later addSuccess must not undo it.
        if record["status"] in ("failed", "error") and status == "passed":
            return
        record["status"] = status
        record["message"] = message
        record["summary"] = summary(err)

    def summary(err):
        # The exception's own first line ("AssertionError: 'a' != 'b'"), not the traceback's last
        # line, which for a multi-line assertEqual diff is a "?   ^" hint.
        if err is None:
            return None
        try:
            import traceback
            lines = "".join(traceback.format_exception_only(err[0], err[1])).strip().splitlines()
            return lines[0] if lines else None
        except Exception:  # noqa: BLE001 - fall back to the traceback's last line
            return None

    base = unittest.TestResult
    original = {name: getattr(base, name) for name in (
        "startTest", "stopTest", "addSuccess", "addFailure", "addError", "addSkip",
        "addExpectedFailure", "addUnexpectedSuccess", "addSubTest")}

    def startTest(self, test):
        entry(test)
        return original["startTest"](self, test)

    def stopTest(self, test):
        record = entry(test)
        record["time"] = time.perf_counter() - record["start"]
        return original["stopTest"](self, test)

    def addSuccess(self, test):
        mark(test, "passed", "")
        return original["addSuccess"](self, test)

    def addFailure(self, test, err):
        mark(test, "failed", self._exc_info_to_string(err, test), err)
        return original["addFailure"](self, test, err)

    def addError(self, test, err):
        mark(test, "error", self._exc_info_to_string(err, test), err)
        return original["addError"](self, test, err)

    def addSkip(self, test, reason):
        mark(test, "skipped", reason)
        return original["addSkip"](self, test, reason)

    def addExpectedFailure(self, test, err):
        mark(test, "xfail", self._exc_info_to_string(err, test), err)
        return original["addExpectedFailure"](self, test, err)

    def addUnexpectedSuccess(self, test):
        mark(test, "failed", "unexpected success (the test is marked expectedFailure)")
        return original["addUnexpectedSuccess"](self, test)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            status = "failed" if issubclass(err[0], test.failureException) else "error"
            mark(test, status, str(subtest) + "\n" + self._exc_info_to_string(err, test), err)
        return original["addSubTest"](self, test, subtest, err)

    for name, function in (("startTest", startTest), ("stopTest", stopTest), ("addSuccess", addSuccess),
                           ("addFailure", addFailure), ("addError", addError), ("addSkip", addSkip),
                           ("addExpectedFailure", addExpectedFailure),
                           ("addUnexpectedSuccess", addUnexpectedSuccess), ("addSubTest", addSubTest)):
        setattr(base, name, function)

    target = os.path.join(out_dir, "unittest-%d.xml" % os.getpid())
    tags = {"failed": "failure", "error": "error", "skipped": "skipped", "xfail": "skipped"}

    def write():
        root = ET.Element("testsuites")
        suite = ET.SubElement(root, "testsuite", {"name": "unittest", "tests": str(len(records))})
        for record in records:
            attrs = {"classname": clean(record["classname"]), "name": clean(record["name"]),
                     "time": "%.6f" % record["time"]}
            if record["file"]:
                attrs["file"] = clean(record["file"])
            case = ET.SubElement(suite, "testcase", attrs)
            status = record["status"]
            message = record["message"]
            if status is None:
                status, message = "error", "the test started but reported no outcome"
            tag = tags.get(status)
            if tag is None:
                continue
            first = record["summary"] or (message.strip().splitlines()[-1] if message.strip() else "")
            child = ET.SubElement(case, tag, {"message": clean(first)[:1000]})
            if status == "xfail":
                child.set("type", "xfail")
            if message:
                child.text = clean(message)
        data = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
        partial = target + ".partial"
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(partial, target)

    run = unittest.TextTestRunner.run

    def run_and_write(self, test):
        try:
            return run(self, test)
        finally:
            try:
                write()
            except Exception as error:  # noqa: BLE001 - the gate reports the missing file
                sys.stderr.write("loophole: could not write %s: %s\n" % (target, error))

    unittest.TextTestRunner.run = run_and_write


try:
    _loophole_chain()
finally:
    if os.environ.get("LOOPHOLE_REPORTS"):
        _loophole_install(os.environ["LOOPHOLE_REPORTS"])
`;

function testPreset(framework, reportsDir, options = {}) {
    const dir = reportsDir.replace(/\/+$/, "");
    const base = { LOOPHOLE_REPORTS: dir, CI: "true" };
    const same = (command) => command;
    switch (framework) {
        case "pytest":
            return {
                framework,
                env: {
                    ...base,
                    PYTEST_ADDOPTS: `--junitxml=${quoteOption(`${dir}/pytest.xml`)} -o junit_family=xunit2 -p no:cacheprovider`,
                },
                wrap: same,
                parse: "junit",
                reports: ["pytest.xml"],
            };
        case "unittest":
            return {
                framework,
                env: { ...base, PYTHONPATH: `${dir}/.loophole/python`, PYTHONDONTWRITEBYTECODE: "1" },
                wrap: same,
                parse: "junit",
                reports: ["unittest-*.xml"],
                files: { ".loophole/python/sitecustomize.py": UNITTEST_SITECUSTOMIZE },
            };
        case "jest":
            return {
                framework,
                env: base,
                wrap: (command) => appendArguments(command, ["--json", `--outputFile=${dir}/jest.json`]),
                parse: "jest-json",
                reports: ["jest.json"],
            };
        case "vitest":
            return {
                framework,
                env: base,
                wrap: (command) => appendArguments(command, [
                    "--reporter=default",
                    "--reporter=junit",
                    `--outputFile.junit=${dir}/vitest.xml`,
                ]),
                parse: "junit",
                reports: ["vitest.xml"],
            };
        case "mocha":
            return {
                framework,
                env: base,
                wrap: (command) => appendArguments(command, [
                    "--reporter",
                    "xunit",
                    "--reporter-option",
                    `output=${dir}/mocha.xml`,
                    "--forbid-only",
                ]),
                parse: "junit",
                reports: ["mocha.xml"],
            };
        case "node":
            return {
                framework,
                env: {
                    ...base,
                    NODE_OPTIONS: [
                        "--test-reporter=junit",
                        `--test-reporter-destination=${quoteOption(`${dir}/node.xml`)}`,
                        "--test-reporter=spec",
                        "--test-reporter-destination=stdout",
                    ].join(" "),
                },
                wrap: same,
                parse: "junit",
                reports: ["node.xml"],
            };
        case "tape":
            return { framework, env: base, wrap: same, parse: "tap", reports: [], stdout: true };
        case "go":
            return {
                framework,
                env: { ...base, GOFLAGS: "-json" },
                wrap: mergeStderr,
                parse: "go-json",
                reports: [],
                stdout: true,
            };
        case "cargo":
            return {
                framework,
                env: { ...base, CARGO_TERM_COLOR: "never" },
                wrap: (command) => mergeStderr(addNoFailFast(command)),
                parse: "cargo",
                reports: [],
                stdout: true,
            };
        case "junit":
            return {
                framework,
                env: base,
                wrap: same,
                parse: "junit",
                reports: nonEmpty(options.reports, ["**/*.xml"]),
            };
        case "tap":
            return { framework, env: base, wrap: same, parse: "tap", reports: nonEmpty(options.reports, ["**/*"]) };
    }
}
function nonEmpty(globs, fallback) {
    return globs !== undefined && globs.length > 0 ? [...globs] : fallback;
}
/** Variables whose existing value the preset extends rather than replaces, and their separators. */
const JOINED = {
    PYTEST_ADDOPTS: " ",
    NODE_OPTIONS: " ",
    GOFLAGS: " ",
    PYTHONPATH: ":",
};
/**
 * The contract's env plus the preset's. For PYTEST_ADDOPTS, NODE_OPTIONS, GOFLAGS and PYTHONPATH both
 * values are kept, the preset's last (pytest and node let the last option win) or first on
 * PYTHONPATH (so the recorder's sitecustomize is the one imported).
 */
function mergePresetEnv(contractEnv, preset) {
    const merged = { ...contractEnv };
    for (const [name, value] of Object.entries(preset.env)) {
        const existing = contractEnv[name];
        const separator = JOINED[name];
        if (existing === undefined || existing === "" || separator === undefined)
            merged[name] = value;
        else
            merged[name] =
                name === "PYTHONPATH" ? `${value}${separator}${existing}` : `${existing}${separator}${value}`;
    }
    return merged;
}
/**
 * Adds arguments to the runner invocation at the end of `command`. `npm test` / `npm run x` need
 * `--` to pass them on; yarn, pnpm and bun pass trailing arguments to the script as they are. In a
 * compound command (`a && b`) they reach the last command only, so `tests.run` should be one runner
 * invocation.
 */
function appendArguments(command, args) {
    const trimmed = command.trimEnd();
    const quoted = args.map(shellQuote).join(" ");
    const npmScript = /(?:^|[;&|(]\s*)npm\s+(?:test|t|tst|run(?:-script)?\s+\S+)(?:\s+[^;&|]*)?$/.test(trimmed);
    if (npmScript && !/\s--(?:\s|$)/.test(trimmed))
        return `${trimmed} -- ${quoted}`;
    return `${trimmed} ${quoted}`;
}
/** Runs the command with stderr merged into stdout; the newlines keep a trailing `&` or comment harmless. */
function mergeStderr(command) {
    return `{\n${command}\n} 2>&1`;
}
/** `cargo test` → `cargo test --no-fail-fast` (every occurrence, unless already there). */
function addNoFailFast(command) {
    if (command.includes("--no-fail-fast"))
        return command;
    return command.replace(/\bcargo(\s+\+\S+)?\s+test\b/g, (match) => `${match} --no-fail-fast`);
}
function shellQuote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'"'"'`)}'`;
}
/** NODE_OPTIONS and PYTEST_ADDOPTS split on spaces but honour double quotes. */
function quoteOption(value) {
    return /[\s"]/.test(value) ? `"${value.replaceAll('"', '\\"')}"` : value;
}

function stepStatus(result) {
    if (result.error !== undefined)
        return "error";
    if (result.timedOut)
        return "timeout";
    return result.exitCode === 0 ? "pass" : "fail";
}
function toStepReport(name, command, result) {
    const report = {
        name,
        command,
        status: stepStatus(result),
        exitCode: result.exitCode,
        durationMs: result.durationMs,
        outputTail: result.output,
        outputBytes: result.outputBytes,
    };
    if (result.error !== undefined)
        report.reason = result.error;
    else if (result.timedOut)
        report.reason = "timed out and was killed";
    return report;
}
function skippedStep(name, command, reason) {
    return {
        name,
        command,
        status: "skipped",
        exitCode: null,
        durationMs: 0,
        outputTail: "",
        outputBytes: 0,
        reason,
    };
}

/**
 * Reads the report files a test run wrote into the report directory the gate created empty for it
 * (trust model rule 4): only regular files, never through a symlink, not the gate's own helper
 * files, selected by the preset's globs, and bounded in total size.
 */
const MAX_REPORT_BYTES = 512 * 1024 * 1024;
async function readReportFiles(dir, globs, ownFiles, maxBytes = MAX_REPORT_BYTES) {
    const match = picomatch(globs.length === 0 ? ["**"] : [...globs], { dot: true });
    const own = new Set(ownFiles);
    const files = [];
    const problems = [];
    let total = 0;
    const root = await realpath(dir);
    for (const path of (await walk(dir, problems)).sort()) {
        const name = relative(dir, path).split(sep).join("/");
        if (own.has(name) || name.startsWith(".loophole/") || !match(name))
            continue;
        // A process of the run may still be alive and swap a file or a parent directory for a symlink
        // between the walk and the read: refuse a final symlink (O_NOFOLLOW), then check where the
        // opened descriptor really points before reading a byte.
        const handle = await open(path, constants$2.O_RDONLY | constants$2.O_NOFOLLOW).catch(() => undefined);
        if (handle === undefined) {
            problems.push(`report ${name} could not be opened without following a symlink; refused`);
            continue;
        }
        try {
            const real = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => path);
            if (!real.startsWith(`${root}${sep}`)) {
                problems.push(`report ${name} resolved outside the report directory; refused`);
                continue;
            }
            const stat = await handle.stat();
            if (!stat.isFile())
                continue;
            total += stat.size;
            if (total > maxBytes) {
                throw new GateError(`the test run wrote more than ${Math.round(maxBytes / 1024 / 1024)} MB of reports; refusing to read them`);
            }
            files.push({ name, content: await handle.readFile("utf8") });
        }
        finally {
            await handle.close();
        }
    }
    return { files, problems };
}
async function walk(dir, problems) {
    const out = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        const stat = await lstat(path);
        if (stat.isSymbolicLink()) {
            problems.push(`report path ${entry.name} is a symlink and was refused`);
        }
        else if (stat.isDirectory()) {
            out.push(...(await walk(path, problems)));
        }
        else if (stat.isFile()) {
            out.push(path);
        }
    }
    return out;
}

/**
 * The complete output of a test command, for formats read from stdout (TAP, `go test -json`,
 * libtest): kept in a file on the host, not in memory, up to a limit past which the run is an
 * error rather than a silently truncated inventory.
 */
const MAX_STDOUT_BYTES = 512 * 1024 * 1024;
class StdoutCapture {
    #path;
    #stream;
    #max;
    #bytes = 0;
    #overflow = false;
    constructor(dir, max = MAX_STDOUT_BYTES) {
        this.#path = join(dir, "output.log");
        this.#stream = createWriteStream(this.#path, { mode: 0o600 });
        this.#max = max;
    }
    push = (chunk) => {
        if (this.#overflow)
            return;
        this.#bytes += chunk.length;
        if (this.#bytes > this.#max) {
            this.#overflow = true;
            return;
        }
        this.#stream.write(chunk);
    };
    async text() {
        this.#stream.end();
        await once(this.#stream, "close");
        if (this.#overflow) {
            throw new GateError(`the test command printed more than ${Math.round(this.#max / 1024 / 1024)} MB; its results cannot be read in full`);
        }
        return readFile(this.#path, "utf8");
    }
}

async function runTests(session, options) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { tests, reports } = options;
        const preset = testPreset(tests.framework, reports.sandboxPath, { reports: tests.reports });
        const ownFiles = Object.keys(preset.files ?? {});
        for (const [name, content] of Object.entries(preset.files ?? {})) {
            const target = join(reports.hostPath, name);
            await mkdir(dirname(target), { recursive: true });
            await writeFile(target, content);
        }
        const command = preset.wrap(tests.run);
        const scratch = __addDisposableResource(env_1, await createTempDir("stdout"), true);
        const capture = preset.stdout === true ? new StdoutCapture(scratch.path) : undefined;
        const result = await session.exec(command, {
            env: mergePresetEnv(options.env, preset),
            ...(tests.timeoutMs === undefined ? {} : { timeoutMs: tests.timeoutMs }),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(capture ? { onOutput: capture.push } : {}),
        });
        const step = toStepReport(`tests (${tests.framework})`, tests.run, result);
        if (result.error !== undefined)
            return { step, parsed: undefined, error: result.error, problems: [] };
        try {
            const scan = await readReportFiles(reports.hostPath, preset.reports, ownFiles);
            const stdout = capture ? await capture.text() : undefined;
            const parsed = parseRunOutput(preset.parse, stdout === undefined ? { files: scan.files } : { files: scan.files, stdout }, { framework: tests.framework, roots: options.roots });
            return { step, parsed, problems: [...scan.problems, ...parsed.inventory.problems] };
        }
        catch (error) {
            return { step, parsed: undefined, error: getErrorMessage(error), problems: [] };
        }
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}

const WORKDIR = "/work";
const REPORTS_PATH = "/loophole/reports";
async function runSide(options) {
    const { contract } = options;
    const result = {
        side: options.side,
        setup: [],
        verifiers: [],
        findings: [],
        containersStarted: 0,
    };
    const defaultImage = contract.sandbox.image ?? "host";
    const groups = new Map([[defaultImage, []]]);
    if (options.runVerifiers) {
        for (const verifier of contract.verifiers) {
            const image = verifier.image ?? defaultImage;
            groups.set(image, [...(groups.get(image) ?? []), verifier]);
        }
    }
    for (const [image, verifiers] of groups) {
        const withTests = image === defaultImage && options.runTests && contract.tests !== undefined;
        if (!withTests && verifiers.length === 0)
            continue;
        await runGroup(options, image, verifiers, withTests, result);
    }
    return result;
}
async function runGroup(options, image, verifiers, withTests, result) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { logger, contract } = options;
        const prefix = options.side === "head" ? "" : `[${options.side}] `;
        const reports = __addDisposableResource(env_1, withTests ? await createTempDir("reports") : undefined, true);
        const reportsSandboxPath = options.runtime.hostPaths ? (reports?.path ?? "") : REPORTS_PATH;
        const mounts = reports
            ? [{ hostPath: reports.path, containerPath: REPORTS_PATH, readonly: false }]
            : [];
        let session;
        let setupFailed = false;
        const open = async () => {
            if (setupFailed)
                return undefined;
            const started = await options.runtime.startSession(sessionSpec(options, image, mounts));
            try {
                await options.workspaceReady;
            }
            catch (error) {
                await started[Symbol.asyncDispose]();
                throw error;
            }
            for (const step of contract.setup) {
                logger.info(`${prefix}setup "${step.name}": ${step.run}`);
                const run = await tracked(options, `${options.side} setup: ${step.name}`, () => started.exec(step.run, {
                    ...(step.timeoutMs === undefined ? {} : { timeoutMs: step.timeoutMs }),
                    ...(options.signal ? { signal: options.signal } : {}),
                }));
                const report = toStepReport(`${prefix}${step.name}`, step.run, run);
                result.setup.push(report);
                if (report.status !== "pass") {
                    setupFailed = true;
                    result.setupFailed = step.name;
                    result.containersStarted += started.containersStarted;
                    await started[Symbol.asyncDispose]();
                    if (options.side === "head") {
                        const how = report.status === "timeout" ? "timed out" : `failed (exit ${String(report.exitCode)})`;
                        result.findings.push(finding("setup-failed", "fail", `setup step "${step.name}" ${how} in image ${image}; what follows it did not run`));
                    }
                    return undefined;
                }
            }
            return started;
        };
        const close = async () => {
            if (!session)
                return;
            result.containersStarted += session.containersStarted;
            await session[Symbol.asyncDispose]();
            session = undefined;
        };
        try {
            if (withTests && contract.tests && reports) {
                session = await open();
                if (session) {
                    logger.info(`${prefix}tests (${contract.tests.framework}): ${contract.tests.run}`);
                    const testSession = session;
                    const tests = contract.tests;
                    result.tests = await tracked(options, `${options.side} tests`, () => runTests(testSession, {
                        tests,
                        env: contract.sandbox.env,
                        reports: { hostPath: reports.path, sandboxPath: reportsSandboxPath },
                        roots: [`${options.runtime.hostPaths ? options.workspace : WORKDIR}/`],
                        ...(options.signal ? { signal: options.signal } : {}),
                    }));
                    logger.info(`${prefix}tests: ${result.tests.step.status} in ${formatDuration(result.tests.step.durationMs)}`);
                    if (result.tests.step.status === "timeout")
                        await close();
                }
            }
            for (const verifier of verifiers) {
                if (options.signal?.aborted) {
                    result.verifiers.push({ ...skippedStep(verifier.name, verifier.run, "cancelled"), image });
                    continue;
                }
                const reused = reuseTestRun(verifier, result.tests, withTests);
                if (reused) {
                    result.verifiers.push({ ...reused, name: verifier.name, image });
                    result.findings.push(...verifierFindings(reused, verifier.name));
                    continue;
                }
                session ??= await open();
                if (!session) {
                    result.verifiers.push({
                        ...skippedStep(verifier.name, verifier.run, `setup step "${result.setupFailed ?? "?"}" failed`),
                        image,
                    });
                    continue;
                }
                logger.info(`verifier "${verifier.name}": ${verifier.run}`);
                const verifierSession = session;
                const run = await tracked(options, `verifier: ${verifier.name}`, () => verifierSession.exec(verifier.run, {
                    env: verifier.env,
                    ...(verifier.timeoutMs === undefined ? {} : { timeoutMs: verifier.timeoutMs }),
                    ...(options.signal ? { signal: options.signal } : {}),
                }));
                const step = { ...toStepReport(verifier.name, verifier.run, run), image };
                result.verifiers.push(step);
                logger.info(`verifier "${verifier.name}": ${step.status} in ${formatDuration(step.durationMs)}`);
                result.findings.push(...verifierFindings(step, verifier.name));
                if (run.timedOut)
                    await close();
            }
        }
        finally {
            await close();
        }
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}
/** Shows `label` as running while `fn` runs. */
async function tracked(options, label, fn) {
    const progress = options.progress ?? silentProgress;
    progress.start(label, label);
    let ok = false;
    try {
        const value = await fn();
        ok = true;
        return value;
    }
    finally {
        progress.end(label, ok ? "ok" : "failed");
    }
}
/**
 * A verifier whose command is exactly the tests command, in the same image, already ran: its
 * result is the test run's (running the suite twice on the same tree would only cost time).
 */
function reuseTestRun(verifier, tests, sameSession) {
    if (!sameSession || tests === undefined || tests.step.command !== verifier.run)
        return undefined;
    if (Object.keys(verifier.env).length > 0 || verifier.timeoutMs !== undefined)
        return undefined;
    return {
        ...tests.step,
        reason: tests.step.reason ?? "same command as the tests run; its result is reused",
    };
}
function sessionSpec(options, image, mounts) {
    const { sandbox } = options.contract;
    return {
        image,
        workspace: options.workspace,
        workdir: WORKDIR,
        mounts,
        env: { ...sandbox.env },
        network: sandbox.network,
        cpus: sandbox.cpus,
        memoryBytes: sandbox.memoryBytes,
        pids: sandbox.pids,
        timeoutMs: sandbox.timeoutMs,
        labels: { ...options.labels, "dev.loophole.side": options.side },
    };
}
function verifierFindings(step, name) {
    switch (step.status) {
        case "pass":
        case "skipped":
            return [];
        case "timeout":
            return [
                finding("verifier-failed", "fail", `verifier "${name}" timed out after ${formatDuration(step.durationMs)}`),
            ];
        case "fail":
            return [
                finding("verifier-failed", "fail", `verifier "${name}" failed with exit code ${String(step.exitCode)}`),
            ];
        case "error":
            return [
                finding("verifier-error", "fail", `verifier "${name}" could not be run: ${step.reason ?? "unknown error"}`),
            ];
    }
}

/**
 * Reads the contract from the base commit — never from the head or the work tree, so a pull request
 * cannot weaken the contract that judges it.
 */
async function readBaseContract(git, contractCommit, head, contractPath) {
    const blob = await git.readBlob(contractCommit, contractPath);
    if (blob === undefined) {
        const atHead = await git.readBlob(head, contractPath);
        const findings = atHead === undefined
            ? []
            : [
                finding("contract-added", "info", `This change adds ${contractPath}. It is not enforceable yet: a change cannot bring the contract that judges it. Once it is on the base branch it judges the changes after it.`, { path: contractPath }),
            ];
        return {
            ok: false,
            findings,
            error: new ConfigurationError(`No contract at the base commit: ${contractPath} does not exist at ${contractCommit.slice(0, 12)}.`, [
                "loophole reads the contract from the base commit only, so a pull request cannot weaken it.",
                "Write one with `npx loophole init`, review it, and commit it to the base branch (usually through a pull request a human merges).",
                "If the contract lives elsewhere, set the `contract` input (action) or `--contract PATH` (CLI).",
            ]),
        };
    }
    const text = blob.toString("utf8");
    const contract = parseContract(text, `${contractPath}@${contractCommit.slice(0, 12)}`);
    // Hash the exact bytes of the file, so the provenance matches `sha256sum loophole.json`.
    return { ok: true, value: { contract, sha256: contractSha256(blob) } };
}

// Protected-path patterns, matched against repository paths with picomatch. (Line comments, since
// the examples contain the sequence that would end a block comment.)
//
// Semantics (gitignore-like; the differences are marked):
// - Patterns are relative to the repository root and compared, case-sensitively, with the full
//   path of every changed file (`src/app/test_x.py`).
// - A pattern without a `/` (other than a trailing one) matches at any depth, as in .gitignore:
//   `conftest.py` matches `conftest.py` and `a/b/conftest.py`; `*.snap` matches every snapshot.
// - A pattern with a `/` at the start or in the middle is anchored to the root: `/setup.cfg` and
//   `tests/unit/*.py` match only from the top. `**/` still spans directories: `**/fixtures/` is a
//   `fixtures` directory anywhere, `src/**/test_*.py` a test file at any depth under `src/`.
// - A pattern that matches a directory matches everything under it: `tests`, `tests/` and
//   `tests/**` all protect every file below `tests/`. Unlike .gitignore, `tests/` and `tests/**`
//   also match a file or symlink named `tests` itself, so replacing a protected directory by a file
//   or a symlink is caught.
// - `*` and `?` do not cross `/`; `**` does. `[abc]`, `[a-z]` and `{a,b}` work as in picomatch;
//   `(`, `)`, `|` and extglobs such as `+(a|b)` are ordinary characters. A backslash escapes the next character (`\*`, `\!`).
// - Dotfiles and dot-directories match like any other name (`*.yml` matches `.pre-commit.yml`).
// - A leading `!` negates: a path is protected when the LAST pattern that matches it is not a
//   negation, as in .gitignore. Unlike .gitignore, a negation can re-include a file inside a
//   matched directory: `["tests/", "!tests/generated/"]` protects `tests/` except `tests/generated/`.
// - Names may contain any character, newlines included.
// Invalid patterns (empty, `.`, `..` or empty segments, a NUL) are rejected with a
// ConfigurationError naming the pattern.
const PICOMATCH_OPTIONS = {
    dot: true,
    // Negation is handled here, so that "last match wins" works across patterns.
    nonegate: true,
    noextglob: true,
};
/** A predicate telling whether a path is protected by `patterns`. */
function compileGlobs(patterns) {
    const decide = compileGlobRules(patterns);
    return (path) => decide(path) !== undefined;
}
/**
 * Like compileGlobs, but answers with the pattern that decided (for messages), or undefined when
 * no pattern matches or the deciding one is a negation.
 */
function compileGlobRules(patterns) {
    const rules = patterns.map(compileRule);
    return (path) => {
        const candidates = pathAndParents(path);
        for (let i = rules.length - 1; i >= 0; i--) {
            const rule = rules[i];
            if (rule === undefined)
                continue;
            if (candidates.some((candidate) => rule.regex.test(candidate))) {
                return rule.negated ? undefined : rule.pattern;
            }
        }
        return undefined;
    };
}
function compileRule(pattern) {
    const negated = pattern.startsWith("!");
    let body = negated ? pattern.slice(1) : pattern;
    const invalid = (why) => new ConfigurationError(`invalid protected-path pattern ${JSON.stringify(pattern)}: ${why}`);
    if (body.includes("\0"))
        throw invalid("it contains a NUL character");
    const anchored = body.startsWith("/");
    if (anchored)
        body = body.slice(1);
    if (body.endsWith("/"))
        body = body.slice(0, -1);
    if (body === "")
        throw invalid("it matches nothing (an empty pattern)");
    if (body.split("/").some((segment) => segment === "." || segment === ".." || segment === "")) {
        throw invalid('write paths from the repository root, without "./", ".." or "//"');
    }
    const rooted = anchored || body.includes("/");
    // picomatch already lets `dir/**` match `dir` itself; a trailing `/` is covered by parent matching.
    const glob = literalRegexCharacters(rooted ? body : `**/${body}`);
    try {
        const re = picomatch.makeRe(glob, PICOMATCH_OPTIONS);
        // picomatch's answer to a pattern it cannot parse (an unclosed brace) is a regex matching nothing.
        if (re.source === "$^")
            throw invalid("it cannot be parsed (an unclosed brace or bracket?)");
        // Paths may contain newlines: make `.` in picomatch's output match them too.
        return {
            pattern,
            negated,
            regex: new RegExp(re.source, re.flags.includes("s") ? re.flags : `${re.flags}s`),
        };
    }
    catch (error) {
        if (error instanceof ConfigurationError)
            throw error;
        throw invalid(error instanceof Error ? error.message : "picomatch rejected it");
    }
}
/**
 * picomatch passes `(`, `)` and `|` through to the regex it builds (so `a|b` would match `b`);
 * in a path pattern they are ordinary characters, so they are escaped unless already escaped.
 */
function literalRegexCharacters(glob) {
    let out = "";
    for (let i = 0; i < glob.length; i++) {
        const char = glob.charAt(i);
        if (char === "\\") {
            out += char + glob.charAt(i + 1);
            i++;
        }
        else {
            out += char === "(" || char === ")" || char === "|" ? `\\${char}` : char;
        }
    }
    return out;
}
/** `a/b/c` → [`a`, `a/b`, `a/b/c`]: a pattern matching a directory matches what lies under it. */
function pathAndParents(path) {
    const parts = path.split("/");
    return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

/**
 * The append-only rule for one file: the head version may add lines anywhere, but every line of the
 * base version must still be there, unchanged and in the same order. Lines are compared byte for
 * byte without their "\n" (so a "\r" is part of the line, and turning CRLF into LF changes every
 * line); a missing newline at the very end is not a change, so appending to a file that lacked one
 * is allowed. Binary files (a NUL byte or invalid UTF-8 on either side) may only grow at the end.
 */
/** Above this many cells the line-level diff used to place a violation is not attempted. */
const MAX_DIFF_CELLS = 4_000_000;
function checkAppendOnly(base, head) {
    if (isBinary(base) || isBinary(head)) {
        if (head.length >= base.length && head.subarray(0, base.length).equals(base))
            return { ok: true };
        return {
            ok: false,
            line: undefined,
            description: "existing bytes were changed or removed (binary file)",
        };
    }
    const baseLines = splitLines(base.toString("utf8"));
    const headLines = splitLines(head.toString("utf8"));
    if (isSubsequence(baseLines, headLines))
        return { ok: true };
    return locateViolation(baseLines, headLines);
}
function isBinary(content) {
    return content.includes(0) || !isUtf8(content);
}
function splitLines(text) {
    if (text === "")
        return [];
    const lines = text.split("\n");
    if (lines[lines.length - 1] === "")
        lines.pop();
    return lines;
}
/** Greedy in-order matching decides exactly whether every base line survives. */
function isSubsequence(base, head) {
    let j = 0;
    for (const line of base) {
        while (j < head.length && head[j] !== line)
            j++;
        if (j === head.length)
            return false;
        j++;
    }
    return true;
}
/**
 * Finds where the first base line was lost, for the annotation: the common prefix and suffix are
 * set aside, and the middle gets a longest-common-subsequence diff that prefers reporting a
 * removal before an insertion, so a changed line is reported where the new text stands.
 */
function locateViolation(base, head) {
    let prefix = 0;
    while (prefix < base.length && prefix < head.length && base[prefix] === head[prefix])
        prefix++;
    let suffix = 0;
    while (suffix < base.length - prefix &&
        suffix < head.length - prefix &&
        base[base.length - 1 - suffix] === head[head.length - 1 - suffix]) {
        suffix++;
    }
    const oldMid = base.slice(prefix, base.length - suffix);
    const newMid = head.slice(prefix, head.length - suffix);
    const found = oldMid.length * newMid.length <= MAX_DIFF_CELLS
        ? firstRemoval(oldMid, newMid)
        : { i: 0, j: 0, changed: true, lost: undefined };
    const headLine = Math.min(prefix + found.j + 1, Math.max(head.length, 1));
    const baseLine = prefix + found.i + 1;
    const what = found.changed ? "changed" : "removed";
    // The annotation sits on a head line; the number here is the base's, so it says so.
    const more = found.lost !== undefined && found.lost > 1
        ? `, and ${found.lost - 1} more of the base's ${found.lost === 2 ? "lines was" : "lines were"} changed or removed`
        : "";
    return {
        ok: false,
        line: headLine,
        description: `existing line ${baseLine} of the base was ${what}${more}`,
    };
}
/** The first base line the LCS leaves out: its index `i`, and the head index `j` where it fell. */
function firstRemoval(base, head) {
    const n = base.length;
    const m = head.length;
    const width = m + 1;
    // lcs[i * width + j] = LCS length of base[i:] and head[j:]; min(n, m) <= 2000 fits 16 bits.
    const lcs = new Uint16Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i * width + j] =
                base[i] === head[j]
                    ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
                    : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
        }
    }
    const lost = n - (lcs[0] ?? 0);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
        const here = lcs[i * width + j] ?? 0;
        if (base[i] === head[j] && here === (lcs[(i + 1) * width + j + 1] ?? 0) + 1) {
            i++;
            j++;
        }
        else if ((lcs[(i + 1) * width + j] ?? 0) === here) {
            // Dropping base[i] loses nothing: it is the removed line. "Changed" when new text stands there.
            return { i, j, changed: (lcs[i * width + j + 1] ?? 0) === here, lost };
        }
        else {
            j++;
        }
    }
    return { i, j, changed: false, lost };
}

/**
 * The protected-path check: which changes of the diff the contract forbids, and which paths the
 * clean room must reset to base before verifiers run. Pure apart from reading blobs, which the
 * caller injects (`readBlob`), so it is tested without git.
 *
 * Always protected, whatever the contract says: the contract file itself (the gate reads it from
 * base, so an edit is reported as `contract-changed` and ignored) and `.github/workflows/` (a PR
 * must not rewrite the workflow that runs the gate). When a path is both frozen and append-only,
 * frozen wins.
 */
const ALWAYS_FROZEN = ["/.github/workflows/"];
async function checkProtectedPaths(changes, rules, readBlob) {
    const contractPath = rules.contractPath.replace(/^(?:\.\/)+|^\/+/, "");
    const alwaysFrozen = compileGlobRules(ALWAYS_FROZEN);
    const frozen = compileGlobRules(rules.frozen);
    const appendOnly = compileGlobRules(rules.appendOnly);
    const findings = [];
    const restore = new Set();
    for (const change of changes) {
        const { path } = change;
        if (path === contractPath) {
            findings.push(contractFinding(change));
            restore.add(path);
            continue;
        }
        const frozenBy = alwaysFrozen(path) ?? frozen(path);
        if (frozenBy !== undefined) {
            const why = frozenBy === ALWAYS_FROZEN[0] ? "workflows are always frozen" : `frozen by "${frozenBy}"`;
            findings.push(finding("protected-path", "fail", `${path}: ${describeChange(change)} (${why})`, { path }));
            restore.add(path);
            continue;
        }
        const appendOnlyBy = appendOnly(path);
        if (appendOnlyBy === undefined)
            continue;
        const violation = await appendOnlyViolation(change, readBlob);
        if (violation === undefined)
            continue;
        findings.push(finding("protected-path", "fail", `${path}: ${violation.description} (append-only by "${appendOnlyBy}")`, {
            path,
            ...(violation.line === undefined ? {} : { line: violation.line }),
        }));
        restore.add(path);
    }
    return { findings, restore: [...restore].sort(compareCodeUnits) };
}
function contractFinding(change) {
    const what = change.status === "A" ? "added by this change" : describeChange(change);
    return finding("contract-changed", "fail", `${change.path}: ${what}; the gate used the base version of the contract and ignored the edit`, { path: change.path });
}
async function appendOnlyViolation(change, readBlob) {
    if (change.status === "A")
        return undefined;
    const regular = (type) => type === "file" || type === "executable";
    if (change.status !== "M" || change.oldMode !== change.newMode || !regular(change.oldType)) {
        return { description: describeChange(change) };
    }
    const [base, head] = await Promise.all([readBlob(change.oldSha), readBlob(change.newSha)]);
    const check = checkAppendOnly(base, head);
    if (check.ok)
        return undefined;
    return check.line === undefined ? { description: check.description } : check;
}
const TYPE_NAMES = {
    file: "a regular file",
    executable: "an executable file",
    symlink: "a symlink",
    submodule: "a submodule",
    absent: "nothing",
};
/** What happened to a path, in words: "deleted", "mode changed 100644 → 100755", … */
function describeChange(change) {
    switch (change.status) {
        case "A":
            return change.newType === "file" || change.newType === "executable"
                ? "added"
                : `added (${TYPE_NAMES[change.newType]})`;
        case "D":
            return "deleted";
        case "T":
            return `replaced by ${TYPE_NAMES[change.newType]}`;
        case "M": {
            const parts = [];
            if (change.oldSha !== change.newSha)
                parts.push(modifiedWord(change.newType));
            if (change.oldMode !== change.newMode)
                parts.push(`mode changed ${change.oldMode} → ${change.newMode}`);
            return parts.length > 0 ? parts.join(" and ") : "modified";
        }
        case "U":
            return "left unmerged";
        case "X":
            return "changed (git reported an unknown change)";
    }
}
function modifiedWord(type) {
    if (type === "symlink")
        return "symlink target changed";
    if (type === "submodule")
        return "submodule commit changed";
    return "modified";
}
/** Sorting by UTF-16 code units, not locale, so the order is the same on every machine. */
function compareCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Which paths are test files, by the conventions the supported runners use by default. Used by the
 * marker scan, which only reads lines added to test files (a `.skip(` in application code is not a
 * test being skipped).
 */
const TEST_DIRECTORIES = new Set(["test", "tests", "__tests__", "spec", "specs", "testing", "e2e"]);
const JS_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;
function languageOf(path) {
    if (path.endsWith(".py"))
        return "python";
    if (JS_EXTENSION.test(path))
        return "js";
    if (path.endsWith(".go"))
        return "go";
    if (path.endsWith(".rs"))
        return "rust";
    return undefined;
}
/**
 * `test_*.py`, `*_test.py`, `conftest.py`; `*.test.*`, `*.spec.*`; `*_test.go`; any source file under
 * a `test`/`tests`/`__tests__`/`spec` directory. Rust unit tests live in `#[cfg(test)]` modules of any
 * `.rs` file, which a single line cannot reveal, so every `.rs` file counts for Rust markers.
 */
function isTestFile(path) {
    const language = languageOf(path);
    if (language === undefined)
        return false;
    if (language === "rust")
        return true;
    const segments = path.split("/");
    const name = segments.at(-1) ?? "";
    if (segments.slice(0, -1).some((segment) => TEST_DIRECTORIES.has(segment)))
        return true;
    switch (language) {
        case "python":
            return /^test_.*\.py$/.test(name) || /_test\.py$/.test(name) || name === "conftest.py";
        case "js":
            return /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(name);
        case "go":
            return name.endsWith("_test.go");
    }
}

const JS_TEST_FN = "(?:it|test|describe|suite|context|specify|bench)";
/** A doc comment's code fence with a no_run or ignore attribute (`/// ```no_run`, `//! ```rust,ignore`). */
const RUST_DOC_FENCE = /^\s*\/\/[/!]\s*(?:```|~~~)[\w, \t]*?\b(no_run|ignore|should_panic|compile_fail)\b/;
const MARKERS = {
    python: [
        { kind: "skip-marker", pattern: /\bpytest\.mark\.(skip|skipif|xfail)\b/, what: "pytest.mark.$1" },
        { kind: "skip-marker", pattern: /\bpytest\.(skip|xfail|importorskip)\s*\(/, what: "pytest.$1()" },
        {
            kind: "skip-marker",
            pattern: /\b(?:raise\s+(?:unittest\.)?SkipTest\b|SkipTest\s*\()/,
            what: "SkipTest",
        },
        {
            kind: "skip-marker",
            pattern: /@(?:unittest\.)?(skip|skipIf|skipUnless|expectedFailure)\b/,
            what: "@unittest.$1",
        },
        { kind: "skip-marker", pattern: /\.skipTest\s*\(/, what: "skipTest()" },
    ],
    js: [
        {
            kind: "skip-marker",
            pattern: new RegExp(`\\b${JS_TEST_FN}\\.(skip|todo|failing|fails|skipIf|runIf)\\b`),
            what: ".$1",
        },
        { kind: "skip-marker", pattern: /\b(xit|xdescribe|xtest|xcontext|xspecify)\s*\(/, what: "$1()" },
        { kind: "skip-marker", pattern: /\b(?:this|t|ctx|context)\.(skip|todo)\s*\(/, what: "$1()" },
        {
            kind: "skip-marker",
            pattern: /[{,]\s*(skip|todo)\s*:(?!\s*(?:false|0|undefined|null)\b)/,
            what: "{ $1: … } option",
        },
        { kind: "focus-marker", pattern: new RegExp(`\\b${JS_TEST_FN}\\.only\\b`), what: ".only" },
        { kind: "focus-marker", pattern: /\b(fit|fdescribe|ftest)\s*\(/, what: "$1()" },
        { kind: "focus-marker", pattern: /[{,]\s*only\s*:\s*true\b/, what: "{ only: true } option" },
    ],
    go: [
        { kind: "skip-marker", pattern: /\b\w+\.(Skip|SkipNow|Skipf)\s*\(/, what: "$1()" },
        {
            kind: "skip-marker",
            pattern: /^\s*\/\/\s*(?:go:build|\+build)\b.*\bignore\b/,
            what: "a build constraint that excludes the file",
        },
    ],
    rust: [
        { kind: "skip-marker", pattern: /#\[\s*ignore\b/, what: "#[ignore]" },
        { kind: "skip-marker", pattern: /#\[\s*should_panic\b/, what: "#[should_panic]" },
        // A doctest fence marked no_run is compiled but never run, ignore is not even compiled, and
        // should_panic or compile_fail turn a failing example into a passing one.
        { kind: "skip-marker", pattern: RUST_DOC_FENCE, what: "a $1 doctest" },
        {
            kind: "skip-marker",
            pattern: /#\[\s*cfg\s*\(\s*(?:any\s*\(\s*\)|not\s*\(\s*test\s*\)|all\s*\(\s*test\s*,\s*any\s*\(\s*\)\s*\))\s*\)\s*\]/,
            what: "a #[cfg(…)] that compiles the tests out",
        },
    ],
};
/** `--test-only` makes node:test honour `only`; it lives in scripts and CI files, not test files. */
const TEST_ONLY_FLAG = { kind: "focus-marker", pattern: /--test-only\b/, what: "--test-only" };
const FLAG_FILES = /(?:^|\/)(?:package\.json|Makefile|makefile|GNUmakefile|[^/]*\.(?:mk|sh|ya?ml))$/;
/** Whether added lines of `path` can hold a marker at all: test files, and where `--test-only` lives. */
function mayHoldMarkers(path) {
    return isTestFile(path) || FLAG_FILES.test(path);
}
function scanMarkers(addedLines, options = {}) {
    const findings = [];
    for (const added of addedLines) {
        for (const marker of markersFor(added.path)) {
            if (isComment(added.text, added.path))
                continue;
            const match = marker.pattern.exec(added.text);
            if (match === null)
                continue;
            const what = marker.what.replace("$1", match[1] ?? "");
            const severity = marker.kind === "skip-marker" && options.allowNewSkips === true ? "warn" : "fail";
            const verb = markerNoun(marker.kind, what);
            findings.push(finding(marker.kind, severity, `Added ${verb} in ${added.path}:${added.line}: ${what}`, {
                path: added.path,
                line: added.line,
            }));
        }
    }
    return findings;
}
/** What the marker does, in the finding's words: they share a kind, not a meaning. */
function markerNoun(kind, what) {
    if (kind === "focus-marker")
        return "focus marker (runs only the marked tests)";
    if (/no_run|ignore doctest/.test(what))
        return "skip marker (the doctest is not run)";
    if (/fail|should_panic/i.test(what))
        return "expected-failure marker (the test passes when its body fails)";
    if (/todo/.test(what))
        return "todo marker";
    return "skip marker";
}
function markersFor(path) {
    if (FLAG_FILES.test(path))
        return [TEST_ONLY_FLAG];
    const language = languageOf(path);
    if (language === undefined || !isTestFile(path))
        return [];
    return language === "js" ? [...MARKERS.js, TEST_ONLY_FLAG] : MARKERS[language];
}
/** A commented-out marker does nothing; `//go:build` and `#[…]` are directives, not comments. */
function isComment(text, path) {
    const trimmed = text.trimStart();
    const language = languageOf(path);
    if (language === "python")
        return trimmed.startsWith("#");
    if (language === "go")
        return trimmed.startsWith("//") && !/^\/\/\s*(?:go:build|\+build)/.test(trimmed);
    // Rust doc comments hold doctests: their fences are code, not commentary.
    if (language === "rust" && RUST_DOC_FENCE.test(text))
        return false;
    if (language === "js" || language === "rust")
        return trimmed.startsWith("//") || trimmed.startsWith("*");
    return false;
}

/**
 * Just enough parsing of INI, TOML, Makefiles and JS config text to say WHICH runner setting a diff
 * changed, so a dependency bump in pyproject.toml or package.json is not reported as tampering.
 * Deliberately forgiving: this reads untrusted files, and an odd construct must degrade to "the
 * section changed", never to "nothing changed".
 */
/** INI (pytest.ini, tox.ini, setup.cfg): `[section]`, `key = value` or `key: value`, indented continuations. */
function parseIni(text) {
    const sections = new Map();
    let current = section(sections, "");
    let lastKey;
    for (const raw of text.split(/\r?\n/)) {
        if (/^\s*[#;]/.test(raw) || raw.trim() === "")
            continue;
        const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
        if (header?.[1] !== undefined) {
            current = section(sections, header[1].trim());
            lastKey = undefined;
            continue;
        }
        if (/^\s/.test(raw) && lastKey !== undefined) {
            current.set(lastKey, `${current.get(lastKey) ?? ""}\n${raw.trim()}`.trim());
            continue;
        }
        const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw.trim());
        if (pair?.[1] !== undefined) {
            lastKey = pair[1].trim();
            current.set(lastKey, (pair[2] ?? "").trim());
        }
    }
    return sections;
}
/**
 * TOML, line based: `[a.b]` and `[[a]]` headers (array tables numbered `a[1]`, `a[2]`), `key = value`
 * with multi-line arrays and strings joined until brackets and triple quotes balance.
 */
function parseToml(text) {
    const sections = new Map();
    const arrayCounts = new Map();
    let current = section(sections, "");
    let pending;
    for (const raw of text.split(/\r?\n/)) {
        const line = stripTomlComment(raw).trim();
        if (pending !== undefined) {
            pending.value += `\n${line}`;
            if (balanced(pending.value)) {
                current.set(pending.key, pending.value);
                pending = undefined;
            }
            continue;
        }
        if (line === "")
            continue;
        const arrayHeader = /^\[\[\s*([^\]]+?)\s*\]\]$/.exec(line);
        if (arrayHeader?.[1] !== undefined) {
            const name = arrayHeader[1];
            const count = (arrayCounts.get(name) ?? 0) + 1;
            arrayCounts.set(name, count);
            current = section(sections, `${name}[${count}]`);
            continue;
        }
        const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
        if (header?.[1] !== undefined) {
            current = section(sections, header[1]);
            continue;
        }
        const pair = /^("[^"]*"|'[^']*'|[^=]+?)\s*=\s*(.*)$/.exec(line);
        if (pair?.[1] === undefined)
            continue;
        const key = pair[1].replace(/^["']|["']$/g, "").trim();
        const value = pair[2] ?? "";
        if (balanced(value))
            current.set(key, value);
        else
            pending = { key, value };
    }
    if (pending !== undefined)
        current.set(pending.key, pending.value);
    return sections;
}
function stripTomlComment(line) {
    let quote;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote !== undefined) {
            if (c === "\\" && quote === '"')
                i++;
            else if (c === quote)
                quote = undefined;
        }
        else if (c === '"' || c === "'")
            quote = c;
        else if (c === "#")
            return line.slice(0, i);
    }
    return line;
}
function balanced(value) {
    const triple = (value.match(/"""|'''/g) ?? []).length;
    if (triple % 2 === 1)
        return false;
    let depth = 0;
    for (const c of value.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, "")) {
        if (c === "[" || c === "{")
            depth++;
        else if (c === "]" || c === "}")
            depth--;
    }
    return depth <= 0;
}
function section(sections, name) {
    let found = sections.get(name);
    if (found === undefined) {
        found = new Map();
        sections.set(name, found);
    }
    return found;
}
/** Key-level differences in the sections `wanted` selects. */
function diffSections(base, head, wanted) {
    const changes = [];
    const names = new Set([...base.keys(), ...head.keys()]);
    for (const name of names) {
        if (!wanted(name))
            continue;
        const before = base.get(name) ?? new Map();
        const after = head.get(name) ?? new Map();
        for (const key of new Set([...before.keys(), ...after.keys()])) {
            const a = before.get(key);
            const b = after.get(key);
            if (a !== b)
                changes.push({ section: name, key, before: a, after: b });
        }
    }
    return changes;
}
/**
 * Makefile rules: target → its prerequisites line and recipe. Several targets on one line and
 * `::` rules are handled; variables and conditionals are kept as text.
 */
function parseMakeTargets(text) {
    const targets = new Map();
    let current = [];
    const joined = text.replace(/\\\r?\n/g, " ");
    for (const line of joined.split(/\r?\n/)) {
        if (line.startsWith("\t")) {
            for (const rule of current)
                rule.recipe += `${line.trim()}\n`;
            continue;
        }
        if (line.trim() === "" || line.trimStart().startsWith("#"))
            continue;
        const rule = /^([^:=#\t][^:=#]*?)\s*::?(?!=)\s*([^=]*)$/.exec(line);
        if (rule?.[1] === undefined) {
            current = [];
            continue;
        }
        const [recipeInline, ...rest] = (rule[2] ?? "").split(";");
        const prerequisites = (recipeInline ?? "").split(/\s+/).filter((p) => p !== "");
        current = [];
        for (const name of rule[1].split(/\s+/)) {
            if (name === "")
                continue;
            const entry = targets.get(name) ?? { prerequisites: [], recipe: "" };
            entry.prerequisites.push(...prerequisites);
            if (rest.length > 0)
                entry.recipe += `${rest.join(";").trim()}\n`;
            targets.set(name, entry);
            current.push(entry);
        }
    }
    return targets;
}
/**
 * The `{ … }` object after `key:` in JS/TS config text (`test: { … }` in vite.config), by brace
 * matching that skips strings and comments. Undefined when there is none.
 */
function objectAfterKey(text, key) {
    const match = new RegExp(`\\b${key}\\s*:\\s*\\{`).exec(text);
    if (match === null)
        return undefined;
    let depth = 0;
    let quote;
    for (let i = match.index + match[0].length - 1; i < text.length; i++) {
        const c = text[i];
        if (quote !== undefined) {
            if (c === "\\")
                i++;
            else if (c === quote)
                quote = undefined;
            continue;
        }
        if (c === '"' || c === "'" || c === "`")
            quote = c;
        else if (c === "/" && text[i + 1] === "/")
            i = text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
        else if (c === "{")
            depth++;
        else if (c === "}") {
            depth--;
            if (depth === 0)
                return text.slice(match.index, i + 1);
        }
    }
    return text.slice(match.index);
}
/** Values in messages: one line, bounded, in backticks. */
function show(value) {
    if (value === undefined)
        return "(absent)";
    const flat = value.replace(/\s+/g, " ").trim();
    const bounded = flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
    return `\`${bounded.replaceAll("`", "'")}\``;
}

function baseName(path) {
    return path.slice(path.lastIndexOf("/") + 1);
}
function whole(change, what) {
    if (change.base === change.head)
        return [];
    return [`${change.path} ${change.status === "modified" ? "changed" : change.status}: ${what}`];
}
function keyMessages(path, changes) {
    return changes.map((c) => {
        const where = c.section === "" ? c.key : `[${c.section}] ${c.key}`;
        if (c.before === undefined)
            return `${path} ${where} added: ${show(c.after)}`;
        if (c.after === undefined)
            return `${path} ${where} removed (was ${show(c.before)})`;
        return `${path} ${where} changed: ${show(c.before)} → ${show(c.after)}`;
    });
}
const pythonHooks = {
    applies: (path) => ["conftest.py", "sitecustomize.py", "usercustomize.py"].includes(baseName(path)) || path.endsWith(".pth"),
    inspect: (change) => whole(change, baseName(change.path) === "conftest.py"
        ? "pytest hooks and fixtures in conftest.py can rewrite, skip or deselect any test"
        : "Python runs this at start-up, so it can patch the test framework"),
};
/** Where a top-level `pytest_plugins` assignment starts (also `pytest_plugins: list = …`). */
const PYTEST_PLUGINS = /^pytest_plugins\b/m;
/** Where a top-level `def load_tests` starts. */
const LOAD_TESTS = /^(?:async[ \t]+)?def[ \t]+load_tests\b/m;
/**
 * The whole top-level statement that starts where `pattern` matches: its first line, every line
 * while brackets are open or a line ends in a backslash, then (for a `def`) the indented body.
 * Comment and blank lines inside count, so editing any part of it is a change.
 */
function statement(text, pattern) {
    if (text === undefined)
        return undefined;
    const start = pattern.exec(text);
    if (start === null)
        return undefined;
    const lines = text.slice(start.index).split("\n");
    const taken = [];
    let depth = 0;
    let continued = false;
    for (const [i, line] of lines.entries()) {
        const code = line.replace(/#.*$/, "");
        const open = depth > 0 || continued;
        if (i > 0 && !open && line !== "" && !/^[ \t#]/.test(line))
            break;
        taken.push(line);
        for (const ch of code)
            depth += "([{".includes(ch) ? 1 : ")]}".includes(ch) ? -1 : 0;
        depth = Math.max(depth, 0);
        continued = code.trimEnd().endsWith("\\");
    }
    return taken.join("\n").trimEnd();
}
/**
 * Python test modules that load plugins or pick their own tests: `pytest_plugins` loads a module
 * whose hooks can rewrite any test's result (the same power as a conftest.py, from a file that
 * looks like a test), and unittest's `load_tests` decides which of the module's tests run.
 */
const pythonTestModule = {
    applies: (path) => path.endsWith(".py") && baseName(path) !== "conftest.py" && isTestFile(path),
    inspect: (change) => {
        const messages = [];
        const checks = [
            [PYTEST_PLUGINS, "pytest_plugins, which loads plugins whose hooks can rewrite any test's result"],
            [LOAD_TESTS, "a load_tests function, which decides which of the module's tests run"],
        ];
        for (const [pattern, what] of checks) {
            const before = statement(change.base, pattern);
            const after = statement(change.head, pattern);
            if (after === undefined || after === before)
                continue;
            messages.push(`${change.path} ${before === undefined ? "adds" : "changes"} ${what}`);
        }
        return messages;
    },
};
function iniRule(names, wanted, toml = false) {
    return {
        applies: (path) => names.includes(baseName(path)),
        inspect: (change) => {
            const parse = toml ? parseToml : parseIni;
            const changes = diffSections(parse(change.base ?? ""), parse(change.head ?? ""), wanted);
            return keyMessages(change.path, changes);
        },
    };
}
const pytestIniKeys = iniRule(["pytest.ini", ".pytest.ini"], () => true);
const pytestIni = {
    applies: pytestIniKeys.applies,
    // Adding or deleting the file moves pytest's rootdir and config discovery, even when it is empty.
    inspect: (change, context) => change.status === "modified"
        ? pytestIniKeys.inspect(change, context)
        : whole(change, "pytest's configuration file (rootdir, addopts, testpaths, plugins)"),
};
const toxIni = iniRule(["tox.ini"], (s) => s === "pytest" || s === "tox" || s.startsWith("testenv"));
const setupCfg = iniRule(["setup.cfg"], (s) => s === "tool:pytest");
const pyproject = iniRule(["pyproject.toml"], (s) => s === "tool.pytest" || s.startsWith("tool.pytest.") || s === "tool.tox" || s.startsWith("tool.tox."), true);
const JS_CONFIG = [
    /^(?:jest|vitest)\.config\.[cm]?[jt]s(?:on)?$/,
    /^vitest\.(?:workspace|projects)\.[cm]?[jt]s(?:on)?$/,
    /^\.mocharc(?:\.(?:[cm]?js|json|jsonc|ya?ml))?$/,
    /^karma\.conf\.[cm]?[jt]s$/,
    /^ava\.config\.[cm]?[jt]s$/,
];
const jsConfig = {
    applies: (path) => JS_CONFIG.some((pattern) => pattern.test(baseName(path))),
    inspect: (change) => whole(change, "test runner configuration (selection, setup files, reporters)"),
};
const viteConfig = {
    applies: (path) => /^vite\.config\.[cm]?[jt]s$/.test(baseName(path)),
    inspect: (change) => {
        const before = change.base === undefined ? undefined : objectAfterKey(change.base, "test");
        const after = change.head === undefined ? undefined : objectAfterKey(change.head, "test");
        if (before === after)
            return [];
        return [`${change.path}: vitest's \`test\` options changed: ${show(before)} → ${show(after)}`];
    },
};
const setupFile = {
    applies: (path, context) => context.setupFiles.has(path),
    inspect: (change) => whole(change, "a setup file the base test configuration loads before every test file"),
};
/** Scripts that run tests, and the scripts they call (`npm run x`, `run-s x y`), transitively. */
function testScriptNames(scripts) {
    const names = new Set(Object.keys(scripts).filter((name) => /^(?:pre|post)?test(?:$|:)/.test(name)));
    const queue = [...names];
    while (queue.length > 0) {
        const script = scripts[queue.pop() ?? ""] ?? "";
        const called = [
            ...[...script.matchAll(/\b(?:npm|pnpm|yarn|bun)(?:\s+run(?:-script)?)?\s+([\w:.-]+)/g)].map((m) => m[1]),
            ...[...script.matchAll(/\b(?:run-s|run-p|npm-run-all)((?:\s+[\w:.*-]+)+)/g)].flatMap((m) => (m[1] ?? "").trim().split(/\s+/)),
        ];
        for (const name of called) {
            if (name !== undefined && name in scripts && !names.has(name)) {
                names.add(name);
                queue.push(name);
            }
        }
    }
    return names;
}
function parseJsonObject(text) {
    if (text === undefined)
        return undefined;
    try {
        const value = JSON.parse(text);
        return typeof value === "object" && value !== null && !Array.isArray(value)
            ? value
            : "invalid";
    }
    catch {
        return "invalid";
    }
}
function stringRecord(value) {
    if (typeof value !== "object" || value === null)
        return {};
    const out = {};
    for (const [key, entry] of Object.entries(value))
        if (typeof entry === "string")
            out[key] = entry;
    return out;
}
const packageJson = {
    applies: (path) => baseName(path) === "package.json",
    inspect: (change) => {
        const base = parseJsonObject(change.base);
        const head = parseJsonObject(change.head);
        if (base === "invalid" || head === "invalid") {
            return change.base === change.head
                ? []
                : [
                    `${change.path} is not valid JSON at ${head === "invalid" ? "head" : "base"}; its test scripts could not be compared`,
                ];
        }
        const messages = [];
        const before = stringRecord(base?.scripts);
        const after = stringRecord(head?.scripts);
        const names = new Set([...testScriptNames(before), ...testScriptNames(after)]);
        for (const name of [...names].sort()) {
            if (before[name] === after[name])
                continue;
            messages.push(`${change.path} scripts.${name} changed: ${show(before[name])} → ${show(after[name])}`);
        }
        for (const key of ["jest", "mocha", "ava", "c8", "nyc"]) {
            const a = JSON.stringify(base?.[key]);
            const b = JSON.stringify(head?.[key]);
            if (a !== b)
                messages.push(`${change.path} "${key}" configuration changed: ${show(a)} → ${show(b)}`);
        }
        return messages;
    },
};
const TEST_TARGET = /^(?:tests?|check|unittest|integration)(?:$|[-_:/.])/;
function testRecipes(text) {
    const targets = parseMakeTargets(text ?? "");
    const wanted = [...targets.keys()].filter((name) => TEST_TARGET.test(name));
    const out = new Map();
    const queue = [...wanted];
    while (queue.length > 0) {
        const name = queue.pop() ?? "";
        const target = targets.get(name);
        if (target === undefined || out.has(name))
            continue;
        out.set(name, `${target.prerequisites.join(" ")}\n${target.recipe}`);
        queue.push(...target.prerequisites);
    }
    return out;
}
const makefile = {
    applies: (path) => ["Makefile", "makefile", "GNUmakefile"].includes(baseName(path)) || path.endsWith(".mk"),
    inspect: (change) => {
        const before = testRecipes(change.base);
        const after = testRecipes(change.head);
        const messages = [];
        for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
            if (before.get(name) === after.get(name))
                continue;
            messages.push(`${change.path} target ${name} changed: ${show(before.get(name))} → ${show(after.get(name))}`);
        }
        return messages;
    },
};
function buildConstraints(text) {
    return (text ?? "")
        .split(/\r?\n/)
        .filter((line) => /^\s*\/\/\s*(?:go:build|\+build)\b/.test(line))
        .map((line) => line.trim())
        .join("\n");
}
const TEST_MAIN = /^func\s+TestMain\s*\(/m;
const goTestFile = {
    applies: (path) => path.endsWith("_test.go"),
    inspect: (change) => {
        const messages = [];
        if (change.status === "modified") {
            const before = buildConstraints(change.base);
            const after = buildConstraints(change.head);
            if (before !== after) {
                messages.push(`${change.path} build constraints changed: ${show(before || undefined)} → ${show(after || undefined)}`);
            }
        }
        if (change.head !== undefined && TEST_MAIN.test(change.head) && !TEST_MAIN.test(change.base ?? "")) {
            messages.push(`${change.path} adds a TestMain, which decides whether the package's tests run at all`);
        }
        return messages;
    },
};
const goWork = {
    applies: (path) => baseName(path) === "go.work",
    inspect: (change) => whole(change, "go.work decides which modules `go test ./...` sees"),
};
const CARGO_TARGET_KEYS = new Set(["test", "harness", "doctest"]);
const cargoToml = {
    applies: (path) => baseName(path) === "Cargo.toml",
    inspect: (change) => {
        const changes = diffSections(parseToml(change.base ?? ""), parseToml(change.head ?? ""), (s) => /^(?:lib|package|test\[\d+\]|bin\[\d+\]|bench\[\d+\]|example\[\d+\])$/.test(s));
        const relevant = changes.filter((c) => {
            if (c.section === "package")
                return c.key === "autotests";
            if (c.section.startsWith("test["))
                return true;
            return CARGO_TARGET_KEYS.has(c.key);
        });
        return keyMessages(change.path, relevant);
    },
};
const cargoConfig = {
    applies: (path) => /(?:^|\/)\.cargo\/config(?:\.toml)?$/.test(path),
    inspect: (change) => whole(change, "cargo configuration can set rustflags, cfgs and the test runner itself"),
};
const RUNNER_RULES = [
    pythonHooks,
    pythonTestModule,
    pytestIni,
    toxIni,
    setupCfg,
    pyproject,
    jsConfig,
    viteConfig,
    setupFile,
    packageJson,
    makefile,
    goTestFile,
    goWork,
    cargoToml,
    cargoConfig,
];

/**
 * Runner tampering (cheat catalogue C1–C3, H1): a diff that changes what decides which tests run or
 * how their results are reported. The gate runs the contract's own `tests.run`, but that command
 * still reads the head tree's configuration: pytest.ini addopts, a new conftest.py, package.json
 * `scripts.test`, a jest setup file, a Makefile `test` recipe, a TestMain, `[lib] test = false`.
 *
 * Every finding is `runner-tampering`, severity fail, naming exactly what changed. Paths matching
 * the contract's `tests.allowRunnerChanges` globs are not checked.
 */
async function detectRunnerTampering(changes, readBase, readHead, options) {
    const allowed = compileGlobs(options.allow);
    const context = { setupFiles: await collectSetupFiles(readBase) };
    const findings = [];
    for (const change of changes) {
        if (allowed(change.path))
            continue;
        const rules = RUNNER_RULES.filter((rule) => rule.applies(change.path, context));
        if (rules.length === 0)
            continue;
        const status = statusWord(change.status);
        const file = {
            path: change.path,
            status,
            base: status === "added" ? undefined : await readBase(change.path),
            head: status === "deleted" ? undefined : await readHead(change.path),
        };
        for (const rule of rules) {
            for (const message of rule.inspect(file, context)) {
                findings.push(finding("runner-tampering", "fail", message, { path: change.path }));
            }
        }
    }
    return findings;
}
function statusWord(status) {
    const s = status.toLowerCase();
    if (s === "a" || s.startsWith("add"))
        return "added";
    if (s === "d" || s.startsWith("del"))
        return "deleted";
    return "modified";
}
/** Root-level configuration that can name setup files (best effort: monorepo packages are not read). */
const SETUP_SOURCES = [
    "package.json",
    ...["js", "cjs", "mjs", "ts", "cts", "mts", "json"].map((ext) => `jest.config.${ext}`),
    ...["js", "cjs", "mjs", "ts", "cts", "mts"].flatMap((ext) => [
        `vitest.config.${ext}`,
        `vite.config.${ext}`,
    ]),
    ...[
        ".mocharc",
        ".mocharc.json",
        ".mocharc.jsonc",
        ".mocharc.yml",
        ".mocharc.yaml",
        ".mocharc.js",
        ".mocharc.cjs",
    ],
];
const SETUP_KEYS = ["setupFiles", "setupFilesAfterEnv", "globalSetup", "globalTeardown", "require", "file"];
/** Setup and hook files named by the base configuration (`setupFilesAfterEnv: ['./t/setup.js']`). */
async function collectSetupFiles(readBase) {
    const files = new Set();
    for (const source of SETUP_SOURCES) {
        const text = await readBase(source);
        if (text === undefined)
            continue;
        for (const path of setupFilesIn(text))
            files.add(path);
    }
    return files;
}
function setupFilesIn(text) {
    const found = [];
    for (const key of SETUP_KEYS) {
        const pattern = new RegExp(`["']?\\b${key}["']?\\s*[:=]\\s*(?:-\\s+)?(\\[[^\\]]*\\]|"[^"]*"|'[^']*'|\`[^\`]*\`|[^\\s,}]+)`, "g");
        for (const match of text.matchAll(pattern)) {
            const value = match[1] ?? "";
            const literals = [...value.matchAll(/["'`]([^"'`]+)["'`]/g)].map((m) => m[1] ?? "");
            for (const literal of literals.length > 0 ? literals : value.split(/[\s,[\]-]+/)) {
                const path = asRelativePath(literal);
                if (path !== undefined)
                    found.push(path);
            }
        }
    }
    return found;
}
function asRelativePath(value) {
    const trimmed = value.trim();
    const fileLike = /^(?:\.\.?\/|<rootDir>\/)/.test(trimmed) || /\.[cm]?[jt]sx?$/.test(trimmed);
    if (!fileLike)
        return undefined;
    let path = trimmed.replace(/^<rootDir>\//, "");
    while (path.startsWith("./"))
        path = path.slice(2);
    if (path.startsWith("../") || path === "")
        return undefined;
    return path;
}

/**
 * The head's package.json with the base's test configuration: every script the base defines keeps
 * the base's command (scripts only the head adds are kept, so a new build step still works), and the
 * runner configuration keys (`jest`, `mocha`, `ava`, `c8`, `nyc`) are the base's. Used when a change
 * to package.json was flagged as runner tampering, so the head's tests run as the base configured
 * them while its dependencies and metadata stay the head's.
 */
const RUNNER_KEYS = ["jest", "mocha", "ava", "c8", "nyc", "vitest"];
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Undefined when either side is not a JSON object: the caller then restores the base file whole. */
function mergePackageJson(baseText, headText) {
    let base;
    let head;
    try {
        base = JSON.parse(baseText);
        head = JSON.parse(headText);
    }
    catch {
        return undefined;
    }
    if (!isRecord(base) || !isRecord(head))
        return undefined;
    const baseScripts = isRecord(base.scripts) ? base.scripts : {};
    const headScripts = isRecord(head.scripts) ? head.scripts : {};
    const merged = Object.fromEntries(Object.entries(head).filter(([key]) => !RUNNER_KEYS.includes(key) || key in base));
    merged.scripts = { ...headScripts, ...baseScripts };
    for (const key of RUNNER_KEYS)
        if (key in base)
            merged[key] = base[key];
    return `${JSON.stringify(merged, null, 2)}\n`;
}

/**
 * Everything decided from the diff alone, before any untrusted code runs: protected paths, runner
 * tampering and test markers; which approvals apply; and, from what is left, which paths each
 * clean room takes from the base.
 *
 * - The head's own run: unapproved protected-path violations and tampered runner configuration are
 *   reset to base (package.json: the base's scripts and runner keys merged into the head's file),
 *   so a tampered configuration cannot hide tests even where detection missed it.
 * - The base-suite run: additionally every changed path under the contract's test globs (frozen and
 *   appendOnly) is reset and files the change added there are removed: the base's tests judge the
 *   head's code, whatever the change's own test files do.
 */
async function runBoundary(input) {
    const { git, contract, base, head, logger } = input;
    const changes = await git.diff(base, head);
    logger.info(`${changes.length} changed path${changes.length === 1 ? "" : "s"}`);
    const readBlobById = (sha) => git.readBlobById(sha);
    // The three checks are independent; on a large diff they overlap instead of adding up.
    const [protectedResult, tampering, markers] = await Promise.all([
        checkProtectedPaths(changes, {
            contractPath: input.contractPath,
            frozen: contract.protected.frozen,
            appendOnly: contract.protected.appendOnly,
        }, readBlobById),
        (async () => detectRunnerTampering(changes.map((c) => ({ path: c.path, status: c.status })), await cachedReader(git, base, SETUP_SOURCES), await cachedReader(git, head, []), { allow: contract.tests?.allowRunnerChanges ?? [] }))(),
        scanAddedLines(git, base, head, changes, contract, logger),
    ]);
    const found = [...protectedResult.findings, ...tampering, ...markers];
    const findings = input.approve ? await input.approve(found) : found;
    const approved = new Set(findings.filter((f) => f.approved && f.path !== undefined).map((f) => f.path));
    const blockedPaths = new Set(findings.filter((f) => !f.approved && f.path !== undefined).map((f) => f.path));
    const isApproved = (path) => approved.has(path) && !blockedPaths.has(path);
    const headRestores = new Set(protectedResult.restore.filter((p) => !isApproved(p)));
    const headEdits = [];
    const notes = [];
    const tampered = [
        ...new Set(findings.filter((f) => f.kind === "runner-tampering" && !f.approved).map((f) => f.path ?? "")),
    ];
    for (const path of tampered.filter((p) => p !== "")) {
        const edit = path === "package.json" || path.endsWith("/package.json")
            ? await mergedPackageJson(git, base, head, path)
            : undefined;
        if (edit)
            headEdits.push(edit);
        else
            headRestores.add(path);
        notes.push(`${path}: the head's tests ran with the base's runner configuration (if the change is intended: approve it, or list the path in the contract's tests.allowRunnerChanges)`);
    }
    // The report's reader sees the head's tests fail where the head's own files pass: say why.
    const restoredProtected = protectedResult.restore.filter((p) => headRestores.has(p) && !tampered.includes(p));
    if (restoredProtected.length > 0) {
        const shown = restoredProtected.slice(0, 5).join(", ");
        const more = restoredProtected.length > 5 ? ` and ${restoredProtected.length - 5} more` : "";
        notes.push(`Taken from the base before anything ran, because the change broke their protection: ${shown}${more}. The head's tests and verifiers ran with those base versions.`);
    }
    const testGlobs = compileGlobs([...contract.protected.frozen, ...contract.protected.appendOnly]);
    const suiteRestores = changes
        .map((c) => c.path)
        .filter((p) => testGlobs(p) && !headRestores.has(p) && !headEdits.some((e) => e.path === p));
    return { changes, findings, headRestores: [...headRestores], headEdits, suiteRestores, notes };
}
/**
 * Reads files of one commit, looking up `prefetch` (the configuration files the tampering check
 * always asks for, most of which do not exist) in a single git call instead of one per name.
 */
async function cachedReader(git, commit, prefetch) {
    const known = await git.entriesAt(commit, prefetch);
    const cache = new Map();
    return (path) => {
        let hit = cache.get(path);
        if (hit === undefined) {
            const entry = known.get(path);
            hit =
                prefetch.includes(path) && entry === undefined
                    ? Promise.resolve(undefined)
                    : entry !== undefined
                        ? git.readBlobById(entry.sha).then((b) => b.toString("utf8"))
                        : git.readBlob(commit, path).then((b) => b?.toString("utf8"));
            cache.set(path, hit);
        }
        return hit;
    };
}
async function mergedPackageJson(git, base, head, path) {
    const [before, after] = await Promise.all([git.entryAt(base, path), git.readBlob(head, path)]);
    if (before === undefined || after === undefined)
        return undefined;
    const merged = mergePackageJson((await git.readBlobById(before.sha)).toString("utf8"), after.toString("utf8"));
    if (merged === undefined)
        return undefined;
    const sha = await git.writeBlob(Buffer.from(merged));
    return { path, entry: { mode: before.mode, sha } };
}
async function scanAddedLines(git, base, head, changes, contract, logger) {
    try {
        const paths = changes
            .filter((c) => c.status === "A" || c.status === "M")
            .map((c) => c.path)
            .filter(mayHoldMarkers);
        const added = await git.addedLines(base, head, { paths });
        return scanMarkers(added, { allowNewSkips: contract.tests?.allowNewSkips ?? false });
    }
    catch (error) {
        // The markers are a static hint; the inventory comparison still sees skips at run time.
        logger.warning(`the skip/focus marker scan was skipped: ${getErrorMessage(error)}`);
        return [];
    }
}

/**
 * The base side's results (setup steps and test inventory) depend only on the base tree, the
 * contract's `tests`, `setup` and sandbox settings, the image and loophole's own version: a second
 * gate on the same base (another pull request, the next task-mode round) reuses them instead of
 * running the base suite again. Only the base side is ever cached — it runs trusted code — and the
 * key covers everything it depends on, so a stale or foreign entry cannot be picked up.
 */
/**
 * Bumped whenever the same run would now be read into a different inventory (test ids, statuses),
 * so a cached base from an earlier build of the same version is not compared with a new head.
 */
const INVENTORY_FORMAT = 2;
function baseCacheKey(baseTree, contract, imageIds) {
    const { sandbox } = contract;
    const material = JSON.stringify({
        v: TOOL_VERSION,
        format: INVENTORY_FORMAT,
        baseTree,
        tests: contract.tests,
        setup: contract.setup,
        sandbox: {
            image: sandbox.image,
            env: sandbox.env,
            cpus: sandbox.cpus,
            memoryBytes: sandbox.memoryBytes,
            pids: sandbox.pids,
            network: sandbox.network,
            runtime: sandbox.runtime,
        },
        imageIds,
    });
    return `loophole-base-${createHash("sha256").update(material).digest("hex").slice(0, 40)}`;
}
/** Only complete, readable base runs are worth keeping: a failure to run is retried next time. */
function cacheable(side) {
    return (side.setupFailed === undefined && side.tests?.parsed !== undefined && side.tests.step.status !== "timeout");
}
function serialise(side) {
    const run = side.tests;
    const stored = {
        version: 1,
        setup: side.setup,
        ...(run === undefined
            ? {}
            : {
                tests: {
                    step: run.step,
                    parsed: run.parsed === undefined
                        ? undefined
                        : {
                            framework: run.parsed.inventory.framework,
                            tests: [...run.parsed.inventory.tests.values()],
                            problems: run.parsed.inventory.problems,
                            facts: run.parsed.facts,
                        },
                    ...(run.error === undefined ? {} : { error: run.error }),
                    problems: run.problems,
                },
            }),
    };
    return JSON.stringify(stored);
}
function deserialise(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    // The file is ours, but a truncated or older one must read as a miss, not a crash.
    if (typeof parsed !== "object" || parsed === null || !("version" in parsed) || parsed.version !== 1)
        return undefined;
    const stored = parsed;
    if (!Array.isArray(stored.setup))
        return undefined;
    const result = {
        side: "base",
        setup: stored.setup,
        verifiers: [],
        findings: [],
        containersStarted: 0,
    };
    const t = stored.tests;
    if (t !== undefined) {
        const parsed = t.parsed === undefined
            ? undefined
            : {
                inventory: {
                    framework: t.parsed.framework,
                    tests: new Map(t.parsed.tests.map((c) => [c.id, c])),
                    problems: t.parsed.problems,
                },
                facts: t.parsed.facts,
            };
        const run = {
            step: t.step,
            parsed,
            problems: t.problems,
            ...(t.error === undefined ? {} : { error: t.error }),
        };
        result.tests = run;
    }
    return result;
}
class MemoryBaseCache {
    #entries = new Map();
    get(key) {
        const text = this.#entries.get(key);
        return Promise.resolve(text === undefined ? undefined : deserialise(text));
    }
    set(key, value) {
        this.#entries.set(key, serialise(value));
        return Promise.resolve();
    }
}
/** One JSON file per key in a directory (the CLI's cache, and what the action saves with @actions/cache). */
class DirectoryBaseCache {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    async get(key) {
        const text = await readFile(join(this.dir, `${key}.json`), "utf8").catch(() => undefined);
        return text === undefined ? undefined : deserialise(text);
    }
    async set(key, value) {
        await mkdir(this.dir, { recursive: true });
        const target = join(this.dir, `${key}.json`);
        // Write then rename, so a concurrent reader never sees half a file.
        const partial = `${target}.${process.pid}.partial`;
        await writeFile(partial, serialise(value));
        await rename(partial, target);
    }
}

/**
 * - exit 0 with failed or erroring tests → exit-mismatch (fail);
 * - exit 0 with fewer results than announced or an unfinished run (TAP plan, libtest summary, go
 *   tests that never ended) → exit-mismatch (fail);
 * - exit 0 with no results at all → tests-ran-nothing (fail);
 * - non-zero exit (or killed, `null`) while every reported test passed → exit-mismatch (warn): the
 *   process failed after the tests (an atexit hook, a leaked handle) or outside them.
 */
function checkExitConsistency(exitCode, inventory, facts, options = {}) {
    const run = options.run ?? "head";
    const blocking = run === "head" ? "fail" : "warn";
    const label = `The ${run} test run`;
    const counts = countInventory(inventory);
    const failing = counts.failed + counts.error;
    const findings = [];
    if (exitCode === 0) {
        if (counts.total === 0) {
            findings.push(finding("tests-ran-nothing", blocking, `${label} exited 0 without reporting any test`));
        }
        if (failing > 0) {
            findings.push(finding("exit-mismatch", blocking, `${label} exited 0 although ${failing} ${failing === 1 ? "test" : "tests"} failed or errored`));
        }
        for (const reason of facts.incomplete) {
            findings.push(finding("exit-mismatch", blocking, `${label} exited 0 but its results are incomplete: ${reason}`));
        }
        return findings;
    }
    if (counts.total > 0 && failing === 0) {
        const how = exitCode === null ? "was killed" : `exited ${exitCode}`;
        findings.push(finding("exit-mismatch", "warn", `${label} ${how} although every reported test passed or was skipped: the process failed after the tests or outside them`));
    }
    return findings;
}
/**
 * Findings from several checks with repeats dropped: `compareInventories` and
 * `checkExitConsistency` both report an empty head run as `tests-ran-nothing`. The first of equal
 * kind, path, line and test is kept.
 */
function uniqueFindings(...lists) {
    const seen = new Set();
    const out = [];
    for (const list of lists) {
        for (const f of list) {
            const key = JSON.stringify([f.kind, f.path ?? null, f.line ?? null, f.test ?? null]);
            if (f.kind === "exit-mismatch" || !seen.has(key))
                out.push(f);
            seen.add(key);
        }
    }
    return out;
}

function compareInventories(base, head, spec) {
    const findings = [];
    const removed = [];
    const newlySkipped = [];
    const regressed = [];
    const notes = [];
    // One pass over the base (counting it, and how many of its tests the head still has), one over
    // the head's statuses: 200,000 tests compare in a fraction of a second.
    const baseCounts = emptyCounts();
    let kept = 0;
    for (const [id, before] of base.tests) {
        baseCounts.total += 1;
        baseCounts[before.status] += 1;
        const after = head.tests.get(id);
        if (after !== undefined)
            kept += 1;
        if (after === undefined) {
            const severity = isNotRun(before.status) ? "warn" : "fail";
            removed.push(ref(before));
            findings.push(finding("test-removed", severity, `Test removed: ${id} (${before.status} at base, missing at head)`, where(before)));
            continue;
        }
        if (!isNotRun(before.status) && isNotRun(after.status)) {
            newlySkipped.push(ref(after));
            const severity = spec.allowNewSkips ? "warn" : "fail";
            const how = after.status === "xfail" ? "marked expected-failure/todo" : "skipped";
            findings.push(finding("test-newly-skipped", severity, `Test ${how} at head: ${id} (${before.status} at base)`, where(after)));
        }
        else if (before.status === "passed" && isFailing(after.status)) {
            regressed.push(ref(after));
            findings.push(finding("test-regressed", "fail", `Test ${after.status} at head: ${id} (passed at base)`, where(after)));
        }
    }
    // Ids are unique within an inventory, so the head's new tests are those the base lookups missed.
    const added = head.tests.size - kept;
    const headCounts = countInventory(head);
    const delta = headCounts.total - baseCounts.total;
    if (delta < spec.minDelta) {
        const wanted = spec.minDelta > 0
            ? `at least ${spec.minDelta} more`
            : spec.minDelta === 0
                ? "no fewer"
                : `at most ${-spec.minDelta} fewer`;
        findings.push(finding("test-count", "fail", `Test count went from ${baseCounts.total} to ${headCounts.total} (${signed$1(delta)}); the contract asks for ${wanted}`));
    }
    if (headCounts.total === 0) {
        findings.push(finding("tests-ran-nothing", "fail", "The head run reported no tests"));
    }
    if (baseCounts.total === 0)
        notes.push("The base run reported no tests, so nothing could be removed or regress.");
    if (base.framework !== head.framework) {
        notes.push(`Base and head were parsed as different frameworks (${base.framework}, ${head.framework}).`);
    }
    return {
        findings,
        tests: {
            framework: head.framework,
            base: baseCounts,
            head: headCounts,
            removed,
            newlySkipped,
            regressed,
            added,
            notes,
        },
    };
}
function ref(test) {
    const out = { id: test.id };
    if (test.file !== undefined)
        out.file = test.file;
    if (test.message !== undefined)
        out.message = test.message;
    return out;
}
function where(test) {
    return test.file === undefined ? { test: test.id } : { test: test.id, path: test.file };
}
function signed$1(n) {
    return n > 0 ? `+${n}` : String(n);
}

/**
 * The runner's own closing summary, printed to the terminal, against the report it wrote. Code under
 * test that rewrites the report after the run (an atexit hook copying a forged file into place, then
 * `os._exit(0)`) leaves the runner's printed summary behind; beating this check as well means
 * patching the runner's internals, which the report names as not proven.
 *
 * pytest: `==== 1 failed, 3 passed, 1 skipped in 0.12s ====`, or without the rules under `-q`.
 *
 * vitest: `Tests  3 passed | 1 expected fail (4)`. Its reports list a `test.fails` whose body fails
 * as a pass (JUnit and JSON alike), and only this printed line counts it apart; so more expected
 * failures at head than at base is a test turned into one, whatever name `fails` was reached by
 * (the marker scan sees only the plain spelling).
 */
const PYTEST_LINE = /^=*\s*((?:\d+ (?:failed|passed|errors?|skipped|xfailed|xpassed|deselected|warnings?|rerun)(?:, )?)+) in [\d.]+s(?: \([^)]*\))?\s*=*$/;
function pytestSummary(output) {
    const lines = output.split("\n");
    for (let i = lines.length - 1; i >= 0; i--) {
        const match = PYTEST_LINE.exec((lines[i] ?? "").trim());
        if (!match?.[1])
            continue;
        const count = (word) => {
            const m = new RegExp(`(\\d+) ${word.source}`).exec(match[1] ?? "");
            return m ? Number(m[1]) : 0;
        };
        return { failed: count(/failed/), errors: count(/errors?\b/), passed: count(/passed/) };
    }
    return undefined;
}
function checkRunnerSummary(framework, output, inventory, run) {
    if (framework !== "pytest")
        return [];
    const summary = pytestSummary(output);
    if (summary === undefined)
        return [];
    const counts = countInventory(inventory);
    const printed = summary.failed + summary.errors;
    const reported = counts.failed + counts.error;
    if (printed > reported) {
        return [
            finding("exit-mismatch", "fail", `The ${run} test run printed "${summary.failed} failed, ${summary.errors} errors", but its report lists ${reported} failing: the report was changed after the runner wrote it`),
        ];
    }
    return [];
}
// eslint-disable-next-line no-control-regex -- vitest colours its summary even when piped
const ANSI$1 = /\u001b\[[0-9;]*m/g;
const VITEST_TESTS_LINE = /^Tests\s+(.*)\(\d+\)$/;
/**
 * The expected failures vitest's default reporter counted, added up over every `Tests` line it
 * printed (a command may run vitest more than once), if it printed one. A line the code under test
 * prints itself can only raise its own run's count.
 */
function vitestExpectedFailures(output) {
    let total;
    for (const line of output.split("\n")) {
        const match = VITEST_TESTS_LINE.exec(line.replace(ANSI$1, "").trim());
        if (match === null)
            continue;
        const count = /(\d+) expected fail/.exec(match[1] ?? "");
        total = (total ?? 0) + (count ? Number(count[1]) : 0);
    }
    return total;
}
/**
 * A run that counted more vitest expected failures than the base run did. Which tests they are
 * cannot be read from the report, so the finding names none; the base's own count (a suite that
 * already uses `test.fails`) is what it is compared with. A warning when the contract allows new
 * skips, like every other newly skipped or expected-failure test.
 */
function checkExpectedFailures(spec, baseOutput, output, run) {
    if (spec.framework !== "vitest")
        return [];
    const counted = vitestExpectedFailures(output);
    if (counted === undefined)
        return [];
    const before = vitestExpectedFailures(baseOutput) ?? 0;
    if (counted <= before)
        return [];
    const tests = (n) => `${n} ${n === 1 ? "test" : "tests"}`;
    return [
        finding("test-newly-skipped", spec.allowNewSkips === true ? "warn" : "fail", `The ${run} test run counted ${tests(counted)} as expected failures (test.fails: the test's body fails) where the base counted ${before}. vitest's report lists them as passes, so they are not counted as passing`),
    ];
}

const MAX_NOTES = 20;
function judgeTests(contract, base, head, suite, boundaryNotes, changedPaths = []) {
    const spec = contract.tests;
    const judgement = { findings: [], tests: undefined, errors: [], verifier: undefined };
    if (spec === undefined)
        return judgement;
    const image = contract.sandbox.image ?? "host";
    const headRun = head.tests;
    const baseBroken = brokenBaseRun(base);
    if (headRun !== undefined &&
        !contract.verifiers.some((v) => v.run === spec.run && (v.image ?? image) === image)) {
        judgement.verifier = { ...headRun.step, image };
        // With a base run that shows the command itself does not work, the head's failure says nothing
        // about the change: the outcome is the error below, not a fail blamed on the head.
        if (baseBroken === undefined && (headRun.step.status === "fail" || headRun.step.status === "timeout")) {
            const how = headRun.step.status === "timeout"
                ? "timed out"
                : `failed with exit code ${String(headRun.step.exitCode)}`;
            judgement.findings.push(finding("verifier-failed", "fail", `the test suite ${how} at head${failingTests(headRun)}`));
        }
    }
    if (baseBroken !== undefined) {
        judgement.errors.push(baseBroken);
        return judgement;
    }
    const baseParsed = usable(base, "base", judgement);
    const headStart = judgement.findings.length;
    const headParsed = usable(head, "head", judgement);
    if (baseParsed === undefined ||
        headParsed === undefined ||
        base.tests === undefined ||
        headRun === undefined) {
        contradictExitCode(judgement, judgement.findings.slice(headStart));
        return judgement;
    }
    const comparison = compareInventories(baseParsed.inventory, headParsed.inventory, spec);
    const notes = [...boundaryNotes, ...comparison.tests.notes];
    const headExit = checkExitConsistency(headRun.step.exitCode, headParsed.inventory, headParsed.facts, {
        run: "head",
    });
    const headSummary = checkRunnerSummary(spec.framework, headRun.step.outputTail, headParsed.inventory, "head");
    const lists = [
        comparison.findings,
        fixedByTestEdits(baseParsed.inventory, headParsed.inventory, changedPaths),
        headExit,
        checkExitConsistency(base.tests.step.exitCode, baseParsed.inventory, baseParsed.facts, { run: "base" }),
        headSummary,
        checkExpectedFailures(spec, base.tests.step.outputTail, headRun.step.outputTail, "head"),
    ];
    if (suite !== undefined) {
        const suiteParsed = usable(suite, "base-suite", judgement);
        if (suiteParsed !== undefined && suite.tests !== undefined) {
            notes.push("The base's test files were also run against the head's code (the change's own test files removed).");
            const again = compareInventories(baseParsed.inventory, suiteParsed.inventory, {
                minDelta: Number.MIN_SAFE_INTEGER,
                allowNewSkips: false,
            });
            lists.push(again.findings
                .filter((f) => f.severity === "fail" && f.test !== undefined)
                .map((f) => ({
                ...f,
                kind: "test-regressed",
                message: `${f.message} — in the base's own test suite run against the head's code`,
            })), checkExitConsistency(suite.tests.step.exitCode, suiteParsed.inventory, suiteParsed.facts, {
                run: "head",
            }).map((f) => ({
                ...f,
                message: `${f.message} (the base's tests against the head's code)`,
            })), checkRunnerSummary(spec.framework, suite.tests.step.outputTail, suiteParsed.inventory, "base-suite"), checkExpectedFailures(spec, base.tests.step.outputTail, suite.tests.step.outputTail, "base-suite"), onlyWithOwnTests(baseParsed.inventory, headParsed.inventory, suiteParsed.inventory));
            for (const t of again.tests.regressed)
                if (!comparison.tests.regressed.some((r) => r.id === t.id))
                    comparison.tests.regressed.push(t);
        }
    }
    for (const run of [base.tests, headRun, suite?.tests]) {
        if (run === undefined)
            continue;
        notes.push(...run.problems.slice(0, 5).map((p) => `${run.step.name}: ${p}`));
    }
    judgement.findings.push(...uniqueFindings(...lists));
    contradictExitCode(judgement, [
        ...headExit,
        ...headSummary,
        ...comparison.findings.filter((f) => f.kind === "tests-ran-nothing"),
    ]);
    judgement.tests = { ...comparison.tests, notes: notes.slice(0, MAX_NOTES) };
    return judgement;
}
/**
 * A test the base has, that passes in the head's own run but not when the base's test files run
 * against the head's code, passes only because of the change's own test files (a new setup file, a
 * hook appended to a test module): a regression, whatever its status at base.
 */
function onlyWithOwnTests(base, head, suite) {
    const findings = [];
    for (const [id, own] of head.tests) {
        if (own.status !== "passed" || !base.tests.has(id))
            continue;
        const judged = suite.tests.get(id);
        if (judged?.status === "passed")
            continue;
        const how = judged === undefined ? "is missing" : `is ${judged.status}`;
        findings.push(finding("test-regressed", "fail", `Test ${id} passes in the change's own run but ${how} when the base's test files run against the head's code: it passes only with the change's own test files`, { test: id, ...(own.file === undefined ? {} : { path: own.file }) }));
    }
    return findings;
}
/**
 * Tests that failed at base and pass at head, where the change touched nothing but test files: the
 * code under test is the base's, so the tests were made to agree with it (an assertion weakened, an
 * expected value rewritten) or were wrong. Only a warning: fixing a wrong test is a real change,
 * and where the contract protects its tests the boundary and the base-suite run already decide.
 */
/** Files a change may touch besides its tests without changing any code. */
const DOCUMENTATION = /\.(?:md|markdown|rst|adoc)$/i;
/**
 * Test files for this check: every `.rs` file may hold tests (isTestFile says so for the marker
 * scan), but a change to `src/*.rs` is a code change; only `tests/` counts for Rust.
 */
function onlyTests(path) {
    if (path.endsWith(".rs"))
        return /(?:^|\/)tests\//.test(path);
    return isTestFile(path);
}
function fixedByTestEdits(base, head, changedPaths) {
    const neutral = (path) => DOCUMENTATION.test(path);
    if (!changedPaths.some(onlyTests) || !changedPaths.every((p) => onlyTests(p) || neutral(p)))
        return [];
    const fixed = [];
    for (const [id, before] of base.tests) {
        if (isFailing(before.status) && head.tests.get(id)?.status === "passed")
            fixed.push(id);
    }
    if (fixed.length === 0)
        return [];
    const shown = fixed.slice(0, NAMED_FAILURES).map(boundId).join(", ");
    const more = fixed.length > NAMED_FAILURES ? ` and ${fixed.length - NAMED_FAILURES} more` : "";
    const tests = fixed.length === 1
        ? "1 test that failed at base passes"
        : `${fixed.length} tests that failed at base pass`;
    return [
        finding("fixed-by-test-edits", "warn", `${tests} at head (${shown}${more}), but the change touched only test files: the code under test is unchanged, so the tests were changed to agree with it`),
    ];
}
/**
 * The head's test run stands as a verifier that passed when it exited 0; if its results contradict
 * that (no report, nothing ran, failures behind the exit code), the verifier did not pass either,
 * and the verifiers table must not say it did.
 */
function contradictExitCode(judgement, headFindings) {
    const verifier = judgement.verifier;
    if (verifier?.status !== "pass")
        return;
    const why = headFindings.find((f) => f.severity === "fail" && (f.kind === "exit-mismatch" || f.kind === "tests-ran-nothing"));
    if (why === undefined)
        return;
    judgement.verifier = { ...verifier, status: "fail", reason: `exit 0, but: ${why.message}` };
}
const NAMED_FAILURES = 5;
const MAX_ID_CHARS = 200;
function boundId(id) {
    return id.length > MAX_ID_CHARS ? `${id.slice(0, MAX_ID_CHARS)}…` : id;
}
/** ": 2 tests fail (a, b)": which tests, since a runner that reports to a file prints nothing. */
function failingTests(run) {
    const failing = [...(run.parsed?.inventory.tests.values() ?? [])].filter((t) => isFailing(t.status));
    if (failing.length === 0)
        return "";
    const ids = failing.slice(0, NAMED_FAILURES).map((t) => boundId(t.id));
    const more = failing.length > NAMED_FAILURES ? ` and ${failing.length - NAMED_FAILURES} more` : "";
    return `: ${failing.length} ${failing.length === 1 ? "test fails" : "tests fail"} (${ids.join(", ")}${more})`;
}
/** How the runners say they found no tests at all. */
const NO_TESTS_OUTPUT = /no tests ran|collected 0 items|NO TESTS RAN|Ran 0 tests|No tests found|No test files found|no test files|running 0 tests/i;
/**
 * Why the base's test run leaves nothing to judge the head against, when it exited non-zero without
 * reporting a single test: not a base without tests yet (that run exits 0), but a test command that
 * does not work on the base (a runner missing from the image, a wrong path).
 */
function brokenBaseRun(base) {
    const run = base.tests;
    if (base.setupFailed !== undefined || run?.parsed === undefined)
        return undefined;
    if (run.parsed.inventory.tests.size > 0 || run.step.exitCode === 0)
        return undefined;
    // A base without tests yet is not broken, though most runners exit non-zero for it (pytest and
    // unittest 5, jest, vitest and mocha 1): the head may add the first tests. The base's output is
    // the base's own, so reading it hands the head nothing.
    if (run.step.exitCode === 5 || NO_TESTS_OUTPUT.test(run.step.outputTail))
        return undefined;
    const how = run.step.exitCode === null ? "was stopped" : `exited ${String(run.step.exitCode)}`;
    return (`the base's test run ${how} without reporting any test, so there is nothing to judge the head against: ` +
        `check that the contract's tests.run works on the base commit (its last output: ${lastLines(run.step.outputTail, 2)})`);
}
/**
 * The parsed results of a side, or nothing. What the gate could not do on the base is an error (it
 * cannot judge); on the head and the base-suite run — the candidate's code — unreadable results or
 * a failed setup are the candidate's failure, so a change cannot turn a fail into an error by
 * breaking its own report.
 */
function usable(side, label, judgement) {
    const candidate = label !== "base";
    const fail = (message) => {
        if (candidate)
            judgement.findings.push(finding("exit-mismatch", "fail", message));
        else
            judgement.errors.push(message);
        return undefined;
    };
    if (side.setupFailed !== undefined) {
        // The head's own setup failure is already a setup-failed finding.
        if (label === "head")
            return undefined;
        const hint = candidate ? "" : "; check that the contract's setup works on the base commit";
        return fail(`the ${label} side's setup step "${side.setupFailed}" failed, so its tests could not run${hint}`);
    }
    const run = side.tests;
    if (run === undefined)
        return fail(`the ${label} tests did not run`);
    if (run.parsed === undefined)
        return fail(`the ${label} test results could not be read: ${run.error ?? "no results"}`);
    return run.parsed;
}

async function runGate(request, deps) {
    const recorder = new GateRecorder(request.contractPath, deps.progress);
    for (const item of baseNotProven())
        recorder.addNotProven(item);
    try {
        await stages(request, deps, recorder);
    }
    catch (error) {
        if (error instanceof ConfigurationError || error instanceof GateError) {
            recorder.error(describeError(error));
        }
        else {
            deps.logger.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
            recorder.error(`internal error: ${describeError(error)}`);
        }
    }
    if (request.signal?.aborted)
        recorder.error("the run was cancelled before it finished");
    // Inventory findings (a newly skipped test, say) exist only now; approvals apply to them too.
    if (deps.approve && recorder.findings.some((f) => f.approved === undefined)) {
        try {
            const approved = await deps.approve([...recorder.findings]);
            recorder.findings.splice(0, recorder.findings.length, ...approved);
        }
        catch (error) {
            recorder.error(`approvals could not be checked: ${describeError(error)}`);
        }
    }
    return recorder.toReport();
}
async function stages(request, deps, rec) {
    const { logger } = deps;
    const git = await Git.open(request.repoDir, logger);
    const refs = await rec.phase("resolve", async () => {
        const head = await git.resolveCommit(request.head);
        const contractCommit = await git.resolveCommit(request.base);
        const base = await git.mergeBase(contractCommit, head);
        return { head, contractCommit, base };
    });
    rec.provenance.head = refs.head;
    rec.provenance.base = refs.base;
    rec.provenance.contractCommit = refs.contractCommit;
    logger.info(`base ${refs.base.slice(0, 12)} → head ${refs.head.slice(0, 12)}`);
    const loaded = await rec.phase("contract", () => readBaseContract(git, refs.contractCommit, refs.head, request.contractPath));
    if (!loaded.ok) {
        rec.add(...loaded.findings);
        throw loaded.error;
    }
    const { contract, sha256 } = loaded.value;
    rec.goal = contract.goal;
    rec.provenance.contractSha256 = sha256;
    if (contract.tests === undefined)
        rec.addNotProven(noTestsSection());
    if (contract.verifiers.length === 0)
        rec.addNotProven(noVerifiers());
    const guarded = [...contract.protected.frozen, ...contract.protected.appendOnly];
    if (guarded.every((glob) => glob === request.contractPath))
        rec.addNotProven(noProtectedPaths());
    const kind = request.runtime ?? contract.sandbox.runtime;
    rec.provenance.runtime = kind;
    if (kind === "host")
        rec.addNotProven(runtimeHost());
    else if (contract.sandbox.network.length > 0)
        rec.addNotProven(networkAllowed(contract.sandbox.network));
    const runtime = (deps.createRuntime ?? ((k) => createRuntime(k, logger)))(kind);
    // The runtime check and image lookups overlap the boundary checks; the boundary's findings are
    // recorded first, so they stand even when the runtime then turns out to be missing.
    const runtimeReady = rec.phase("sandbox", () => prepareRuntime(runtime, contract, rec, logger));
    runtimeReady.catch(() => undefined);
    const boundary = await rec.phase("boundary", () => runBoundary({
        git,
        contract,
        contractPath: request.contractPath,
        base: refs.base,
        head: refs.head,
        logger,
        ...(deps.approve ? { approve: deps.approve } : {}),
    }));
    rec.add(...boundary.findings);
    await runtimeReady;
    await runSides({ request, deps, rec, git, refs, contract, boundary, runtime });
}
async function prepareRuntime(runtime, contract, rec, logger) {
    // No log group: this runs alongside the boundary checks, and groups cannot overlap.
    await runtime.ping();
    logger.info(`sandbox: ${runtime.kind}`);
    if (runtime.hostPaths)
        return;
    const images = new Set();
    if (contract.sandbox.image !== undefined)
        images.add(contract.sandbox.image);
    for (const v of contract.verifiers)
        if (v.image !== undefined)
            images.add(v.image);
    for (const image of images) {
        const info = await runtime.ensureImage(image);
        rec.images.add(`${info.reference}@${info.id}`);
    }
}
async function runSides(input) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { request, deps, rec, git, refs, contract, boundary, runtime } = input;
        const { logger } = deps;
        const withTests = contract.tests !== undefined;
        const headRestores = boundary.headRestores;
        // The head's container starts while git writes its clean room: on a large tree the two cost alike.
        const headRoom = __addDisposableResource(env_1, await startCleanRoom(git, {
            commit: refs.head,
            restore: { from: refs.base, paths: headRestores },
            edits: boundary.headEdits,
        }), true);
        const headReady = rec.phase("clean room", () => headRoom.ready);
        headReady.catch(() => undefined);
        if (headRoom.restored.length > 0)
            logger.info(`taken from base before running anything: ${headRoom.restored.join(", ")}`);
        const suiteNeeded = withTests && boundary.suiteRestores.length > 0;
        const suiteRoom = __addDisposableResource(env_1, suiteNeeded
            ? await createCleanRoom(git, {
                commit: refs.head,
                restore: { from: refs.base, paths: [...headRestores, ...boundary.suiteRestores] },
                edits: boundary.headEdits,
            })
            : undefined, true);
        // Sides run concurrently: each logs into its own buffer, replayed as one group when it ends.
        const side = (name, workspace, tests, verifiers, workspaceReady) => {
            const buffer = new BufferedLogger();
            const title = `${name}: ${[tests ? "tests" : "", verifiers ? "verifiers" : ""].filter(Boolean).join(" and ")}`;
            return rec
                .phase(name, () => runSide({
                side: name,
                runtime,
                contract,
                workspace,
                runTests: tests,
                runVerifiers: verifiers,
                labels: { [LABEL_RUN]: request.runId },
                logger: buffer,
                progress: rec.progress,
                ...(workspaceReady ? { workspaceReady } : {}),
                ...(request.signal ? { signal: request.signal } : {}),
            }))
                .finally(() => {
                buffer.replay(logger, title);
            });
        };
        const baseSide = async () => {
            const env_2 = { stack: [], error: void 0, hasError: false };
            try {
                const cache = runtime.hostPaths ? undefined : deps.baseCache;
                const key = cache ? baseCacheKey(await git.treeId(refs.base), contract, [...rec.images]) : undefined;
                // Its own phase, so the report shows what the cache cost next to what the base run cost.
                const cached = cache && key ? await rec.phase("base cache", () => cache.get(key)) : undefined;
                if (cached) {
                    logger.info("base: test inventory reused from the cache (same base tree, contract and image)");
                    rec.baseFromCache = true;
                    return cached;
                }
                const baseRoom = __addDisposableResource(env_2, await startCleanRoom(git, { commit: refs.base }), true);
                const result = await side("base", baseRoom.dir, true, false, baseRoom.ready);
                if (cache && key && cacheable(result))
                    await cache.set(key, result);
                return result;
            }
            catch (e_2) {
                env_2.error = e_2;
                env_2.hasError = true;
            }
            finally {
                const result_2 = __disposeResources(env_2);
                if (result_2)
                    await result_2;
            }
        };
        // Base and head run at the same time; the base-suite run follows the base, so at most two
        // sandboxes run at once.
        const [head, [base, suite]] = await Promise.all([
            side("head", headRoom.dir, withTests, true, headReady),
            (async () => {
                const b = withTests ? await baseSide() : undefined;
                const s = suiteRoom ? await side("base-suite", suiteRoom.dir, true, false) : undefined;
                return [b, s];
            })(),
        ]);
        for (const result of [head, base, suite]) {
            if (result === undefined)
                continue;
            rec.setup.push(...result.setup.filter((step) => result !== base || !rec.baseFromCache || step.status !== "pass"));
            rec.containersStarted += result.containersStarted;
        }
        // A setup step that fails on the base as well says the contract's setup does not work, not that
        // the change broke it: the base's failure is an error below, and the head is not blamed for it.
        const sameSetupFailure = base?.setupFailed !== undefined && base.setupFailed === head.setupFailed;
        rec.add(...head.findings.filter((f) => !(sameSetupFailure && f.kind === "setup-failed")));
        if (base !== undefined) {
            const notes = rec.baseFromCache
                ? [...boundary.notes, "The base inventory came from the cache (same base tree, contract and image)."]
                : boundary.notes;
            const judgement = judgeTests(contract, base, head, suite, notes, boundary.changes.map((c) => c.path));
            if (judgement.verifier)
                rec.verifiers.push(judgement.verifier);
            rec.add(...judgement.findings);
            for (const error of judgement.errors)
                rec.error(error);
            rec.tests = judgement.tests;
        }
        rec.verifiers.push(...head.verifiers);
        for (const v of rec.verifiers) {
            if (v.status === "skipped")
                rec.addNotProven(verifierSkipped(v.name, v.reason ?? "skipped"));
        }
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}

/**
 * First Ctrl-C (or SIGTERM) aborts the gate, which then removes its containers and temp dirs on the
 * way out; a second one runs the pending cleanups at once and exits.
 */
function abortOnSignals(logger) {
    const controller = new AbortController();
    const handler = (signal) => {
        if (controller.signal.aborted) {
            void onTerminatingSignal(signal, logger, (code) => process.exit(code));
            return;
        }
        logger.warning(`${signal}: stopping and cleaning up (again to stop at once)`);
        controller.abort(new Error(`interrupted by ${signal}`));
    };
    process.on("SIGINT", handler);
    process.on("SIGTERM", handler);
    return {
        signal: controller.signal,
        [Symbol.asyncDispose]() {
            process.off("SIGINT", handler);
            process.off("SIGTERM", handler);
            return Promise.resolve();
        },
    };
}

/**
 * Secret values that must never reach a report. The caller registers each value it knows (the
 * workflow token, executor secrets); every occurrence is replaced with `***`, including the forms a
 * tool commonly prints instead of the raw value: base64 (standard and URL alphabets, at every byte
 * alignment, so the value is found inside a longer encoded string such as a basic-auth header) and
 * URL encoding. The runner masks only the raw value in logs, and reports are not logs.
 */
const MASK = "***";
/**
 * Values shorter than this are not registered: masking "abc" everywhere would wreck the report, and
 * no credential the gate handles is that short.
 */
const MIN_SECRET_LENGTH = 4;
// Base64 fragments shorter than this would match ordinary text by chance.
const MIN_ENCODED_LENGTH = 6;
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/**
 * The part of base64(prefix + value) that depends only on `value`, for each of the three alignments
 * a value can have inside a longer encoded string.
 */
function base64Forms(value) {
    const bytes = Buffer.from(value, "utf8");
    const forms = [];
    for (let shift = 0; shift < 3; shift += 1) {
        const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
        // Characters covering a prefix bit or a bit past the value (padding, the next byte) vary with
        // the surrounding data, so only whole characters inside the value's bits are kept.
        const first = Math.ceil((shift * 8) / 6);
        const end = Math.floor(((shift + bytes.length) * 8) / 6);
        const core = encoded.slice(first, end);
        forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
    }
    return forms;
}
class Secrets {
    #patterns = new Set();
    #regex;
    constructor(values = []) {
        for (const value of values)
            this.add(value);
    }
    /** Registers a value (and its trimmed form and each of its lines, for multi-line secrets). */
    add(value) {
        const candidates = new Set([value, value.trim(), ...value.split(/\r?\n/).map((line) => line.trim())]);
        for (const candidate of candidates) {
            if (candidate.length < MIN_SECRET_LENGTH)
                continue;
            this.#patterns.add(candidate);
            this.#patterns.add(encodeURIComponent(candidate));
            for (const form of base64Forms(candidate)) {
                if (form.length >= MIN_ENCODED_LENGTH)
                    this.#patterns.add(form);
            }
        }
        this.#regex = undefined;
        return this;
    }
    /** How many patterns (values and their encoded forms) are masked. */
    get size() {
        return this.#patterns.size;
    }
    mask(text) {
        if (this.#patterns.size === 0)
            return text;
        // One pass with the longest patterns first, so a value is masked whole rather than around a
        // shorter value it contains.
        this.#regex ??= new RegExp([...this.#patterns]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join("|"), "g");
        return text.replace(this.#regex, MASK);
    }
}
/** Replaces every registered secret (and its encoded forms) in `text` with `***`. */
function maskSecrets(text, secrets) {
    return secrets === undefined ? text : secrets.mask(text);
}

const OUTCOME_ICON = { pass: "✅", fail: "❌", error: "⚠️" };
const STATUS_ICON = {
    pass: "✅",
    fail: "❌",
    error: "⚠️",
    timeout: "⏱️",
    skipped: "⏭️",
};
const SEVERITY_ICON = { fail: "❌", warn: "⚠️", info: "ℹ️" };
const APPROVED_ICON = "☑️";
/** Where each kind of finding is shown. A `Record` so that a new kind cannot be forgotten. */
const FINDING_SECTION = {
    "protected-path": "boundary",
    "contract-changed": "boundary",
    "contract-added": "boundary",
    "runner-tampering": "boundary",
    "skip-marker": "boundary",
    "focus-marker": "boundary",
    "protected-edit-reverted": "boundary",
    "test-removed": "inventory",
    "test-newly-skipped": "inventory",
    "test-regressed": "inventory",
    "test-count": "inventory",
    "tests-ran-nothing": "inventory",
    "exit-mismatch": "inventory",
    "fixed-by-test-edits": "inventory",
    "setup-failed": "runs",
    "verifier-failed": "runs",
    "verifier-error": "runs",
    "no-change": "runs",
};
/** Kinds already listed by name in the test inventory (from `report.tests`), when it is present. */
const LISTED_BY_INVENTORY = new Set(["test-removed", "test-newly-skipped", "test-regressed"]);
/** The findings a section shows, in report order. */
function findingsFor(report, section) {
    return report.findings.filter((f) => {
        if (FINDING_SECTION[f.kind] !== section)
            return false;
        return !(section === "inventory" && report.tests !== undefined && LISTED_BY_INVENTORY.has(f.kind));
    });
}
/** "protected-path" → "protected path". */
function kindLabel(kind) {
    return kind.replace(/-/g, " ");
}
/** `path:line`, `path`, or undefined. */
function findingLocation(f) {
    if (f.path === undefined)
        return undefined;
    return f.line === undefined ? f.path : `${f.path}:${f.line}`;
}
function exitText(code) {
    return code === null ? "—" : String(code);
}
/** Steps that get their output shown: the ones that did not pass and were not skipped. */
function needsOutput(step) {
    return step.status === "fail" || step.status === "error" || step.status === "timeout";
}
function count(n, singular, plural = `${singular}s`) {
    return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}
/** "…and 3 more tests", for the end of a bounded list. */
function andMore(n, singular, plural = `${singular}s`) {
    return `…and ${n.toLocaleString("en-US")} more ${n === 1 ? singular : plural}`;
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return count(bytes, "byte");
    const units = ["KiB", "MiB", "GiB", "TiB"];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? "TiB"}`;
}
/** "+3", "−2" (a real minus sign), "0". */
function signed(n) {
    if (n > 0)
        return `+${n.toLocaleString("en-US")}`;
    if (n < 0)
        return `−${(-n).toLocaleString("en-US")}`;
    return "0";
}
const COUNT_ROWS = [
    ["total", "Total"],
    ["passed", "Passed"],
    ["failed", "Failed"],
    ["error", "Error"],
    ["skipped", "Skipped"],
    ["xfail", "Expected failure"],
];
/** Sorts steps so the ones that did not pass come first, keeping report order otherwise. */
function problemsFirst(steps) {
    const rank = (s) => (s.status === "pass" ? 2 : s.status === "skipped" ? 1 : 0);
    return steps
        .map((step, index) => ({ step, index }))
        .sort((a, b) => rank(a.step) - rank(b.step) || a.index - b.index)
        .map(({ step }) => step);
}
/**
 * Short text for an output summary: "last 20 lines of 12.3 KiB". The tail is already a bounded copy of
 * the output, so only `outputBytes` says how much there was.
 */
function tailDescription(shownLines, totalLines, outputBytes) {
    if (totalLines === 0)
        return outputBytes === 0 ? "no output" : `${formatBytes(outputBytes)} of output, none kept`;
    const lines = shownLines === totalLines ? count(shownLines, "line") : `last ${count(shownLines, "line")}`;
    return `${lines} of ${formatBytes(outputBytes)}`;
}

/**
 * Format-neutral clean-up of untrusted text (test names, command output, file names) before any
 * renderer sees it: terminal escape sequences and control characters go, invisible and
 * direction-changing characters become visible, and lengths are bounded. The markdown-specific
 * escaping is in `escape.ts`; this part is shared with the text renderer, where an ANSI sequence
 * in a test name could otherwise rewrite the user's terminal.
 */
// Matching control characters is the point of these patterns.
/* eslint-disable no-control-regex */
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// CSI (ESC [ or the 8-bit 0x9b), string commands (OSC, DCS, SOS, PM, APC: up to BEL or ST, or the end
// of the line when unterminated) and the remaining two-character ESC sequences.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?|[\x1b][P\]X^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]?/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/* eslint-enable no-control-regex */
// Zero-width, bidirectional and other invisible format characters, plus the Unicode tag block used to
// smuggle hidden ASCII. A name that differs from another only by these would look identical, and bidi
// overrides can make text read differently from what it is, so they are shown, not dropped.
const INVISIBLE = 
// eslint-disable-next-line no-misleading-character-class -- single code points, some of them combining
/[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0e\ufeff\uffa0\ufff0-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function visible(char) {
    const code = char.codePointAt(0) ?? 0;
    const hex = code.toString(16).toUpperCase();
    return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}
/**
 * Removes terminal escape sequences and control characters (keeping `\n` and `\t`), turns every line
 * break into `\n`, shows invisible characters as `\uXXXX` and replaces lone surrogates. Idempotent.
 */
function sanitizeText(text) {
    return text
        .replace(LINE_BREAKS, "\n")
        .replace(ANSI, "")
        .replace(CONTROLS, "")
        .replace(INVISIBLE, visible)
        .replace(LONE_SURROGATE, "\uFFFD");
}
/** Newlines and tabs become single spaces, for text that must stay on one line. */
function oneLine(text) {
    return text.replace(/[\n\t]+/g, " ");
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code) {
    return code >= 0xdc00 && code <= 0xdfff;
}
/** At most `max` characters (UTF-16 units), ending in "…" when cut; never splits a surrogate pair. */
function bounded(text, max) {
    if (text.length <= max)
        return text;
    if (max < 1)
        return "";
    let end = max - 1;
    if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1)))
        end -= 1;
    return `${text.slice(0, end)}…`;
}
/** The last `max` characters at most, starting with "…" when cut: for output, where the end matters. */
function boundedTail(text, max) {
    if (text.length <= max)
        return text;
    if (max < 1)
        return "";
    let start = text.length - (max - 1);
    if (start < text.length && isLowSurrogate(text.charCodeAt(start)))
        start += 1;
    return `…${text.slice(start)}`;
}
/**
 * The last `maxLines` lines of `text`, each at most `maxLineChars` long, and at most `maxChars` in
 * all (whole lines are dropped from the front first). Trailing blank lines are ignored.
 */
function tailLines(text, maxLines, maxChars, maxLineChars = 400) {
    const lines = text.replace(/\n+$/, "").split("\n");
    const totalLines = text.trim() === "" ? 0 : lines.length;
    if (totalLines === 0)
        return { text: "", omittedLines: 0, totalLines };
    const kept = [];
    let size = 0;
    for (let i = lines.length - 1; i >= 0 && kept.length < maxLines; i -= 1) {
        const line = bounded(lines[i] ?? "", maxLineChars);
        if (size + line.length + 1 > maxChars && kept.length > 0)
            break;
        kept.push(size + line.length + 1 > maxChars ? boundedTail(line, Math.max(1, maxChars - 1)) : line);
        size += line.length + 1;
    }
    kept.reverse();
    return { text: kept.join("\n"), omittedLines: totalLines - kept.length, totalLines };
}
/** The first `max` items and a count of the rest, for "and N more" lines. */
function boundedList(items, max) {
    const shown = items.slice(0, Math.max(0, max));
    return { shown, more: items.length - shown.length };
}

/**
 * Markdown for GitHub from untrusted text. Every helper cleans first (control characters, ANSI,
 * invisible characters: `sanitize.ts`), masks registered secrets, bounds the length, and only then
 * escapes, so escaping cannot be undone by a cut and a secret cannot be split by one.
 *
 * What must not happen: an @mention or team mention that pings; raw HTML (an `<img>` that loads a
 * remote image, a `</details>` that closes our block); a link or image (`![x](https://…)`); breaking
 * out of a code block or a table cell; a line-start construct (heading, list, quote) that changes the
 * structure around the text. `#123` issue links are harmless and kept.
 */
const DEFAULT_INLINE_MAX = 1000;
const DEFAULT_BLOCK_MAX = 20_000;
const ZERO_WIDTH_SPACE = "\u200B";
// `@name`, `@org/team`: GitHub links a mention only when a letter or digit directly follows the `@`.
const MENTION = /@(?=[\p{L}\p{N}_-])/gu;
/** Sanitized, masked and bounded: the first steps every helper shares. */
function cleanText(text, options = {}, fallbackMax = DEFAULT_INLINE_MAX) {
    const max = options.max ?? fallbackMax;
    return bounded(maskSecrets(sanitizeText(text), options.secrets), max);
}
function defuseMentions(text) {
    return text.replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}
const INLINE_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
};
/**
 * Untrusted text as inline markdown on one line: HTML characters become entities, every character
 * with inline meaning is backslash-escaped, line-start constructs are defused, mentions cannot ping.
 */
function escapeMarkdown(text, options = {}) {
    const cleaned = oneLine(cleanText(text, options)).replace(/ {2,}/g, " ").trim();
    const escaped = cleaned
        .replace(/[\\`*_[\]|~!$]/g, "\\$&")
        .replace(/[&<>]/g, (char) => INLINE_ESCAPES[char] ?? char)
        // At the start of a line (or of a list item or cell it is placed in) these open a block.
        .replace(/^([#+=-])/, "\\$1")
        .replace(/^(\d+)([.)])/, "$1\\$2");
    return defuseMentions(escaped);
}
/** A table cell: escaped like `escapeMarkdown` (which already escapes `|`), or as inline code. */
function tableCell(text, options = {}) {
    if (options.code === true) {
        // GitHub splits table cells on `|` even inside code spans; `\|` is the documented way to keep one.
        return inlineCode(text, options).replace(/\|/g, "\\|");
    }
    return escapeMarkdown(text, options);
}
/** Untrusted text inside HTML (a `<summary>`): entities, no markdown processing, no mentions. */
function htmlText(text, options = {}) {
    const cleaned = oneLine(cleanText(text, options)).replace(/ {2,}/g, " ").trim();
    const escaped = cleaned
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
    return defuseMentions(escaped);
}
function longestRun(text, char) {
    let longest = 0;
    let current = 0;
    for (const c of text) {
        current = c === char ? current + 1 : 0;
        if (current > longest)
            longest = current;
    }
    return longest;
}
/**
 * A code span: the delimiter is one backtick longer than the longest run inside, so the content
 * cannot close it. Code spans show text literally (no HTML, no links, no mentions).
 */
function inlineCode(text, options = {}) {
    const cleaned = oneLine(cleanText(text, options));
    if (cleaned === "")
        return "*(empty)*";
    const fence = "`".repeat(longestRun(cleaned, "`") + 1);
    // A leading or trailing backtick would merge with the delimiter; CommonMark strips one padding space
    // from each side, so padding keeps the content exact.
    const pad = /^[` ]|[` ]$/.test(cleaned) ? " " : "";
    return `${fence}${pad}${cleaned}${pad}${fence}`;
}
/**
 * A fenced code block whose fence is longer than any backtick run in the content, so nothing inside
 * (a fence, `</details>`) can end it early. Bounded from the start; pass output through `cleanTail` or
 * `tailLines` first to keep its end instead.
 */
function codeBlock(text, lang = "", options = {}) {
    const cleaned = cleanText(text, options, DEFAULT_BLOCK_MAX).replace(/\n+$/, "");
    const fence = "`".repeat(Math.max(3, longestRun(cleaned, "`") + 1));
    const info = lang.replace(/[^\w+-]/g, "");
    return `${fence}${info}\n${cleaned}\n${fence}`;
}

const STOP_REASONS = {
    passed: "the gate passed",
    rounds: "the round budget was spent",
    time: "the time budget was spent",
    stagnation: "the failures stopped shrinking (two rounds without progress)",
    "no-change": "two rounds in a row changed nothing",
    regression: "the failures grew two rounds in a row",
    cancelled: "the run was cancelled",
    error: "the gate could not decide",
};
function roundRows(task) {
    return task.rounds.map((r) => ({
        round: String(r.round),
        commit: r.commit === null ? "—" : r.commit.slice(0, 12),
        outcome: r.outcome,
        executor: `${r.executor.timedOut ? "timed out" : `exit ${r.executor.exitCode === null ? "—" : String(r.executor.exitCode)}`}, ${formatDuration(r.executor.durationMs)}`,
        change: r.noChange
            ? "no change"
            : r.reverted.length > 0
                ? `changed; ${r.reverted.length} protected path(s) put back`
                : "changed",
    }));
}
function networkLines(task) {
    const show = (e) => `${e.host}:${e.port} (${e.count}×)`;
    const lines = [];
    if (task.network.allowed.length > 0)
        lines.push(`allowed: ${task.network.allowed.slice(0, 20).map(show).join(", ")}`);
    if (task.network.denied.length > 0)
        lines.push(`denied: ${task.network.denied.slice(0, 20).map(show).join(", ")}`);
    return lines;
}

export { APPROVED_ICON as A, findingsFor as B, count as C, DirectoryBaseCache as D, COUNT_ROWS as E, signed as F, GateRecorder as G, roundRows as H, networkLines as I, checkProtectedPaths as J, restoreEdits as K, finding as L, createRuntime as M, MemoryBaseCache as N, OUTCOME_ICON as O, cleanText as P, Secrets as S, bounded as a, baseNotProven as b, inlineCode as c, STOP_REASONS as d, escapeMarkdown as e, abortOnSignals as f, runGate as g, boundedList as h, isBlocking as i, exitText as j, kindLabel as k, andMore as l, maskSecrets as m, STATUS_ICON as n, oneLine as o, problemsFirst as p, needsOutput as q, readBaseContract as r, sanitizeText as s, tableCell as t, tailLines as u, tailDescription as v, codeBlock as w, htmlText as x, findingLocation as y, SEVERITY_ICON as z };
//# sourceMappingURL=task-section.js.map
