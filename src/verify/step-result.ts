/** Turns a sandbox command result into the report's step shape. */
import type { StepReport, StepStatus } from "../model/report.js";
import type { ExecResult } from "../sandbox/types.js";

export function stepStatus(result: ExecResult): StepStatus {
  if (result.error !== undefined) return "error";
  if (result.timedOut) return "timeout";
  return result.exitCode === 0 ? "pass" : "fail";
}

export function toStepReport(name: string, command: string, result: ExecResult): StepReport {
  const report: StepReport = {
    name,
    command,
    status: stepStatus(result),
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    outputTail: result.output,
    outputBytes: result.outputBytes,
  };
  if (result.error !== undefined) report.reason = result.error;
  else if (result.timedOut) report.reason = "timed out and was killed";
  return report;
}

export function skippedStep(name: string, command: string, reason: string): StepReport {
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
