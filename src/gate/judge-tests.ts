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
import { isFailing, type Inventory } from "../inventory/model.js";
import { isTestFile } from "../inventory/test-files.js";
import { checkExpectedFailures, checkRunnerSummary } from "../inventory/runner-summary.js";
import { lastLines } from "../sandbox/tool-output.js";
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
  changedPaths: readonly string[] = [],
): TestJudgement {
  const spec = contract.tests;
  const judgement: TestJudgement = { findings: [], tests: undefined, errors: [], verifier: undefined };
  if (spec === undefined) return judgement;
  const image = contract.sandbox.image ?? "host";
  const headRun = head.tests;
  const baseBroken = brokenBaseRun(base);
  if (
    headRun !== undefined &&
    !contract.verifiers.some((v) => v.run === spec.run && (v.image ?? image) === image)
  ) {
    judgement.verifier = { ...headRun.step, image };
    // With a base run that shows the command itself does not work, the head's failure says nothing
    // about the change: the outcome is the error below, not a fail blamed on the head.
    if (baseBroken === undefined && (headRun.step.status === "fail" || headRun.step.status === "timeout")) {
      const how =
        headRun.step.status === "timeout"
          ? "timed out"
          : `failed with exit code ${String(headRun.step.exitCode)}`;
      judgement.findings.push(
        finding("verifier-failed", "fail", `the test suite ${how} at head${failingTests(headRun)}`),
      );
    }
  }

  if (baseBroken !== undefined) {
    judgement.errors.push(baseBroken);
    return judgement;
  }
  const baseParsed = usable(base, "base", judgement);
  const headStart = judgement.findings.length;
  const headParsed = usable(head, "head", judgement);
  if (
    baseParsed === undefined ||
    headParsed === undefined ||
    base.tests === undefined ||
    headRun === undefined
  ) {
    contradictExitCode(judgement, judgement.findings.slice(headStart));
    return judgement;
  }
  const comparison = compareInventories(baseParsed.inventory, headParsed.inventory, spec);
  const notes = [...boundaryNotes, ...comparison.tests.notes];
  const headExit = checkExitConsistency(headRun.step.exitCode, headParsed.inventory, headParsed.facts, {
    run: "head",
  });
  const headSummary = checkRunnerSummary(
    spec.framework,
    headRun.step.outputTail,
    headParsed.inventory,
    "head",
  );
  const lists: Finding[][] = [
    comparison.findings,
    fixedByTestEdits(baseParsed.inventory, headParsed.inventory, changedPaths),
    headExit,
    checkExitConsistency(base.tests.step.exitCode, baseParsed.inventory, baseParsed.facts, { run: "base" }),
    headSummary,
    checkExpectedFailures(spec, base.tests.step.outputTail, headRun.step.outputTail, "head"),
  ];

  if (suite !== undefined) {
    const suiteParsed = usable(suite, "base-suite", judgement);
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
        checkRunnerSummary(spec.framework, suite.tests.step.outputTail, suiteParsed.inventory, "base-suite"),
        checkExpectedFailures(spec, base.tests.step.outputTail, suite.tests.step.outputTail, "base-suite"),
        onlyWithOwnTests(baseParsed.inventory, headParsed.inventory, suiteParsed.inventory),
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
  contradictExitCode(judgement, [
    ...headExit,
    ...headSummary,
    ...comparison.findings.filter((f) => f.kind === "tests-ran-nothing"),
  ]);
  judgement.tests = { ...comparison.tests, notes: notes.slice(0, MAX_NOTES) };
  return judgement;
}

/**
 * A test the base has, that passes in the head's own run but not when the base's test files run
 * against the head's code, passes only because of the change's own test files (a new setup file, a
 * hook appended to a test module): a regression, whatever its status at base.
 */
function onlyWithOwnTests(base: Inventory, head: Inventory, suite: Inventory): Finding[] {
  const findings: Finding[] = [];
  for (const [id, own] of head.tests) {
    if (own.status !== "passed" || !base.tests.has(id)) continue;
    const judged = suite.tests.get(id);
    if (judged?.status === "passed") continue;
    const how = judged === undefined ? "is missing" : `is ${judged.status}`;
    findings.push(
      finding(
        "test-regressed",
        "fail",
        `Test ${id} passes in the change's own run but ${how} when the base's test files run against the head's code: it passes only with the change's own test files`,
        { test: id, ...(own.file === undefined ? {} : { path: own.file }) },
      ),
    );
  }
  return findings;
}

/**
 * Tests that failed at base and pass at head, where the change touched nothing but test files: the
 * code under test is the base's, so the tests were made to agree with it (an assertion weakened, an
 * expected value rewritten) or were wrong. Only a warning: fixing a wrong test is a real change,
 * and where the contract protects its tests the boundary and the base-suite run already decide.
 */
/** Files a change may touch besides its tests without changing any code. */
const DOCUMENTATION = /\.(?:md|markdown|rst|adoc)$/i;

/**
 * Test files for this check: every `.rs` file may hold tests (isTestFile says so for the marker
 * scan), but a change to `src/*.rs` is a code change; only `tests/` counts for Rust.
 */
function onlyTests(path: string): boolean {
  if (path.endsWith(".rs")) return /(?:^|\/)tests\//.test(path);
  return isTestFile(path);
}

function fixedByTestEdits(base: Inventory, head: Inventory, changedPaths: readonly string[]): Finding[] {
  const neutral = (path: string): boolean => DOCUMENTATION.test(path);
  if (!changedPaths.some(onlyTests) || !changedPaths.every((p) => onlyTests(p) || neutral(p))) return [];
  const fixed: string[] = [];
  for (const [id, before] of base.tests) {
    if (isFailing(before.status) && head.tests.get(id)?.status === "passed") fixed.push(id);
  }
  if (fixed.length === 0) return [];
  const shown = fixed.slice(0, NAMED_FAILURES).map(boundId).join(", ");
  const more = fixed.length > NAMED_FAILURES ? ` and ${fixed.length - NAMED_FAILURES} more` : "";
  const tests =
    fixed.length === 1
      ? "1 test that failed at base passes"
      : `${fixed.length} tests that failed at base pass`;
  return [
    finding(
      "fixed-by-test-edits",
      "warn",
      `${tests} at head (${shown}${more}), but the change touched only test files: the code under test is unchanged, so the tests were changed to agree with it`,
    ),
  ];
}

/**
 * The head's test run stands as a verifier that passed when it exited 0; if its results contradict
 * that (no report, nothing ran, failures behind the exit code), the verifier did not pass either,
 * and the verifiers table must not say it did.
 */
function contradictExitCode(judgement: TestJudgement, headFindings: readonly Finding[]): void {
  const verifier = judgement.verifier;
  if (verifier?.status !== "pass") return;
  const why = headFindings.find(
    (f) => f.severity === "fail" && (f.kind === "exit-mismatch" || f.kind === "tests-ran-nothing"),
  );
  if (why === undefined) return;
  judgement.verifier = { ...verifier, status: "fail", reason: `exit 0, but: ${why.message}` };
}

const NAMED_FAILURES = 5;
const MAX_ID_CHARS = 200;

function boundId(id: string): string {
  return id.length > MAX_ID_CHARS ? `${id.slice(0, MAX_ID_CHARS)}…` : id;
}

/** ": 2 tests fail (a, b)": which tests, since a runner that reports to a file prints nothing. */
function failingTests(run: TestRun): string {
  const failing = [...(run.parsed?.inventory.tests.values() ?? [])].filter((t) => isFailing(t.status));
  if (failing.length === 0) return "";
  const ids = failing.slice(0, NAMED_FAILURES).map((t) => boundId(t.id));
  const more = failing.length > NAMED_FAILURES ? ` and ${failing.length - NAMED_FAILURES} more` : "";
  return `: ${failing.length} ${failing.length === 1 ? "test fails" : "tests fail"} (${ids.join(", ")}${more})`;
}

/** How the runners say they found no tests at all. */
const NO_TESTS_OUTPUT =
  /no tests ran|collected 0 items|NO TESTS RAN|Ran 0 tests|No tests found|No test files found|no test files|running 0 tests/i;

/**
 * Why the base's test run leaves nothing to judge the head against, when it exited non-zero without
 * reporting a single test: not a base without tests yet (that run exits 0), but a test command that
 * does not work on the base (a runner missing from the image, a wrong path).
 */
function brokenBaseRun(base: SideResult): string | undefined {
  const run = base.tests;
  if (base.setupFailed !== undefined || run?.parsed === undefined) return undefined;
  if (run.parsed.inventory.tests.size > 0 || run.step.exitCode === 0) return undefined;
  // A base without tests yet is not broken, though most runners exit non-zero for it (pytest and
  // unittest 5, jest, vitest and mocha 1): the head may add the first tests. The base's output is
  // the base's own, so reading it hands the head nothing.
  if (run.step.exitCode === 5 || NO_TESTS_OUTPUT.test(run.step.outputTail)) return undefined;
  const how = run.step.exitCode === null ? "was stopped" : `exited ${String(run.step.exitCode)}`;
  return (
    `the base's test run ${how} without reporting any test, so there is nothing to judge the head against: ` +
    `check that the contract's tests.run works on the base commit (its last output: ${lastLines(run.step.outputTail, 2)})`
  );
}

/**
 * The parsed results of a side, or nothing. What the gate could not do on the base is an error (it
 * cannot judge); on the head and the base-suite run — the candidate's code — unreadable results or
 * a failed setup are the candidate's failure, so a change cannot turn a fail into an error by
 * breaking its own report.
 */
function usable(
  side: SideResult,
  label: "base" | "head" | "base-suite",
  judgement: TestJudgement,
): TestRun["parsed"] {
  const candidate = label !== "base";
  const fail = (message: string): undefined => {
    if (candidate) judgement.findings.push(finding("exit-mismatch", "fail", message));
    else judgement.errors.push(message);
    return undefined;
  };
  if (side.setupFailed !== undefined) {
    // The head's own setup failure is already a setup-failed finding.
    if (label === "head") return undefined;
    const hint = candidate ? "" : "; check that the contract's setup works on the base commit";
    return fail(
      `the ${label} side's setup step "${side.setupFailed}" failed, so its tests could not run${hint}`,
    );
  }
  const run = side.tests;
  if (run === undefined) return fail(`the ${label} tests did not run`);
  if (run.parsed === undefined)
    return fail(`the ${label} test results could not be read: ${run.error ?? "no results"}`);
  return run.parsed;
}
