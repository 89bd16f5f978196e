/**
 * The pull request at the end of a task: opened when the branch has none (a draft unless the gate
 * passed), rewritten when loophole opened it (title and body; REST cannot change the draft flag, see
 * task-pr.ts), and left alone when a person opened it: their title and description are theirs, and the
 * report goes to loophole's sticky comment instead.
 */
import { GateError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { GitHubApiError } from "../github/errors.js";
import type { GitHubClient, PullRequestInfo } from "../github/types.js";
import type { Report } from "../model/report.js";
import type { Secrets } from "../report/secrets.js";
import { isTaskPullRequest, pullRequestBody, pullRequestTitle, retitle } from "./task-pr.js";

export interface PullRequestRequest {
  task: string;
  branch: string;
  baseRef: string;
  report: Report;
  /** The pull request already known (a `/loophole` comment's); looked up by branch otherwise. */
  existing: PullRequestInfo | undefined;
  /** Who the token acts as: pull requests by anyone else are never rewritten. */
  identity: string;
  fullReportUrl?: string;
  secrets?: Secrets;
  logger: Logger;
}

export interface PullRequestResult {
  pull: PullRequestInfo;
  action: "created" | "updated" | "left";
  /** Whether the body holds the report (loophole's own pull request). */
  ours: boolean;
}

const NOT_PERMITTED = /not permitted to create or approve pull requests/i;

async function create(
  client: GitHubClient,
  request: PullRequestRequest,
  draft: boolean,
): Promise<PullRequestInfo> {
  return client.createPullRequest({
    head: request.branch,
    base: request.baseRef,
    title: pullRequestTitle(request.task, request.report.outcome),
    body: pullRequestBody({ ...bodyOptions(request), draft }),
    draft,
  });
}

function bodyOptions(request: PullRequestRequest): Omit<Parameters<typeof pullRequestBody>[0], "draft"> {
  return {
    report: request.report,
    branch: request.branch,
    ...(request.fullReportUrl === undefined ? {} : { fullReportUrl: request.fullReportUrl }),
    ...(request.secrets === undefined ? {} : { secrets: request.secrets }),
  };
}

async function open(client: GitHubClient, request: PullRequestRequest): Promise<PullRequestInfo> {
  const draft = request.report.outcome !== "pass";
  try {
    return await create(client, request, draft);
  } catch (error) {
    if (!(error instanceof GitHubApiError)) throw error;
    // Draft pull requests need a paid plan for private repositories; the title still says "not passing".
    if (draft && error.kind === "invalid" && /draft/i.test(error.message)) {
      request.logger.warning(
        `GitHub refused a draft pull request (${error.message}); opening a ready one whose title says it is not passing.`,
      );
      return create(client, request, false);
    }
    if (NOT_PERMITTED.test(error.message)) {
      throw new GateError(
        `${error.message} Allow it in the repository's Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App token as \`token\`. The branch ${request.branch} is pushed.`,
      );
    }
    throw error;
  }
}

export async function publishPullRequest(
  client: GitHubClient,
  request: PullRequestRequest,
): Promise<PullRequestResult> {
  const existing = request.existing ?? (await client.findOpenPullRequest(request.branch));
  if (existing === undefined) {
    const pull = await open(client, request);
    request.logger.info(
      `opened pull request #${pull.number}${pull.draft ? " (draft)" : ""}: ${pull.htmlUrl}`,
    );
    return { pull, action: "created", ours: true };
  }
  if (!isTaskPullRequest(existing, request.identity)) {
    request.logger.info(
      `pull request #${existing.number} is not loophole's: its title and description stay as they are`,
    );
    return { pull: existing, action: "left", ours: false };
  }
  const pull = await client.updatePullRequest(existing.number, {
    title: retitle(existing.title, request.report.outcome),
    body: pullRequestBody({ ...bodyOptions(request), draft: existing.draft }),
  });
  request.logger.info(`updated pull request #${pull.number}: ${pull.htmlUrl}`);
  return { pull, action: "updated", ours: true };
}
