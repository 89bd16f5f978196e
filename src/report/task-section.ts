/**
 * The task-mode part of the report (task, branch, rounds, why the loop stopped, network decisions),
 * for both renderers. Task text and executor output are untrusted and escaped like any other.
 */
import type { StopReason, TaskReport } from "../model/report.js";
import { formatDuration } from "./format.js";

export const STOP_REASONS: Record<StopReason, string> = {
  passed: "the gate passed",
  rounds: "the round budget was spent",
  time: "the time budget was spent",
  stagnation: "the failures stopped shrinking (two rounds without progress)",
  "no-change": "two rounds in a row changed nothing",
  regression: "the failures grew two rounds in a row",
  cancelled: "the run was cancelled",
  error: "the gate could not decide",
};

export interface RoundRow {
  round: string;
  commit: string;
  outcome: string;
  executor: string;
  change: string;
}

export function roundRows(task: TaskReport): RoundRow[] {
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

export function networkLines(task: TaskReport): string[] {
  const show = (e: { host: string; port: number; count: number }): string =>
    `${e.host}:${e.port} (${e.count}×)`;
  const lines: string[] = [];
  if (task.network.allowed.length > 0)
    lines.push(`allowed: ${task.network.allowed.slice(0, 20).map(show).join(", ")}`);
  if (task.network.denied.length > 0)
    lines.push(`denied: ${task.network.denied.slice(0, 20).map(show).join(", ")}`);
  return lines;
}
