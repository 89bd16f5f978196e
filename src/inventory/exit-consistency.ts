/**
 * Does the test command's exit status agree with the results it reported? The runner's exit code
 * and the per-test results come from the same untrusted process, but cheats usually fix only one of
 * them: `os._exit(0)` from an atexit hook, `process.exit(0)` in code under test, a TestMain that never
 * calls m.Run, forged result lines, `|| true` in a script.
 */
import type { Finding, Severity } from "../model/finding.js";
import { finding } from "../model/finding.js";
import type { Inventory, RunFacts } from "./model.js";
import { countInventory } from "./model.js";

export interface ExitCheckOptions {
  /**
   * Which run this is. The base run is trusted code, so what would fail the gate for head is only a
   * warning there (it still says the comparison stands on weak ground).
   */
  run?: "base" | "head";
}

/**
 * - exit 0 with failed or erroring tests → exit-mismatch (fail);
 * - exit 0 with fewer results than announced or an unfinished run (TAP plan, libtest summary, go
 *   tests that never ended) → exit-mismatch (fail);
 * - exit 0 with no results at all → tests-ran-nothing (fail);
 * - non-zero exit (or killed, `null`) while every reported test passed → exit-mismatch (warn): the
 *   process failed after the tests (an atexit hook, a leaked handle) or outside them.
 */
export function checkExitConsistency(
  exitCode: number | null,
  inventory: Inventory,
  facts: RunFacts,
  options: ExitCheckOptions = {},
): Finding[] {
  const run = options.run ?? "head";
  const blocking: Severity = run === "head" ? "fail" : "warn";
  const label = `The ${run} test run`;
  const counts = countInventory(inventory);
  const failing = counts.failed + counts.error;
  const findings: Finding[] = [];
  if (exitCode === 0) {
    if (counts.total === 0) {
      findings.push(finding("tests-ran-nothing", blocking, `${label} exited 0 without reporting any test`));
    }
    if (failing > 0) {
      findings.push(
        finding(
          "exit-mismatch",
          blocking,
          `${label} exited 0 although ${failing} ${failing === 1 ? "test" : "tests"} failed or errored`,
        ),
      );
    }
    for (const reason of facts.incomplete) {
      findings.push(
        finding("exit-mismatch", blocking, `${label} exited 0 but its results are incomplete: ${reason}`),
      );
    }
    return findings;
  }
  if (counts.total > 0 && failing === 0) {
    const how = exitCode === null ? "was killed" : `exited ${exitCode}`;
    findings.push(
      finding(
        "exit-mismatch",
        "warn",
        `${label} ${how} although every reported test passed or was skipped: the process failed after the tests or outside them`,
      ),
    );
  }
  return findings;
}

/**
 * Findings from several checks with repeats dropped: `compareInventories` and
 * `checkExitConsistency` both report an empty head run as `tests-ran-nothing`. The first of equal
 * kind, path, line and test is kept.
 */
export function uniqueFindings(...lists: readonly (readonly Finding[])[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const list of lists) {
    for (const f of list) {
      const key = JSON.stringify([f.kind, f.path ?? null, f.line ?? null, f.test ?? null]);
      if (f.kind === "exit-mismatch" || !seen.has(key)) out.push(f);
      seen.add(key);
    }
  }
  return out;
}
