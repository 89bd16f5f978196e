/**
 * When the loop ends. Only the contract's checks let it end in success; everything else is a
 * budget or a sign that more rounds would not help.
 */
import type { Outcome, StopReason } from "../model/report.js";

export interface RoundSummary {
  outcome: Outcome;
  noChange: boolean;
  /** Keys of what failed after the round (verifier names, test ids, blocking finding kinds). */
  failing: readonly string[];
}

export interface Budget {
  rounds: number;
  timeMs: number;
}

export function stopReason(
  history: readonly RoundSummary[],
  budget: Budget,
  elapsedMs: number,
): StopReason | undefined {
  const last = history.at(-1);
  if (last === undefined) return elapsedMs >= budget.timeMs ? "time" : undefined;
  if (last.outcome === "pass") return "passed";
  if (history.length >= budget.rounds) return "rounds";
  if (elapsedMs >= budget.timeMs) return "time";
  const [a, b, c] = history.slice(-3);
  if (history.length >= 2 && history.at(-1)?.noChange === true && history.at(-2)?.noChange === true)
    return "no-change";
  if (a !== undefined && b !== undefined && c !== undefined) {
    if (c.failing.length > b.failing.length && b.failing.length > a.failing.length) return "regression";
    if (!shrunk(a, b) && !shrunk(b, c)) return "stagnation";
  }
  return undefined;
}

/** Fewer failures, or the same number with different ones (progress of a kind). */
function shrunk(before: RoundSummary, after: RoundSummary): boolean {
  if (after.failing.length < before.failing.length) return true;
  if (after.failing.length > before.failing.length) return false;
  const old = new Set(before.failing);
  return after.failing.some((key) => !old.has(key)) && !after.noChange;
}
