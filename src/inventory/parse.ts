/**
 * One entry point from a run's output to its inventory: the preset's format, the report files read
 * from the run's report directory and, for stdout formats, the complete stdout.
 */
import type { IdOptions } from "./builder.js";
import { InventoryBuilder } from "./builder.js";
import { parseCargoOutput } from "./cargo.js";
import { parseGoTestJson } from "./go-json.js";
import { parseJestJson } from "./jest-json.js";
import type { ReportFile } from "./junit.js";
import { parseJUnit } from "./junit.js";
import type { ParsedRun } from "./model.js";
import type { ReportFormat } from "./presets.js";
import { parseTap } from "./tap.js";

export interface RunOutput {
  /** Report files the run wrote (already filtered by the preset's globs, symlinks refused). */
  files: readonly ReportFile[];
  /** The complete stdout, for presets with `stdout: true`. */
  stdout?: string;
}

export interface ParseOptions extends IdOptions {
  framework: string;
}

/**
 * Throws GateError when a report exists but cannot be read (malformed XML or JSON). A missing
 * report is not an error: the run produced no results, which `facts.incomplete` says and the
 * exit-consistency and comparison checks turn into findings.
 */
export function parseRunOutput(format: ReportFormat, output: RunOutput, options: ParseOptions): ParsedRun {
  const { framework } = options;
  switch (format) {
    case "junit":
      if (output.files.length === 0) return noResults(framework, "no JUnit report was written");
      return parseJUnit(output.files, options);
    case "jest-json": {
      const runs = output.files.map((file) => parseJestJson(file, options));
      return runs.length === 0
        ? noResults(framework, "no jest JSON report was written")
        : mergeRuns(framework, runs);
    }
    case "tap": {
      if (output.stdout !== undefined) return parseTap(output.stdout, { framework, source: "stdout" });
      const runs = [...output.files]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((file) => parseTap(file.content, { framework, source: file.name }));
      return runs.length === 0
        ? noResults(framework, "no TAP report was written")
        : mergeRuns(framework, runs);
    }
    case "go-json":
      return parseGoTestJson(output.stdout ?? "", { framework, source: "go test output" });
    case "cargo":
      return parseCargoOutput(output.stdout ?? "", { framework, source: "cargo test output" });
  }
}

function noResults(framework: string, why: string): ParsedRun {
  return { inventory: new InventoryBuilder(framework).build(), facts: { seen: 0, incomplete: [why] } };
}

/** Several runs' results as one; an id seen again gets the next `#n` suffix. */
export function mergeRuns(framework: string, runs: readonly ParsedRun[]): ParsedRun {
  if (runs.length === 1 && runs[0] !== undefined) return runs[0];
  const builder = new InventoryBuilder(framework);
  const incomplete: string[] = [];
  let declared: number | undefined;
  for (const run of runs) {
    for (const test of run.inventory.tests.values()) {
      const id = builder.add(test);
      if (id !== test.id) builder.problem(`test ${test.id} appears in more than one report (kept as ${id})`);
    }
    for (const problem of run.inventory.problems) builder.problem(problem);
    incomplete.push(...run.facts.incomplete);
    if (run.facts.declared !== undefined) declared = (declared ?? 0) + run.facts.declared;
  }
  const facts = { seen: builder.size, incomplete };
  return { inventory: builder.build(), facts: declared === undefined ? facts : { declared, ...facts } };
}
