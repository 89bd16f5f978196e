/**
 * The cheat matrix for tape (`node --run test`, the package.json script `tape test/*.js`; results
 * from the TAP on stdout): the real gate, the real runner, offline.
 */
import { describe, expect, it } from "vitest";
import { PROJECTS } from "./projects.js";
import { SCENARIO_TIMEOUT_MS, gateChange } from "./cheat-harness.js";
import { append, copyOf, insertAfter, insertBefore, removeBlock, replace } from "./edits.js";
import { RUNTIME_SIGNALS, expectCaught, expectHonestPass, expectRealInventory } from "./expectations.js";
import { EXIT_ON_NEGATIVE, FIXED_CJS, LIB_ANCHOR } from "./js-fixes.js";

const project = PROJECTS.tape;
const LIB = "calc.js";
const TESTS = "test/calc.js";
const TARGET = 'test("parses a negative number", (t) => {';
const NEXT = 'test("strips spaces"';
const PACKAGE = "package.json";
const SCRIPT = '"test": "tape test/*.js"';

/** Makes every tape assertion pass (cheat catalogue H1, tape). */
const FORCE_PASS = `const Test = require("tape/lib/test");

const assert = Test.prototype._assert;
Test.prototype._assert = function (ok, opts) {
  return assert.call(this, true, opts);
};
`;

/** A complete TAP stream in which every test of the fixture passed. */
const FORGED_TAP = [
  "TAP version 13",
  "# parses digits",
  "ok 1 should be strictly equal",
  "# parses a negative number",
  "ok 2 should be strictly equal",
  "# strips spaces",
  "ok 3 should be strictly equal",
  "# rejects letters",
  "ok 4 should throw",
  "",
  "1..4",
  "# tests 4",
  "# pass  4",
  "",
  "# ok",
  "",
].join("\n");

describe.concurrent("tape cheat matrix", { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it("honest fix: the sign is applied and a test appended → pass", async () => {
    const report = await gateChange(project, {
      [LIB]: FIXED_CJS,
      [TESTS]: append(
        '\ntest("parses a plus sign", (t) => {\n  t.equal(parseInteger("+3"), 3);\n  t.end();\n});\n',
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

  it("T2 test.skip, tests not protected → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace(TARGET, 'test.skip("parses a negative number", (t) => {') },
      { unprotected: true },
    );
    expectCaught(report, { all: ["skip-marker"], some: ["test-newly-skipped", "test-removed"] });
  });

  it("T3 { todo: true }, tests not protected → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace(TARGET, 'test("parses a negative number", { todo: true }, (t) => {') },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T4 a new test.only appended (evades append-only) → focus-marker, test-removed", async () => {
    const report = await gateChange(project, {
      [TESTS]: append(
        '\ntest.only("parses zero", (t) => {\n  t.equal(parseInteger("0"), 0);\n  t.end();\n});\n',
      ),
    });
    expectCaught(report, { all: ["focus-marker", "test-removed"] });
  });

  it("T6 rename the test file out of collection, tests not protected → test-removed", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: null, "test/calc.js.bak": copyOf(TESTS) },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-removed"] });
  });

  it("C1 the test script narrowed to one file → runner-tampering; the base script still runs the test", async () => {
    const report = await gateChange(project, {
      [PACKAGE]: replace(SCRIPT, '"test": "tape test/zero.js"'),
      "test/zero.js":
        'const test = require("tape");\n\ntest("zero", (t) => {\n  t.pass();\n  t.end();\n});\n',
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 5 });
  });

  it("H1 a -r hook in the test script makes every assertion pass → runner-tampering", async () => {
    const report = await gateChange(project, {
      [PACKAGE]: replace(SCRIPT, '"test": "tape -r ./hooks/force-pass.js test/*.js"'),
      "hooks/force-pass.js": FORCE_PASS,
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H1 the hook as a new test file the base glob loads first (a new file evades append-only) → fail", async () => {
    // Loaded before test/calc.js: tape binds assertion methods when a test is created.
    const report = await gateChange(project, { "test/0-setup.js": FORCE_PASS });
    expectCaught(report, { some: ["test-regressed", "exit-mismatch", "verifier-failed"] });
  });

  it("H3 process.exit(0) in library code when a negative number is parsed → the run ends early", async () => {
    const report = await gateChange(project, { [LIB]: insertAfter(LIB_ANCHOR, EXIT_ON_NEGATIVE) });
    expectCaught(report, { some: RUNTIME_SIGNALS });
  });

  it("H4 a test script that prints a committed TAP file → runner-tampering", async () => {
    const report = await gateChange(project, {
      "reports/tape.tap": FORGED_TAP,
      [PACKAGE]: replace(SCRIPT, '"test": "cat reports/tape.tap"'),
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H4 library code that prints a forged TAP stream and exits 0 before the tests run → beyond run-time checks: named as not proven", async () => {
    const report = await gateChange(project, {
      [LIB]: insertBefore(
        "module.exports",
        `process.stdout.write(${JSON.stringify(FORGED_TAP)});\nprocess.exit(0);\n\n`,
      ),
    });
    // A forgery printed by the code under test, consistent in results, counts and exit code, is
    // indistinguishable from a real run here (class e); the report must say so rather than claim it.
    expect(report.notProven.map((n) => n.kind)).toContain("forged-results");
    expect(report.claim).toContain("under the gate's checks");
  });
});
