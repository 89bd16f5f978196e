/**
 * Scenarios for the cheat-catalogue tests (`cheats-*.test.ts`): the real base run of each framework
 * (from test/fixtures/reports), edits that apply a cheat to it, and every check of this layer run
 * over the result.
 */
import { expect } from "vitest";
import type { Finding } from "../model/finding.js";
import { isBlocking } from "../model/finding.js";
import { InventoryBuilder } from "./builder.js";
import { parseCargoOutput } from "./cargo.js";
import { compareInventories } from "./compare.js";
import { checkExitConsistency, uniqueFindings } from "./exit-consistency.js";
import { parseGoTestJson } from "./go-json.js";
import { parseJestJson } from "./jest-json.js";
import { parseJUnit } from "./junit.js";
import type { AddedLine } from "./markers.js";
import { scanMarkers } from "./markers.js";
import type { Inventory, ParsedRun, RunFacts, TestStatus } from "./model.js";
import { parseTap } from "./tap.js";
import { detectRunnerTampering } from "./tampering.js";
import { fixture } from "./test-helpers.js";

export type Framework =
  "pytest" | "unittest" | "jest" | "vitest" | "mocha" | "node" | "tape" | "go" | "cargo";

export const junit = (path: string, framework: string): ParsedRun =>
  parseJUnit([{ name: path, content: fixture(path) }], { framework });

/** The real base run of each framework, and one test in it that passes. */
export const REAL: Record<Framework, { run: () => ParsedRun; passing: string; testFile: string }> = {
  pytest: {
    run: () => junit("pytest/xunit2.xml", "pytest"),
    passing: "tests/test_calc.py::test_adds",
    testFile: "tests/test_calc.py",
  },
  unittest: {
    run: () => junit("unittest/unittest.xml", "unittest"),
    passing: "tests/test_calc.py::TestAdd::test_adds",
    testFile: "tests/test_calc.py",
  },
  jest: {
    run: () => parseJestJson({ name: "jest.json", content: fixture("jest/jest.json") }),
    passing: "test/calc.test.js::add::adds two numbers",
    testFile: "test/calc.test.js",
  },
  vitest: {
    run: () => junit("vitest/junit.xml", "vitest"),
    passing: "test/calc.test.js::add > adds two numbers",
    testFile: "test/calc.test.js",
  },
  mocha: {
    run: () => junit("mocha/xunit.xml", "mocha"),
    passing: "test/calc.spec.js::add::adds two numbers",
    testFile: "test/calc.spec.js",
  },
  node: {
    run: () => junit("node/junit.xml", "node"),
    passing: "test/calc.test.mjs::add::adds two numbers",
    testFile: "test/calc.test.mjs",
  },
  tape: {
    run: () => parseTap(fixture("tape/tape.tap")),
    passing: "add::adds two numbers",
    testFile: "test/calc.js",
  },
  go: {
    run: () => parseGoTestJson(fixture("go/test.jsonl")),
    passing: "example.com/calc/calc::TestAdd",
    testFile: "calc/calc_test.go",
  },
  cargo: {
    run: () => parseCargoOutput(fixture("cargo/plain.txt")),
    passing: "src/lib.rs::calc::tests::adds",
    testFile: "src/lib.rs",
  },
};

export const ALL = Object.keys(REAL) as Framework[];

/** A copy of `inventory` with `changes` applied: a status, or `undefined` to drop the test. */
export function edit(
  inventory: Inventory,
  changes: Readonly<Record<string, TestStatus | undefined>>,
): Inventory {
  const builder = new InventoryBuilder(inventory.framework);
  for (const test of inventory.tests.values()) {
    if (!(test.id in changes)) builder.add(test);
    else {
      const status = changes[test.id];
      if (status !== undefined) builder.add({ ...test, status });
    }
  }
  const out = builder.build();
  expect([...out.tests.keys()].filter((id) => !inventory.tests.has(id))).toEqual([]);
  return out;
}

export type Tree = Record<string, string>;

export interface Scenario {
  base: Inventory;
  head?: Inventory;
  headExit?: number;
  headFacts?: RunFacts;
  added?: AddedLine[];
  trees?: { base: Tree; head: Tree };
}

export async function blockingFindings(s: Scenario): Promise<Finding[]> {
  const findings: Finding[][] = [];
  if (s.head !== undefined) {
    findings.push(compareInventories(s.base, s.head, { minDelta: 0, allowNewSkips: false }).findings);
    if (s.headExit !== undefined) {
      findings.push(
        checkExitConsistency(s.headExit, s.head, s.headFacts ?? { seen: s.head.tests.size, incomplete: [] }),
      );
    }
  }
  if (s.added !== undefined) findings.push(scanMarkers(s.added));
  if (s.trees !== undefined) {
    const { base, head } = s.trees;
    const changes = [...new Set([...Object.keys(base), ...Object.keys(head)])]
      .filter((path) => base[path] !== head[path])
      .map((path) => ({
        path,
        status: base[path] === undefined ? "A" : head[path] === undefined ? "D" : "M",
      }));
    const read = (tree: Tree) => (path: string) => Promise.resolve(tree[path]);
    findings.push(await detectRunnerTampering(changes, read(base), read(head), { allow: [] }));
  }
  return uniqueFindings(...findings).filter(isBlocking);
}

export async function expectCaught(s: Scenario, ...kinds: Finding["kind"][]): Promise<void> {
  const found = await blockingFindings(s);
  for (const kind of kinds) expect(found.map((f) => f.kind)).toContain(kind);
}

export const line = (path: string, text: string): AddedLine[] => [{ path, line: 10, text }];
