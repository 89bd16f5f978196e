/**
 * The runner's own closing summary, printed to the terminal, against the report it wrote. Code under
 * test that rewrites the report after the run (an atexit hook copying a forged file into place, then
 * `os._exit(0)`) leaves the runner's printed summary behind; beating this check as well means
 * patching the runner's internals, which the report names as not proven.
 *
 * pytest: `==== 1 failed, 3 passed, 1 skipped in 0.12s ====`, or without the rules under `-q`.
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
