import { describe, expect, it } from "vitest";
import { InventoryBuilder } from "./builder.js";
import { checkRunnerSummary, pytestSummary } from "./runner-summary.js";

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
