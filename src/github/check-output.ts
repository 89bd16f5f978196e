/**
 * What a check run shows for a report: its conclusion, a one-line title and the markdown summary.
 * An `error` outcome concludes `failure`, never `success` or `neutral` (a neutral check satisfies a
 * required check on GitHub). A failure whose every blocking finding is one a maintainer may approve
 * concludes `action_required`: the change needs a human decision, not more work from the author.
 */
import { isBlocking } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { escapeMarkdown, inlineCode } from "../report/escape.js";
import { renderMarkdown } from "../report/markdown.js";
import { bounded, oneLine, sanitizeText } from "../report/sanitize.js";
import { maskSecrets, type Secrets } from "../report/secrets.js";
import { isApprovable } from "./approval-rules.js";
import type { CheckConclusion, CheckRunOutput } from "./types.js";

/** GitHub's limit on `output.summary` (and `output.text`). */
export const CHECK_SUMMARY_MAX = 65_535;
export const CHECK_TITLE_MAX = 255;

export function checkConclusion(report: Report): CheckConclusion {
  switch (report.outcome) {
    case "pass":
      return "success";
    case "error":
      return "failure";
    case "fail": {
      const blocking = report.findings.filter(isBlocking);
      return blocking.length > 0 && blocking.every(isApprovable) ? "action_required" : "failure";
    }
  }
}

const VERDICT: Record<CheckConclusion | "error", string> = {
  success: "Passed",
  failure: "Failed",
  action_required: "Needs approval",
  error: "Error, the gate could not decide",
};

/** One line: the verdict and its first reason, e.g. "Failed: verifier "unit" failed (and 2 more)". */
export function checkTitle(report: Report, secrets?: Secrets): string {
  const verdict = report.outcome === "error" ? VERDICT.error : VERDICT[checkConclusion(report)];
  const [first, ...rest] = report.reasons;
  if (first === undefined) return verdict;
  const reason = oneLine(maskSecrets(sanitizeText(first), secrets))
    .replace(/\s+/g, " ")
    .trim();
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
  const room = CHECK_TITLE_MAX - verdict.length - 2 - more.length;
  return `${verdict}: ${bounded(reason, Math.max(1, room))}${more}`;
}

export interface SummaryOptions {
  /** Where the full report is (the workflow run); linked when the summary had to be cut. */
  fullReportUrl?: string;
  secrets?: Secrets;
  /** The `approve-label` input, for the "how to approve" text. */
  approveLabel?: string;
  /** Who approved, and which approvals were ignored and why (from `approveFindings`). */
  approvalNotes?: readonly string[];
}

export function checkSummary(report: Report, options: SummaryOptions = {}): string {
  return renderMarkdown(report, {
    maxChars: CHECK_SUMMARY_MAX,
    ...(options.fullReportUrl === undefined ? {} : { fullReportUrl: options.fullReportUrl }),
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
  });
}

/**
 * The check run's `text`: approval notes, and for `action_required` how a maintainer approves. Kept
 * short (a few notes at most), so it never nears the 65,535-character limit.
 */
export function checkText(report: Report, options: SummaryOptions = {}): string | undefined {
  const blocks: string[] = [];
  const notes = (options.approvalNotes ?? []).slice(0, 20);
  if (notes.length > 0) {
    blocks.push(
      "### Approvals",
      notes.map((n) => `- ${escapeMarkdown(n, { secrets: options.secrets, max: 1_000 })}`).join("\n"),
    );
  }
  if (checkConclusion(report) === "action_required") {
    const head = report.provenance.head;
    const commit = head === null ? "the head commit" : `commit ${inlineCode(head.slice(0, 12))}`;
    const label = inlineCode(options.approveLabel ?? "loophole:approve");
    blocks.push(
      "### How to approve",
      `Every blocking finding is one a maintainer may accept (a protected path, the test runner's configuration, skip or focus markers, newly skipped tests). A user with write access approves ${commit} by either:`,
      `- submitting an approving review on this commit, or\n- adding the label ${label} after its last push.`,
      "Then run this check again (re-run the job, or have the workflow run on the `labeled` and `pull_request_review` events). A new push needs a new approval.",
    );
  }
  return blocks.length > 0 ? blocks.join("\n\n") : undefined;
}

export function checkOutput(report: Report, options: SummaryOptions = {}): CheckRunOutput {
  const text = checkText(report, options);
  return {
    title: checkTitle(report, options.secrets),
    summary: checkSummary(report, options),
    ...(text === undefined ? {} : { text }),
  };
}

/** What the check run shows while the gate runs. */
export function runningOutput(headSha: string): CheckRunOutput {
  return {
    title: "Running",
    summary: `loophole is checking commit \`${headSha.replace(/[^0-9a-f]/gi, "").slice(0, 12)}\` against the contract from the base branch. This check completes when the gate has decided.`,
  };
}
