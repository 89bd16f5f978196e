/**
 * The report for terminals: the same sections as the markdown, as plain aligned text. Untrusted text
 * is sanitized (no escape sequences reach the terminal, so a test name cannot recolour or rewrite the
 * screen), masked and bounded; ANSI styling is added only when `color` is set. No trailing newline.
 */
import { TOOL_NAME } from "../core/version.js";
import type { Finding } from "../model/finding.js";
import type { Outcome, Report, StepReport, StepStatus, TestRef } from "../model/report.js";
import { cleanText } from "./escape.js";
import {
  COUNT_ROWS,
  andMore,
  count,
  exitText,
  findingLocation,
  findingsFor,
  formatDuration,
  kindLabel,
  needsOutput,
  problemsFirst,
  signed,
  tailDescription,
} from "./format.js";
import { baseNotProven } from "./not-proven.js";
import { STOP_REASONS, networkLines, roundRows } from "./task-section.js";
import { boundedList, oneLine, sanitizeText, tailLines } from "./sanitize.js";
import { maskSecrets, type Secrets } from "./secrets.js";
import { alignTable, painter, wrap, type Paint, type Style } from "./text-layout.js";

export interface TextOptions {
  color?: boolean;
  /** Columns to wrap at; default 100. */
  width?: number;
  secrets?: Secrets;
  /** Items per list (tests by name, findings); default 50. */
  listItems?: number;
  /** Lines of output shown per failed step; default 40. */
  tailLines?: number;
}

const OUTCOME_STYLE: Record<Outcome, Style> = { pass: "green", fail: "red", error: "yellow" };
const STATUS_STYLE: Record<StepStatus, Style> = {
  pass: "green",
  fail: "red",
  error: "yellow",
  timeout: "yellow",
  skipped: "dim",
};
const SEVERITY_TAG = { fail: ["FAIL", "red"], warn: ["WARN", "yellow"], info: ["INFO", "cyan"] } as const;

interface Ctx {
  width: number;
  paint: Paint;
  secrets: Secrets | undefined;
  listItems: number;
  tailLines: number;
}

function plain(value: string, ctx: Ctx, max = 500): string {
  return oneLine(cleanText(value, { secrets: ctx.secrets, max }))
    .replace(/ {2,}/g, " ")
    .trim();
}

function heading(title: string, ctx: Ctx): string {
  return ctx.paint("bold", title);
}

function more(n: number, what: string, indent: string): string[] {
  return n > 0 ? [`${indent}${andMore(n, what)}`] : [];
}

function headBlock(report: Report, title: string, ctx: Ctx): string[] {
  const outcome = ctx.paint(OUTCOME_STYLE[report.outcome], report.outcome.toUpperCase());
  const lines = [ctx.paint("bold", `${plain(title, ctx, 100)}: `) + ctx.paint("bold", outcome)];
  lines.push(wrap(plain(report.headline, ctx), ctx.width, ""));
  if (report.goal.trim() !== "") lines.push(wrap(plain(report.goal, ctx, 1000), ctx.width, "Goal: ", "  "));
  if (report.reasons.length > 0) {
    const { shown, more: rest } = boundedList(report.reasons, ctx.listItems);
    lines.push("", heading("Why", ctx), ...shown.map((r) => wrap(plain(r, ctx), ctx.width, "  - ")));
    lines.push(...more(rest, "reason", "  "));
  }
  return lines;
}

function outputBlock(step: StepReport, ctx: Ctx): string[] {
  const tail = tailLines(maskSecrets(sanitizeText(step.outputTail), ctx.secrets), ctx.tailLines, 8_000, 300);
  const shown = tail.text === "" ? 0 : tail.text.split("\n").length;
  const title = `${plain(step.name, ctx, 100)}: ${step.status}, exit ${exitText(step.exitCode)} (${tailDescription(shown, tail.totalLines, step.outputBytes)})`;
  const lines = [
    "",
    `  ${ctx.paint(STATUS_STYLE[step.status], title)}`,
    `    $ ${plain(step.command, ctx, 300)}`,
  ];
  if (tail.text !== "")
    lines.push(...tail.text.split("\n").map((l) => `    ${ctx.paint("dim", "│")} ${l}`.trimEnd()));
  return lines;
}

