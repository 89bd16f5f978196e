import { C as ConfigurationError } from './errors.js';
import { i as isBlocking, J as checkProtectedPaths, K as restoreEdits, L as finding, r as readBaseContract, M as createRuntime, g as runGate, N as MemoryBaseCache } from './task-section.js';
import { _ as __addDisposableResource, R as RAW_BYTES_ATTRIBUTES, a as __disposeResources, i as indexInfo, b as authConfigEnv, G as Git } from './index.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { d as createTempDir } from './temp-dir.js';
import { L as LABEL_RUN } from './types.js';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Task branches are named after the task: `loophole/<first words>-<id>`, the same in the CLI and the action. */
function slug(text) {
    return (text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 40)
        .replace(/-+$/, "") || "task");
}
function taskBranchName(task, id) {
    return `loophole/${slug(task)}-${id.replace(/[^\w-]/g, "")}`;
}

const ISOLATED$1 = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: devNull };
const LOOPHOLE_IDENTITY = { name: "loophole", email: "loophole@users.noreply.github.com" };
class GitWriter {
    #git;
    constructor(git) {
        this.#git = git;
    }
    /**
     * The tree of every file under `dir` (what `git add --all` would record, `.gitignore` honoured,
     * nested `.git` directories skipped), stored in this repository's object store.
     */
    async snapshot(dir) {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const { objectsDir, format } = await this.#git.objectStore();
            const scratch = __addDisposableResource(env_1, await createTempDir("snapshot"), true);
            const gitDir = join(scratch.path, "repo.git");
            await this.#git.run(["init", "--quiet", "--bare", "--template=", `--object-format=${format}`, gitDir], {
                cwd: scratch.path,
                env: ISOLATED$1,
            });
            await mkdir(join(gitDir, "info"), { recursive: true });
            await writeFile(join(gitDir, "info", "attributes"), RAW_BYTES_ATTRIBUTES);
            const env = { ...ISOLATED$1, GIT_DIR: gitDir, GIT_OBJECT_DIRECTORY: objectsDir, GIT_WORK_TREE: dir };
            await this.#git.run(["-c", "core.autocrlf=false", "-c", "core.symlinks=true", "add", "--all"], {
                cwd: dir,
                env,
            });
            const { stdout } = await this.#git.run(["write-tree"], { cwd: dir, env });
            return stdout.toString("utf8").trim();
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
    /** The tree of `commit` with `edits` applied (index edits: restored or removed paths). */
    async editTree(commit, edits) {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const { objectsDir, format } = await this.#git.objectStore();
            const scratch = __addDisposableResource(env_2, await createTempDir("edit-tree"), true);
            const gitDir = join(scratch.path, "repo.git");
            await this.#git.run(["init", "--quiet", "--bare", "--template=", `--object-format=${format}`, gitDir], {
                cwd: scratch.path,
                env: ISOLATED$1,
            });
            const env = { ...ISOLATED$1, GIT_DIR: gitDir, GIT_OBJECT_DIRECTORY: objectsDir };
            await this.#git.run(["read-tree", `${commit}^{tree}`], { cwd: scratch.path, env });
            if (edits.length > 0) {
                await this.#git.run(["update-index", "-z", "--index-info"], {
                    cwd: scratch.path,
                    env,
                    input: indexInfo(edits, format),
                });
            }
            const { stdout } = await this.#git.run(["write-tree"], { cwd: scratch.path, env });
            return stdout.toString("utf8").trim();
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
    }
    async treeOf(commit) {
        const { stdout } = await this.#git.run(["rev-parse", "--verify", "--end-of-options", `${commit}^{tree}`]);
        return stdout.toString("utf8").trim();
    }
    /** A commit of `tree` on `parents`, authored and committed by `identity`, with a message given on stdin. */
    async commitTree(tree, parents, message, identity = LOOPHOLE_IDENTITY) {
        const { stdout } = await this.#git.run(["commit-tree", tree, ...parents.flatMap((p) => ["-p", p])], {
            input: Buffer.from(message),
            env: {
                GIT_AUTHOR_NAME: identity.name,
                GIT_AUTHOR_EMAIL: identity.email,
                GIT_COMMITTER_NAME: identity.name,
                GIT_COMMITTER_EMAIL: identity.email,
            },
        });
        return stdout.toString("utf8").trim();
    }
    /** Moves `ref` to `sha`, only if it still points at `expected` (undefined: it must not exist). */
    async updateRef(ref, sha, expected) {
        await this.#git.run(["update-ref", "-m", "loophole", ref, sha, expected ?? "0".repeat(sha.length)]);
    }
    async refExists(ref) {
        const result = await this.#git.run(["show-ref", "--verify", "--quiet", ref], { okExitCodes: [1] });
        return result.exitCode === 0;
    }
    /** The message of `commit`, for reading checkpoint trailers. */
    async message(commit) {
        const { stdout } = await this.#git.run(["log", "-1", "--format=%B", "--end-of-options", commit]);
        return stdout.toString("utf8");
    }
    /**
     * Pushes `sha` to `branch` on `remote`. Never forced: a branch someone else moved is an error, not
     * something to overwrite. The token goes in an http.extraheader through the environment.
     */
    async push(remote, sha, branch, extraHeader) {
        const env = extraHeader === undefined ? {} : authConfigEnv(await this.#git.remoteUrl(remote), extraHeader);
        await this.#git.run(["push", "--no-verify", "--porcelain", remote, `${sha}:refs/heads/${branch}`], {
            env,
            timeoutMs: 10 * 60_000,
        });
    }
}

