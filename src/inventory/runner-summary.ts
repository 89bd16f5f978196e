/**
 * The runner's own closing summary, printed to the terminal, against the report it wrote. Code under
 * test that rewrites the report after the run (an atexit hook copying a forged file into place, then
 * `os._exit(0)`) leaves the runner's printed summary behind; beating this check as well means
 * patching the runner's internals, which the report names as not proven.
 *
 * pytest: `==== 1 failed, 3 passed, 1 skipped in 0.12s ====`, or without the rules under `-q`.
 *
 * vitest: `Tests  3 passed | 1 expected fail (4)`. Its reports list a `test.fails` whose body fails
 * as a pass (JUnit and JSON alike), and only this printed line counts it apart; so more expected
 * failures at head than at base is a test turned into one, whatever name `fails` was reached by
 * (the marker scan sees only the plain spelling).
 */
import { finding, type Finding } from "../model/finding.js";
import type { Inventory } from "./model.js";
import { countInventory } from "./model.js";

export interface RunnerSummary {
  failed: number;
  errors: number;
  passed: number;
}

const PYTEST_LINE =
  /^=*\s*((?:\d+ (?:failed|passed|errors?|skipped|xfailed|xpassed|deselected|warnings?|rerun)(?:, )?)+) in [\d.]+s(?: \([^)]*\))?\s*=*$/;

export function pytestSummary(output: string): RunnerSummary | undefined {
  const lines = output.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = PYTEST_LINE.exec((lines[i] ?? "").trim());
    if (!match?.[1]) continue;
    const count = (word: RegExp): number => {
      const m = new RegExp(`(\\d+) ${word.source}`).exec(match[1] ?? "");
      return m ? Number(m[1]) : 0;
    };
    return { failed: count(/failed/), errors: count(/errors?\b/), passed: count(/passed/) };
  }
  return undefined;
}

export function checkRunnerSummary(
  framework: string,
  output: string,
  inventory: Inventory,
  run: string,
): Finding[] {
  if (framework !== "pytest") return [];
  const summary = pytestSummary(output);
  if (summary === undefined) return [];
  const counts = countInventory(inventory);
  const printed = summary.failed + summary.errors;
  const reported = counts.failed + counts.error;
  if (printed > reported) {
    return [
      finding(
        "exit-mismatch",
        "fail",
        `The ${run} test run printed "${summary.failed} failed, ${summary.errors} errors", but its report lists ${reported} failing: the report was changed after the runner wrote it`,
      ),
    ];
  }
  return [];
}

// eslint-disable-next-line no-control-regex -- vitest colours its summary even when piped
const ANSI = /\u001b\[[0-9;]*m/g;
const VITEST_TESTS_LINE = /^Tests\s+(.*)\(\d+\)$/;

/**
 * The expected failures vitest's default reporter counted, added up over every `Tests` line it
 * printed (a command may run vitest more than once), if it printed one. A line the code under test
 * prints itself can only raise its own run's count.
 */
export function vitestExpectedFailures(output: string): number | undefined {
  let total: number | undefined;
  for (const line of output.split("\n")) {
    const match = VITEST_TESTS_LINE.exec(line.replace(ANSI, "").trim());
    if (match === null) continue;
    const count = /(\d+) expected fail/.exec(match[1] ?? "");
    total = (total ?? 0) + (count ? Number(count[1]) : 0);
  }
  return total;
}

/**
 * A run that counted more vitest expected failures than the base run did. Which tests they are
 * cannot be read from the report, so the finding names none; the base's own count (a suite that
 * already uses `test.fails`) is what it is compared with. A warning when the contract allows new
 * skips, like every other newly skipped or expected-failure test.
 */
export function checkExpectedFailures(
  spec: { framework: string; allowNewSkips?: boolean },
  baseOutput: string,
  output: string,
  run: string,
): Finding[] {
  if (spec.framework !== "vitest") return [];
  const counted = vitestExpectedFailures(output);
  if (counted === undefined) return [];
  const before = vitestExpectedFailures(baseOutput) ?? 0;
  if (counted <= before) return [];
  const tests = (n: number): string => `${n} ${n === 1 ? "test" : "tests"}`;
  return [
    finding(
      "test-newly-skipped",
      spec.allowNewSkips === true ? "warn" : "fail",
      `The ${run} test run counted ${tests(counted)} as expected failures (test.fails: the test's body fails) where the base counted ${before}. vitest's report lists them as passes, so they are not counted as passing`,
    ),
  ];
}
