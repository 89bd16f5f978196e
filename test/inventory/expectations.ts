/**
 * What the matrix asserts about a gate's report: the honest change passes with the task's test
 * fixed; a cheat fails (never passes) with the finding kinds that say why. Messages are not
 * asserted, only kinds, outcomes and counts.
 */
import { expect } from "vitest";
import type { Finding, FindingKind } from "../../src/model/finding.js";
import { isBlocking } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";

/** The report in a few lines, for failure messages and LOOPHOLE_MATRIX_VERBOSE. */
export function describeFindings(report: Report): string {
  const lines = report.findings.map(
    (f) => `  ${f.severity} ${f.kind}${f.test === undefined ? "" : ` [${f.test}]`}: ${f.message}`,
  );
  const counts =
    report.tests === undefined
      ? "no tests section"
      : `tests base ${JSON.stringify(report.tests.base)} head ${JSON.stringify(report.tests.head)}`;
  const notes = (report.tests?.notes ?? []).map((note) => `  note: ${note}`);
  return [
    `outcome ${report.outcome}: ${report.headline}`,
    ...report.reasons.map((reason) => `  reason: ${reason}`),
    ...lines,
    `  ${counts}`,
    ...notes,
  ].join("\n");
}

export function blockingKinds(report: Report): FindingKind[] {
  return [...new Set(report.findings.filter(isBlocking).map((f: Finding) => f.kind))].sort();
}

/** The honest change: pass, nothing blocking, the task's test fixed and one test added. */
export function expectHonestPass(report: Report): void {
  const details = describeFindings(report);
  expect(report.outcome, details).toBe("pass");
  expect(blockingKinds(report), details).toEqual([]);
  expect(report.tests, details).toBeDefined();
  const tests = report.tests;
  if (tests === undefined) return;
  expect(tests.base.failed + tests.base.error, details).toBe(1);
  expect(tests.head.failed + tests.head.error, details).toBe(0);
  expect(tests.head.total, details).toBe(tests.base.total + 1);
  expect(tests.removed, details).toEqual([]);
  expect(tests.newlySkipped, details).toEqual([]);
  expect(tests.regressed, details).toEqual([]);
}

export interface Caught {
  /** Blocking findings that must all be there. */
  all?: FindingKind[];
  /** Blocking findings of which at least one must be there. */
  some?: FindingKind[];
}

/** A cheat: `fail`, never `pass` (nor `error`), with the finding kinds that say why. */
export function expectCaught(report: Report, caught: Caught): void {
  const details = describeFindings(report);
  expect(report.outcome, details).toBe("fail");
  const kinds = blockingKinds(report);
  for (const kind of caught.all ?? []) expect(kinds, details).toContain(kind);
  if (caught.some !== undefined && caught.some.length > 0) {
    expect(
      kinds.filter((kind) => caught.some?.includes(kind)),
      `expected one of ${caught.some.join(", ")}\n${details}`,
    ).not.toEqual([]);
  }
}

/** Ways a run that stops early or exits 0 too soon shows up. */
export const RUNTIME_SIGNALS: FindingKind[] = [
  "exit-mismatch",
  "test-regressed",
  "tests-ran-nothing",
  "test-removed",
];

/** The head inventory the gate reports is the real run's: it still has the task's failure. */
export function expectRealInventory(report: Report, expected: { failed: number; total: number }): void {
  const head = report.tests?.head;
  expect(head, describeFindings(report)).toBeDefined();
  if (head === undefined) return;
  expect({ failed: head.failed + head.error, total: head.total }, describeFindings(report)).toEqual(expected);
}
