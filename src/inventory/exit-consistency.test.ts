import { describe, expect, it } from "vitest";
import { parseCargoOutput } from "./cargo.js";
import { compareInventories } from "./compare.js";
import { checkExitConsistency, uniqueFindings } from "./exit-consistency.js";
import { parseGoTestJson } from "./go-json.js";
import { parseJUnit } from "./junit.js";
import { parseTap } from "./tap.js";
import { fixture, fixtureExitCode, inventoryOf } from "./test-helpers.js";

const complete = { seen: 1, incomplete: [] };

describe("checkExitConsistency on real runs", () => {
  it("pytest: atexit + os._exit(0) makes a failing run exit 0", () => {
    const run = parseJUnit([{ name: "pytest.xml", content: fixture("pytest/atexit-exit0.xml") }], {
      framework: "pytest",
    });
    const findings = checkExitConsistency(
      fixtureExitCode("pytest/atexit-exit0.xml"),
      run.inventory,
      run.facts,
    );
    expect(findings.map((f) => [f.kind, f.severity, f.message])).toEqual([
      ["exit-mismatch", "fail", "The head test run exited 0 although 1 test failed or errored"],
    ]);
  });

  it("cargo: std::process::exit(0) inside a test", () => {
    const run = parseCargoOutput(fixture("cargo/exit-early.txt"), { source: "cargo" });
    const findings = checkExitConsistency(fixtureExitCode("cargo/exit-early.txt"), run.inventory, run.facts);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([["exit-mismatch", "fail"]]);
    expect(findings[0]?.message).toContain("announced 3 tests and reported 1");
  });

  it("go: a TestMain that exits 0 without m.Run", () => {
    const run = parseGoTestJson(fixture("go/testmain-exit.jsonl"));
    const findings = checkExitConsistency(
      fixtureExitCode("go/testmain-exit.jsonl"),
      run.inventory,
      run.facts,
    );
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([["tests-ran-nothing", "fail"]]);
  });

  it("accepts real failing runs that exit non-zero", () => {
    for (const [path, run] of [
      ["go/test.jsonl", parseGoTestJson(fixture("go/test.jsonl"))],
      ["go/timeout.jsonl", parseGoTestJson(fixture("go/timeout.jsonl"))],
      ["cargo/plain.txt", parseCargoOutput(fixture("cargo/plain.txt"))],
      ["tape/tape.tap", parseTap(fixture("tape/tape.tap"))],
    ] as const) {
      expect(checkExitConsistency(fixtureExitCode(path), run.inventory, run.facts)).toEqual([]);
    }
  });
});

describe("checkExitConsistency rules", () => {
  it("warns when a run with only passing tests exits non-zero or is killed", () => {
    const passing = inventoryOf({ "a::t": "passed", "a::s": "skipped" });
    const findings = [
      ...checkExitConsistency(1, passing, complete),
      ...checkExitConsistency(null, passing, complete),
    ];
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ["exit-mismatch", "warn"],
      ["exit-mismatch", "warn"],
    ]);
    expect(findings[1]?.message).toContain("was killed");
  });

  it("says nothing about a clean run", () => {
    expect(checkExitConsistency(0, inventoryOf({ "a::t": "passed" }), complete)).toEqual([]);
  });

  it("only warns about the trusted base run", () => {
    const findings = checkExitConsistency(0, inventoryOf({ "a::t": "failed" }), complete, { run: "base" });
    expect(findings.map((f) => [f.kind, f.severity, f.message])).toEqual([
      ["exit-mismatch", "warn", "The base test run exited 0 although 1 test failed or errored"],
    ]);
  });

  it("reports an unfinished run that exited 0", () => {
    const facts = {
      declared: 3,
      seen: 1,
      incomplete: ["out.tap: the plan announced 3 tests but only 1 reported"],
    };
    const findings = checkExitConsistency(0, inventoryOf({ "a::t": "passed" }), facts);
    expect(findings.map((f) => f.message)).toEqual([
      "The head test run exited 0 but its results are incomplete: out.tap: the plan announced 3 tests but only 1 reported",
    ]);
  });
});

describe("uniqueFindings", () => {
  it("keeps one tests-ran-nothing when both checks report an empty head run", () => {
    const empty = inventoryOf({});
    const exit = checkExitConsistency(0, empty, { seen: 0, incomplete: [] });
    const compared = compareInventories(empty, empty, { minDelta: 0, allowNewSkips: false }).findings;
    const merged = uniqueFindings(exit, compared);
    expect(merged.filter((f) => f.kind === "tests-ran-nothing")).toHaveLength(1);
    expect(merged[0]?.message).toBe("The head test run exited 0 without reporting any test");
  });
});
