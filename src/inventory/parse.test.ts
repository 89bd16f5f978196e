import { describe, expect, it } from "vitest";
import { GateError } from "../core/errors.js";
import { parseRunOutput } from "./parse.js";
import { fixture, statuses } from "./test-helpers.js";

describe("parseRunOutput", () => {
  it("dispatches on the preset's format", () => {
    const junit = parseRunOutput(
      "junit",
      { files: [{ name: "pytest.xml", content: fixture("pytest/xunit1.xml") }] },
      { framework: "pytest" },
    );
    expect(statuses(junit.inventory)).toEqual({ "tests/sub/test_more.py::test_more": "passed" });
    const go = parseRunOutput(
      "go-json",
      { files: [], stdout: fixture("go/testmain-exit.jsonl") },
      { framework: "go" },
    );
    expect(go.inventory.framework).toBe("go");
    const cargo = parseRunOutput(
      "cargo",
      { files: [], stdout: fixture("cargo/plain.txt") },
      { framework: "cargo" },
    );
    expect(cargo.inventory.tests.size).toBe(11);
    const tap = parseRunOutput("tap", { files: [], stdout: fixture("tape/tape.tap") }, { framework: "tape" });
    expect(tap.facts.declared).toBe(8);
  });

  it("treats a missing report as a run without results, not as an error", () => {
    const run = parseRunOutput("junit", { files: [] }, { framework: "pytest" });
    expect(run.inventory.tests.size).toBe(0);
    expect(run.facts.incomplete).toEqual(["no JUnit report was written"]);
  });

  it("merges several TAP files and reports ids seen twice", () => {
    const text = "1..1\nok 1 - same\n";
    const run = parseRunOutput(
      "tap",
      {
        files: [
          { name: "b.tap", content: text },
          { name: "a.tap", content: text },
        ],
      },
      { framework: "tap" },
    );
    expect(Object.keys(statuses(run.inventory))).toEqual(["same", "same#2"]);
    expect(run.facts.declared).toBe(2);
    expect(run.inventory.problems).toEqual(["test same appears in more than one report (kept as same#2)"]);
  });

  it("lets an unreadable report fail as GateError", () => {
    expect(() =>
      parseRunOutput("jest-json", { files: [{ name: "jest.json", content: "nope" }] }, { framework: "jest" }),
    ).toThrow(GateError);
  });
});
