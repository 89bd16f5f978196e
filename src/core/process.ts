/**
 * The one place loophole starts processes. Git, the container runtime and the host runtime all come
 * through here, so timeouts, cancellation, environment handling and output bounds are decided once.
 */
import { spawn } from "node:child_process";
import { BoundedOutput } from "./bounded-output.js";
import { GateError } from "./errors.js";

export interface SpawnOptions {
  cwd?: string;
  /** The complete environment of the child. Defaults to this process's environment. */
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /** Kill the process (its whole process group) after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface CapturedResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  stdout: Buffer;
  stderr: string;
}

export interface BoundedResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
  /** stdout and stderr interleaved in arrival order, head and tail kept. */
  output: BoundedOutput;
}

interface RawHandlers {
  onStdout(chunk: Buffer): void;
  onStderr(chunk: Buffer): void;
}

interface RawResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
}

function spawnRaw(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
  handlers: RawHandlers,
): Promise<RawResult> {
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
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup();
          }, options.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      killGroup();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout.on("data", (chunk: Buffer) => {
      handlers.onStdout(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      handlers.onStderr(chunk);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      const reason =
        error.code === "ENOENT"
          ? `${command} was not found on PATH`
          : `${command} could not be started: ${error.message}`;
      reject(new GateError(reason, { cause: error }));
    });
    child.on("close", (exitCode, signal) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve({ exitCode, signal, timedOut, aborted, durationMs: Math.round(performance.now() - started) });
    });
    // A child that exits without reading its input must not crash us with EPIPE.
    child.stdin.on("error", () => undefined);
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/**
 * Runs a trusted tool (git, docker) and keeps its whole stdout, up to `maxBytes`; beyond that the
 * call fails rather than silently returning a partial answer.
 */
export async function runCaptured(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { maxBytes?: number } = {},
): Promise<CapturedResult> {
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  const stdout: Buffer[] = [];
  let stdoutSize = 0;
  // An object, not a `let`: the flag is set inside a callback the compiler cannot follow.
  const state = { overflow: false };
  const stderr = new BoundedOutput(8 * 1024, 8 * 1024);
  const result = await spawnRaw(command, args, options, {
    onStdout(chunk) {
      stdoutSize += chunk.length;
      if (stdoutSize > maxBytes) state.overflow = true;
      else stdout.push(chunk);
    },
    onStderr(chunk) {
      stderr.push(chunk);
    },
  });
  if (state.overflow) {
    throw new GateError(
      `${command} ${args[0] ?? ""} printed more than ${maxBytes} bytes; refusing a partial result`,
    );
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
export async function runBounded(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { headBytes?: number; tailBytes?: number; onOutput?: (chunk: Buffer) => void } = {},
): Promise<BoundedResult> {
  const output = new BoundedOutput(options.headBytes, options.tailBytes);
  const onChunk = (chunk: Buffer): void => {
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
export function spawnDetached(command: string, args: readonly string[]): boolean {
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
    // No pid: the command could not be started (not on PATH, say); the error event follows.
    return child.pid !== undefined;
  } catch {
    // spawn throws synchronously on some errors (EAGAIN, EMFILE).
    return false;
  }
}
