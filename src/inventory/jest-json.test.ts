import { describe, expect, it } from "vitest";
import { GateError } from "../core/errors.js";
import { parseJestJson } from "./jest-json.js";
import { countInventory } from "./model.js";
import { fixture, statuses } from "./test-helpers.js";

describe("parseJestJson on jest's real --json output", () => {
  const run = parseJestJson({ name: "jest.json", content: fixture("jest/jest.json") });
  const tests = statuses(run.inventory);

  it("reads test.todo and a failing test.failing as xfail, never as a pass", () => {
    expect(tests["test/calc.test.js::add::handles big ints"]).toBe("xfail");
    expect(tests["test/calc.test.js::add::known bug: float precision"]).toBe("xfail");
  });

  it("reads passes, failures and skips with file-relative ids and nested describes", () => {
    expect(tests["test/calc.test.js::add::adds two numbers"]).toBe("passed");
    expect(tests["test/calc.test.js::add > nested::add(2, 3) = 6"]).toBe("failed");
    expect(tests["test/calc.test.js::add::skipped test"]).toBe("skipped");
    expect(tests["test/calc.test.js::add > nested::same name#2"]).toBe("passed");
    expect(tests["test/nested/deep.test.js::deep suite > level two::works"]).toBe("passed");
    expect(run.inventory.tests.get("test/calc.test.js::div throws")?.message).toContain("division by zero");
  });

  it("turns a test file that failed to run into an error, so the inventory matches the exit code", () => {
    expect(tests["test/broken.test.js::(file)"]).toBe("error");
    expect(run.inventory.tests.get("test/broken.test.js::(file)")?.message).toContain("does-not-exist");
  });

  it("compares jest's own count with the listed results", () => {
    expect(run.facts).toEqual({ declared: 12, seen: 13, incomplete: [] });
    expect(countInventory(run.inventory)).toEqual({
      total: 13,
      passed: 6,
      failed: 3,
      error: 1,
      skipped: 1,
      xfail: 2,
    });
  });

  it("reports a count that does not match and an interrupted run", () => {
    const content = JSON.stringify({
      numTotalTests: 3,
      wasInterrupted: true,
      testResults: [
        {
          name: "/work/a.test.js",
          status: "passed",
          assertionResults: [{ ancestorTitles: [], title: "t", status: "passed" }],
        },
      ],
    });
    const short = parseJestJson({ name: "jest.json", content });
    expect(short.facts.incomplete).toEqual([
      "jest.json: the run was interrupted",
      "jest.json: 3 tests counted but 1 test results listed",
    ]);
  });

  it("rejects files that are not jest results", () => {
    expect(() => parseJestJson({ name: "jest.json", content: "{" })).toThrow(GateError);
    expect(() => parseJestJson({ name: "jest.json", content: '{"testResults": 3}' })).toThrow(
      /jest\.json: not a jest\/vitest JSON result \(testResults/,
    );
  });
});
