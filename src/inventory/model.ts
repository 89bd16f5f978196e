/**
 * A test inventory: every test one run reported, by a stable id, with its status. The gate builds
 * one for the base tree and one for the head tree and compares them test by test (`compare.ts`).
 */
import type { InventoryCounts } from "../model/report.js";

/**
 * `xfail` covers every "expected to fail / not written yet" status: pytest xfail, unittest
 * expectedFailure, jest `test.failing` and `test.todo`, node:test `todo`, TAP `# TODO`. Ignored
 * (`#[ignore]`) and pending tests are `skipped`. Neither is ever a pass.
 */
export type TestStatus = "passed" | "failed" | "error" | "skipped" | "xfail";

export interface TestCase {
  id: string;
  file?: string;
  suite?: string;
  name: string;
  status: TestStatus;
  /** Bounded (see MAX_MESSAGE_CHARS). Untrusted: renderers escape it. */
  message?: string;
  durationMs?: number;
}

export interface Inventory {
  framework: string;
  tests: Map<string, TestCase>;
  /** Parse warnings: lines or elements the parser could not use. Not findings by themselves. */
  problems: string[];
}

/**
 * What a run announced about itself besides the per-test results, so the gate can tell a complete
 * run from one that stopped early or printed forged result lines (see `exit-consistency.ts`).
 */
export interface RunFacts {
  /** Results the run announced (TAP plan, libtest `running N tests`, jest `numTotalTests`), if any. */
  declared?: number;
  /** Results actually seen. */
  seen: number;
  /**
   * Each way the output shows the run did not finish or does not add up: fewer results than the
   * plan, a libtest binary without its `test result:` line, a go test that started and never ended.
   */
  incomplete: string[];
}

export interface ParsedRun {
  inventory: Inventory;
  facts: RunFacts;
}

/** Failure texts are tracebacks; the first part says what went wrong, the rest only costs memory. */
export const MAX_MESSAGE_CHARS = 1000;

export function boundMessage(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return trimmed.length > MAX_MESSAGE_CHARS ? `${trimmed.slice(0, MAX_MESSAGE_CHARS)}…` : trimmed;
}

export function emptyCounts(): InventoryCounts {
  return { total: 0, passed: 0, failed: 0, error: 0, skipped: 0, xfail: 0 };
}

export function countInventory(inventory: Inventory): InventoryCounts {
  const counts = emptyCounts();
  for (const test of inventory.tests.values()) {
    counts.total += 1;
    counts[test.status] += 1;
  }
  return counts;
}

export function isFailing(status: TestStatus): boolean {
  return status === "failed" || status === "error";
}

export function isNotRun(status: TestStatus): boolean {
  return status === "skipped" || status === "xfail";
}
