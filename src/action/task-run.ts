/**
 * One task run, once planned: the base and branch fetched, the local branch pointed where the work
 * continues, the loop with every checkpoint pushed as it is made, then the check run on the pushed
 * head and the pull request (see the module comment of task-mode.ts for why loophole posts both).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigurationError, getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { readBaseContract } from "../gate/base-contract.js";
import { Git } from "../git/git.js";
import { GitWriter } from "../git/git-writer.js";
import { resolveCommentIdentity } from "../github/identity.js";
import { GitHubPublisher } from "../github/publisher.js";
import type { GitHubClient } from "../github/types.js";
import { runLoop } from "../loop/run-loop.js";
import type { Outcome, Report } from "../model/report.js";
import type { Secrets } from "../report/secrets.js";
import { actionBaseCache } from "./base-cache.js";
import { ensureCommits } from "./fetch-commits.js";
import type { ActionSettings } from "./settings.js";
import { pushCommit, remoteAuth, remoteTip } from "./task-git.js";
import type { TaskPlan } from "./task-plan.js";
import { publishPullRequest, type PullRequestResult } from "./task-publish.js";

/** `refused` and `skipped` are task mode's own: nothing ran, and that was the right thing to do. */
export type TaskOutcome = Outcome | "refused" | "skipped";

export interface TaskOutputs {
  outcome: TaskOutcome;
  /** The branch checkpoints were pushed to; "" when nothing was pushed. */
  branch: string;
  prUrl: string;
  rounds: number;
  checkRunUrl: string | undefined;
  commentUrl: string | undefined;
}

export interface TaskActionResult {
  /** Undefined when nothing ran (refused, skipped). */
  report: Report | undefined;
  outputs: TaskOutputs;
  /** What went wrong after the verdict (the pull request could not be opened…): fails the step. */
  problems: string[];
  /** One line for the log and job summary. */
  summary: string;
}

export interface TaskContext {
  secrets: Secrets;
  /** This job's run id (labels of its containers; the post step removes leftovers by it). */
  runId: string;
  signal?: AbortSignal;
}

/** Where each round's full executor transcript goes, for upload as an artifact (`transcripts` output). */
export function transcriptsDir(env: NodeJS.ProcessEnv, runId: string): string {
  return join(env.RUNNER_TEMP ?? tmpdir(), "loophole", `transcripts-${runId}`);
}

export function outputs(partial: Partial<TaskOutputs> & { outcome: TaskOutcome }): TaskOutputs {
  return { branch: "", prUrl: "", rounds: 0, checkRunUrl: undefined, commentUrl: undefined, ...partial };
}

/**
 * The environment the executor's secrets are read from: the runner's, without the action's inputs,
 * the Actions runtime's tokens, or any variable holding the token.
 */
export function executorEnvironment(env: NodeJS.ProcessEnv, token: string | undefined): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^(INPUT_|ACTIONS_|STATE_)/.test(name) || name === "GITHUB_TOKEN") continue;
    if (token !== undefined && value?.includes(token) === true) continue;
    kept[name] = value;
  }
  return kept;
}

/** The values of the executor's secrets (as the contract names them) in this environment. */
export function secretValues(names: readonly string[], env: NodeJS.ProcessEnv): string[] {
  return names.map((name) => env[name]).filter((v): v is string => v !== undefined && v !== "");
}

/** What every step of a run needs. */
export interface Job {
  settings: ActionSettings;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  context: TaskContext;
  client: GitHubClient;
  /** The workflow run's URL. */
  details: string | undefined;
}

