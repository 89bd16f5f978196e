import { describe, expect, it } from "vitest";
import { parseTap } from "./tap.js";
import { fixture, statuses } from "./test-helpers.js";

describe("parseTap on tape's real output", () => {
  const run = parseTap(fixture("tape/tape.tap"), { source: "tape" });
  const tests = statuses(run.inventory);

  it("names assertions by the test comment above them", () => {
    expect(tests).toEqual({
      "add::adds two numbers": "passed",
      "add::adds negatives": "failed",
      "skipped test": "skipped",
      "todo test::float precision": "xfail",
      "level two::works": "passed",
      "same name::same": "passed",
      "same name::same#2": "passed",
      "throws::throws x": "passed",
      "throws::a skipped assertion": "skipped",
    });
    expect(run.facts.incomplete).toEqual([]);
  });

  it("keeps the plan as the declared size", () => {
    expect(run.facts.declared).toBe(8);
  });

  it("reads tape's own report of a run that called process.exit", () => {
    const early = parseTap(fixture("tape/exit-early.tap"), { source: "tape" });
    expect(statuses(early.inventory)["second::test exited without ending: third"]).toBe("failed");
  });
});

describe("parseTap on node:test's TAP reporter", () => {
  const run = parseTap(fixture("node/tap.txt"), { source: "node" });
  const tests = statuses(run.inventory);

  it("reads subtests as leaf tests named by their path", () => {
    expect(tests["add::adds two numbers"]).toBe("passed");
    expect(tests["add > nested::add(2, 3) = 6"]).toBe("failed");
    expect(tests["with subtests::sub two"]).toBe("failed");
    expect(tests["deep suite > level two::works"]).toBe("passed");
  });

  it("reads # TODO as xfail even on an ok line, and # SKIP as skipped", () => {
    expect(tests["add::handles big ints"]).toBe("xfail");
    expect(tests["add::todo that fails"]).toBe("xfail");
    expect(tests["add::todo that passes"]).toBe("xfail");
    expect(tests["add::runtime skip"]).toBe("skipped");
  });

  it("does not count a group's closing point as another test", () => {
    expect(tests.add).toBeUndefined();
    expect(tests["add > nested"]).toBeUndefined();
    expect(tests["with subtests"]).toBeUndefined();
    expect(Object.keys(tests)).toHaveLength(18);
  });

  it("keeps a closing point that failed on its own (a failing hook)", () => {
    const text = [
      "TAP version 13",
      "# Subtest: group",
      "    # Subtest: inner",
      "    ok 1 - inner",
      "    1..1",
      "not ok 1 - group",
      "  ---",
      "  error: 'after hook failed'",
      "  ...",
      "1..1",
    ].join("\n");
    expect(statuses(parseTap(text).inventory)).toEqual({ "group::inner": "passed", group: "failed" });
  });
});

describe("parseTap plan checks", () => {
  it("flags fewer results than planned", () => {
    const run = parseTap("TAP version 13\n1..3\nok 1 - a\nok 2 - b\n", { source: "out.tap" });
    expect(run.facts).toEqual({
      declared: 3,
      seen: 2,
      incomplete: ["out.tap: the plan announced 3 tests but only 2 reported"],
    });
  });

  it("flags a missing plan and a bail out", () => {
    expect(parseTap("ok 1 - a\n", { source: "s" }).facts.incomplete).toEqual([
      "s: the TAP stream has no plan line (the run may have stopped early)",
    ]);
    const bailed = parseTap("1..3\nok 1 - a\nBail out! database down\n", { source: "s" });
    expect(bailed.facts.incomplete).toContain("s: Bail out!: database down");
    expect(bailed.facts.incomplete).toContain("s: the plan announced 3 tests but only 1 reported");
  });

  it("accepts a skip-all plan", () => {
    expect(parseTap("1..0 # SKIP no database\n").facts).toEqual({ declared: 0, seen: 0, incomplete: [] });
  });

  it("ignores lines that are not TAP", () => {
    const run = parseTap("> pkg@1.0.0 test\n> tape test/*.js\n\nTAP version 13\n# t\nok 1 - x\n\n1..1\n");
    expect(statuses(run.inventory)).toEqual({ "t::x": "passed" });
    expect(run.facts.incomplete).toEqual([]);
  });
});