const ROUND_TRAILER = "Loophole-Round";
function checkpointMessage(task, round) {
    const title = task.split("\n")[0]?.trim().slice(0, 60) ?? "";
    return `loophole round ${round}: ${title === "" ? "task" : title}\n\nMade by loophole from the executor's changes in round ${round}.\n\n${ROUND_TRAILER}: ${round}\n`;
}
/** The round number recorded on `commit`, if it is a loophole checkpoint. */
function roundOf(message) {
    const match = new RegExp(`^${ROUND_TRAILER}: (\\d+)$`, "m").exec(message);
    return match ? Number(match[1]) : undefined;
}
async function lastRound(writer, commit) {
    return roundOf(await writer.message(commit)) ?? 0;
}

/**
 * The digest the executor gets after a failed round: built by the action from the report, bounded,
 * the decisive lines only — never the raw megabytes of output. Untrusted text from the previous round
 * goes back to the same untrusted executor, so it is bounded but needs no escaping.
 */
const MAX_FEEDBACK_CHARS = 8000;
const DECISIVE = /error|fail|assert|expected|panic|exception|traceback|not ok|mismatch|undefined|cannot|refused/i;
function feedbackDigest(report, notes) {
    const parts = [`Outcome: ${report.outcome}. ${report.headline}`];
    if (notes.noChange)
        parts.push("Your last round changed nothing in the repository. Make a change that addresses the failures below.");
    if (notes.reverted.length > 0) {
        parts.push(`These protected paths were edited and have been put back (edits to them are never accepted):\n${notes.reverted.map((p) => `- ${p}`).join("\n")}`);
    }
    for (const step of [...report.setup, ...report.verifiers]) {
        if (step.status === "pass" || step.status === "skipped")
            continue;
        parts.push(`Check "${step.name}" (${step.command}) ${step.status}${step.exitCode === null ? "" : ` with exit code ${step.exitCode}`}:\n${decisiveLines(step.outputTail)}`);
    }
    if (report.tests) {
        const list = (title, refs) => {
            if (refs.length === 0)
                return;
            const shown = refs
                .slice(0, 15)
                .map((t) => `- ${t.id}${t.message ? `: ${t.message.split("\n").slice(0, 3).join(" ").slice(0, 300)}` : ""}`);
            if (refs.length > 15)
                shown.push(`- … and ${refs.length - 15} more`);
            parts.push(`${title}:\n${shown.join("\n")}`);
        };
        list("Tests that passed before and fail now", report.tests.regressed);
        list("Tests that were removed", report.tests.removed);
        list("Tests that are newly skipped", report.tests.newlySkipped);
    }
    const blocking = report.findings.filter((f) => isBlocking(f) && f.kind !== "verifier-failed");
    if (blocking.length > 0) {
        parts.push(`Findings:\n${blocking
            .slice(0, 20)
            .map((f) => `- ${f.kind}${f.path ? ` ${f.path}${f.line ? `:${f.line}` : ""}` : ""}: ${f.message}`)
            .join("\n")}`);
    }
    if (report.outcome === "error")
        parts.push(`The gate could not decide: ${report.reasons.join("; ")}`);
    const text = parts.join("\n\n");
    return text.length <= MAX_FEEDBACK_CHARS
        ? text
        : `${text.slice(0, MAX_FEEDBACK_CHARS - 40)}\n… (feedback truncated)`;
}
/** The lines that explain a failure: those that look decisive, plus the last few, at most 40. */
function decisiveLines(output) {
    const lines = output
        .split("\n")
        .map((l) => l.trimEnd())
        .filter((l) => l !== "");
    const tail = lines.slice(-10);
    const decisive = lines
        .slice(0, -10)
        .filter((l) => DECISIVE.test(l))
        .slice(-30);
    return [...decisive, ...tail].map((l) => `    ${l.slice(0, 300)}`).join("\n");
}
/** Stable keys of what is failing, for the stop rules. */
function failingKeys(report) {
    const keys = new Set();
    for (const v of report.verifiers)
        if (v.status !== "pass" && v.status !== "skipped")
            keys.add(`verifier:${v.name}`);
    for (const f of report.findings) {
        if (!isBlocking(f) || f.kind === "verifier-failed")
            continue;
        keys.add(f.test !== undefined ? `test:${f.test}` : `${f.kind}:${f.path ?? f.message}`);
    }
    return [...keys].sort();
}

