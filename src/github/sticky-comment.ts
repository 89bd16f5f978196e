/**
 * One report comment per pull request and check name, updated in place: the old report is replaced,
 * never appended to. It is found by a hidden marker among the comments written by our own identity
 * (every page of them: busy pull requests have hundreds). A comment by anyone else that carries the
 * marker is neither edited nor trusted.
 *
 * Modes (`comment` input): `always` (default) writes on every run; `on-failure` creates the comment
 * only when the outcome is not pass, but once one exists it is kept current, so a pull request that
 * was fixed shows the passing report rather than a stale failure; `off` does nothing.
 */
import type { Logger } from "../core/logger.js";
import type { Report } from "../model/report.js";
import { renderMarkdown } from "../report/markdown.js";
import type { Secrets } from "../report/secrets.js";
import type { GitHubClient, IssueComment } from "./types.js";

export const COMMENT_MODES = ["always", "on-failure", "off"] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** GitHub refuses a longer comment body with HTTP 422. */
export const COMMENT_MAX_CHARS = 65_536;

export function commentMarker(checkName: string): string {
  // Encoded, so no check name can end the HTML comment (`-->`) or fake another name's marker.
  return `<!-- loophole:report check=${encodeURIComponent(checkName)} -->`;
}

export interface CommentBodyOptions {
  checkName: string;
  /** The check run (or workflow run) with the full report, linked when the comment had to be cut. */
  fullReportUrl?: string;
  secrets?: Secrets;
}

/** The marker line, then the report rendered to fit GitHub's limit (with a note when it was cut). */
export function commentBody(report: Report, options: CommentBodyOptions): string {
  const prefix = `${commentMarker(options.checkName)}\n`;
  const markdown = renderMarkdown(report, {
    // The renderer counts UTF-8 bytes, never fewer than the characters GitHub counts.
    maxChars: COMMENT_MAX_CHARS - Buffer.byteLength(prefix, "utf8"),
    ...(options.fullReportUrl === undefined ? {} : { fullReportUrl: options.fullReportUrl }),
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
  });
  return `${prefix}${markdown}`;
}

/** Our comments that carry the marker, oldest first. */
export function ownReportComments(
  comments: readonly IssueComment[],
  identity: string,
  checkName: string,
): IssueComment[] {
  const marker = commentMarker(checkName);
  const me = identity.toLowerCase();
  return comments.filter((c) => c.author?.login.toLowerCase() === me && c.body.startsWith(marker));
}

export type StickyCommentResult =
  | { action: "created" | "updated" | "unchanged"; commentId: number; url: string }
  | { action: "skipped"; reason: string };

export interface StickyCommentRequest extends CommentBodyOptions {
  pullNumber: number;
  mode: CommentMode;
  report: Report;
  /** The login our comments are written by (see identity.ts). */
  identity: string;
  logger: Logger;
}

export async function publishStickyComment(
  client: GitHubClient,
  request: StickyCommentRequest,
): Promise<StickyCommentResult> {
  if (request.mode === "off") return { action: "skipped", reason: "the comment input is off" };
  const comments = await client.listIssueComments(request.pullNumber);
  const [existing, ...duplicates] = ownReportComments(comments, request.identity, request.checkName);
  if (duplicates.length > 0) {
    request.logger.warning(
      `Found ${duplicates.length + 1} loophole report comments for "${request.checkName}"; updating the oldest (#${existing?.id ?? "?"}) and leaving the others.`,
    );
  }
  if (existing === undefined && request.mode === "on-failure" && request.report.outcome === "pass") {
    return { action: "skipped", reason: "the outcome is pass and the comment input is on-failure" };
  }
  const body = commentBody(request.report, request);
  if (existing === undefined) {
    const created = await client.createIssueComment(request.pullNumber, body);
    request.logger.info(`Report comment created: ${created.htmlUrl}`);
    return { action: "created", commentId: created.id, url: created.htmlUrl };
  }
  if (existing.body === body) return { action: "unchanged", commentId: existing.id, url: existing.htmlUrl };
  const updated = await client.updateIssueComment(existing.id, body);
  request.logger.info(`Report comment updated: ${updated.htmlUrl}`);
  return { action: "updated", commentId: updated.id, url: updated.htmlUrl };
}
