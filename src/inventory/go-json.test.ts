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

/** The same events with their keys in another order: no line matches the fast path, JSON.parse reads all. */
function reordered(stream: string): string {
  return stream
    .split("\n")
    .map((line) => {
      if (!line.startsWith("{")) return line;
      try {
        const event = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(Object.fromEntries(Object.entries(event).reverse()));
      } catch {
        return line;
      }
    })
    .join("\n");
}

function everything(run: ReturnType<typeof parseGoTestJson>) {
  return { tests: [...run.inventory.tests.values()], problems: run.inventory.problems, facts: run.facts };
}

describe("parseGoTestJson reading lines two ways", () => {
  it("reads test2json's own lines and the same events in any other JSON form alike", () => {
    for (const name of ["go/test.jsonl", "go/timeout.jsonl", "go/testmain-exit.jsonl"]) {
      const stream = fixture(name);
      expect(reordered(stream)).not.toBe(stream);
      const fast = everything(parseGoTestJson(stream, { source: "go" }));
      const slow = everything(parseGoTestJson(reordered(stream), { source: "go" }));
      expect(slow).toEqual(fast);
      expect(fast.tests.length).toBeGreaterThan(name.includes("testmain") ? -1 : 3);
    }
  });

  it("reads CRLF line ends and escaped names through JSON.parse with the same result", () => {
    const stream = fixture("go/test.jsonl");
    expect(everything(parseGoTestJson(stream.replaceAll("\n", "\r\n")))).toEqual(
      everything(parseGoTestJson(stream)),
    );
    const escaped = [
      String.raw`{"Action":"run","Package":"p","Test":"TestA/x\u003cy"}`,
      String.raw`{"Action":"output","Package":"p","Test":"TestA/x\u003cy","Output":"    a_test.go:3: \u003cno\u003e\n"}`,
      String.raw`{"Action":"fail","Package":"p","Test":"TestA/x\u003cy","Elapsed":1.5e-3}`,
    ].join("\n");
    const test = parseGoTestJson(escaped).inventory.tests.get("p::TestA/x<y");
    expect(test).toMatchObject({ status: "failed", message: "a_test.go:3: <no>", durationMs: 2 });
  });
});

describe("parseGoTestJson keeps little", () => {
  const events = (lines: readonly object[]) => lines.map((line) => JSON.stringify(line)).join("\n");
  const ev = (Action: string, Test: string, extra: object = {}) => ({ Action, Package: "p", Test, ...extra });

  it("keeps the output of tests that did not pass, and drops that of passing ones", () => {
    const run = parseGoTestJson(
      events([
        ev("run", "TestPass"),
        ev("output", "TestPass", { Output: "=== RUN   TestPass\n" }),
        ev("output", "TestPass", { Output: "    log line\n" }),
        ev("pass", "TestPass", { Elapsed: 0.25 }),
        ev("run", "TestSkip"),
        ev("output", "TestSkip", { Output: "    s_test.go:9: needs a database\n" }),
        ev("output", "TestSkip", { Output: "--- SKIP: TestSkip (0.00s)\n" }),
        ev("skip", "TestSkip", { Elapsed: 0 }),
      ]),
    );
    expect(run.inventory.tests.get("p::TestPass")).toEqual({
      id: "p::TestPass",
      suite: "p",
      name: "TestPass",
      status: "passed",
      durationMs: 250,
    });
    expect(run.inventory.tests.get("p::TestSkip")?.message).toBe("s_test.go:9: needs a database");
  });

  it("gives a test run again (go test -count=2) its last result, once", () => {
    const run = parseGoTestJson(
      events([
        ev("run", "TestFlaky"),
        ev("output", "TestFlaky", { Output: "    first\n" }),
        ev("fail", "TestFlaky", { Elapsed: 1 }),
        ev("run", "TestFlaky"),
        ev("pass", "TestFlaky", { Elapsed: 2 }),
        ev("run", "TestOther"),
        ev("output", "TestOther", { Output: "    second\n" }),
        ev("skip", "TestOther"),
        ev("run", "TestOther"),
        ev("output", "TestOther", { Output: "    third\n" }),
        ev("fail", "TestOther"),
        ev("run", "TestFlaky"),
        { Action: "fail", Package: "p", Elapsed: 3 },
      ]),
    );
    expect([...run.inventory.tests.values()]).toEqual([
      { id: "p::TestFlaky", suite: "p", name: "TestFlaky", status: "passed", durationMs: 2000 },
      { id: "p::TestOther", suite: "p", name: "TestOther", status: "failed", message: "third" },
    ]);
    // The third start of TestFlaky never ended, but the test already reported a result.
    expect(run.facts.incomplete).toEqual([]);
  });

  it("ignores the runner's status lines, which come with events of their own", () => {
    const run = parseGoTestJson(
      events([
        ev("output", "TestGhost", { Output: "=== RUN   TestGhost\n" }),
        ev("output", "TestGhost", { Output: "--- PASS: TestGhost (0.00s)\n" }),
        ev("run", "TestReal"),
      ]),
    );
    expect(Object.keys(statuses(run.inventory))).toEqual(["p::TestReal"]);
    expect(run.facts.incomplete).toEqual([
      "go test -json output: p TestReal started but never reported a result (the test binary crashed, timed out or was killed)",
      "go test -json output: package p never reported its final result (the go command was killed?)",
    ]);
  });

  it("flags a package cut off between two passing tests, with no start event (go < 1.20)", () => {
    const run = parseGoTestJson(events([ev("run", "TestOne"), ev("pass", "TestOne")]), { source: "go" });
    expect(statuses(run.inventory)).toEqual({ "p::TestOne": "passed" });
    expect(run.facts.incomplete).toEqual([
      "go: package p never reported its final result (the go command was killed?)",
    ]);
  });

  it("lists tests that never ended in the order they started, across packages", () => {
    const run = parseGoTestJson(
      events([
        ev("run", "TestB"),
        { Action: "run", Package: "q", Test: "TestA" },
        ev("run", "TestC"),
        ev("pass", "TestC"),
      ]),
      { source: "go" },
    );
    const neverEnded = run.facts.incomplete.filter((line) => line.includes("never reported a result"));
    expect(neverEnded.map((line) => line.split(" ").slice(1, 3).join(" "))).toEqual(["p TestB", "q TestA"]);
    expect(statuses(run.inventory)).toEqual({
      "p::TestC": "passed",
      "p::TestB": "error",
      "q::TestA": "error",
    });
  });
});