function stepsBlock(unordered: readonly StepReport[], ctx: Ctx): string[] {
  const steps = problemsFirst(unordered);
  const rows = [
    ["NAME", "COMMAND", "STATUS", "EXIT", "TIME"],
    ...steps.map((s) => [
      plain(s.name, ctx, 60),
      plain(s.command, ctx, 200),
      s.reason === undefined ? s.status : `${s.status}: ${plain(s.reason, ctx, 120)}`,
      exitText(s.exitCode),
      formatDuration(Math.round(s.durationMs)),
    ]),
  ];
  const table = alignTable(
    rows,
    [
      { align: "left", shrink: true },
      { align: "left", shrink: true },
      { align: "left", shrink: true },
      { align: "right" },
      { align: "right" },
    ],
    ctx.width,
    "  ",
    (r, c, padded) => {
      if (r === 0) return ctx.paint("dim", padded);
      const step = steps[r - 1];
      return c === 2 && step !== undefined ? ctx.paint(STATUS_STYLE[step.status], padded) : padded;
    },
  );
  return [table, ...steps.filter(needsOutput).flatMap((s) => outputBlock(s, ctx))];
}

function findingLine(f: Finding, ctx: Ctx): string {
  const [tag, style] = SEVERITY_TAG[f.severity];
  const where = findingLocation(f);
  let body = kindLabel(f.kind);
  if (where !== undefined) body += ` at ${plain(where, ctx, 300)}`;
  if (f.test !== undefined) body += ` test ${plain(f.test, ctx, 300)}`;
  body += `: ${plain(f.message, ctx)}`;
  if (f.approved !== undefined) {
    const a = f.approved;
    body += ` [approved by @${plain(a.by, ctx, 100)} (${a.via}, ${plain(a.at, ctx, 40)})]`;
  }
  const marker = f.approved === undefined ? tag : "OK  ";
  return wrap(body, ctx.width, `  ${marker} `).replace(
    marker,
    ctx.paint(f.approved === undefined ? style : "green", marker),
  );
}

function findingLines(findings: readonly Finding[], ctx: Ctx): string[] {
  const { shown, more: rest } = boundedList(findings, ctx.listItems);
  return [...shown.map((f) => findingLine(f, ctx)), ...more(rest, "finding", "  ")];
}

function verifiedBlock(report: Report, ctx: Ctx): string[] {
  const lines = ["", heading("What was verified", ctx)];
  if (report.verifiers.length === 0) lines.push("  No verifiers ran.");
  else lines.push(...stepsBlock(report.verifiers, ctx));
  const runs = findingsFor(report, "runs");
  if (runs.length > 0) lines.push("", ...findingLines(runs, ctx));
  if (report.setup.some(needsOutput)) lines.push("", heading("Setup", ctx), ...stepsBlock(report.setup, ctx));
  return lines;
}

function boundaryBlock(report: Report, ctx: Ctx): string[] {
  const findings = findingsFor(report, "boundary");
  const body =
    findings.length === 0
      ? ["  No protected path violated, contract unchanged, no runner tampering or test markers found."]
      : findingLines(findings, ctx);
  return ["", heading("Boundary", ctx), ...body];
}

function testList(title: string, refs: readonly TestRef[], ctx: Ctx): string[] {
  if (refs.length === 0) return [];
  const { shown, more: rest } = boundedList(refs, ctx.listItems);
  const items = shown.map((t) => {
    let item = plain(t.id, ctx, 300);
    if (t.file !== undefined && !t.id.includes(t.file)) item += ` (${plain(t.file, ctx, 200)})`;
    if (t.message !== undefined && t.message.trim() !== "") item += `: ${plain(t.message, ctx, 200)}`;
    return wrap(item, ctx.width, "    - ");
  });
  return [`  ${title} (${refs.length.toLocaleString("en-US")})`, ...items, ...more(rest, "test", "    ")];
}

function testsBlock(report: Report, ctx: Ctx): string[] {
  const tests = report.tests;
  const findings = findingsFor(report, "inventory");
  if (tests === undefined && findings.length === 0) return [];
  const lines = ["", heading("Test inventory", ctx)];
  if (tests !== undefined) {
    lines.push(
      `  Framework ${plain(tests.framework, ctx, 40)}, base → head, ${count(tests.added, "test")} added.`,
    );
    const rows = [
      ["STATUS", "BASE", "HEAD", "CHANGE"],
      ...COUNT_ROWS.map(([key, label]) => [
        label,
        tests.base[key].toLocaleString("en-US"),
        tests.head[key].toLocaleString("en-US"),
        signed(tests.head[key] - tests.base[key]),
      ]),
    ];
    const columns = [{ align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }] as const;
    lines.push(alignTable(rows, columns, ctx.width, "  ", (r, _c, p) => (r === 0 ? ctx.paint("dim", p) : p)));
    lines.push(...testList("Removed", tests.removed, ctx));
    lines.push(...testList("Newly skipped", tests.newlySkipped, ctx));
    lines.push(...testList("Regressed", tests.regressed, ctx));
  }
  lines.push(...findingLines(findings, ctx));
  if (tests !== undefined)
    lines.push(...tests.notes.map((n) => wrap(plain(n, ctx), ctx.width, "  Note: ", "    ")));
  return lines;
}

