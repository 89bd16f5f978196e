import { statSync, accessSync, constants, statfsSync } from 'node:fs';
import { mkdtemp, rename, rm, lstat, chmod, readdir, mkdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { G as GateError } from './errors.js';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';

/**
 * Keeps the first `headBytes` and the last `tailBytes` of a stream and counts what lies between,
 * so a process printing gigabytes costs a fixed amount of memory. The tail is a ring of chunks
 * trimmed from the front as new output arrives.
 */
class BoundedOutput {
    #headLimit;
    #tailLimit;
    #head = [];
    #headSize = 0;
    #tail = [];
    #tailSize = 0;
    #total = 0;
    constructor(headBytes = 16 * 1024, tailBytes = 48 * 1024) {
        this.#headLimit = headBytes;
        this.#tailLimit = tailBytes;
    }
    get totalBytes() {
        return this.#total;
    }
    /** Bytes dropped from the middle. */
    get elidedBytes() {
        return this.#total - this.#headSize - this.#tailSize;
    }
    push(chunk) {
        this.#total += chunk.length;
        let rest = chunk;
        if (this.#headSize < this.#headLimit) {
            const take = Math.min(this.#headLimit - this.#headSize, rest.length);
            this.#head.push(rest.subarray(0, take));
            this.#headSize += take;
            rest = rest.subarray(take);
        }
        if (rest.length === 0 || this.#tailLimit === 0)
            return;
        if (rest.length >= this.#tailLimit) {
            // Copy so a huge chunk is not kept alive by a small view of it.
            this.#tail = [Buffer.from(rest.subarray(rest.length - this.#tailLimit))];
            this.#tailSize = this.#tailLimit;
            return;
        }
        this.#tail.push(Buffer.from(rest));
        this.#tailSize += rest.length;
        while (this.#tailSize > this.#tailLimit) {
            const first = this.#tail[0];
            if (first === undefined)
                break;
            const excess = this.#tailSize - this.#tailLimit;
            if (first.length <= excess) {
                this.#tail.shift();
                this.#tailSize -= first.length;
            }
            else {
                this.#tail[0] = first.subarray(excess);
                this.#tailSize -= excess;
            }
        }
    }
    /** The kept text, with a marker line where bytes were elided. Invalid UTF-8 at the cuts becomes U+FFFD. */
    text() {
        const head = Buffer.concat(this.#head).toString("utf8");
        const tail = Buffer.concat(this.#tail).toString("utf8");
        const elided = this.elidedBytes;
        if (elided === 0)
            return head + tail;
        return `${head}\n… ${elided.toLocaleString("en-US")} bytes elided …\n${tail}`;
    }
    /** Only the last part, for short tails in reports. */
    tailText(maxChars) {
        const all = this.text();
        return all.length <= maxChars ? all : `…${all.slice(all.length - maxChars + 1)}`;
    }
}

/**
 * The one place loophole starts processes. Git, the container runtime and the host runtime all come
 * through here, so timeouts, cancellation, environment handling and output bounds are decided once.
 */
function spawnRaw(command, args, options, handlers) {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        if (options.signal?.aborted) {
            resolve({ exitCode: null, signal: null, timedOut: false, aborted: true, durationMs: 0 });
            return;
        }
        const child = spawn(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ["pipe", "pipe", "pipe"],
            // Its own process group, so a timeout kills what the command started too.
            detached: true,
        });
        let timedOut = false;
        let aborted = false;
        const killGroup = () => {
            if (child.pid === undefined)
                return;
            try {
                process.kill(-child.pid, "SIGKILL");
            }
            catch {
                child.kill("SIGKILL");
            }
        };
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                killGroup();
            }, options.timeoutMs);
        const onAbort = () => {
            aborted = true;
            killGroup();
        };
        options.signal?.addEventListener("abort", onAbort, { once: true });
        child.stdout.on("data", (chunk) => {
            handlers.onStdout(chunk);
        });
        child.stderr.on("data", (chunk) => {
            handlers.onStderr(chunk);
        });
        child.on("error", (error) => {
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener("abort", onAbort);
            const reason = error.code === "ENOENT"
                ? `${command} was not found on PATH`
                : `${command} could not be started: ${error.message}`;
            reject(new GateError(reason, { cause: error }));
        });
        child.on("close", (exitCode, signal) => {
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener("abort", onAbort);
            resolve({ exitCode, signal, timedOut, aborted, durationMs: Math.round(performance.now() - started) });
        });
        // A child that exits without reading its input must not crash us with EPIPE.
        child.stdin.on("error", () => undefined);
        if (options.input !== undefined)
            child.stdin.end(options.input);
        else
            child.stdin.end();
    });
}
/**
 * Runs a trusted tool (git, docker) and keeps its whole stdout, up to `maxBytes`; beyond that the
 * call fails rather than silently returning a partial answer.
 */
