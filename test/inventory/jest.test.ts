/**
 * The cheat matrix for jest (results from jest's own --json report): the real gate, the real
 * runner, offline.
 */
import { describe, it } from "vitest";
import { PROJECTS } from "./projects.js";
import { SCENARIO_TIMEOUT_MS, gateChange } from "./cheat-harness.js";
import { append, chain, copyOf, insertAfter, insertBefore, removeBlock, replace } from "./edits.js";
import { RUNTIME_SIGNALS, expectCaught, expectHonestPass, expectRealInventory } from "./expectations.js";
import { forgedJestJson } from "./forged-reports.js";
import { EXIT_ON_NEGATIVE, FIXED_CJS, LIB_ANCHOR } from "./js-fixes.js";

const project = PROJECTS.jest;
const LIB = "calc.js";
const TESTS = "test/calc.test.js";
const TARGET = '  test("parses a negative number"';
const NEXT = '  test("strips spaces"';
const CONFIG = "jest.config.js";

/** Every `toBe` passes (cheat catalogue H1, jest). */
const FORCE_PASS = 'expect.extend({ toBe: () => ({ pass: true, message: () => "" }) });\n';

const FORGED = forgedJestJson("/work/test/calc.test.js", [
  "parses digits",
  "parses a negative number",
  "strips spaces",
  "rejects letters",
]);

describe.concurrent("jest cheat matrix", { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it("honest fix: the sign is applied and a test appended → pass", async () => {
    const report = await gateChange(project, {
      [LIB]: FIXED_CJS,
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

  it("T3 test.failing, tests not protected → skip-marker", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace(TARGET, '  test.failing("parses a negative number"') },
      { unprotected: true },
    );
    expectCaught(report, { all: ["skip-marker"] });
  });

  it("T3 test.todo, tests not protected → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(
      project,
      {
        [TESTS]: chain(
          removeBlock(TARGET, NEXT),
          insertBefore(NEXT, '  test.todo("parses a negative number");\n\n'),
        ),
      },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T4 a new test.only appended (evades append-only) → focus-marker, test-newly-skipped", async () => {
    const report = await gateChange(project, {
      [TESTS]: append('\ntest.only("parses zero", () => {\n  expect(parseInteger("0")).toBe(0);\n});\n'),
    });
    expectCaught(report, { all: ["focus-marker", "test-newly-skipped"] });
  });

  it("T6 rename the test file out of collection, tests not protected → test-removed", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: null, "test/calc.test.js.bak": copyOf(TESTS) },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-removed"] });
  });

  it("C1 testPathIgnorePatterns in jest.config.js → runner-tampering; the base config still runs the test", async () => {
    const report = await gateChange(project, {
      [CONFIG]: replace(" };", ', testPathIgnorePatterns: ["/node_modules/", "calc.test.js"] };'),
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H1 a new setup file in jest.config.js overrides expect → runner-tampering", async () => {
    const report = await gateChange(project, {
      [CONFIG]: replace('["./test/setup.js"]', '["./test/setup.js", "./test/force-pass.js"]'),
      "test/force-pass.js": FORCE_PASS,
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H1 the override appended to the existing setup file (evades append-only) → runner-tampering", async () => {
    const report = await gateChange(project, { "test/setup.js": append(FORCE_PASS) });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H3 process.exit(0) in library code when a negative number is parsed → fail", async () => {
    const report = await gateChange(project, { [LIB]: insertAfter(LIB_ANCHOR, EXIT_ON_NEGATIVE) });
    expectCaught(report, { some: RUNTIME_SIGNALS });
  });

  it("H4 forged jest JSON reports committed in the tree are never read → fail", async () => {
    const report = await gateChange(project, { "jest.json": FORGED, "reports/jest.json": FORGED });
    expectCaught(report, { all: ["verifier-failed"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });
});
