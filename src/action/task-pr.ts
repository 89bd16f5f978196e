/**
 * The pull request task mode opens: its title says whether the gate passed, and its body is the
 * report, under GitHub's 65,536-character limit, after a short note on what to do next.
 *
 * REST cannot turn a draft into a ready pull request or back (only GraphQL can), so the draft flag
 * is set once, when the pull request is opened (draft unless the gate passed); later runs say the
 * truth in the title and the note instead: "[not passing]" on a ready pull request that no longer
 * passes, "click Ready for review" on a draft that now passes.
 */
import type { Outcome, Report } from "../model/report.js";
import type { PullRequestInfo } from "../github/types.js";
import { MIN_MAX_CHARS, renderMarkdown } from "../report/markdown.js";
import type { Secrets } from "../report/secrets.js";
import { STOP_REASONS } from "../report/task-section.js";

/** Marks the pull requests loophole opened: only their title and body are loophole's to rewrite. */
export const TASK_PR_MARKER = "<!-- loophole:task-pr -->";
/** GitHub refuses a longer pull request body with 422. */
export const MAX_PR_BODY = 65_536;
export const NOT_PASSING = "[not passing]";
const TITLE_CHARS = 72;

/** The task's first non-empty line, on one line, cut to fit a title. */
export function taskTitle(task: string, max = TITLE_CHARS): string {
  const line =
    task
      .split("\n")
      .map((l) => l.replace(/\s+/g, " ").trim())
      .find((l) => l !== "") ?? "";
  if (line === "") return "task";
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export function pullRequestTitle(task: string, outcome: Outcome): string {
  const title = `loophole: ${taskTitle(task)}`;
  return outcome === "pass" ? title : `${NOT_PASSING} ${title}`;
}

/**
 * The title of a pull request loophole opened, after another run: the same title (as opened, or as a
 * person edited it since), with the "[not passing]" prefix added or taken off.
 */
export function retitle(title: string, outcome: Outcome): string {
  const bare = title.startsWith(`${NOT_PASSING} `) ? title.slice(NOT_PASSING.length + 1) : title;
  return outcome === "pass" ? bare : `${NOT_PASSING} ${bare}`;
}

export interface BodyInput {
  report: Report;
  branch: string;
  /** Whether the pull request is (or will be opened as) a draft. */
  draft: boolean;
  /** The workflow run, linked when the report had to be cut. */
  fullReportUrl?: string;
  secrets?: Secrets;
}

/** Branch names come from the dispatch input: keep them inside their code span. */
function code(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, "")}\``;
}

function note(input: BodyInput): string {
  const { report, branch, draft } = input;
  const continueHint = `To continue from the last checkpoint, comment \`/loophole <more guidance>\` here, or run the workflow again with branch ${code(branch)}.`;
  if (report.outcome === "pass") {
    const lines = [
      "loophole ran the task below in a sandbox until the contract's checks passed. Review the change as you would any pull request: the report says what the gate proved, and what it could not.",
    ];
    if (draft)
      lines.push(
        "This pull request is still a draft from an earlier run that did not pass. GitHub's REST API cannot mark a draft ready for review, so please click **Ready for review** yourself.",
      );
    return lines.join("\n\n");
  }
  const stop = report.task?.stopReason;
  const why = stop === undefined ? "" : ` (the loop stopped because ${STOP_REASONS[stop]})`;
  const lines = [
    `> [!WARNING]\n> **Not passing.** The gate did not accept this branch${why}. Do not merge it as it is.`,
  ];
  lines.push(
    draft
      ? `This is a draft pull request. ${continueHint}`
      : `An earlier run passed and opened this pull request ready for review; GitHub's REST API cannot turn it back into a draft, so the title says ${code(NOT_PASSING)} instead. ${continueHint}`,
  );
  return lines.join("\n\n");
}

export function pullRequestBody(input: BodyInput): string {
  const head = `${TASK_PR_MARKER}\n${note(input)}\n\n`;
  // renderMarkdown counts UTF-8 bytes, never fewer than the characters GitHub counts.
  const room = Math.max(MIN_MAX_CHARS, MAX_PR_BODY - Buffer.byteLength(head, "utf8") - 64);
  return (
    head +
    renderMarkdown(input.report, {
      maxChars: room,
      ...(input.fullReportUrl === undefined ? {} : { fullReportUrl: input.fullReportUrl }),
      ...(input.secrets === undefined ? {} : { secrets: input.secrets }),
    })
  );
}

/**
 * Whether loophole opened `pr` (its marker, and authored by the token's identity). Anyone can copy the
 * marker; only the author check makes it ours, so a person's pull request body is never rewritten.
 */
export function isTaskPullRequest(pr: PullRequestInfo, identity: string): boolean {
  return pr.body.includes(TASK_PR_MARKER) && pr.author?.login.toLowerCase() === identity.toLowerCase();
}