async function runCaptured(command, args, options = {}) {
    const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
    const stdout = [];
    let stdoutSize = 0;
    // An object, not a `let`: the flag is set inside a callback the compiler cannot follow.
    const state = { overflow: false };
    const stderr = new BoundedOutput(8 * 1024, 8 * 1024);
    const result = await spawnRaw(command, args, options, {
        onStdout(chunk) {
            stdoutSize += chunk.length;
            if (stdoutSize > maxBytes)
                state.overflow = true;
            else
                stdout.push(chunk);
        },
        onStderr(chunk) {
            stderr.push(chunk);
        },
    });
    if (state.overflow) {
        throw new GateError(`${command} ${args[0] ?? ""} printed more than ${maxBytes} bytes; refusing a partial result`);
    }
    return {
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        durationMs: result.durationMs,
        stdout: Buffer.concat(stdout),
        stderr: stderr.text(),
    };
}
/** Runs a command whose output is untrusted or unbounded, keeping only a bounded head and tail. */
async function runBounded(command, args, options = {}) {
    const output = new BoundedOutput(options.headBytes, options.tailBytes);
    const onChunk = (chunk) => {
        output.push(chunk);
        options.onOutput?.(chunk);
    };
    const result = await spawnRaw(command, args, options, { onStdout: onChunk, onStderr: onChunk });
    return { ...result, output };
}
/**
 * Starts a trusted command that outlives this process: stdio closed, its own process group, never
 * waited for. Only for work whose failure is harmless and swept up later (removing a trash
 * directory). Returns whether the process started.
 */
function spawnDetached(command, args) {
    try {
        const child = spawn(command, args, { stdio: "ignore", detached: true });
        child.on("error", () => undefined);
        child.unref();
        // No pid: the command could not be started (not on PATH, say); the error event follows.
        return child.pid !== undefined;
    }
    catch {
        // spawn throws synchronously on some errors (EAGAIN, EMFILE).
        return false;
    }
}

let tempRoot;
/** Below this much free memory-backed space, clean rooms go to disk instead. */
const MIN_TMPFS_FREE = 4 * 1024 ** 3;
/**
 * Where scratch trees go. Clean rooms are written file by file, and on a runner's disk 100,000
 * small files cost tens of seconds where a tmpfs (/dev/shm on Linux) takes two; so a tmpfs with room
 * to spare is preferred. LOOPHOLE_TMPDIR overrides the choice.
 */
function scratchRoot(env = process.env) {
    const configured = env.LOOPHOLE_TMPDIR;
    if (configured !== undefined && configured !== "")
        return configured;
    const shm = "/dev/shm";
    try {
        if (!statSync(shm).isDirectory())
            return tmpdir();
        accessSync(shm, constants.W_OK);
        const fs = statfsSync(shm);
        if (fs.bavail * fs.bsize >= MIN_TMPFS_FREE)
            return shm;
    }
    catch {
        // No /dev/shm (macOS, Windows) or not usable: the ordinary temp directory.
    }
    return tmpdir();
}
/**
 * Puts every later temp dir under `root` (created if needed), so a run killed outright leaves one
 * directory that the action's post step removes.
 */
