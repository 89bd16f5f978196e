import { describe, expect, it } from "vitest";
import { compareInventories } from "./compare.js";
import { InventoryBuilder } from "./builder.js";
import type { TestStatus } from "./model.js";
import { inventoryOf } from "./test-helpers.js";

const spec = { minDelta: 0, allowNewSkips: false };

describe("compareInventories", () => {
  it("finds nothing when head keeps every test and status", () => {
    const base = inventoryOf({ "a.py::t1": "passed", "a.py::t2": "skipped" });
    const result = compareInventories(
      base,
      inventoryOf({ "a.py::t1": "passed", "a.py::t2": "skipped", "a.py::t3": "passed" }),
      spec,
    );
    expect(result.findings).toEqual([]);
    expect(result.tests.added).toBe(1);
    expect(result.tests.base.total).toBe(2);
    expect(result.tests.head).toEqual({ total: 3, passed: 2, failed: 0, error: 0, skipped: 1, xfail: 0 });
  });

  it("reports a removed test with its file, failing severity unless it did not run at base", () => {
    const base = inventoryOf({
      "a.py::gone": "passed",
      "a.py::broken": "failed",
      "a.py::was_skipped": "skipped",
    });
    const result = compareInventories(
      base,
      inventoryOf({ "a.py::other": "passed", "a.py::x": "passed", "a.py::y": "passed" }),
      spec,
    );
    expect(result.findings.map((f) => [f.kind, f.severity, f.test, f.path])).toEqual([
      ["test-removed", "fail", "a.py::gone", "a.py"],
      ["test-removed", "fail", "a.py::broken", "a.py"],
      ["test-removed", "warn", "a.py::was_skipped", "a.py"],
    ]);
    expect(result.tests.removed.map((r) => r.id)).toEqual([
      "a.py::gone",
      "a.py::broken",
      "a.py::was_skipped",
    ]);
  });

  it("reports newly skipped and xfail tests, including a failing test skipped instead of fixed", () => {
    const base = inventoryOf({
      "a.py::s": "passed",
      "a.py::x": "passed",
      "a.py::f": "failed",
      "a.py::e": "error",
    });
    const head = inventoryOf({
      "a.py::s": "skipped",
      "a.py::x": "xfail",
      "a.py::f": "xfail",
      "a.py::e": "skipped",
    });
    const result = compareInventories(base, head, spec);
    expect(result.findings.map((f) => [f.kind, f.severity, f.test])).toEqual([
      ["test-newly-skipped", "fail", "a.py::s"],
      ["test-newly-skipped", "fail", "a.py::x"],
      ["test-newly-skipped", "fail", "a.py::f"],
      ["test-newly-skipped", "fail", "a.py::e"],
    ]);
    expect(result.findings[1]?.message).toContain("marked expected-failure/todo");
    expect(
      compareInventories(base, head, { minDelta: 0, allowNewSkips: true }).findings.every(
        (f) => f.severity === "warn",
      ),
    ).toBe(true);
  });

  it("reports regressions from passed to failed or error, not from failed to failed", () => {
    const base = inventoryOf({
      "a.py::r": "passed",
      "a.py::e": "passed",
      "a.py::still": "failed",
      "a.py::fixed": "failed",
    });
    const head = inventoryOf({
      "a.py::r": "failed",
      "a.py::e": "error",
      "a.py::still": "failed",
      "a.py::fixed": "passed",
    });
    const result = compareInventories(base, head, spec);
    expect(result.findings.map((f) => [f.kind, f.test])).toEqual([
      ["test-regressed", "a.py::r"],
      ["test-regressed", "a.py::e"],
    ]);
    expect(result.tests.regressed.map((r) => r.id)).toEqual(["a.py::r", "a.py::e"]);
  });

  it("checks the count delta against minDelta", () => {
    const base = inventoryOf({ "a::1": "passed", "a::2": "passed" });
    const same = inventoryOf({ "a::1": "passed", "a::2": "passed" });
    expect(
      compareInventories(base, same, { minDelta: 1, allowNewSkips: false }).findings.map((f) => f.message),
    ).toEqual(["Test count went from 2 to 2 (0); the contract asks for at least 1 more"]);
    expect(compareInventories(base, same, spec).findings).toEqual([]);
    const fewer = inventoryOf({ "a::1": "passed" });
    const lenient = compareInventories(base, fewer, { minDelta: -1, allowNewSkips: false }).findings;
    expect(lenient.map((f) => f.kind)).toEqual(["test-removed"]);
  });

  it("reports a head run with no tests, and only notes an empty base", () => {
    const empty = inventoryOf({});
    const result = compareInventories(inventoryOf({ "a::1": "passed" }), empty, spec);
    expect(result.findings.map((f) => f.kind)).toEqual(["test-removed", "test-count", "tests-ran-nothing"]);
    const fresh = compareInventories(empty, inventoryOf({ "a::1": "passed" }), spec);
    expect(fresh.findings).toEqual([]);
    expect(fresh.tests.notes).toEqual([
      "The base run reported no tests, so nothing could be removed or regress.",
    ]);
  });

  it("compares 200,000 tests in well under a second", () => {
    const statuses: TestStatus[] = ["passed", "failed", "skipped", "xfail", "error"];
    const base = new InventoryBuilder("pytest");
    const head = new InventoryBuilder("pytest");
    for (let i = 0; i < 200_000; i++) {
      base.add({ file: `tests/test_${i % 500}.py`, name: `test_${i}`, status: statuses[i % 5] ?? "passed" });
      if (i % 1000 !== 0)
        head.add({
          file: `tests/test_${i % 500}.py`,
          name: `test_${i}`,
          status: i % 2000 === 5 ? "failed" : (statuses[i % 5] ?? "passed"),
        });
    }
    // The fastest of three runs, so a garbage collection caused by a parallel test does not count.
    let elapsed = Number.POSITIVE_INFINITY;
    let result = compareInventories(base.build(), head.build(), spec);
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      result = compareInventories(base.build(), head.build(), spec);
      elapsed = Math.min(elapsed, performance.now() - started);
    }
    expect(result.tests.removed).toHaveLength(200);
    expect(result.tests.regressed).toHaveLength(100);
    expect(elapsed).toBeLessThan(1000);
  });
});
