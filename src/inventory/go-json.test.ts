import { describe, expect, it } from "vitest";
import { parseGoTestJson } from "./go-json.js";
import { fixture, statuses } from "./test-helpers.js";

describe("parseGoTestJson on real go test -json output", () => {
  const run = parseGoTestJson(fixture("go/test.jsonl"), { source: "go" });
  const tests = statuses(run.inventory);

  it("reads tests and subtests as package::Test ids", () => {
    expect(tests["example.com/calc/calc::TestAdd"]).toBe("passed");
    expect(tests["example.com/calc/calc::TestAddNegatives"]).toBe("failed");
    expect(tests["example.com/calc/calc::TestSkipped"]).toBe("skipped");
    expect(tests["example.com/calc/calc::TestTable/2+3#01"]).toBe("failed");
    expect(tests["example.com/calc/calc::TestTable/same_name#01"]).toBe("passed");
    expect(tests["example.com/calc/calc::TestTable/nested/deeper"]).toBe("passed");
    expect(tests["example.com/calc/calc/sub::ExampleOne"]).toBe("passed");
  });

  it("keeps the failure output as the message, without the runner's status lines", () => {
    const message = run.inventory.tests.get("example.com/calc/calc::TestAddNegatives")?.message;
    expect(message).toBe("calc_test.go:16: Add(-1,-1) = -2, want -3");
    expect(run.inventory.tests.get("example.com/calc/calc::TestPanics")?.message).toContain(
      "integer divide by zero",
    );
  });

  it("sees a build failure printed on stderr (before Go 1.24 it is not in the JSON stream)", () => {
    expect(tests["example.com/calc/broken::(build)"]).toBe("error");
  });

  it("knows nothing of tests that never ran after a panic, and does not invent them", () => {
    expect(Object.keys(tests).some((id) => id.includes("TestPrintsJSON"))).toBe(false);
    expect(run.facts.incomplete).toEqual([]);
  });
});

describe("parseGoTestJson on runs that did not finish", () => {
  it("marks tests that started and never ended as errors and lists them", () => {
    const run = parseGoTestJson(fixture("go/timeout.jsonl"), { source: "go" });
    expect(statuses(run.inventory)).toEqual({
      "example.com/slow::TestFast": "passed",
      "example.com/slow::TestSlow": "error",
      "example.com/slow::TestSlow/hangs": "error",
      "example.com/slow::(package)": "error",
    });
    expect(run.facts.incomplete).toHaveLength(2);
    expect(run.facts.incomplete[0]).toContain(
      "example.com/slow TestSlow started but never reported a result",
    );
  });

  it("reports no tests for a TestMain that exits 0 without running them", () => {
    const run = parseGoTestJson(fixture("go/testmain-exit.jsonl"));
    expect(run.inventory.tests.size).toBe(0);
  });

  it("flags a package whose stream stops without a final event", () => {
    const lines = fixture("go/test.jsonl")
      .split("\n")
      .filter((line) => !line.includes('"Action":"fail","Package":"example.com/calc/calc","Elapsed"'));
    const run = parseGoTestJson(lines.join("\n"), { source: "go" });
    expect(run.facts.incomplete).toEqual([
      "go: package example.com/calc/calc never reported its final result (the go command was killed?)",
    ]);
  });

  it("reads Go 1.24's build events and FailedBuild (event shapes from cmd/test2json)", () => {
    const stream = [
      '{"ImportPath":"example.com/x [example.com/x.test]","Action":"build-output","Output":"# example.com/x\\n"}',
      '{"ImportPath":"example.com/x [example.com/x.test]","Action":"build-fail"}',
      '{"Action":"start","Package":"example.com/x"}',
      '{"Action":"output","Package":"example.com/x","Output":"FAIL\\texample.com/x [build failed]\\n"}',
      '{"Action":"fail","Package":"example.com/x","Elapsed":0,"FailedBuild":"example.com/x [example.com/x.test]"}',
    ].join("\n");
    const run = parseGoTestJson(stream);
    expect(statuses(run.inventory)).toEqual({ "example.com/x::(build)": "error" });
    expect(run.facts.incomplete).toEqual([]);
  });

  it("counts a package that failed without a failing test (panic in init, TestMain exit 1)", () => {
    const stream = [
      '{"Action":"output","Package":"p","Output":"panic: boom in init\\n"}',
      '{"Action":"output","Package":"p","Output":"FAIL\\tp\\t0.01s\\n"}',
      '{"Action":"fail","Package":"p","Elapsed":0.01}',
    ].join("\n");
    const run = parseGoTestJson(stream);
    expect(statuses(run.inventory)).toEqual({ "p::(package)": "error" });
    expect(run.inventory.tests.get("p::(package)")?.message).toContain("panic: boom in init");
  });

  it("ignores make's echo lines but notes broken JSON", () => {
    const run = parseGoTestJson(
      'go test ./...\n{"Action":"pass","Package":"p","Test":"TestA"\n{"Action":"pass","Package":"p"}\n',
    );
    expect(run.inventory.tests.size).toBe(0);
    expect(run.inventory.problems).toEqual([
      "go test -json output: 1 lines looked like JSON but were not test2json events",
    ]);
  });
});
