/**
 * The gate's check run on the pull request's head commit: created `in_progress` as soon as the gate
 * starts (so a required check shows "running", not "expected"), completed with the verdict.
 *
 * A re-run on the same head updates the check run of that name our app already made instead of adding
 * another: reviewers see one check, and the required check follows the latest verdict. The catch is
 * annotations. The Checks API appends the annotations of every update and cannot delete any, so
 * re-sending ours each run would multiply them. We list what the run already has and send only the
 * annotations it lacks. The trade-off: an annotation from an earlier run on this commit stays even if
 * that finding is gone (say the base branch moved and the finding no longer applies); the summary is
 * always rewritten and is what to trust.
 */
import type { Logger } from "../core/logger.js";
import type { Report } from "../model/report.js";
import type { Secrets } from "../report/secrets.js";
import { annotationKey, batches, findingAnnotations } from "./annotations.js";
import { checkConclusion, checkOutput, runningOutput } from "./check-output.js";
import { GitHubApiError } from "./errors.js";
import type { CheckConclusion, CheckRunInfo, GitHubClient } from "./types.js";

/** The app that owns check runs made with a workflow's GITHUB_TOKEN. */
export const GITHUB_ACTIONS_APP = "github-actions";
export const DEFAULT_CHECK_NAME = "loophole";

export interface CheckRunTarget {
  /** The `check-name` input: what required-check rules match. */
  name: string;
  /** The pull request's head (not GITHUB_SHA, which is the merge commit under `pull_request`). */
  headSha: string;
  detailsUrl?: string;
  externalId?: string;
}

export interface CheckRunOptions {
  logger: Logger;
  now?: () => Date;
  /** Slug of the app whose check runs we may reuse (default `github-actions`, for GITHUB_TOKEN). */
  appSlug?: string;
}

