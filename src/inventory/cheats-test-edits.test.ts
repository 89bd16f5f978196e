/**
 * Cheat catalogue T1–T6 (edits to the tests themselves), framework by framework: each must end in a
 * blocking finding from the inventory comparison or the marker scan.
 */
import { describe, it } from "vitest";
import type { Finding } from "../model/finding.js";
import type { Framework } from "./cheat-scenarios.js";
import { ALL, REAL, edit, expectCaught, line } from "./cheat-scenarios.js";
import type { TestStatus } from "./model.js";

describe("T1 delete tests", () => {
  it.each(ALL)("%s", async (framework) => {
    const { run, passing } = REAL[framework];
    const base = run().inventory;
    await expectCaught({ base, head: edit(base, { [passing]: undefined }) }, "test-removed");
  });
});

describe("T2 skip or ignore marker", () => {
  const markers: Record<Framework, string> = {
    pytest: '@pytest.mark.skip(reason="flaky")',
    unittest: '    @unittest.skip("pre-existing")',
    jest: "  it.skip('adds two numbers', () => {",
    vitest: "  it.skipIf(true)('adds two numbers', () => {",
    mocha: "    this.skip();",
    node: "  it('adds two numbers', { skip: true }, () => {",
    tape: "test('add', { skip: true }, (t) => {",
    go: '\tt.Skip("TODO")',
    cargo: "    #[ignore]",
  };
  it.each(ALL)("%s", async (framework) => {
    const { run, passing, testFile } = REAL[framework];
    const base = run().inventory;
    await expectCaught(
      { base, head: edit(base, { [passing]: "skipped" }), added: line(testFile, markers[framework]) },
      "test-newly-skipped",
      "skip-marker",
    );
  });
});

describe("T3 expected-failure or todo marker", () => {
  // What each runner reports for a test turned into an expected failure: vitest's test.fails and
  // Rust's should_panic read as passes, so only the marker can tell.
  const cases: [Framework, string, TestStatus][] = [
    ["pytest", "@pytest.mark.xfail(run=False)", "xfail"],
    ["unittest", "    @unittest.expectedFailure", "xfail"],
    ["jest", "  test.failing('adds two numbers', () => {", "xfail"],
    ["vitest", "  test.fails('adds two numbers', () => {", "passed"],
    ["node", "  it('adds two numbers', { todo: true }, () => {", "xfail"],
    ["tape", "test('add', { todo: true }, (t) => {", "xfail"],
    ["cargo", "    #[should_panic]", "passed"],
  ];
  it.each(cases)("%s", async (framework, marker, reported) => {
    const { run, passing, testFile } = REAL[framework];
    const base = run().inventory;
    const kinds: Finding["kind"][] =
      reported === "passed" ? ["skip-marker"] : ["test-newly-skipped", "skip-marker"];
    await expectCaught(
      { base, head: edit(base, { [passing]: reported }), added: line(testFile, marker) },
      ...kinds,
    );
  });
});

describe("T4 focus with .only", () => {
  const cases: [Framework, string][] = [
    ["jest", "  it.only('adds two numbers', () => {"],
    ["vitest", "  it.only('adds two numbers', () => {"],
    ["mocha", "  it.only('adds two numbers', () => {"],
    ["node", "  it('adds two numbers', { only: true }, () => {"],
  ];
  it.each(cases)("%s", async (framework, marker) => {
    const { run, passing, testFile } = REAL[framework];
    const base = run().inventory;
    const onlyOne = Object.fromEntries(
      [...base.tests.keys()].filter((id) => id !== passing).map((id) => [id, undefined]),
    );
    await expectCaught(
      { base, head: edit(base, onlyOne), added: line(testFile, marker) },
      "test-removed",
      "focus-marker",
    );
  });

  it("node: --test-only in the test script", async () => {
    const pkg = (test: string) => JSON.stringify({ scripts: { test } });
    await expectCaught(
      {
        base: REAL.node.run().inventory,
        added: line("package.json", '    "test": "node --test --test-only"'),
        trees: {
          base: { "package.json": pkg("node --test") },
          head: { "package.json": pkg("node --test --test-only") },
        },
      },
      "focus-marker",
      "runner-tampering",
    );
  });
});

describe("T6 remove a test from collection", () => {
  it.each(ALL)("%s (the test disappears from the run)", async (framework) => {
    const { run, passing } = REAL[framework];
    const base = run().inventory;
    await expectCaught({ base, head: edit(base, { [passing]: undefined }) }, "test-removed");
  });

  it("go: //go:build ignore on the test file", async () => {
    await expectCaught(
      {
        base: REAL.go.run().inventory,
        added: line("calc/calc_test.go", "//go:build ignore"),
        trees: {
          base: { "calc/calc_test.go": "package calc\n" },
          head: { "calc/calc_test.go": "//go:build ignore\n\npackage calc\n" },
        },
      },
      "skip-marker",
      "runner-tampering",
    );
  });

  it("cargo: #[cfg(any())] on the tests module", async () => {
    await expectCaught(
      { base: REAL.cargo.run().inventory, added: line("src/lib.rs", "#[cfg(any())]") },
      "skip-marker",
    );
  });
});
