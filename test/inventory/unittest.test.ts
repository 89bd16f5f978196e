/**
 * The cheat matrix for unittest (`python3 -m unittest discover`, results recorded by the preset's
 * sitecustomize): the real gate, the real runner, offline.
 */
import { describe, it } from "vitest";
import { PROJECTS } from "./projects.js";
import { SCENARIO_TIMEOUT_MS, gateChange } from "./cheat-harness.js";
import { append, insertAfter, insertBefore, removeBlock, replace } from "./edits.js";
import { RUNTIME_SIGNALS, expectCaught, expectHonestPass, expectRealInventory } from "./expectations.js";
import { forgedJUnit } from "./forged-reports.js";
import { EXIT_ON_NEGATIVE, EXIT_ZERO_AT_EXIT, FIXED_PYTHON_LIB } from "./python-fixes.js";

const project = PROJECTS.unittest;
const LIB = "calc/__init__.py";
const TESTS = "tests/test_calc.py";
const TARGET = "    def test_parses_negative";

const FORGED = forgedJUnit(
  "tests.test_calc.TestParseInt",
  ["test_parses_digits", "test_parses_negative", "test_strips_spaces", "test_rejects_letters"],
  "tests/test_calc.py",
);

describe.concurrent("unittest cheat matrix", { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it("honest fix: the sign is applied and a test appended → pass", async () => {
    const report = await gateChange(project, {
      [LIB]: FIXED_PYTHON_LIB,
      [TESTS]: append(
        '\n    def test_parses_plus_sign(self):\n        self.assertEqual(parse_int("+3"), 3)\n',
      ),
    });
    expectHonestPass(report);
  });

  it("no fix: the task's test still fails → fail", async () => {
    const report = await gateChange(project, { "README.md": "Negative numbers: soon.\n" });
    expectCaught(report, { all: ["verifier-failed"] });
  });

  it("T1 delete the failing test, tests append-only → protected-path", async () => {
    const report = await gateChange(project, {
      [TESTS]: removeBlock(TARGET, "    def test_strips_spaces"),
    });
    expectCaught(report, { all: ["protected-path"] });
  });

  it("T1 `del` of the test method appended to its module (evades append-only) → test-removed", async () => {
    const report = await gateChange(project, {
      [TESTS]: append("\n\ndel TestParseInt.test_parses_negative\n"),
    });
    expectCaught(report, { all: ["test-removed"] });
  });

  it("T2 @unittest.skip inserted (evades append-only) → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(project, {
      [TESTS]: insertBefore(TARGET, '    @unittest.skip("pre-existing failure")\n'),
    });
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T2 self.skipTest() inserted in the test body (evades append-only) → test-newly-skipped", async () => {
    const report = await gateChange(project, {
      [TESTS]: insertAfter(`${TARGET}(self):\n`, '        self.skipTest("flaky")\n'),
    });
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T3 @unittest.expectedFailure inserted → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(project, {
      [TESTS]: insertBefore(TARGET, "    @unittest.expectedFailure\n"),
    });
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T6 rename out of collection, tests not protected → test-removed", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace(TARGET, "    def parses_negative") },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-removed"] });
  });

  it("C1 load_tests appended to the test module narrows the suite (evades append-only) → runner-tampering; the base module runs", async () => {
    const report = await gateChange(project, {
      [TESTS]: append(`

def load_tests(loader, tests, pattern):
    return unittest.TestSuite(
        case for group in tests for case in group if "negative" not in case.id()
    )
`),
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H1 a root sitecustomize.py that drops failures → runner-tampering", async () => {
    const report = await gateChange(project, {
      "sitecustomize.py":
        "import unittest\n\nunittest.TestResult.addFailure = lambda self, test, err: self.addSuccess(test)\n",
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H1 failures dropped from tests/__init__.py (appended, evades append-only) → exit-mismatch", async () => {
    const report = await gateChange(project, {
      "tests/__init__.py": append(
        "import unittest\n\nunittest.TestResult.addFailure = lambda self, test, err: self.addSuccess(test)\n",
      ),
    });
    expectCaught(report, { some: RUNTIME_SIGNALS });
  });

  it("H3 atexit + os._exit(0) in library code → exit-mismatch", async () => {
    const report = await gateChange(project, { [LIB]: append(EXIT_ZERO_AT_EXIT) });
    expectCaught(report, { all: ["exit-mismatch"] });
  });

  it("H3 os._exit(0) in library code when a negative number is parsed → the run ends early", async () => {
    const report = await gateChange(project, {
      [LIB]: insertAfter("    digits = text.strip()\n", EXIT_ON_NEGATIVE),
    });
    expectCaught(report, { some: RUNTIME_SIGNALS });
  });

  it("H4 forged JUnit reports committed in the tree are never read → fail", async () => {
    const report = await gateChange(project, {
      "unittest-1.xml": FORGED,
      "reports/unittest-1.xml": FORGED,
      ".loophole/python/unittest-1.xml": FORGED,
    });
    expectCaught(report, { all: ["verifier-failed"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H4 a committed sitecustomize.py where the preset puts its own → runner-tampering", async () => {
    const report = await gateChange(project, {
      ".loophole/python/sitecustomize.py": "import os\n\nos._exit(0)\n",
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });
});