export async function runPlan(
  plan: TaskPlan,
  job: Job,
  pushed: { branch: string },
): Promise<TaskActionResult> {
  const { settings, env, logger, context } = job;
  const repoDir = settings.workingDirectory;
  const git = await Git.open(repoDir, logger);
  const writer = new GitWriter(git);
  const auth = remoteAuth(settings.token);
  const base = await remoteTip(git, auth, plan.baseRef);
  if (base === undefined)
    throw new ConfigurationError(`The base branch "${plan.baseRef}" does not exist on ${auth.remote}.`);
  const start = await remoteTip(git, auth, plan.branch);
  if (plan.pull !== undefined && start === undefined)
    throw new ConfigurationError(`The pull request's branch "${plan.branch}" no longer exists.`);
  // A shallow checkout lacks the history the gate's merge-base needs.
  await ensureCommits(repoDir, [base], settings.token, env, logger);
  // The executor's secrets may surface in its output: the report (PR body, check run) masks them.
  const loaded = await readBaseContract(git, base, base, settings.contract);
  const secretNames = loaded.ok ? (loaded.value.contract.executor?.secrets ?? []) : [];
  for (const value of secretValues(secretNames, env)) context.secrets.add(value);

  // The loop continues the local branch: point it where the work goes on (the remote tip, or the base).
  const ref = `refs/heads/${plan.branch}`;
  const local = (await writer.refExists(ref)) ? await git.resolveCommit(ref) : undefined;
  const from = start ?? base;
  if (local !== from) await writer.updateRef(ref, from, local);
  logger.info(
    start === undefined
      ? `new branch ${plan.branch} from ${plan.baseRef} at ${base.slice(0, 12)}`
      : `continuing ${plan.branch} from its remote tip ${start.slice(0, 12)}`,
  );
  if (start !== undefined) pushed.branch = plan.branch;

  let last = start;
  const cache = await actionBaseCache(env, logger);
  const result = await runLoop(
    {
      repoDir,
      base,
      branch: plan.branch,
      task: plan.task,
      contractPath: settings.contract,
      runId: context.runId,
      env: executorEnvironment(env, settings.token),
      transcriptDir: transcriptsDir(env, context.runId),
      ...(settings.runtime ? { runtime: settings.runtime } : {}),
      ...(settings.rounds === undefined ? {} : { rounds: settings.rounds }),
      ...(context.signal ? { signal: context.signal } : {}),
      onCheckpoint: async (commit, round) => {
        await pushCommit(git, writer, auth, plan.branch, commit);
        last = commit;
        pushed.branch = plan.branch;
        logger.info(`pushed round ${round} checkpoint ${commit.slice(0, 12)} to ${plan.branch}`);
      },
    },
    { logger, baseCache: cache.cache },
  );
  await cache.save();
  if (last === undefined) {
    return {
      report: result.report,
      outputs: outputs({ outcome: result.report.outcome, rounds: result.rounds }),
      problems: [],
      summary: `loophole: ${result.rounds} round(s) changed nothing, so no branch was pushed and no pull request opened.`,
    };
  }
  if (result.head !== last) {
    // Every checkpoint is pushed as it is made; this only guards a loop that moved the branch otherwise.
    await pushCommit(git, writer, auth, plan.branch, result.head);
  }
  return publish(plan, result.report, result.head, result.rounds, job);
}

async function publish(
  plan: TaskPlan,
  report: Report,
  head: string,
  rounds: number,
  job: Job,
): Promise<TaskActionResult> {
  const { settings, logger, context, client, details } = job;
  const problems: string[] = [];
  const publisher = new GitHubPublisher(client, { logger, secrets: context.secrets });
  await publisher.startCheck({
    name: settings.checkName,
    headSha: head,
    ...(details ? { detailsUrl: details } : {}),
  });
  let pr: PullRequestResult | undefined;
  try {
    pr = await publishPullRequest(client, {
      task: plan.task,
      branch: plan.branch,
      baseRef: plan.baseRef,
      report,
      existing: plan.pull,
      identity: (await resolveCommentIdentity(client)).login,
      secrets: context.secrets,
      logger,
      ...(details ? { fullReportUrl: details } : {}),
    });
  } catch (error) {
    const message = `the pull request could not be opened or updated: ${getErrorMessage(error)}`;
    logger.error(message);
    problems.push(message);
  }
  // loophole's own pull request holds the report in its body; a person's gets the sticky comment.
  const commentOn = pr !== undefined && !pr.ours ? pr.pull.number : undefined;
  const published = await publisher.finish(report, {
    pullNumber: commentOn,
    comment: commentOn === undefined ? "off" : settings.comment,
    approveLabel: settings.approveLabel,
    ...(details ? { fullReportUrl: details } : {}),
  });
  logger.info(`check run: ${published.checkRun.detail}; comment: ${published.comment.detail}`);
  if (published.checkRun.state === "failed" || published.checkRun.state === "read-only")
    problems.push(`the check run on ${head.slice(0, 12)} was not posted: ${published.checkRun.detail}`);
  return {
    report,
    outputs: outputs({
      outcome: report.outcome,
      branch: plan.branch,
      prUrl: pr?.pull.htmlUrl ?? "",
      rounds,
      checkRunUrl: published.checkRun.url,
      commentUrl: published.comment.url,
    }),
    problems,
    summary: `loophole: ${report.outcome} after ${rounds} round(s) on ${plan.branch} (${head.slice(0, 12)})${pr ? `; pull request #${pr.pull.number} ${pr.action}` : ""}.`,
  };
}
