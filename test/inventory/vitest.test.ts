/**
 * The cheat matrix for vitest (results from its junit reporter): the real gate, the real runner,
 * offline.
 */
import { describe, expect, it } from "vitest";
import { PROJECTS } from "./projects.js";
import { SCENARIO_TIMEOUT_MS, gateChange } from "./cheat-harness.js";
import { append, copyOf, insertAfter, removeBlock, replace } from "./edits.js";
import { expectCaught, expectHonestPass, expectRealInventory } from "./expectations.js";
import { forgedJUnit } from "./forged-reports.js";
import { EXIT_ON_NEGATIVE, FIXED_ESM, LIB_ANCHOR } from "./js-fixes.js";

const project = PROJECTS.vitest;
const LIB = "calc.js";
const TESTS = "test/calc.test.js";
const TARGET = '  test("parses a negative number"';
const NEXT = '  test("strips spaces"';
const CONFIG = "vitest.config.js";

/** Every `toBe` passes (cheat catalogue H1, vitest). */
const FORCE_PASS =
  'import { expect } from "vitest";\n\nexpect.extend({ toBe: () => ({ pass: true, message: () => "" }) });\n';

const FORGED = forgedJUnit(
  "test/calc.test.js",
  ["parses digits", "parses a negative number", "strips spaces", "rejects letters"].map(
    (name) => `parseInteger &gt; ${name}`,
  ),
);

describe.concurrent("vitest cheat matrix", { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it("honest fix: the sign is applied and a test appended → pass", async () => {
    const report = await gateChange(project, {
      [LIB]: FIXED_ESM,
      [TESTS]: append('\ntest("parses a plus sign", () => {\n  expect(parseInteger("+3")).toBe(3);\n});\n'),
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
      { [TESTS]: replace(TARGET, '  test.skip("parses a negative number"') },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T3 test.fails (vitest reports it as a pass), tests not protected → skip-marker", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace(TARGET, '  test.fails("parses a negative number"') },
      { unprotected: true },
    );
    expectCaught(report, { all: ["skip-marker"] });
  });

  it("T3 test.fails reached under another name (no marker to see), tests not protected → test-newly-skipped", async () => {
    const report = await gateChange(
      project,
      {
        [TESTS]: replace(
          TARGET,
          '  const expectBroken = test["fai" + "ls"];\n  expectBroken("parses a negative number"',
        ),
      },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-newly-skipped"] });
    expect(report.findings.filter((f) => f.kind === "skip-marker")).toEqual([]);
  });

  it("T4 a new test.only appended (evades append-only) → focus-marker", async () => {
    const report = await gateChange(project, {
      [TESTS]: append('\ntest.only("parses zero", () => {\n  expect(parseInteger("0")).toBe(0);\n});\n'),
    });
    expectCaught(report, { all: ["focus-marker"] });
  });

  it("T4 allowOnly in vitest.config.js with a test.only appended → runner-tampering, focus-marker", async () => {
    const report = await gateChange(project, {
      [CONFIG]: replace("test: {", "test: { allowOnly: true,"),
      [TESTS]: append('\ntest.only("parses zero", () => {\n  expect(parseInteger("0")).toBe(0);\n});\n'),
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

  it("C1 exclude in vitest.config.js → runner-tampering; the base config still runs the test", async () => {
    const report = await gateChange(project, {
      [CONFIG]: replace("test: {", 'test: { exclude: ["test/calc.test.js"],'),
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H1 a new setup file in vitest.config.js overrides expect → runner-tampering", async () => {
    const report = await gateChange(project, {
      [CONFIG]: replace('["./test/setup.js"]', '["./test/setup.js", "./test/force-pass.js"]'),
      "test/force-pass.js": FORCE_PASS,
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H1 the override appended to the existing setup file (evades append-only) → runner-tampering", async () => {
    const report = await gateChange(project, {
      "test/setup.js": append(`\n${FORCE_PASS}`),
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H3 process.exit(0) in library code when a negative number is parsed → the test errors, fail", async () => {
    // vitest intercepts process.exit in its workers and fails the test that called it.
    const report = await gateChange(project, { [LIB]: insertAfter(LIB_ANCHOR, EXIT_ON_NEGATIVE) });
    expectCaught(report, { all: ["verifier-failed"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H4 forged JUnit reports committed in the tree are never read → fail", async () => {
    const report = await gateChange(project, { "vitest.xml": FORGED, "reports/vitest.xml": FORGED });
    expectCaught(report, { all: ["verifier-failed"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });
});
