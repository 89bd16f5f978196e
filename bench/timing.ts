/** Timed runs of whole processes: wall-clock time as the user waits for it, spawn included. */
import { runCaptured, type CapturedResult, type SpawnOptions } from "../src/core/process.js";

export interface TimedRun {
  ms: number;
  result: CapturedResult;
}

export interface TimedOptions extends SpawnOptions {
  /** Exit codes that mean the run did what it should; anything else throws. Default [0]. */
  okExitCodes?: readonly number[];
}

export async function timed(
  command: string,
  args: readonly string[],
  options: TimedOptions = {},
): Promise<TimedRun> {
  const started = performance.now();
  const result = await runCaptured(command, args, { timeoutMs: 30 * 60_000, ...options });
  const ms = performance.now() - started;
  const ok = options.okExitCodes ?? [0];
  if (result.exitCode === null || !ok.includes(result.exitCode)) {
    const out = result.stdout.toString("utf8").slice(-2000);
    throw new Error(
      `${command} ${args.join(" ")} exited ${String(result.exitCode)}${result.timedOut ? " (timed out)" : ""}:\n${out}\n${result.stderr}`,
    );
  }
  return { ms, result };
}

/** Runs a command for its output only (preparation, never timed). */
export async function run(
  command: string,
  args: readonly string[],
  options: TimedOptions = {},
): Promise<string> {
  return (await timed(command, args, options)).result.stdout.toString("utf8");
}

/** `sh -c` for the few preparation steps that need a pipe; `args` are `$1`…, never spliced in. */
export async function shell(
  script: string,
  args: readonly string[] = [],
  options: TimedOptions = {},
): Promise<string> {
  return run("sh", ["-c", script, "sh", ...args], options);
}
