/**
 * Cheat catalogue H1, H3 and H4 (harness and reporting subversion), with real runs where the cheat
 * changes what the runner writes: each must end in a blocking finding.
 */
import { describe, it } from "vitest";
import { InventoryBuilder } from "./builder.js";
import { parseCargoOutput } from "./cargo.js";
import type { Framework, Tree } from "./cheat-scenarios.js";
import { REAL, edit, expectCaught, junit } from "./cheat-scenarios.js";
import { parseGoTestJson } from "./go-json.js";
import { parseRunOutput } from "./parse.js";
import { parseTap } from "./tap.js";
import { fixture, fixtureExitCode } from "./test-helpers.js";

describe("H1 a framework hook rewrites outcomes", () => {
  const pkg = (test: string) => JSON.stringify({ scripts: { test } });
  const cases: [Framework, Tree, Tree][] = [
    ["pytest", {}, { "conftest.py": "def pytest_runtest_makereport(item, call): ...\n" }],
    ["unittest", {}, { "sitecustomize.py": "unittest.TestResult.addFailure = lambda *a, **k: None\n" }],
    [
      "jest",
      { "jest.config.js": "module.exports = {}" },
      { "jest.config.js": "module.exports = { setupFilesAfterEnv: ['./t/setup.js'] }" },
    ],
    [
      "jest",
      { "jest.config.js": "module.exports = { setupFilesAfterEnv: ['./t/setup.js'] }", "t/setup.js": "" },
      {
        "jest.config.js": "module.exports = { setupFilesAfterEnv: ['./t/setup.js'] }",
        "t/setup.js": "expect.extend({ toBe: () => ({ pass: true }) })",
      },
    ],
    [
      "vitest",
      { "vitest.config.ts": "export default {}" },
      { "vitest.config.ts": "export default { test: { setupFiles: ['./t/setup.ts'] } }" },
    ],
    ["mocha", { ".mocharc.json": "{}" }, { ".mocharc.json": '{ "require": "t/hooks.js" }' }],
    [
      "node",
      { "package.json": pkg("node --test") },
      { "package.json": pkg("node --import ./t/hooks.mjs --test") },
    ],
  ];
  it.each(cases)("%s", async (framework, base, head) => {
    await expectCaught({ base: REAL[framework].run().inventory, trees: { base, head } }, "runner-tampering");
  });
});

describe("H3 exit early with a success status", () => {
  it("pytest: atexit + os._exit(0) (real run)", async () => {
    const head = junit("pytest/atexit-exit0.xml", "pytest");
    const base = edit(head.inventory, { "tests/test_exit.py::test_fails": "passed" });
    await expectCaught(
      {
        base,
        head: head.inventory,
        headExit: fixtureExitCode("pytest/atexit-exit0.xml"),
        headFacts: head.facts,
      },
      "exit-mismatch",
    );
  });

  it("cargo: std::process::exit(0) in a test (real run)", async () => {
    const head = parseCargoOutput(fixture("cargo/exit-early.txt"));
    const base = new InventoryBuilder("cargo");
    for (const name of ["a_adds", "b_exits", "c_fails"])
      base.add({ file: "src/lib.rs", suite: "exit", name: `tests::${name}`, status: "passed" });
    await expectCaught(
      {
        base: base.build(),
        head: head.inventory,
        headExit: fixtureExitCode("cargo/exit-early.txt"),
        headFacts: head.facts,
      },
      "exit-mismatch",
      "test-removed",
    );
  });

  it("go: TestMain exits 0 without m.Run (real run)", async () => {
    const head = parseGoTestJson(fixture("go/testmain-exit.jsonl"));
    const base = new InventoryBuilder("go");
    base.add({ suite: "example.com/exit", name: "TestAdd", status: "passed" });
    await expectCaught(
      { base: base.build(), head: head.inventory, headExit: 0, headFacts: head.facts },
      "tests-ran-nothing",
      "test-removed",
    );
    await expectCaught(
      {
        base: REAL.go.run().inventory,
        trees: { base: {}, head: { "exit_test.go": "func TestMain(m *testing.M) { os.Exit(0) }\n" } },
      },
      "runner-tampering",
    );
  });

  it("tape: process.exit(0) in the middle of the run (real run)", async () => {
    const head = parseTap(fixture("tape/exit-early.tap"));
    const base = parseTap(
      fixture("tape/exit-early.tap").replace(
        /not ok (\d) test exited without ending: (\w+)/g,
        "ok $1 passes in $2",
      ),
    );
    await expectCaught(
      {
        base: base.inventory,
        head: head.inventory,
        headExit: fixtureExitCode("tape/exit-early.tap"),
        headFacts: head.facts,
      },
      "test-removed",
    );
  });

  it.each(["unittest", "jest", "vitest", "mocha", "node"] as const)(
    "%s: the process exits 0 before its report is written",
    async (framework) => {
      const format = framework === "jest" ? "jest-json" : "junit";
      const head = parseRunOutput(format, { files: [] }, { framework });
      await expectCaught(
        { base: REAL[framework].run().inventory, head: head.inventory, headExit: 0, headFacts: head.facts },
        "tests-ran-nothing",
        "exit-mismatch",
      );
    },
  );
});

describe("H4 forged results", () => {
  it("cargo: a test prints a forged result line and the run exits 0", async () => {
    const forged = fixture("cargo/exit-early.txt").replace(
      "test tests::a_adds ... ok\n",
      "test tests::a_adds ... ok\ntest tests::c_fails ... ok\n",
    );
    const head = parseCargoOutput(forged);
    await expectCaught(
      { base: head.inventory, head: head.inventory, headExit: 0, headFacts: head.facts },
      "exit-mismatch",
    );
  });

  it("a script that copies a ready-made report is runner tampering", async () => {
    const pkg = (test: string) => JSON.stringify({ scripts: { test } });
    await expectCaught(
      {
        base: REAL.jest.run().inventory,
        trees: {
          base: { "package.json": pkg("jest") },
          head: { "package.json": pkg("cp fixtures/junit.xml reports/junit.xml") },
        },
      },
      "runner-tampering",
    );
  });
});