function taskBlock(report: Report, ctx: Ctx): string[] {
  const task = report.task;
  if (task === undefined) return [];
  const lines = [
    "",
    heading("Task", ctx),
    wrap(plain(task.task, ctx, 2000), ctx.width, "  "),
    `  Branch ${plain(task.branch, ctx, 200)}; stopped because ${STOP_REASONS[task.stopReason]}.`,
  ];
  const rows = [
    ["ROUND", "COMMIT", "GATE", "EXECUTOR", "CHANGE"],
    ...roundRows(task).map((r) => [r.round, r.commit, r.outcome, r.executor, r.change]),
  ];
  if (task.rounds.length > 0) {
    const columns = [
      { align: "right" },
      { align: "left" },
      { align: "left" },
      { align: "left" },
      { align: "left" },
    ] as const;
    lines.push(alignTable(rows, columns, ctx.width, "  ", (r, _c, p) => (r === 0 ? ctx.paint("dim", p) : p)));
  }
  lines.push(...networkLines(task).map((l) => wrap(plain(l, ctx, 2000), ctx.width, "  Network ")));
  return lines;
}

function notProvenBlock(report: Report, ctx: Ctx): string[] {
  const items = report.notProven.length > 0 ? report.notProven : baseNotProven();
  return [
    "",
    heading("What was not proven", ctx),
    ...items.map((n) => wrap(plain(n.text, ctx), ctx.width, "  - ")),
  ];
}

function provenanceBlock(report: Report, ctx: Ctx): string[] {
  const p = report.provenance;
  const contract = [plain(p.contractPath, ctx, 200)];
  if (p.contractSha256 !== null) contract.push(`sha256 ${plain(p.contractSha256, ctx, 80)}`);
  if (p.contractCommit !== null) contract.push(`from ${plain(p.contractCommit, ctx, 80)}`);
  const images = boundedList(p.images, ctx.listItems);
  const rows: [string, string][] = [
    ["Base", p.base === null ? "unresolved" : plain(p.base, ctx, 80)],
    ["Head", p.head === null ? "unresolved" : plain(p.head, ctx, 80)],
    ["Contract", contract.join("  ")],
    ["Tool", `${plain(p.tool.name, ctx, 40)} ${plain(p.tool.version, ctx, 40)}`],
    ["Runtime", plain(p.runtime, ctx, 60)],
    [
      "Images",
      images.shown.length === 0
        ? "none"
        : images.shown.map((i) => plain(i, ctx, 200)).join(", ") +
          (images.more > 0 ? ` and ${images.more} more` : ""),
    ],
    ["Containers", p.containersStarted.toLocaleString("en-US")],
    ["Started", plain(p.startedAt, ctx, 40)],
    ["Duration", formatDuration(Math.round(p.durationMs))],
  ];
  if (p.phases.length > 0) {
    rows.push([
      "Phases",
      p.phases
        .map((ph) => `${plain(ph.name, ctx, 40)} ${formatDuration(Math.round(ph.durationMs))}`)
        .join(", "),
    ]);
  }
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
  const body = rows.map(([label, value]) => wrap(value, ctx.width, `  ${label.padEnd(labelWidth)}`));
  return ["", heading("Provenance", ctx), ...body];
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const ctx: Ctx = {
    width: Math.max(40, options.width ?? 100),
    paint: painter(options.color === true),
    secrets: options.secrets,
    listItems: options.listItems ?? 50,
    tailLines: options.tailLines ?? 40,
  };
  const lines = [
    ...headBlock(report, TOOL_NAME, ctx),
    ...verifiedBlock(report, ctx),
    ...boundaryBlock(report, ctx),
    ...testsBlock(report, ctx),
    ...taskBlock(report, ctx),
    ...notProvenBlock(report, ctx),
    ...provenanceBlock(report, ctx),
    "",
    wrap(plain(report.claim, ctx, 1000), ctx.width, `${ctx.paint("bold", "Claim:")} `, "  "),
  ];
  return lines.join("\n");
}
