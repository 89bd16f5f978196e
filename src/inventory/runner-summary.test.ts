import { describe, expect, it } from "vitest";
import { InventoryBuilder } from "./builder.js";
import {
  checkExpectedFailures,
  checkRunnerSummary,
  pytestSummary,
  vitestExpectedFailures,
} from "./runner-summary.js";

describe("pytest's printed summary", () => {
  it("reads the last summary line, with or without the rules", () => {
    expect(pytestSummary("...\n===== 1 failed, 3 passed, 1 skipped in 0.12s =====\n")).toEqual({
      failed: 1,
      errors: 0,
      passed: 3,
    });
    expect(pytestSummary("F..\n2 failed, 1 passed, 2 errors in 1.03s\n")).toEqual({
      failed: 2,
      errors: 2,
      passed: 1,
    });
    expect(pytestSummary("no summary here")).toBeUndefined();
  });

  it("fails a report that lists fewer failures than pytest printed", () => {
    const builder = new InventoryBuilder("pytest");
    builder.add({ file: "tests/test_a.py", name: "test_a", status: "passed" });
    const forged = builder.build();
    const findings = checkRunnerSummary("pytest", "=== 1 failed, 0 passed in 0.1s ===", forged, "head");
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([["exit-mismatch", "fail"]]);
    expect(checkRunnerSummary("pytest", "=== 1 passed in 0.1s ===", forged, "head")).toEqual([]);
    expect(checkRunnerSummary("jest", "=== 1 failed in 0.1s ===", forged, "head")).toEqual([]);
  });
});

describe("vitest's printed expected failures", () => {
  // Printed with colours even when piped (CI=true), as vitest 4.1 does.
  const coloured = (parts: string): string =>
    `\u001b[2m Test Files \u001b[22m \u001b[1m\u001b[32m1 passed\u001b[39m\u001b[22m\u001b[90m (1)\u001b[39m\n\u001b[2m      Tests \u001b[22m ${parts}\u001b[90m (4)\u001b[39m\n\u001b[2m   Start at \u001b[22m 14:39:48\n`;

  it("adds up the counts of every Tests line, coloured or not", () => {
    expect(
      vitestExpectedFailures(
        coloured(
          "\u001b[1m\u001b[32m3 passed\u001b[39m\u001b[22m\u001b[2m | \u001b[22m\u001b[36m1 expected fail\u001b[39m",
        ),
      ),
    ).toBe(1);
    expect(vitestExpectedFailures(" Tests  1 failed | 3 passed (4)\n")).toBe(0);
    // Two vitest runs in one command: their counts add up.
    expect(
      vitestExpectedFailures("Tests  2 expected fail (2)\nTests  5 passed | 3 expected fail (8)\n"),
    ).toBe(5);
    // A clean line printed after the real summary cannot lower the count.
    expect(vitestExpectedFailures(" Tests  3 passed | 1 expected fail (4)\n Tests  4 passed (4)\n")).toBe(1);
    expect(vitestExpectedFailures("no summary")).toBeUndefined();
  });

  it("fails a run with more expected failures than the base, only for vitest", () => {
    const base = " Tests  1 failed | 3 passed (4)\n";
    const head = " Tests  3 passed | 1 expected fail (4)\n";
    const vitest = { framework: "vitest" };
    const findings = checkExpectedFailures(vitest, base, head, "head");
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([["test-newly-skipped", "fail"]]);
    expect(findings[0]?.message).toContain("1 test as expected failures");
    expect(checkExpectedFailures(vitest, head, head, "head")).toEqual([]);
    expect(checkExpectedFailures(vitest, base, "no summary printed", "head")).toEqual([]);
    expect(checkExpectedFailures({ framework: "jest" }, base, head, "head")).toEqual([]);
    const allowed = checkExpectedFailures({ framework: "vitest", allowNewSkips: true }, base, head, "head");
    expect(allowed.map((f) => f.severity)).toEqual(["warn"]);
  });
});
