/**
 * Base → head comparison, test by test. Linear in the number of tests: one pass over each map.
 *
 * - `test-removed`: an id at base is missing at head. Fail, except for a test that did not run at
 *   base either (skipped or xfail there), whose removal hides nothing: warn.
 * - `test-newly-skipped`: a test that ran at base (passed, and also failed or errored: skipping the
 *   failing test a PR was meant to fix is the commonest cheat) is skipped or xfail at head. Fail, or
 *   warn when the contract sets `allowNewSkips`.
 * - `test-regressed`: passed at base, failed or errored at head.
 * - `test-count`: head total − base total < minDelta.
 * - `tests-ran-nothing`: the head run reported no test at all. An empty base run is only a note: it
 *   is the trusted tree, and a PR may add the first tests.
 */
import type { Finding, Severity } from "../model/finding.js";
import { finding } from "../model/finding.js";
import type { TestRef, TestsReport } from "../model/report.js";
import type { Inventory, TestCase } from "./model.js";
import { countInventory, emptyCounts, isFailing, isNotRun } from "./model.js";

export interface CompareSpec {
  minDelta: number;
  allowNewSkips: boolean;
}

export interface Comparison {
  findings: Finding[];
  tests: TestsReport;
}

export function compareInventories(base: Inventory, head: Inventory, spec: CompareSpec): Comparison {
  const findings: Finding[] = [];
  const removed: TestRef[] = [];
  const newlySkipped: TestRef[] = [];
  const regressed: TestRef[] = [];
  const notes: string[] = [];

  // One pass over the base (counting it, and how many of its tests the head still has), one over
  // the head's statuses: 200,000 tests compare in a fraction of a second.
  const baseCounts = emptyCounts();
  let kept = 0;
  for (const [id, before] of base.tests) {
    baseCounts.total += 1;
    baseCounts[before.status] += 1;
    const after = head.tests.get(id);
    if (after !== undefined) kept += 1;
    if (after === undefined) {
      const severity: Severity = isNotRun(before.status) ? "warn" : "fail";
      removed.push(ref(before));
      findings.push(
        finding(
          "test-removed",
          severity,
          `Test removed: ${id} (${before.status} at base, missing at head)`,
          where(before),
        ),
      );
      continue;
    }
    if (!isNotRun(before.status) && isNotRun(after.status)) {
      newlySkipped.push(ref(after));
      const severity: Severity = spec.allowNewSkips ? "warn" : "fail";
      const how = after.status === "xfail" ? "marked expected-failure/todo" : "skipped";
      findings.push(
        finding(
          "test-newly-skipped",
          severity,
          `Test ${how} at head: ${id} (${before.status} at base)`,
          where(after),
        ),
      );
    } else if (before.status === "passed" && isFailing(after.status)) {
      regressed.push(ref(after));
      findings.push(
        finding(
          "test-regressed",
          "fail",
          `Test ${after.status} at head: ${id} (passed at base)`,
          where(after),
        ),
      );
    }
  }

  // Ids are unique within an inventory, so the head's new tests are those the base lookups missed.
  const added = head.tests.size - kept;
  const headCounts = countInventory(head);
  const delta = headCounts.total - baseCounts.total;
  if (delta < spec.minDelta) {
    const wanted =
      spec.minDelta > 0
        ? `at least ${spec.minDelta} more`
        : spec.minDelta === 0
          ? "no fewer"
          : `at most ${-spec.minDelta} fewer`;
    findings.push(
      finding(
        "test-count",
        "fail",
        `Test count went from ${baseCounts.total} to ${headCounts.total} (${signed(delta)}); the contract asks for ${wanted}`,
      ),
    );
  }
  if (headCounts.total === 0) {
    findings.push(finding("tests-ran-nothing", "fail", "The head run reported no tests"));
  }
  if (baseCounts.total === 0)
    notes.push("The base run reported no tests, so nothing could be removed or regress.");
  if (base.framework !== head.framework) {
    notes.push(`Base and head were parsed as different frameworks (${base.framework}, ${head.framework}).`);
  }

  return {
    findings,
    tests: {
      framework: head.framework,
      base: baseCounts,
      head: headCounts,
      removed,
      newlySkipped,
      regressed,
      added,
      notes,
    },
  };
}

function ref(test: TestCase): TestRef {
  const out: TestRef = { id: test.id };
  if (test.file !== undefined) out.file = test.file;
  if (test.message !== undefined) out.message = test.message;
  return out;
}

function where(test: TestCase): { test: string; path?: string } {
  return test.file === undefined ? { test: test.id } : { test: test.id, path: test.file };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
