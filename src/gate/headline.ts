/** The one-line verdict: what a reviewer reads first in the check run title and the comment. */
import { isBlocking, type Finding, type FindingKind } from "../model/finding.js";
import type { Outcome } from "../model/report.js";

const NOUNS: Partial<Record<FindingKind, [string, string]>> = {
  "protected-path": ["protected path changed", "protected paths changed"],
  "contract-changed": ["contract edit ignored", "contract edits ignored"],
  "setup-failed": ["setup step failed", "setup steps failed"],
  "verifier-failed": ["verifier failed", "verifiers failed"],
  "test-removed": ["test removed", "tests removed"],
  "test-newly-skipped": ["test newly skipped or marked to fail", "tests newly skipped or marked to fail"],
  "test-regressed": ["test regressed", "tests regressed"],
  "test-count": ["test count below the contract's minimum", "test counts below the contract's minimum"],
  "tests-ran-nothing": ["test run ran nothing", "test runs ran nothing"],
  "exit-mismatch": ["exit code contradicting the results", "exit codes contradicting the results"],
  "runner-tampering": ["test runner change", "test runner changes"],
  "skip-marker": ["skip or expected-failure marker added", "skip or expected-failure markers added"],
  "focus-marker": ["focus marker added", "focus markers added"],
  "fixed-by-test-edits": ["test fixed by test edits only", "tests fixed by test edits only"],
};

export function headlineFor(outcome: Outcome, findings: readonly Finding[], errorCount: number): string {
  if (outcome === "pass") return "The head satisfies the contract under the gate's checks.";
  if (outcome === "error") {
    return `The gate could not decide (${errorCount} problem${errorCount === 1 ? "" : "s"}); nothing is claimed.`;
  }
  const counts = new Map<FindingKind, number>();
  for (const f of findings) if (isBlocking(f)) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const parts: string[] = [];
  for (const [kind, n] of counts) {
    const noun = NOUNS[kind];
    parts.push(noun ? `${n} ${n === 1 ? noun[0] : noun[1]}` : `${n} × ${kind}`);
  }
  return parts.length === 0
    ? "The head does not satisfy the contract."
    : `The head does not satisfy the contract: ${parts.join(", ")}.`;
}
