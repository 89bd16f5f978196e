/**
 * The report as GitHub markdown (check-run summary, sticky PR comment, job summary), kept under a
 * size limit. GitHub rejects a check-run summary over 65,535 characters and a comment over 65,536,
 * so a report that does not fit is re-rendered with less detail, in this order: shorter and shorter output tails,
 * no output tails, shorter lists, no secondary details, then whole sections reduced to their heading.
 * Only whole blocks are ever removed, so the result is still balanced markdown; a visible note says
 * that the report was truncated and where the full one is.
 *
 * The result has no trailing newline (callers writing a file add one).
 *
 * Size is counted in UTF-8 bytes, which is never less than the character count GitHub checks (and
 * is what the stored field holds), so the limit is safe whichever of the two GitHub means.
 */
import { TOOL_NAME } from "../core/version.js";
import type { Report } from "../model/report.js";
import {
  boundarySection,
  claimSection,
  headSection,
  notProvenKindsSection,
  notProvenSection,
  provenanceSection,
  reasonsSection,
  setupSection,
  taskSection,
  testsSection,
  verifiedSection,
  type MarkdownContext,
  type MarkdownLimits,
  type Section,
  type SectionId,
} from "./markdown-sections.js";
import type { Secrets } from "./secrets.js";

export interface MarkdownOptions {
  /** Upper bound on the result's size (UTF-8 bytes); default 65,000. */
  maxChars?: number;
  /** Where the untruncated report is (a job summary, an artifact); linked from the truncation note. */
  fullReportUrl?: string;
  /** Shown in the heading; default "loophole". */
  title?: string;
  /** Values masked wherever they occur in the report's text. */
  secrets?: Secrets;
}

export const DEFAULT_MAX_CHARS = 65_000;
/** Below this even the shortest form (heading, headline, note, not-proven kinds, claim) may not fit. */
export const MIN_MAX_CHARS = 1_000;

const TIGHTEST: MarkdownLimits = { tail: undefined, listItems: 3, details: false, itemChars: 200 };

/** From most to least detail; the first that fits wins. */
const LEVELS: readonly MarkdownLimits[] = [
  { tail: { lines: 60, chars: 6_000 }, listItems: 50, details: true, itemChars: 500 },
  { tail: { lines: 15, chars: 1_500 }, listItems: 50, details: true, itemChars: 500 },
  { tail: { lines: 5, chars: 500 }, listItems: 50, details: true, itemChars: 500 },
  { tail: undefined, listItems: 50, details: true, itemChars: 500 },
  { tail: undefined, listItems: 10, details: true, itemChars: 300 },
  TIGHTEST,
];

/** Sections reduced to their heading when the tightest level is still too long, first to last. */
const DROP_ORDER: readonly SectionId[] = [
  "provenance",
  "task",
  "tests",
  "setup",
  "reasons",
  "verified",
  "boundary",
];

function size(markdown: string): number {
  return Buffer.byteLength(markdown, "utf8");
}

function allSections(report: Report, title: string, ctx: MarkdownContext): Section[] {
  return [
    headSection(report, title, ctx),
    reasonsSection(report, ctx),
    verifiedSection(report, ctx),
    setupSection(report, ctx),
    boundarySection(report, ctx),
    testsSection(report, ctx),
    taskSection(report, ctx),
    notProvenSection(report, ctx),
    provenanceSection(report, ctx),
    claimSection(report, ctx),
  ];
}

/** Joins sections, with the truncation note (when given) right under the heading and headline. */
function assemble(sections: readonly Section[], note: string | undefined): string {
  const blocks: string[] = [];
  for (const section of sections) {
    blocks.push(...section.blocks);
    if (section.id === "head" && note !== undefined) blocks.push(note);
  }
  return blocks.join("\n\n");
}

/** An http(s) URL safe to put in a link, or undefined. */
function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    // `href` percent-encodes spaces and angle brackets; parentheses would end a markdown link early.
    const href = parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
    return href.length <= 2_000 ? href : undefined;
  } catch {
    return undefined;
  }
}

export function truncationNote(fullReportUrl: string | undefined): string {
  const url = safeUrl(fullReportUrl);
  const where = url === undefined ? "the workflow run's JSON report and job log" : `[${url}](${url})`;
  return `⚠️ **Report truncated** to fit the size limit: the full report is in ${where}.`;
}

function omitted(section: Section): Section {
  const heading = section.blocks[0];
  if (heading === undefined) return section;
  return { id: section.id, blocks: [heading, "*Omitted to fit the size limit.*"] };
}

/** The shortest form: heading, headline, note, not-proven kinds and the claim. */
function minimal(
  report: Report,
  title: string,
  note: string,
  ctx: MarkdownContext,
  itemChars: number,
): string {
  const tight = { ...ctx, limits: { ...ctx.limits, itemChars } };
  return assemble(
    [
      headSection({ ...report, goal: "" }, title, tight),
      notProvenKindsSection(report, tight, 3),
      claimSection(report, tight, itemChars),
    ],
    note,
  );
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isInteger(max) || max < MIN_MAX_CHARS) {
    throw new RangeError(`maxChars must be a whole number of at least ${MIN_MAX_CHARS}, got ${max}`);
  }
  const title = options.title ?? TOOL_NAME;
  const note = truncationNote(options.fullReportUrl);
  for (const [index, limits] of LEVELS.entries()) {
    const markdown = assemble(
      allSections(report, title, { limits, secrets: options.secrets }),
      index === 0 ? undefined : note,
    );
    if (size(markdown) <= max) return markdown;
  }
  const ctx: MarkdownContext = { limits: TIGHTEST, secrets: options.secrets };
  let sections = allSections(report, title, ctx);
  for (const id of DROP_ORDER) {
    sections = sections.map((s) => (s.id === id ? omitted(s) : s));
    const markdown = assemble(sections, note);
    if (size(markdown) <= max) return markdown;
  }
  sections = sections.map((s) => (s.id === "notProven" ? notProvenKindsSection(report, ctx, 100) : s));
  const shortened = assemble(sections, note);
  if (size(shortened) <= max) return shortened;
  for (const itemChars of [200, 80, 30, 10]) {
    const markdown = minimal(report, title, note, ctx, itemChars);
    if (size(markdown) <= max) return markdown;
  }
  // Only an extreme fullReportUrl can get here: drop the link, keep the note.
  return minimal(report, title, truncationNote(undefined), ctx, 10);
}
