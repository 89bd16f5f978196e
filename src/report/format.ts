/**
 * Presentation facts shared by the markdown and text renderers: labels, icons, which section a
 * finding belongs to, and small number formats. No escaping here: callers escape what they show.
 */
import type { Finding, FindingKind, Severity } from "../model/finding.js";
import type { InventoryCounts, Outcome, Report, StepReport, StepStatus } from "../model/report.js";

export { formatDuration } from "../core/duration.js";

export const OUTCOME_ICON: Record<Outcome, string> = { pass: "✅", fail: "❌", error: "⚠️" };
export const STATUS_ICON: Record<StepStatus, string> = {
  pass: "✅",
  fail: "❌",
  error: "⚠️",
  timeout: "⏱️",
  skipped: "⏭️",
};
export const SEVERITY_ICON: Record<Severity, string> = { fail: "❌", warn: "⚠️", info: "ℹ️" };
export const APPROVED_ICON = "☑️";

export type FindingSection = "boundary" | "inventory" | "runs";

/** Where each kind of finding is shown. A `Record` so that a new kind cannot be forgotten. */
export const FINDING_SECTION: Record<FindingKind, FindingSection> = {
  "protected-path": "boundary",
  "contract-changed": "boundary",
  "contract-added": "boundary",
  "runner-tampering": "boundary",
  "skip-marker": "boundary",
  "focus-marker": "boundary",
  "protected-edit-reverted": "boundary",
  "test-removed": "inventory",
  "test-newly-skipped": "inventory",
  "test-regressed": "inventory",
  "test-count": "inventory",
  "tests-ran-nothing": "inventory",
  "exit-mismatch": "inventory",
  "fixed-by-test-edits": "inventory",
  "setup-failed": "runs",
  "verifier-failed": "runs",
  "verifier-error": "runs",
  "no-change": "runs",
};

/** Kinds already listed by name in the test inventory (from `report.tests`), when it is present. */
const LISTED_BY_INVENTORY = new Set<FindingKind>(["test-removed", "test-newly-skipped", "test-regressed"]);

/** The findings a section shows, in report order. */
export function findingsFor(report: Report, section: FindingSection): Finding[] {
  return report.findings.filter((f) => {
    if (FINDING_SECTION[f.kind] !== section) return false;
    return !(section === "inventory" && report.tests !== undefined && LISTED_BY_INVENTORY.has(f.kind));
  });
}

/** "protected-path" → "protected path". */
export function kindLabel(kind: string): string {
  return kind.replace(/-/g, " ");
}

/** `path:line`, `path`, or undefined. */
export function findingLocation(f: Finding): string | undefined {
  if (f.path === undefined) return undefined;
  return f.line === undefined ? f.path : `${f.path}:${f.line}`;
}

export function exitText(code: number | null): string {
  return code === null ? "—" : String(code);
}

/** Steps that get their output shown: the ones that did not pass and were not skipped. */
export function needsOutput(step: StepReport): boolean {
  return step.status === "fail" || step.status === "error" || step.status === "timeout";
}

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}

/** "…and 3 more tests", for the end of a bounded list. */
export function andMore(n: number, singular: string, plural = `${singular}s`): string {
  return `…and ${n.toLocaleString("en-US")} more ${n === 1 ? singular : plural}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return count(bytes, "byte");
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? "TiB"}`;
}

/** "+3", "−2" (a real minus sign), "0". */
export function signed(n: number): string {
  if (n > 0) return `+${n.toLocaleString("en-US")}`;
  if (n < 0) return `−${(-n).toLocaleString("en-US")}`;
  return "0";
}

export const COUNT_ROWS: readonly (readonly [keyof InventoryCounts, string])[] = [
  ["total", "Total"],
  ["passed", "Passed"],
  ["failed", "Failed"],
  ["error", "Error"],
  ["skipped", "Skipped"],
  ["xfail", "Expected failure"],
];

/** Sorts steps so the ones that did not pass come first, keeping report order otherwise. */
export function problemsFirst<T extends StepReport>(steps: readonly T[]): T[] {
  const rank = (s: StepReport): number => (s.status === "pass" ? 2 : s.status === "skipped" ? 1 : 0);
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.index - b.index)
    .map(({ step }) => step);
}

/**
 * Short text for an output summary: "last 20 lines of 12.3 KiB". The tail is already a bounded copy of
 * the output, so only `outputBytes` says how much there was.
 */
export function tailDescription(shownLines: number, totalLines: number, outputBytes: number): string {
  if (totalLines === 0)
    return outputBytes === 0 ? "no output" : `${formatBytes(outputBytes)} of output, none kept`;
  const lines = shownLines === totalLines ? count(shownLines, "line") : `last ${count(shownLines, "line")}`;
  return `${lines} of ${formatBytes(outputBytes)}`;
}
