/**
 * The sections of the markdown report, each a list of self-contained blocks (a heading, a paragraph,
 * a whole table, a whole `<details>`). The renderer joins blocks with blank lines and, to fit a size
 * limit, drops or shrinks whole blocks only: a block is never cut, so tags, tables and fences stay
 * balanced. Everything from the report is escaped where it meets markdown.
 */
import type { Report, TestRef } from "../model/report.js";
import { tableCell } from "./escape.js";
import {
  COUNT_ROWS,
  OUTCOME_ICON,
  count,
  findingsFor,
  formatDuration,
  kindLabel,
  needsOutput,
  signed,
} from "./format.js";
import {
  bulletList,
  code,
  findingBlocks,
  opts,
  stepsBlocks,
  table,
  text,
  type MarkdownContext,
} from "./markdown-blocks.js";
import { baseNotProven } from "./not-proven.js";
import { boundedList } from "./sanitize.js";
import { STOP_REASONS, networkLines, roundRows } from "./task-section.js";

export type { MarkdownContext, MarkdownLimits } from "./markdown-blocks.js";

export type SectionId =
  | "head"
  | "note"
  | "reasons"
  | "verified"
  | "setup"
  | "boundary"
  | "tests"
  | "task"
  | "notProven"
  | "provenance"
  | "claim";

export interface Section {
  id: SectionId;
  blocks: string[];
}

export function headSection(report: Report, title: string, ctx: MarkdownContext): Section {
  const blocks = [
    `## ${OUTCOME_ICON[report.outcome]} ${text(title, ctx, Math.min(100, ctx.limits.itemChars))}: ${report.outcome}`,
    `**${text(report.headline, ctx, ctx.limits.itemChars)}**`,
  ];
  if (report.goal.trim() !== "") blocks.push(`**Goal:** ${text(report.goal, ctx, 1000)}`);
  return { id: "head", blocks };
}

export function reasonsSection(report: Report, ctx: MarkdownContext): Section {
  if (report.reasons.length === 0) return { id: "reasons", blocks: [] };
  const list = bulletList(report.reasons, ctx.limits.listItems, "reason", (r) => text(r, ctx));
  return { id: "reasons", blocks: ["### Why", list] };
}

export function verifiedSection(report: Report, ctx: MarkdownContext): Section {
  const blocks = ["### What was verified"];
  if (report.verifiers.length === 0) blocks.push("No verifiers ran.");
  else blocks.push(...stepsBlocks(report.verifiers, "verifier", ctx));
  blocks.push(...findingBlocks(findingsFor(report, "runs"), ctx, "Findings"));
  return { id: "verified", blocks };
}

export function setupSection(report: Report, ctx: MarkdownContext): Section {
  if (!report.setup.some(needsOutput)) return { id: "setup", blocks: [] };
  const steps = ctx.limits.details ? report.setup : report.setup.filter((s) => s.status !== "pass");
  return { id: "setup", blocks: ["### Setup", ...stepsBlocks(steps, "setup step", ctx)] };
}

export function boundarySection(report: Report, ctx: MarkdownContext): Section {
  const findings = findingsFor(report, "boundary");
  const blocks = ["### Boundary"];
  if (findings.length === 0) {
    blocks.push("No protected path violated, contract unchanged, no runner tampering or test markers found.");
  } else {
    blocks.push(...findingBlocks(findings, ctx));
  }
  return { id: "boundary", blocks };
}

function testList(title: string, refs: readonly TestRef[], ctx: MarkdownContext): string | undefined {
  if (refs.length === 0) return undefined;
  const list = bulletList(refs, ctx.limits.listItems, "test", (t) => {
    let item = code(t.id, ctx);
    if (t.file !== undefined && !t.id.includes(t.file)) item += ` in ${code(t.file, ctx)}`;
    if (t.message !== undefined && t.message.trim() !== "") item += `: ${text(t.message, ctx, 200)}`;
    return item;
  });
  return `**${title} (${refs.length.toLocaleString("en-US")})**\n\n${list}`;
}

export function testsSection(report: Report, ctx: MarkdownContext): Section {
  const tests = report.tests;
  const findings = findingsFor(report, "inventory");
  if (tests === undefined && findings.length === 0) return { id: "tests", blocks: [] };
  const blocks = ["### Test inventory"];
  if (tests !== undefined) {
    blocks.push(
      `Framework: ${code(tests.framework, ctx, 40)}. Base → head, ${count(tests.added, "test")} added.`,
      table(
        ["Status", "Base", "Head", "Change"],
        ["l", "r", "r", "r"],
        COUNT_ROWS.map(([key, label]) => [
          label,
          tests.base[key].toLocaleString("en-US"),
          tests.head[key].toLocaleString("en-US"),
          signed(tests.head[key] - tests.base[key]),
        ]),
      ),
    );
    for (const [title, refs] of [
      ["Removed", tests.removed],
      ["Newly skipped", tests.newlySkipped],
      ["Regressed", tests.regressed],
    ] as const) {
      const list = testList(title, refs, ctx);
      if (list !== undefined) blocks.push(list);
    }
  }
  blocks.push(...findingBlocks(findings, ctx, "Findings"));
  if (tests !== undefined && ctx.limits.details && tests.notes.length > 0) {
    blocks.push(
      "**Notes**",
      bulletList(tests.notes, ctx.limits.listItems, "note", (n) => text(n, ctx)),
    );
  }
  return { id: "tests", blocks };
}

