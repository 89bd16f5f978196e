/**
 * Cheat catalogue C1–C3 (runner, config and CI tampering), framework by framework: each must end in a
 * blocking finding.
 */
import { describe, it } from "vitest";
import { InventoryBuilder } from "./builder.js";
import type { Framework, Tree } from "./cheat-scenarios.js";
import { ALL, REAL, edit, expectCaught } from "./cheat-scenarios.js";

describe("C1 narrow test selection", () => {
  const pkg = (scripts: Record<string, string>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ scripts, ...extra });
  const cases: [Framework, Tree, Tree][] = [
    [
      "pytest",
      { "pytest.ini": "[pytest]\naddopts = -q\n" },
      { "pytest.ini": "[pytest]\naddopts = -q --deselect tests/test_io.py::test_utf8\n" },
    ],
    ["pytest", {}, { "tests/conftest.py": 'collect_ignore = ["test_io.py"]\n' }],
    ["unittest", {}, { "sitecustomize.py": "import unittest\n" }],
    [
      "jest",
      { "package.json": pkg({ test: "jest" }, { jest: {} }) },
      { "package.json": pkg({ test: "jest" }, { jest: { testPathIgnorePatterns: ["io.test.js"] } }) },
    ],
    [
      "vitest",
      { "vite.config.ts": "export default { test: { exclude: [] } }" },
      { "vite.config.ts": "export default { test: { exclude: ['test/io.test.ts'] } }" },
    ],
    ["mocha", { ".mocharc.json": "{}" }, { ".mocharc.json": '{ "ignore": ["test/io.spec.js"] }' }],
    [
      "node",
      { "package.json": pkg({ test: "node --test" }) },
      { "package.json": pkg({ test: "node --test test/unit/" }) },
    ],
    [
      "tape",
      { "package.json": pkg({ test: "tape test/*.js" }) },
      { "package.json": pkg({ test: "tape test/unit.js" }) },
    ],
    [
      "go",
      { Makefile: "test:\n\tgo test ./...\n" },
      { Makefile: "test:\n\tgo test -run 'TestParse|TestFmt' ./...\n" },
    ],
    [
      "cargo",
      { "Cargo.toml": '[package]\nname = "calc"\n' },
      { "Cargo.toml": '[package]\nname = "calc"\n\n[lib]\ntest = false\n' },
    ],
    ["cargo", { Makefile: "test:\n\tcargo test\n" }, { Makefile: "test:\n\tcargo test -- --skip io_\n" }],
  ];
  it.each(cases)("%s", async (framework, base, head) => {
    const inventory = REAL[framework].run().inventory;
    await expectCaught(
      {
        base: inventory,
        head: edit(inventory, { [REAL[framework].passing]: undefined }),
        trees: { base, head },
      },
      "runner-tampering",
      "test-removed",
    );
  });
});

describe("C2 mask the exit code", () => {
  it.each(ALL)("%s: the run exits 0 with a failing test", async (framework) => {
    const { run, passing } = REAL[framework];
    const base = run().inventory;
    await expectCaught(
      { base, head: edit(base, { [passing]: "failed" }), headExit: 0 },
      "exit-mismatch",
      "test-regressed",
    );
  });

  it("package.json and Makefile edits that hide the status are runner tampering", async () => {
    const pkg = (test: string) => JSON.stringify({ scripts: { test } });
    await expectCaught(
      {
        base: REAL.jest.run().inventory,
        trees: { base: { "package.json": pkg("jest") }, head: { "package.json": pkg("jest || true") } },
      },
      "runner-tampering",
    );
    await expectCaught(
      {
        base: REAL.pytest.run().inventory,
        trees: {
          base: { Makefile: "test:\n\tpytest\n" },
          head: { Makefile: "test:\n\tpytest | tee test.log\n" },
        },
      },
      "runner-tampering",
    );
  });
});

describe("C3 accept empty runs", () => {
  it.each(ALL)("%s: the head run reports no tests", async (framework) => {
    const base = REAL[framework].run().inventory;
    await expectCaught(
      { base, head: new InventoryBuilder(framework).build(), headExit: 0 },
      "tests-ran-nothing",
      "test-removed",
    );
  });

  it("--passWithNoTests and `|| [ $? -eq 5 ]` are runner tampering", async () => {
    const pkg = (test: string) => JSON.stringify({ scripts: { test } });
    await expectCaught(
      {
        base: REAL.jest.run().inventory,
        trees: {
          base: { "package.json": pkg("jest") },
          head: { "package.json": pkg("jest --passWithNoTests") },
        },
      },
      "runner-tampering",
    );
    await expectCaught(
      {
        base: REAL.pytest.run().inventory,
        trees: {
          base: { "tox.ini": "[testenv]\ncommands = pytest\n" },
          head: { "tox.ini": "[testenv]\ncommands = pytest || [ $? -eq 5 ]\n" },
        },
      },
      "runner-tampering",
    );
  });
});
