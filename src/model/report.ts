/**
 * The residual-risk report: one model, rendered as markdown (GitHub), text (terminals) and JSON
 * (`schemas/report.schema.json`). Everything a renderer shows comes from here.
 */
import type { Finding } from "./finding.js";

export type Outcome = "pass" | "fail" | "error";

export const REPORT_SCHEMA_VERSION = 1;

export type StepStatus = "pass" | "fail" | "error" | "timeout" | "skipped";

export interface StepReport {
  name: string;
  command: string;
  status: StepStatus;
  exitCode: number | null;
  durationMs: number;
  /** Bounded, already trimmed output (head and tail). Untrusted: renderers escape it. */
  outputTail: string;
  outputBytes: number;
  /** Why the step is `error` or `skipped`, or why a test run that exited 0 is `fail` (judge-tests.ts). */
  reason?: string;
}

export interface VerifierReport extends StepReport {
  image: string;
}

export interface NotProven {
  /** A stable key, such as "special-casing" or "runtime-host". */
  kind: string;
  text: string;
}

export interface Phase {
  name: string;
  durationMs: number;
}

export interface Provenance {
  /** Null only when the gate stopped before it could resolve the commit. */
  base: string | null;
  head: string | null;
  /** The commit the contract was read from (the PR base tip; the diff base is `base`). */
  contractCommit: string | null;
  contractPath: string;
  contractSha256: string | null;
  tool: { name: string; version: string };
  runtime: string;
  images: string[];
  containersStarted: number;
  startedAt: string;
  durationMs: number;
  phases: Phase[];
}

/** Inventory of one run (filled by the test-inventory stage). */
export interface InventoryCounts {
  total: number;
  passed: number;
  failed: number;
  error: number;
  skipped: number;
  xfail: number;
}

export interface TestRef {
  id: string;
  file?: string;
  message?: string;
}

export interface TestsReport {
  framework: string;
  base: InventoryCounts;
  head: InventoryCounts;
  removed: TestRef[];
  newlySkipped: TestRef[];
  regressed: TestRef[];
  added: number;
  notes: string[];
}

/** Network decisions of an egress proxy: which hosts were reached, which were refused. */
export interface NetworkLog {
  allowed: { host: string; port: number; count: number }[];
  /** `reason` says why the proxy refused (not on the allowlist, a special address…). */
  denied: { host: string; port: number; count: number; reason?: string }[];
}

export type StopReason =
  "passed" | "rounds" | "time" | "stagnation" | "no-change" | "regression" | "cancelled" | "error";

export interface RoundReport {
  round: number;
  /** The checkpoint commit, or null when the round changed nothing. */
  commit: string | null;
  outcome: Outcome;
  executor: { exitCode: number | null; timedOut: boolean; durationMs: number; outputBytes: number };
  /** Protected paths the executor edited; the action put them back. */
  reverted: string[];
  noChange: boolean;
  /** Failing verifiers and tests after this round (bounded). */
  failing: string[];
}

/** Task mode: what the executor was asked, and how the rounds went. */
export interface TaskReport {
  task: string;
  branch: string;
  rounds: RoundReport[];
  stopReason: StopReason;
  /** Bounded tail of the last round's executor output. Untrusted. */
  lastOutputTail: string;
  network: NetworkLog;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  outcome: Outcome;
  /** One line stating the verdict. */
  headline: string;
  /** Why the outcome is what it is (each blocking finding or error, summarised). */
  reasons: string[];
  goal: string;
  findings: Finding[];
  setup: StepReport[];
  verifiers: VerifierReport[];
  tests?: TestsReport;
  task?: TaskReport;
  notProven: NotProven[];
  provenance: Provenance;
  /** What the report claims, and no more. */
  claim: string;
}