async function setTempRoot(root) {
    await mkdir(root, { recursive: true, mode: 0o700 });
    tempRoot = root;
}
/** The directory set by setTempRoot, if any. */
function currentTempRoot() {
    return tempRoot;
}
async function createTempDir(prefix, parent = tempRoot ?? tmpdir(), options = {}) {
    const path = await mkdtemp(join(parent, `loophole-${prefix}-`));
    return {
        path,
        async [Symbol.asyncDispose]() {
            await (options.removeInBackground === true ? removeTreeInBackground(path) : removeTree(path));
        },
    };
}
const TRASH_PREFIX = "loophole-trash-";
/** The prefix, then the time the trash was made (ms since the epoch). */
const TRASH_NAME = new RegExp(`^${TRASH_PREFIX}(\\d+)-`);
/**
 * Trash this old is an interrupted removal (its process was killed, say by a runner's cleanup of
 * orphan processes at the end of a job), not one still under way.
 */
const TRASH_SWEEP_AGE_MS = 10 * 60_000;
/**
 * Moves `path` aside under a trash name (one rename, so the path is gone at once) and removes it
 * in a detached process that outlives this one. Where no detached process can be started, it is
 * removed here and now. Trash that a removal left behind is swept by sweepTrash.
 */
async function removeTreeInBackground(path) {
    const trash = join(dirname(path), `${TRASH_PREFIX}${String(Date.now())}-${basename(path)}`);
    try {
        await rename(path, trash);
    }
    catch (error) {
        if (error.code === "ENOENT")
            return;
        await removeTree(path);
        return;
    }
    if (!startDetachedRemoval(trash))
        await removeTree(trash);
}
/** Starts the removal of trash older than TRASH_SWEEP_AGE_MS in `parent`; returns how many. */
async function sweepTrash(parent, now = Date.now()) {
    const names = await readdir(parent).catch(() => []);
    let started = 0;
    for (const name of names) {
        const stamp = TRASH_NAME.exec(name)?.[1];
        if (stamp === undefined || now - Number(stamp) < TRASH_SWEEP_AGE_MS)
            continue;
        const path = join(parent, name);
        if (!startDetachedRemoval(path))
            await removeTree(path).catch(() => undefined);
        started += 1;
    }
    return started;
}
/**
 * `rm -rf`, and when that fails, the same after making directories writable (see removeTree): a
 * fixed script with the path as its argument.
 */
function startDetachedRemoval(path) {
    return spawnDetached("sh", [
        "-c",
        'rm -rf -- "$1" 2>/dev/null || { chmod -R u+rwx -- "$1"; rm -rf -- "$1"; }',
        "loophole-remove",
        path,
    ]);
}
/**
 * rm -rf. The system's `rm` is several times faster than Node's recursive removal on trees of
 * 100,000 files; Node's is the fallback (no `rm` on PATH), followed by making read-only
 * directories writable (Go's module cache makes them 0555), which plain removal cannot empty.
 */
async function removeTree(path) {
    const viaRm = await runCaptured("rm", ["-rf", "--", path], { timeoutMs: 10 * 60_000 }).catch(() => undefined);
    if (viaRm?.exitCode === 0)
        return;
    try {
        await rm(path, { recursive: true, force: true, maxRetries: 2 });
    }
    catch {
        await makeWritable(path);
        await rm(path, { recursive: true, force: true, maxRetries: 2 });
    }
}
async function makeWritable(path) {
    const stat = await lstat(path).catch(() => undefined);
    if (!stat?.isDirectory())
        return;
    await chmod(path, 0o700).catch(() => undefined);
    const entries = await readdir(path).catch(() => []);
    for (const entry of entries)
        await makeWritable(join(path, entry));
}

export { setTempRoot as a, removeTree as b, sweepTrash as c, createTempDir as d, runCaptured as e, currentTempRoot as f, runBounded as g, removeTreeInBackground as r, scratchRoot as s };
//# sourceMappingURL=temp-dir.js.map