export function taskSection(report: Report, ctx: MarkdownContext): Section {
  const task = report.task;
  if (task === undefined) return { id: "task", blocks: [] };
  const blocks = [
    "### Task",
    `> ${text(task.task, ctx, 2000).replaceAll("\n", "\n> ")}`,
    `Branch ${code(task.branch, ctx, 200)}; stopped because ${STOP_REASONS[task.stopReason]}.`,
  ];
  if (task.rounds.length > 0) {
    blocks.push(
      table(
        ["Round", "Commit", "Gate", "Executor", "Change"],
        ["r", "l", "l", "l", "l"],
        roundRows(task).map((r) => [
          r.round,
          code(r.commit, ctx),
          r.outcome,
          tableCell(r.executor, opts(ctx, 100)),
          tableCell(r.change, opts(ctx, 200)),
        ]),
      ),
    );
  }
  const network = networkLines(task);
  if (network.length > 0)
    blocks.push(`**Network (egress proxy)**\n\n${network.map((l) => `- ${text(l, ctx, 2000)}`).join("\n")}`);
  return { id: "task", blocks };
}

export function notProvenSection(report: Report, ctx: MarkdownContext): Section {
  // The schema requires at least one item; should a caller send none, the base list is shown rather
  // than a report that seems to claim everything was proven.
  const items = report.notProven.length > 0 ? report.notProven : baseNotProven();
  return {
    id: "notProven",
    blocks: ["### What was not proven", bulletList(items, 100, "item", (n) => text(n.text, ctx, 500))],
  };
}

/** The shortest form of the not-proven section, for the tightest size limits. */
export function notProvenKindsSection(report: Report, ctx: MarkdownContext, max: number): Section {
  const items = report.notProven.length > 0 ? report.notProven : baseNotProven();
  const { shown, more } = boundedList(items, max);
  const kinds = shown.map((n) => text(kindLabel(n.kind), ctx, 60)).join(", ");
  return {
    id: "notProven",
    blocks: ["### What was not proven", `${kinds}${more > 0 ? ` and ${more} more` : ""}.`],
  };
}

function sha(value: string | null, ctx: MarkdownContext): string {
  return value === null ? "*unresolved*" : tableCell(value, { ...opts(ctx, 80), code: true });
}

export function provenanceSection(report: Report, ctx: MarkdownContext): Section {
  const p = report.provenance;
  const cell = (value: string, max = 200): string => tableCell(value, { ...opts(ctx, max), code: true });
  const contract = [cell(p.contractPath)];
  if (p.contractSha256 !== null) contract.push(`sha256 ${cell(p.contractSha256, 80)}`);
  if (p.contractCommit !== null) contract.push(`from ${cell(p.contractCommit, 80)}`);
  const images = boundedList(p.images, ctx.limits.listItems);
  const imageText =
    images.shown.length === 0
      ? "none"
      : images.shown.map((i) => cell(i)).join(", ") + (images.more > 0 ? ` and ${images.more} more` : "");
  const rows: string[][] = [
    ["Base", sha(p.base, ctx)],
    ["Head", sha(p.head, ctx)],
    ["Contract", contract.join(" ")],
    ["Tool", cell(`${p.tool.name} ${p.tool.version}`, 80)],
    ["Runtime", tableCell(p.runtime, opts(ctx, 60))],
    ["Images", imageText],
    ["Containers started", p.containersStarted.toLocaleString("en-US")],
    ["Started", tableCell(p.startedAt, opts(ctx, 40))],
    ["Duration", formatDuration(Math.round(p.durationMs))],
  ];
  if (ctx.limits.details && p.phases.length > 0) {
    const phases = boundedList(p.phases, ctx.limits.listItems);
    const list = phases.shown.map(
      (ph) => `${tableCell(ph.name, opts(ctx, 40))} ${formatDuration(Math.round(ph.durationMs))}`,
    );
    rows.push(["Phases", list.join(" · ") + (phases.more > 0 ? ` and ${phases.more} more` : "")]);
  }
  return { id: "provenance", blocks: ["### Provenance", table(["", ""], ["l", "l"], rows)] };
}

export function claimSection(report: Report, ctx: MarkdownContext, max = 1000): Section {
  return { id: "claim", blocks: [`> **Claim:** ${text(report.claim, ctx, max)}`] };
}
