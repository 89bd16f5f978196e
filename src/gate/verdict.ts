/**
 * findings + step results + errors → outcome. Fail closed: anything the gate could not run or read
 * makes the outcome `error` unless a decisive failure was already found (a protected file edited
 * fails the pull request whatever else could not be checked).
 */
import { isBlocking, type Finding } from "../model/finding.js";
import type { Outcome, StepReport, TestsReport } from "../model/report.js";

export interface VerdictInput {
  findings: readonly Finding[];
  setup: readonly StepReport[];
  verifiers: readonly StepReport[];
  tests: TestsReport | undefined;
  /** Things the gate could not do (contract unreadable, runtime missing, …). */
  errors: readonly string[];
}

export interface Verdict {
  outcome: Outcome;
  reasons: string[];
}

export function decide(input: VerdictInput): Verdict {
  // `verifier-error` means the runtime failed, not the candidate: it counts as an error (through the
  // step's status below), never as a decisive failure.
  const blocking = input.findings.filter((f) => isBlocking(f) && f.kind !== "verifier-error");
  const errors = [...input.errors];
  for (const step of [...input.setup, ...input.verifiers]) {
    if (step.status === "error")
      errors.push(`${step.name}: could not be run${step.reason ? ` (${step.reason})` : ""}`);
  }
  const verifiedSomething =
    input.verifiers.some((v) => v.status !== "skipped") ||
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
  if (errors.length > 0) return { outcome: "error", reasons: errors };
  if (unexplained.length > 0) {
    return {
      outcome: "fail",
      reasons: unexplained.map((v) => `verifier "${v.name}" did not pass (${v.status})`),
    };
  }
  return { outcome: "pass", reasons: passReasons(input) };
}

function summarise(blocking: readonly Finding[]): string[] {
  // One reason per kind keeps the headline readable; the findings list has every instance.
  const byKind = new Map<string, Finding[]>();
  for (const f of blocking) {
    const list = byKind.get(f.kind) ?? [];
    list.push(f);
    byKind.set(f.kind, list);
  }
  const reasons: string[] = [];
  for (const [kind, list] of byKind) {
    const first = list[0];
    if (first === undefined) continue;
    reasons.push(
      list.length === 1
        ? first.message
        : `${list.length} × ${kind}: ${first.message} (and ${list.length - 1} more)`,
    );
  }
  return reasons;
}

function passReasons(input: VerdictInput): string[] {
  const ran = input.verifiers.filter((v) => v.status === "pass").length;
  const reasons: string[] = [];
  if (ran > 0) reasons.push(ran === 1 ? "the hard verifier passed" : `all ${ran} hard verifiers passed`);
  if (input.tests)
    reasons.push(`test inventory held: ${input.tests.base.total} → ${input.tests.head.total} tests`);
  reasons.push("no protected path or boundary finding blocks the change");
  return reasons;
}
