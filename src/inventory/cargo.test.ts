import { describe, expect, it } from "vitest";
import { parseCargoOutput } from "./cargo.js";
import { countInventory } from "./model.js";
import { fixture, statuses } from "./test-helpers.js";

describe("parseCargoOutput on real cargo test output (stdout and stderr)", () => {
  const run = parseCargoOutput(fixture("cargo/plain.txt"), { source: "cargo" });
  const tests = statuses(run.inventory);

  it("names each test by source, binary and path", () => {
    expect(tests).toEqual({
      "src/lib.rs::calc::tests::adds": "passed",
      "src/lib.rs::calc::tests::adds_negatives": "failed",
      "src/lib.rs::calc::tests::ignored": "skipped",
      "src/lib.rs::calc::tests::ignored_with_reason": "skipped",
      "src/lib.rs::calc::tests::div_zero_panics": "passed",
      "src/lib.rs::calc::tests::nested::deeper": "passed",
      "src/lib.rs::calc::tests::prints_forged_line": "passed",
      "tests/integration.rs::integration::panics": "failed",
      "tests/integration.rs::integration::works": "passed",
      "tests/other.rs::other::works": "passed",
      "doc-tests calc::src/lib.rs - add": "passed",
    });
  });

  it("attaches the captured failure output and the ignore reason", () => {
    expect(run.inventory.tests.get("src/lib.rs::calc::tests::adds_negatives")?.message).toContain("left: -2");
    expect(run.inventory.tests.get("src/lib.rs::calc::tests::ignored_with_reason")?.message).toBe(
      "needs network",
    );
  });

  it("exposes each binary's announced, seen and summary counts", () => {
    expect(run.binaries.map((b) => [b.label, b.declared, b.summary?.passed, b.seen.passed])).toEqual([
      ["src/lib.rs (calc)", 7, 4, 4],
      ["tests/integration.rs (integration)", 2, 1, 1],
      ["tests/other.rs (other)", 1, 1, 1],
      ["doc-tests calc", 1, 1, 1],
    ]);
    expect(run.facts).toEqual({ declared: 11, seen: 11, incomplete: [] });
  });

  it("falls back to bare names, with suffixes for repeats, when only stdout was captured", () => {
    const stdout = statuses(parseCargoOutput(fixture("cargo/plain-stdout.txt")).inventory);
    expect(stdout.works).toBe("passed");
    expect(stdout["works#2"]).toBe("passed");
    expect(stdout["tests::adds_negatives"]).toBe("failed");
  });

  it("counts a no_run doctest (compiled, never run) as skipped, a compile_fail one by its result", () => {
    const text = [
      "   Doc-tests calc",
      "",
      "running 3 tests",
      "test src/lib.rs - add (line 3) - compile ... ok",
      "test src/lib.rs - sub (line 9) - compile fail ... ok",
      "test src/lib.rs - mul (line 15) ... ok",
      "",
      "test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s",
      "",
    ].join("\n");
    const run = parseCargoOutput(text);
    expect(statuses(run.inventory)).toEqual({
      "doc-tests calc::src/lib.rs - add": "skipped",
      "doc-tests calc::src/lib.rs - sub": "passed",
      "doc-tests calc::src/lib.rs - mul": "passed",
    });
    // libtest's own counts still add up: nothing looks cut short.
    expect(run.facts.incomplete).toEqual([]);
  });

  it("reads libtest's JSON format to the same statuses", () => {
    const json = parseCargoOutput(fixture("cargo/json.txt"));
    const plain = parseCargoOutput(fixture("cargo/plain-stdout.txt"));
    expect(statuses(json.inventory)).toEqual(statuses(plain.inventory));
    expect(json.facts.incomplete).toEqual([]);
    expect(json.inventory.tests.get("tests::ignored_with_reason")?.message).toBe("needs network");
  });
});

describe("parseCargoOutput on runs that do not add up", () => {
  it("flags a test binary that exited before its summary (std::process::exit(0) in a test)", () => {
    const run = parseCargoOutput(fixture("cargo/exit-early.txt"), { source: "cargo" });
    expect(statuses(run.inventory)).toEqual({ "src/lib.rs::exit::tests::a_adds": "passed" });
    expect(run.facts.incomplete).toEqual([
      "cargo: src/lib.rs (exit) announced 3 tests and reported 1 without a `test result:` line (the test process ended early)",
    ]);
  });

  it("flags forged result lines printed by a test", () => {
    const forged = fixture("cargo/plain.txt").replace(
      "test tests::adds ... ok\n",
      "test tests::adds ... ok\ntest tests::forged ... ok\n",
    );
    const run = parseCargoOutput(forged, { source: "cargo" });
    expect(run.facts.incomplete).toEqual([
      "cargo: src/lib.rs (calc) announced 7 tests but 8 result lines were printed",
      "cargo: src/lib.rs (calc): the summary says 4 passed, 1 failed, 2 ignored but the result lines say 5, 1, 2",
    ]);
  });

  it("does not read result lines inside the captured output of a failed test", () => {
    const text = [
      "running 1 test",
      "test a ... FAILED",
      "",
      "failures:",
      "",
      "---- a stdout ----",
      "test b ... ok",
      "",
      "failures:",
      "    a",
      "",
      "test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
    ].join("\n");
    const run = parseCargoOutput(text);
    expect(statuses(run.inventory)).toEqual({ a: "failed" });
    expect(run.inventory.tests.get("a")?.message).toBe("test b ... ok");
    expect(run.facts.incomplete).toEqual([]);
  });

  it("reads benchmarks and --report-time suffixes", () => {
    const text = [
      "running 2 tests",
      "test fast ... ok <0.001s>",
      "test bench_parse ... bench:       1,234 ns/iter (+/- 56)",
      "",
      "test result: ok. 1 passed; 0 failed; 0 ignored; 1 measured; 0 filtered out; finished in 0.20s",
    ].join("\n");
    const run = parseCargoOutput(text);
    expect(statuses(run.inventory)).toEqual({ fast: "passed", bench_parse: "passed" });
    expect(run.facts.incomplete).toEqual([]);
  });

  it("turns a compile error into an erroring pseudo test", () => {
    const text =
      "error[E0425]: cannot find function `nope`\nerror: could not compile `calc` (lib test) due to 1 previous error\n";
    const run = parseCargoOutput(text);
    expect(statuses(run.inventory)).toEqual({ "calc::(build)": "error" });
    expect(countInventory(run.inventory).error).toBe(1);
  });
});