export interface CheckRunHandle {
  id: number;
  name: string;
  headSha: string;
  htmlUrl: string | undefined;
  /** The app that owns the run, as GitHub reported it: our token's app. */
  appSlug: string | undefined;
  /** True when an earlier run's check run was reused. */
  reused: boolean;
  /** Keys (`annotationKey`) of annotations the run already has. */
  existingAnnotations: ReadonlySet<string>;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function handle(run: CheckRunInfo, reused: boolean, existing: ReadonlySet<string>): CheckRunHandle {
  return {
    id: run.id,
    name: run.name,
    headSha: run.headSha,
    htmlUrl: run.htmlUrl,
    appSlug: run.appSlug,
    reused,
    existingAnnotations: existing,
  };
}

async function createRun(
  client: GitHubClient,
  target: CheckRunTarget,
  startedAt: string,
  logger: Logger,
): Promise<CheckRunHandle> {
  const created = await client.createCheckRun({
    name: target.name,
    headSha: target.headSha,
    status: "in_progress",
    startedAt,
    output: runningOutput(target.headSha),
    ...(target.detailsUrl === undefined ? {} : { detailsUrl: target.detailsUrl }),
    ...(target.externalId === undefined ? {} : { externalId: target.externalId }),
  });
  logger.info(
    `Check run "${target.name}" created on ${target.headSha.slice(0, 12)}: ${created.htmlUrl ?? `#${created.id}`}`,
  );
  return handle(created, false, new Set());
}

/**
 * Moves an earlier run back to `in_progress`, or returns undefined when GitHub refuses or ignores
 * that. Reports differ on whether a completed run can be reopened; if it cannot, the old verdict would
 * stand until this run finishes (or forever, if it dies), so a new run is made instead.
 */
async function reopen(
  client: GitHubClient,
  previous: CheckRunInfo,
  target: CheckRunTarget,
  startedAt: string,
): Promise<CheckRunInfo | undefined> {
  try {
    const updated = await client.updateCheckRun(previous.id, {
      status: "in_progress",
      startedAt,
      output: runningOutput(target.headSha),
      ...(target.detailsUrl === undefined ? {} : { detailsUrl: target.detailsUrl }),
    });
    return updated.status === "in_progress" ? updated : undefined;
  } catch (error) {
    if (error instanceof GitHubApiError && error.kind === "invalid") return undefined;
    throw error;
  }
}

export async function startCheckRun(
  client: GitHubClient,
  target: CheckRunTarget,
  options: CheckRunOptions,
): Promise<CheckRunHandle> {
  const startedAt = isoSeconds((options.now ?? (() => new Date()))());
  const app = options.appSlug ?? GITHUB_ACTIONS_APP;
  const runs = await client.listCheckRuns(target.headSha, target.name);
  const ours = runs.filter((r) => r.name === target.name && r.appSlug === app);
  const previous = ours[0];
  if (previous === undefined) return createRun(client, target, startedAt, options.logger);
  if (ours.length > 1) {
    options.logger.debug(
      `${ours.length} check runs named "${target.name}" exist on this commit; reusing the newest (#${previous.id}).`,
    );
  }
  const existing = new Set((await client.listAnnotations(previous.id)).map(annotationKey));
  const reopened = await reopen(client, previous, target, startedAt);
  if (reopened === undefined) {
    options.logger.warning(
      `GitHub did not reopen check run #${previous.id}; creating a new "${target.name}" check run so the earlier verdict does not stand for this run.`,
    );
    return createRun(client, target, startedAt, options.logger);
  }
  options.logger.info(
    `Check run "${target.name}" on ${target.headSha.slice(0, 12)} reused for this run: ${reopened.htmlUrl ?? `#${reopened.id}`}`,
  );
  return handle(reopened, true, existing);
}

export interface CompleteOptions {
  logger: Logger;
  now?: () => Date;
  /** The full report (the workflow run), linked from the summary when it had to be cut. */
  fullReportUrl?: string;
  secrets?: Secrets;
  /** The `approve-label` input, named in the "how to approve" text of an `action_required` run. */
  approveLabel?: string;
  /** From `approveFindings`: who approved, and which approvals were ignored and why. */
  approvalNotes?: readonly string[];
}

export interface CompletedCheckRun {
  conclusion: CheckConclusion;
  htmlUrl: string | undefined;
  /** Update requests sent (the first completes the run, the rest carry more annotations). */
  requests: number;
  annotationsSent: number;
  /** Annotations the run already had from an earlier run on this commit, not sent again. */
  annotationsAlreadyPresent: number;
}

export async function completeCheckRun(
  client: GitHubClient,
  run: CheckRunHandle,
  report: Report,
  options: CompleteOptions,
): Promise<CompletedCheckRun> {
  const now = options.now ?? (() => new Date());
  const conclusion = checkConclusion(report);
  const output = checkOutput(report, {
    ...(options.fullReportUrl === undefined ? {} : { fullReportUrl: options.fullReportUrl }),
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    ...(options.approveLabel === undefined ? {} : { approveLabel: options.approveLabel }),
    ...(options.approvalNotes === undefined ? {} : { approvalNotes: options.approvalNotes }),
  });
  const all = findingAnnotations(report.findings, options.secrets);
  const fresh = all.filter((a) => !run.existingAnnotations.has(annotationKey(a)));
  const groups = batches(fresh);
  // The first request completes the run, so the conclusion is right even if a later batch fails.
  let info: CheckRunInfo | undefined;
  for (const [index, annotations] of groups.entries()) {
    info = await client.updateCheckRun(run.id, {
      ...(index === 0 ? { status: "completed" as const, conclusion, completedAt: isoSeconds(now()) } : {}),
      output: { ...output, annotations },
    });
  }
  options.logger.info(
    `Check run "${run.name}" completed: ${conclusion} (${fresh.length} annotation${fresh.length === 1 ? "" : "s"} in ${groups.length} request${groups.length === 1 ? "" : "s"}).`,
  );
  return {
    conclusion,
    htmlUrl: info?.htmlUrl ?? run.htmlUrl,
    requests: groups.length,
    annotationsSent: fresh.length,
    annotationsAlreadyPresent: all.length - fresh.length,
  };
}
