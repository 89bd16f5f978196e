/** The ExecResult shapes that do not come straight from a finished command. */
import { constants } from "node:os";
import type { BoundedResult } from "../core/process.js";
import type { ExecResult } from "./types.js";

/** The session's time ran out before the command could start. */
export function sessionExpired(): ExecResult {
  return { exitCode: null, timedOut: true, durationMs: 0, output: "", outputBytes: 0 };
}

/** The runtime (not the command) failed: no container, daemon gone, process not startable. */
export function runtimeFailure(error: string, durationMs: number, partial?: BoundedResult): ExecResult {
  return {
    exitCode: null,
    timedOut: false,
    durationMs,
    output: partial?.output.text() ?? "",
    outputBytes: partial?.output.totalBytes ?? 0,
    error,
  };
}

export const CANCELLED = "cancelled";

/** The caller's AbortSignal had fired before the command could start. */
export function cancelledBeforeStart(): ExecResult {
  return { exitCode: null, timedOut: false, durationMs: 0, output: "", outputBytes: 0, error: CANCELLED };
}

/**
 * A command that ran to its end, or was killed by its time limit (exitCode null, timedOut) or by the
 * caller's AbortSignal (exitCode null, error "cancelled": a cancel is not a timeout).
 */
export function fromBounded(result: BoundedResult): ExecResult {
  const base = {
    durationMs: result.durationMs,
    output: result.output.text(),
    outputBytes: result.output.totalBytes,
  };
  if (result.timedOut) return { ...base, exitCode: null, timedOut: true };
  if (result.aborted) return { ...base, exitCode: null, timedOut: false, error: CANCELLED };
  return { ...base, exitCode: exitCodeOf(result), timedOut: false };
}

// A command that killed itself with a signal gets the shell's 128+n, so it reads as a failure
// rather than as "killed by the gate".
function exitCodeOf(result: BoundedResult): number | null {
  if (result.exitCode !== null || result.signal === null) return result.exitCode;
  return 128 + constants.signals[result.signal];
}
