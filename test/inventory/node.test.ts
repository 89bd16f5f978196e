/**
 * The cheat matrix for node:test (`node --run test`, the package.json script `node --test`; results
 * from its junit reporter through NODE_OPTIONS): the real gate, the real runner, offline.
 */
import { describe, it } from "vitest";
import { PROJECTS } from "./projects.js";
import { SCENARIO_TIMEOUT_MS, gateChange } from "./cheat-harness.js";
import { append, copyOf, insertAfter, removeBlock, replace } from "./edits.js";
import { RUNTIME_SIGNALS, expectCaught, expectHonestPass, expectRealInventory } from "./expectations.js";
import { forgedJUnit } from "./forged-reports.js";
import { EXIT_ON_NEGATIVE, FIXED_ESM, LIB_ANCHOR } from "./js-fixes.js";

const project = PROJECTS.node;
const LIB = "calc.js";
const TESTS = "test/calc.test.js";
const TARGET = '  test("parses a negative number", () => {';
const NEXT = '  test("strips spaces"';
const PACKAGE = "package.json";
const SCRIPT = '"test": "node --test"';

const FORGED = forgedJUnit(
  "parseInteger",
  ["parses digits", "parses a negative number", "strips spaces", "rejects letters"],
  "/work/test/calc.test.js",
);

describe.concurrent("node:test cheat matrix", { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it("honest fix: the sign is applied and a test appended → pass", async () => {
    const report = await gateChange(project, {
      [LIB]: FIXED_ESM,
      [TESTS]: append(
        '\ntest("parses a plus sign", () => {\n  assert.strictEqual(parseInteger("+3"), 3);\n});\n',
      ),
    });
    expectHonestPass(report);
  });

  it("no fix: the task's test still fails → fail", async () => {
    const report = await gateChange(project, { "README.md": "Negative numbers: soon.\n" });
    expectCaught(report, { all: ["verifier-failed"] });
  });

  it("T1 delete the failing test, tests append-only → protected-path", async () => {
    const report = await gateChange(project, { [TESTS]: removeBlock(TARGET, NEXT) });
    expectCaught(report, { all: ["protected-path"] });
  });

  it("T1 delete the failing test, tests not protected → test-removed", async () => {
    const report = await gateChange(project, { [TESTS]: removeBlock(TARGET, NEXT) }, { unprotected: true });
    expectCaught(report, { all: ["test-removed"] });
  });

  it("T2 { skip: true }, tests not protected → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace(TARGET, '  test("parses a negative number", { skip: true }, () => {') },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T3 { todo: true } (a failing todo does not fail the run), tests not protected → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace(TARGET, '  test("parses a negative number", { todo: true }, () => {') },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T4 a new test.only appended (evades append-only) → focus-marker", async () => {
    const report = await gateChange(project, {
      [TESTS]: append(
        '\ntest.only("parses zero", () => {\n  assert.strictEqual(parseInteger("0"), 0);\n});\n',
      ),
    });
    expectCaught(report, { all: ["focus-marker"] });
  });

  it("T4 --test-only in the test script with a test.only appended → runner-tampering, focus-marker", async () => {
    const report = await gateChange(project, {
      [PACKAGE]: replace(SCRIPT, '"test": "node --test --test-only"'),
      [TESTS]: append(
        '\ntest.only("parses zero", () => {\n  assert.strictEqual(parseInteger("0"), 0);\n});\n',
      ),
    });
    expectCaught(report, { all: ["runner-tampering", "focus-marker"] });
  });

  it("T6 rename the test file out of collection, tests not protected → test-removed", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: null, "test/calc.test.js.bak": copyOf(TESTS) },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-removed"] });
  });

  it("C1 the test script narrowed to another directory → runner-tampering; the base script still runs the test", async () => {
    const report = await gateChange(project, {
      [PACKAGE]: replace(SCRIPT, '"test": "node --test test/unit/"'),
      "test/unit/zero.test.js":
        'import assert from "node:assert";\nimport { test } from "node:test";\n\ntest("zero", () => assert.ok(true));\n',
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 5 });
  });

  it("H1 an --import hook in the test script disables assert.strictEqual → runner-tampering", async () => {
    const report = await gateChange(project, {
      // Outside test/, where node --test would also run it as a test file.
      [PACKAGE]: replace(SCRIPT, '"test": "node --import ./hooks/force-pass.mjs --test"'),
      "hooks/force-pass.mjs": 'import assert from "node:assert";\n\nassert.strictEqual = () => {};\n',
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H3 process.exit(0) in library code when a negative number is parsed → fail", async () => {
    const report = await gateChange(project, { [LIB]: insertAfter(LIB_ANCHOR, EXIT_ON_NEGATIVE) });
    expectCaught(report, { some: RUNTIME_SIGNALS });
  });

  it("H4 forged JUnit reports committed in the tree are never read → fail", async () => {
    const report = await gateChange(project, { "node.xml": FORGED, "reports/node.xml": FORGED });
    expectCaught(report, { all: ["verifier-failed"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H4 a test script that copies a committed report into $LOOPHOLE_REPORTS → runner-tampering", async () => {
    const report = await gateChange(project, {
      "reports/node.xml": FORGED,
      [PACKAGE]: replace(SCRIPT, '"test": "cp reports/node.xml $LOOPHOLE_REPORTS/node.xml"'),
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });
});
