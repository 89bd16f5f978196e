/**
 * Building blocks of the markdown report: escaping shorthands bound to a rendering's limits, lists
 * with "and N more", tables, step tables with their output, and finding lists. Each function returns
 * whole blocks (see `markdown-sections.ts`).
 */
import type { Finding } from "../model/finding.js";
import type { StepReport } from "../model/report.js";
import { codeBlock, escapeMarkdown, htmlText, inlineCode, tableCell, type EscapeOptions } from "./escape.js";
import {
  APPROVED_ICON,
  andMore,
  SEVERITY_ICON,
  STATUS_ICON,
  exitText,
  findingLocation,
  formatDuration,
  kindLabel,
  needsOutput,
  problemsFirst,
  tailDescription,
} from "./format.js";
import { boundedList, sanitizeText, tailLines } from "./sanitize.js";
import type { Secrets } from "./secrets.js";

/** How much detail a rendering keeps; the renderer tries stricter limits until the report fits. */
export interface MarkdownLimits {
  /** Output tails of failed steps, or undefined to leave them out. */
  tail: { lines: number; chars: number } | undefined;
  /** Items per list: reasons, findings, tests by name, table rows, images. */
  listItems: number;
  /** Phase timings, inventory notes, passing setup steps, commands. */
  details: boolean;
  /** Raw characters kept of each untrusted item (names, messages) before escaping. */
  itemChars: number;
}

export interface MarkdownContext {
  limits: MarkdownLimits;
  secrets: Secrets | undefined;
}

export function opts(ctx: MarkdownContext, max = ctx.limits.itemChars): EscapeOptions {
  return { secrets: ctx.secrets, max };
}

export function text(value: string, ctx: MarkdownContext, max?: number): string {
  return escapeMarkdown(value, opts(ctx, max));
}

export function code(value: string, ctx: MarkdownContext, max?: number): string {
  return inlineCode(value, opts(ctx, max));
}

export function moreLine(more: number, what: string): string {
  return `${andMore(more, what)}.`;
}

/**
 * A bullet list with an "and N more" line, as one block. Items are rendered only once bounded, so a
 * list of 200,000 tests costs no more than one of 50.
 */
export function bulletList<T>(
  items: readonly T[],
  limit: number,
  what: string,
  render: (item: T) => string,
): string {
  const { shown, more } = boundedList(items, limit);
  const lines = shown.map((item) => `- ${render(item)}`);
  return more > 0 ? `${lines.join("\n")}\n\n${moreLine(more, what)}` : lines.join("\n");
}

export function table(
  header: readonly string[],
  align: readonly ("l" | "r")[],
  rows: readonly string[][],
): string {
  const rule = align.map((a) => (a === "r" ? "---:" : "---"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function statusCell(step: StepReport, ctx: MarkdownContext): string {
  const status = `${STATUS_ICON[step.status]} ${step.status}`;
  return step.reason === undefined ? status : `${status}: ${tableCell(step.reason, opts(ctx, 200))}`;
}

function outputDetails(step: StepReport, ctx: MarkdownContext): string | undefined {
  const tail = ctx.limits.tail;
  if (tail === undefined || !needsOutput(step)) return undefined;
  const kept = tailLines(sanitizeText(step.outputTail), tail.lines, tail.chars);
  const summary = `${step.name}: ${step.status}, exit ${exitText(step.exitCode)}, ${tailDescription(
    kept.text.split("\n").length,
    kept.totalLines,
    step.outputBytes,
  )}`;
  const body = [`Command: ${code(step.command, ctx, 500)}`];
  if (kept.text !== "") body.push(codeBlock(kept.text, "text", { secrets: ctx.secrets, max: tail.chars }));
  return `<details>\n<summary>${htmlText(summary, opts(ctx, 300))}</summary>\n\n${body.join("\n\n")}\n\n</details>`;
}

/** A steps table (verifiers or setup) followed by the output of each step that did not pass. */
export function stepsBlocks(steps: readonly StepReport[], what: string, ctx: MarkdownContext): string[] {
  const { shown, more } = boundedList(problemsFirst(steps), ctx.limits.listItems);
  const withCommand = ctx.limits.details;
  const header = withCommand
    ? ["Name", "Command", "Status", "Exit", "Time"]
    : ["Name", "Status", "Exit", "Time"];
  const align: ("l" | "r")[] = withCommand ? ["l", "l", "l", "r", "r"] : ["l", "l", "r", "r"];
  const rows = shown.map((s) => {
    const cells = [tableCell(s.name, { ...opts(ctx, 100), code: true })];
    if (withCommand) cells.push(tableCell(s.command, { ...opts(ctx, 120), code: true }));
    cells.push(statusCell(s, ctx), exitText(s.exitCode), formatDuration(Math.round(s.durationMs)));
    return cells;
  });
  const blocks = [table(header, align, rows)];
  if (more > 0) blocks.push(moreLine(more, what));
  for (const step of shown) {
    const details = outputDetails(step, ctx);
    if (details !== undefined) blocks.push(details);
  }
  return blocks;
}

function findingItem(f: Finding, ctx: MarkdownContext): string {
  const where = findingLocation(f);
  const icon = f.approved === undefined ? SEVERITY_ICON[f.severity] : APPROVED_ICON;
  const parts = [`${icon} **${kindLabel(f.kind)}**`];
  if (where !== undefined) parts.push(`at ${code(where, ctx)}`);
  if (f.test !== undefined) parts.push(`test ${code(f.test, ctx)}`);
  let item = `${parts.join(" ")}: ${text(f.message, ctx)}`;
  if (f.approved !== undefined) {
    const a = f.approved;
    item += ` (approved by ${text(`@${a.by}`, ctx, 100)} via ${a.via} at ${text(a.at, ctx, 40)})`;
  }
  return item;
}

/** Findings as a list, labelled when `label` is given (two lists in a row would merge into one). */
export function findingBlocks(findings: readonly Finding[], ctx: MarkdownContext, label?: string): string[] {
  if (findings.length === 0) return [];
  const list = bulletList(findings, ctx.limits.listItems, "finding", (f) => findingItem(f, ctx));
  return label === undefined ? [list] : [`**${label}**`, list];
}