/**
 * The executor's command line: `{task}` expands to the task (with feedback), shell-quoted, so any
 * text is one argument. The same text is also written to a file whose path is in
 * LOOPHOLE_TASK_FILE, for agents that prefer reading it.
 */
function shellQuote(text) {
    return `'${text.replaceAll("'", `'"'"'`)}'`;
}
function expandTaskCommand(run, task) {
    return run.replaceAll("{task}", shellQuote(task));
}
/** What the executor reads: the task, and from round 2 on, what the gate said about the last round. */
function taskText({ task, round, feedback }) {
    if (feedback === undefined || round === 1)
        return task;
    return `${task}\n\n---\nThis is round ${round}. The acceptance gate did not accept the previous round. Its findings:\n\n${feedback}\n\nFix the code so the gate passes. Do not edit tests, the contract or protected files: such edits are reverted.`;
}

const TASK_DIR = "/loophole/task";
const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;
/** The executor's secrets from this process's environment; a missing one is a configuration error. */
function executorSecrets(executor, env) {
    const secrets = {};
    const missing = [];
    for (const name of executor.secrets) {
        const value = env[name];
        if (value === undefined || value === "")
            missing.push(name);
        else
            secrets[name] = value;
    }
    if (missing.length > 0) {
        throw new ConfigurationError(`The executor needs ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not set.`, [
            `In the workflow, pass ${missing.length === 1 ? "it" : "them"} to the loophole step through env:, e.g. ${missing[0] ?? "NAME"}: \${{ secrets.${missing[0] ?? "NAME"} }}`,
            "Only secrets named in executor.secrets reach the executor; nothing else of the runner's environment does.",
        ]);
    }
    return secrets;
}
async function runExecutor(options) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { executor, contract } = options;
        const taskDir = __addDisposableResource(env_1, await createTempDir("task"), true);
        await writeFile(join(taskDir.path, "task.md"), options.task);
        const hostPaths = options.runtime.hostPaths;
        const taskFile = hostPaths ? join(taskDir.path, "task.md") : `${TASK_DIR}/task.md`;
        const image = executor.image ?? contract.sandbox.image ?? "host";
        const session = await options.runtime.startSession({
            image,
            workspace: options.workspace,
            workdir: "/work",
            mounts: [{ hostPath: taskDir.path, containerPath: TASK_DIR, readonly: true }],
            env: {
                ...executor.env,
                ...executorSecrets(executor, options.env),
                LOOPHOLE_TASK_FILE: taskFile,
                LOOPHOLE_ROUND: String(options.round),
            },
            network: executor.network,
            cpus: contract.sandbox.cpus,
            memoryBytes: contract.sandbox.memoryBytes,
            pids: contract.sandbox.pids,
            timeoutMs: options.timeoutMs,
            labels: { ...options.labels, "dev.loophole.side": "executor" },
        });
        let transcript;
        try {
            transcript = options.transcriptDir
                ? await Transcript.open(options.transcriptDir, options.round)
                : undefined;
            const command = expandTaskCommand(executor.run, options.task);
            options.logger.info(`executor (round ${options.round}): ${executor.run}`);
            const result = await session.exec(command, {
                timeoutMs: options.timeoutMs,
                ...(options.signal ? { signal: options.signal } : {}),
                ...(transcript ? { onOutput: transcript.push } : {}),
            });
            const network = session.networkLog?.() ?? { allowed: [], denied: [] };
            return {
                result,
                transcriptPath: await transcript?.close(),
                containersStarted: session.containersStarted,
                network,
            };
        }
        finally {
            await session[Symbol.asyncDispose]();
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
/** The full executor output of one round, up to a bound, in a file the action can upload. */
class Transcript {
    path;
    stream;
    #bytes = 0;
    constructor(path, stream) {
        this.path = path;
        this.stream = stream;
    }
    static async open(dir, round) {
        await mkdir(dir, { recursive: true });
        const path = join(dir, `executor-round-${round}.log`);
        return new Transcript(path, createWriteStream(path, { mode: 0o600 }));
    }
    push = (chunk) => {
        if (this.#bytes >= MAX_TRANSCRIPT_BYTES)
            return;
        const room = MAX_TRANSCRIPT_BYTES - this.#bytes;
        this.#bytes += chunk.length;
        this.stream.write(chunk.length > room ? chunk.subarray(0, room) : chunk);
        if (this.#bytes >= MAX_TRANSCRIPT_BYTES)
            this.stream.write(`\n… transcript truncated at ${MAX_TRANSCRIPT_BYTES} bytes\n`);
    };
    async close() {
        this.stream.end();
        await once(this.stream, "close");
        return this.path;
    }
}

/**
 * The executor's writable copy of the branch: the committed tree written by git (no credentials,
 * no remote), plus a fresh `.git` with that tree as its only commit, because agents expect a
 * repository (`git diff`, `git status`). The action ignores that `.git` and anything the agent does
 * with it; the change is computed from the files.
 */
const ISOLATED = {
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: devNull,
    GIT_AUTHOR_NAME: "loophole",
    GIT_AUTHOR_EMAIL: "loophole@users.noreply.github.com",
    GIT_COMMITTER_NAME: "loophole",
    GIT_COMMITTER_EMAIL: "loophole@users.noreply.github.com",
};
async function prepareWorkspace(git, commit, dir) {
    await git.materialiseTree(commit, dir);
    const local = { cwd: dir, env: { ...ISOLATED, GIT_DIR: `${dir}/.git`, GIT_WORK_TREE: dir } };
    await git.run(["init", "--quiet", "--template=", "--initial-branch=loophole"], local);
    await git.run(["add", "--all"], local);
    await git.run([
        "commit",
        "--quiet",
        "--no-verify",
        "--allow-empty",
        "-m",
        `start of this round (${commit.slice(0, 12)})`,
    ], local);
}

async function runRound(input) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { git, writer, logger } = input;
        const workspace = __addDisposableResource(env_1, await createTempDir("workspace"), true);
        await prepareWorkspace(git, input.current, workspace.path);
        const run = await runExecutor({
            runtime: input.runtime,
            contract: input.contract,
            executor: input.executor,
            workspace: workspace.path,
            task: input.taskText,
            round: input.round,
            timeoutMs: input.timeoutMs,
            labels: input.labels,
            transcriptDir: input.transcriptDir,
            env: input.env,
            logger,
            ...(input.signal ? { signal: input.signal } : {}),
        });
        const base = {
            executor: run.result,
            transcriptPath: run.transcriptPath,
            containersStarted: run.containersStarted,
            network: run.network,
        };
        if (input.signal?.aborted)
            return { commit: undefined, reverted: [], findings: [], ...base };
        const tree = await writer.snapshot(workspace.path);
        const currentTree = await writer.treeOf(input.current);
        if (tree === currentTree) {
            return { commit: undefined, reverted: [], findings: [noChange(input.round, run.result)], ...base };
        }
        // A candidate commit (no ref points at it) lets git diff it against the base like any commit.
        const candidate = await writer.commitTree(tree, [input.current], checkpointMessage(input.task, input.round));
        // Against the merge base, as the gate diffs: when the base branch moved since this branch was
        // made, its own changes to protected files must not look like the agent's edits.
        const diffBase = await git.mergeBase(input.base, input.current);
        const changes = await git.diff(diffBase, candidate);
        const { contract } = input;
        const guard = await checkProtectedPaths(changes, {
            contractPath: input.contractPath,
            frozen: contract.protected.frozen,
            appendOnly: contract.protected.appendOnly,
        }, (sha) => git.readBlobById(sha));
        const restores = await restoreEdits(git, candidate, { from: diffBase, paths: guard.restore });
        const findings = guard.findings.map((f) => finding("protected-edit-reverted", "warn", `round ${input.round}: ${f.message}; the edit was put back`, f.path === undefined ? {} : { path: f.path }));
        const finalTree = restores.edits.length === 0 ? tree : await writer.editTree(candidate, restores.edits);
        if (finalTree === currentTree) {
            logger.info(`round ${input.round}: only protected paths changed, and they were put back`);
            return {
                commit: undefined,
                reverted: restores.restored,
                findings: [...findings, noChange(input.round, run.result)],
                ...base,
            };
        }
        const commit = finalTree === tree
            ? candidate
            : await writer.commitTree(finalTree, [input.current], checkpointMessage(input.task, input.round));
        await writer.updateRef(input.branchRef, commit, input.current);
        logger.info(`round ${input.round}: checkpoint ${commit.slice(0, 12)}${restores.restored.length > 0 ? `, put back ${restores.restored.join(", ")}` : ""}`);
        return { commit, reverted: restores.restored, findings, ...base };
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
function noChange(round, result) {
    const how = result.timedOut
        ? "timed out"
        : result.exitCode === 0
            ? "exited 0"
            : `exited ${String(result.exitCode)}`;
    return finding("no-change", "warn", `round ${round}: the executor ${how} without changing anything; that is not done`);
}

function stopReason(history, budget, elapsedMs) {
    const last = history.at(-1);
    if (last === undefined)
        return elapsedMs >= budget.timeMs ? "time" : undefined;
    if (last.outcome === "pass")
        return "passed";
    if (history.length >= budget.rounds)
        return "rounds";
    if (elapsedMs >= budget.timeMs)
        return "time";
    const [a, b, c] = history.slice(-3);
    if (history.length >= 2 && history.at(-1)?.noChange === true && history.at(-2)?.noChange === true)
        return "no-change";
    if (a !== undefined && b !== undefined && c !== undefined) {
        if (c.failing.length > b.failing.length && b.failing.length > a.failing.length)
            return "regression";
        if (!shrunk(a, b) && !shrunk(b, c))
            return "stagnation";
    }
    return undefined;
}
/** Fewer failures, or the same number with different ones (progress of a kind). */
function shrunk(before, after) {
    if (after.failing.length < before.failing.length)
        return true;
    if (after.failing.length > before.failing.length)
        return false;
    const old = new Set(before.failing);
    return after.failing.some((key) => !old.has(key)) && !after.noChange;
}

async function runLoop(request, deps) {
    const { logger } = deps;
    const started = performance.now();
    const git = await Git.open(request.repoDir, logger);
    const writer = new GitWriter(git);
    const base = await git.resolveCommit(request.base);
    const loaded = await readBaseContract(git, base, base, request.contractPath);
    if (!loaded.ok)
        throw loaded.error;
    const { contract } = loaded.value;
    const executor = executorFor(contract.executor, request.executorRun);
    const budget = { rounds: request.rounds ?? contract.budget.rounds, timeMs: contract.budget.timeMs };
    const branchRef = `refs/heads/${request.branch}`;
    let current;
    if (await writer.refExists(branchRef)) {
        current = await git.resolveCommit(branchRef);
        logger.info(`continuing ${request.branch} from ${current.slice(0, 12)}`);
    }
    else {
        await writer.updateRef(branchRef, base, undefined);
        current = base;
        logger.info(`created ${request.branch} at the base ${base.slice(0, 12)}`);
    }
    const firstRound = (await lastRound(writer, current)) + 1;
    const kind = request.runtime ?? contract.sandbox.runtime;
    const runtime = (deps.createRuntime ?? ((k) => createRuntime(k, logger)))(kind);
    await runtime.ping();
    const image = executor.image ?? contract.sandbox.image;
    if (!runtime.hostPaths && image !== undefined)
        await runtime.ensureImage(image);
    const baseCache = deps.baseCache ?? new MemoryBaseCache();
    const gateDeps = {
        logger,
        baseCache,
        ...(deps.createRuntime ? { createRuntime: deps.createRuntime } : {}),
    };
    const gate = (head) => runGate({
        repoDir: request.repoDir,
        base,
        head,
        contractPath: request.contractPath,
        runId: request.runId,
        ...(request.runtime ? { runtime: request.runtime } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
    }, gateDeps);
    const history = [];
    const rounds = [];
    const roundFindings = [];
    const network = { allowed: [], denied: [] };
    let report;
    let feedback;
    let lastOutput = "";
    let reason;
    for (let round = firstRound;; round++) {
        const elapsed = performance.now() - started;
        reason = request.signal?.aborted === true ? "cancelled" : stopReason(history, budget, elapsed);
        if (reason !== undefined)
            break;
        const label = `round ${round}: executor`;
        deps.progress?.start(label, label);
        const output = await runRound({
            git,
            writer,
            contract,
            executor,
            contractPath: request.contractPath,
            runtime,
            base,
            current,
            branchRef,
            round,
            task: request.task,
            taskText: taskText({ task: request.task, round: round - firstRound + 1, feedback }),
            timeoutMs: Math.max(1000, Math.min(executor.timeoutMs, budget.timeMs - elapsed)),
            labels: { [LABEL_RUN]: request.runId },
            transcriptDir: request.transcriptDir,
            env: request.env,
            logger,
            ...(request.signal ? { signal: request.signal } : {}),
        }).finally(() => deps.progress?.end(label, "ok"));
        mergeNetwork(network, output.network);
        lastOutput = output.executor.output;
        roundFindings.push(...output.findings);
        if (request.signal?.aborted === true) {
            reason = "cancelled";
            break;
        }
        if (output.commit !== undefined) {
            current = output.commit;
            await request.onCheckpoint?.(current, round);
            report = await gate(current);
        }
        else {
            report ??= await gate(current);
        }
        const noChange = output.commit === undefined;
        feedback = feedbackDigest(report, { reverted: output.reverted, noChange });
        const failing = failingKeys(report);
        history.push({ outcome: report.outcome, noChange, failing });
        rounds.push({
            round,
            commit: output.commit ?? null,
            outcome: report.outcome,
            executor: {
                exitCode: output.executor.exitCode,
                timedOut: output.executor.timedOut,
                durationMs: output.executor.durationMs,
                outputBytes: output.executor.outputBytes,
            },
            reverted: output.reverted,
            noChange,
            failing: failing.slice(0, 50),
        });
        logger.info(`round ${round}: ${report.outcome}${noChange ? " (no change)" : ""}`);
        if (report.outcome === "error") {
            reason = "error";
            break;
        }
    }
    report ??= await gate(current);
    const final = {
        ...report,
        findings: [...report.findings, ...roundFindings],
        task: {
            task: request.task,
            branch: request.branch,
            rounds,
            stopReason: reason,
            lastOutputTail: lastOutput.slice(-4e3),
            network,
        },
    };
    return { report: final, branch: request.branch, head: current, rounds: rounds.length, stopReason: reason };
}
function executorFor(spec, run) {
    if (spec === undefined && run === undefined) {
        throw new ConfigurationError("The contract has no executor section, so there is no agent to run.", [
            'Add one to loophole.json on the base branch, e.g. "executor": { "run": "claude -p {task} --permission-mode bypassPermissions", "secrets": ["ANTHROPIC_API_KEY"], "network": ["api.anthropic.com"] }',
            'or, with the CLI, pass --executor "<command>".',
        ]);
    }
    const base = spec ?? {
        run: run ?? "",
        image: undefined,
        secrets: [],
        network: [],
        timeoutMs: 60 * 60_000,
        env: {},
    };
    return run === undefined ? base : { ...base, run };
}
function mergeNetwork(into, from) {
    for (const list of ["allowed", "denied"]) {
        for (const entry of from[list]) {
            const existing = into[list].find((e) => e.host === entry.host && e.port === entry.port);
            if (existing)
                existing.count += entry.count;
            else
                into[list].push({ ...entry });
        }
    }
}

export { GitWriter as G, runLoop as r, taskBranchName as t };
//# sourceMappingURL=run-loop.js.map
