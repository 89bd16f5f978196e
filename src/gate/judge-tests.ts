/**
 * inventories → findings. The base run is the reference; the head's own run is compared with it
 * test by test; the base-suite run (the base's tests against the head's code) may only confirm:
 * a test that passed at base and fails, vanishes or is skipped there is `test-regressed`, whatever
 * the change's own test files do. The head's test run is also a hard verifier: it must pass.
 */
import type { Contract } from "../contract/types.js";
import { checkExitConsistency, uniqueFindings } from "../inventory/exit-consistency.js";
import { compareInventories } from "../inventory/compare.js";
import { finding, type Finding } from "../model/finding.js";
import type { TestsReport, VerifierReport } from "../model/report.js";
import type { TestRun } from "../tests-run/run-tests.js";
import type { SideResult } from "../verify/side.js";

export interface TestJudgement {
  findings: Finding[];
  tests: TestsReport | undefined;
  /** What made the comparison impossible: the outcome can then only be fail or error. */
  errors: string[];
  /** The head's test run as a hard verifier, unless a contract verifier already is that command. */
  verifier: VerifierReport | undefined;
}

const MAX_NOTES = 20;

export function judgeTests(
  contract: Contract,
  base: SideResult,
  head: SideResult,
  suite: SideResult | undefined,
  boundaryNotes: readonly string[],
): TestJudgement {
  const spec = contract.tests;
  const judgement: TestJudgement = { findings: [], tests: undefined, errors: [], verifier: undefined };
  if (spec === undefined) return judgement;
  const image = contract.sandbox.image ?? "host";
  const headRun = head.tests;
  if (
    headRun !== undefined &&
    !contract.verifiers.some((v) => v.run === spec.run && (v.image ?? image) === image)
  ) {
    judgement.verifier = { ...headRun.step, image };
    if (headRun.step.status === "fail" || headRun.step.status === "timeout") {
      const how =
        headRun.step.status === "timeout"
          ? "timed out"
          : `failed with exit code ${String(headRun.step.exitCode)}`;
      judgement.findings.push(finding("verifier-failed", "fail", `the test suite ${how} at head`));
    }
  }

  const baseParsed = usable(base, "base", judgement.errors);
  const headParsed = usable(head, "head", judgement.errors);
  if (
    baseParsed === undefined ||
    headParsed === undefined ||
    base.tests === undefined ||
    headRun === undefined
  ) {
    return judgement;
  }
  const comparison = compareInventories(baseParsed.inventory, headParsed.inventory, spec);
  const notes = [...boundaryNotes, ...comparison.tests.notes];
  const lists: Finding[][] = [
    comparison.findings,
    checkExitConsistency(headRun.step.exitCode, headParsed.inventory, headParsed.facts, { run: "head" }),
    checkExitConsistency(base.tests.step.exitCode, baseParsed.inventory, baseParsed.facts, { run: "base" }),
  ];

  if (suite !== undefined) {
    const suiteParsed = usable(suite, "base-suite", judgement.errors);
    if (suiteParsed !== undefined && suite.tests !== undefined) {
      notes.push(
        "The base's test files were also run against the head's code (the change's own test files removed).",
      );
      const again = compareInventories(baseParsed.inventory, suiteParsed.inventory, {
        minDelta: Number.MIN_SAFE_INTEGER,
        allowNewSkips: false,
      });
      lists.push(
        again.findings
          .filter((f) => f.severity === "fail" && f.test !== undefined)
          .map((f) => ({
            ...f,
            kind: "test-regressed" as const,
            message: `${f.message} — in the base's own test suite run against the head's code`,
          })),
        checkExitConsistency(suite.tests.step.exitCode, suiteParsed.inventory, suiteParsed.facts, {
          run: "head",
        }).map((f) => ({
          ...f,
          message: `${f.message} (the base's tests against the head's code)`,
        })),
      );
      for (const t of again.tests.regressed)
        if (!comparison.tests.regressed.some((r) => r.id === t.id)) comparison.tests.regressed.push(t);
    }
  }
  for (const run of [base.tests, headRun, suite?.tests]) {
    if (run === undefined) continue;
    notes.push(...run.problems.slice(0, 5).map((p) => `${run.step.name}: ${p}`));
  }
  judgement.findings.push(...uniqueFindings(...lists));
  judgement.tests = { ...comparison.tests, notes: notes.slice(0, MAX_NOTES) };
  return judgement;
}

function usable(side: SideResult, label: string, errors: string[]): TestRun["parsed"] {
  if (side.setupFailed !== undefined) {
    // A head whose setup fails already fails the gate (setup-failed); base and base-suite cannot.
    if (label !== "head")
      errors.push(`the ${label} side's setup step "${side.setupFailed}" failed, so its tests could not run`);
    return undefined;
  }
  const run = side.tests;
  if (run === undefined) {
    errors.push(`the ${label} tests did not run`);
    return undefined;
  }
  if (run.parsed === undefined) {
    errors.push(`the ${label} test results could not be read: ${run.error ?? "no results"}`);
    return undefined;
  }
  return run.parsed;
}
