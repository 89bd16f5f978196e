/**
 * How git is started: the fixed environment every call gets, and the error a failed call becomes.
 * Git#exec, the only place git is spawned, uses these.
 */
import { GateError } from "../core/errors.js";
import type { CapturedResult } from "../core/process.js";

export const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * Variables kept from the caller's environment. Everything else named GIT_* is dropped: GIT_DIR,
 * GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY, GIT_CONFIG_PARAMETERS and friends would silently point git
 * at another repository or change its output (they are set, for example, inside git hooks).
 */
const KEPT_GIT_VARIABLE =
  /^GIT_(?:TRACE\w*|SSH|SSH_COMMAND|SSH_VARIANT|ASKPASS|SSL_\w+|HTTP_\w+|CURL_\w+|PROXY_\w+|EXEC_PATH|CONFIG_GLOBAL|CONFIG_SYSTEM|CONFIG_NOSYSTEM)$/;

export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("GIT_") || KEPT_GIT_VARIABLE.test(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: "0",
    LC_ALL: "C",
    GIT_OPTIONAL_LOCKS: "0",
    // Paths given to git are names, never patterns.
    GIT_LITERAL_PATHSPECS: "1",
    // refs/replace/* would make a SHA stand for different content.
    GIT_NO_REPLACE_OBJECTS: "1",
    ...extra,
  };
}

/** The error for a git call that timed out, was killed or exited with a code not in `okExitCodes`. */
export function gitFailure(
  args: readonly string[],
  result: CapturedResult,
  okExitCodes: readonly number[] = [],
): GateError | undefined {
  const name = subcommand(args);
  if (result.timedOut) return new GateError(`git ${name} timed out after ${result.durationMs} ms`);
  const code = result.exitCode;
  if (code === 0 || (code !== null && okExitCodes.includes(code))) return undefined;
  const how = code === null ? `signal ${result.signal ?? "unknown"}` : `exit ${code}`;
  return new GateError(`git ${name} failed (${how}): ${stderrTail(result.stderr)}`);
}

/** The last few lines git wrote to stderr, on one line, for error messages. */
export function stderrTail(stderr: string): string {
  const lines = stderr
    .trim()
    .split("\n")
    .filter((line) => line.trim() !== "");
  const tail = lines.slice(-4).join(" | ");
  if (tail === "") return "(no error output)";
  return tail.length > 1000 ? `…${tail.slice(-999)}` : tail;
}

function subcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "-c") i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return "";
}
