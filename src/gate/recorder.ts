/**
 * Collects what each stage of the gate learns, so a stage that throws still leaves a report with
 * everything found before it. `toReport()` is the only place a Report is assembled.
 */
import type { Finding } from "../model/finding.js";
import {
  REPORT_SCHEMA_VERSION,
  type NotProven,
  type Phase,
  type Provenance,
  type Report,
  type StepReport,
  type TestsReport,
  type VerifierReport,
} from "../model/report.js";
import { TOOL_NAME, TOOL_VERSION } from "../core/version.js";
import { silentProgress, type Progress } from "../core/progress.js";
import { decide } from "./verdict.js";
import { headlineFor } from "./headline.js";

export class GateRecorder {
  readonly findings: Finding[] = [];
  readonly setup: StepReport[] = [];
  readonly verifiers: VerifierReport[] = [];
  readonly errors: string[] = [];
  readonly notProven: NotProven[] = [];
  readonly phases: Phase[] = [];
  readonly images = new Set<string>();
  tests: TestsReport | undefined;
  goal = "";
  containersStarted = 0;
  /** The base side's results were reused from the base cache. */
  baseFromCache = false;
  readonly provenance: Pick<
    Provenance,
    "base" | "head" | "contractCommit" | "contractPath" | "contractSha256" | "runtime"
  >;
  readonly #started = new Date();
  readonly #startedMs = performance.now();

  constructor(
    contractPath: string,
    readonly progress: Progress = silentProgress,
  ) {
    this.provenance = {
      base: null,
      head: null,
      contractCommit: null,
      contractPath,
      contractSha256: null,
      runtime: "none",
    };
  }

  add(...findings: Finding[]): void {
    this.findings.push(...findings);
  }

  error(message: string): void {
    this.errors.push(message);
  }

  addNotProven(item: NotProven): void {
    if (!this.notProven.some((n) => n.kind === item.kind && n.text === item.text)) this.notProven.push(item);
  }

  /** Runs one phase of the gate, shows it as running, and records how long it took. */
  async phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const start = performance.now();
    this.progress.start(name, name);
    let ok = false;
    try {
      const result = await fn();
      ok = true;
      return result;
    } finally {
      this.progress.end(name, ok ? "ok" : "failed");
      this.phases.push({ name, durationMs: Math.round(performance.now() - start) });
    }
  }

  toReport(): Report {
    const verdict = decide({
      findings: this.findings,
      setup: this.setup,
      verifiers: this.verifiers,
      tests: this.tests,
      errors: this.errors,
    });
    const headline = headlineFor(verdict.outcome, this.findings, this.errors.length);
    const claim = {
      pass: "The head satisfies the contract under the gate's checks listed above. It does not claim the goal is achieved: see what was not proven.",
      fail: "The head does not satisfy the contract: the failures above are what the gate saw. Nothing else is claimed.",
      error: "The gate could not decide, so it claims nothing. An error is never a pass.",
    }[verdict.outcome];
    const report: Report = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      outcome: verdict.outcome,
      headline,
      reasons: verdict.reasons,
      goal: this.goal,
      findings: this.findings,
      setup: this.setup,
      verifiers: this.verifiers,
      notProven: this.notProven,
      provenance: {
        ...this.provenance,
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        images: [...this.images],
        containersStarted: this.containersStarted,
        startedAt: this.#started.toISOString(),
        durationMs: Math.round(performance.now() - this.#startedMs),
        phases: this.phases,
      },
      claim,
    };
    if (this.tests) report.tests = this.tests;
    return report;
  }
}
