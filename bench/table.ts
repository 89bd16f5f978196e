/**
 * The bench's one output: a table of ratios against a baseline measured in the same run, each with
 * its target and ✓/✗. Informational rows (no target) show context such as phase breakdowns.
 */
import { formatRatio } from "./stats.js";

export interface TargetRow {
  /** Which section of the bench (issue "Speed" numbering). */
  section: string;
  what: string;
  /** The measured side, already formatted (a median, with its spread). */
  measured: string;
  /** The baseline it is divided by, already formatted. */
  baseline: string;
  ratio: number;
  /** The ratio must be ≤ this. */
  target: number;
}

export interface InfoRow {
  section: string;
  what: string;
  value: string;
}

/** A yes/no requirement that is not a ratio (the number of containers started). */
export interface CheckRow {
  section: string;
  what: string;
  value: string;
  expected: string;
  ok: boolean;
}

export type Row =
  ({ kind: "target" } & TargetRow) | ({ kind: "check" } & CheckRow) | ({ kind: "info" } & InfoRow);

/** Whether a row that has a target met it; informational rows always do. */
export function rowMet(row: Row): boolean {
  if (row.kind === "target") return met(row);
  if (row.kind === "check") return row.ok;
  return true;
}

export function met(row: TargetRow): boolean {
  return Number.isFinite(row.ratio) && row.ratio <= row.target;
}

/**
 * A markdown table of the targets, so the same text reads in a terminal, a CI log and
 * bench/README.md; informational rows (phase breakdowns, per-test times) follow as a list, since
 * they are too wide for a column.
 */
export function renderTable(rows: readonly Row[]): string {
  const header = ["#", "measure", "measured (median, range)", "baseline (median)", "ratio", "target", ""];
  const lines: string[][] = [];
  const notes: string[] = [];
  for (const row of rows) {
    switch (row.kind) {
      case "target":
        lines.push([
          row.section,
          row.what,
          row.measured,
          row.baseline,
          shownRatio(row),
          `≤ ${formatRatio(row.target)}`,
          met(row) ? "✓" : "✗",
        ]);
        break;
      case "check":
        lines.push([row.section, row.what, row.value, "", "", row.expected, row.ok ? "✓" : "✗"]);
        break;
      case "info":
        notes.push(`- [${row.section}] ${row.what}: ${row.value}`);
        break;
    }
  }
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => width(line[i] ?? ""))),
  );
  const format = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(cell)))).join(" | ")} |`;
  const table = [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
  return notes.length === 0 ? table : `${table}\n\n${notes.join("\n")}`;
}

/** Columns in a terminal: every character the table uses (≤, ÷, ✓, µ, –) is one UTF-16 unit wide. */
function width(text: string): number {
  return text.length;
}

/** A miss never prints as the target itself: 1.6036 against ≤ 1.60 shows as 1.604. */
function shownRatio(row: TargetRow): string {
  const shown = formatRatio(row.ratio);
  return !met(row) && shown === formatRatio(row.target) ? row.ratio.toFixed(3) : shown;
}
