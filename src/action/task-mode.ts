/**
 * Task mode in the action: a `workflow_dispatch` with a task, or a `/loophole <task>` comment on a
 * pull request, runs the agent loop (src/loop/) on a branch, pushes every checkpoint as soon as it
 * exists (a cancelled job loses no finished round; the next run continues from the last one), then
 * opens or updates the pull request with the report and posts the check run on the pushed head.
 *
 * That check run is posted by loophole itself because what GITHUB_TOKEN pushes or opens starts no
 * workflow (or one that waits for a maintainer's approval): without it the new head has no verdict.
 *
 * The executor never sees the token: the loop passes a container only the secrets the contract
 * names, and the environment it reads them from here has the token's variables removed besides.
 */
import { ConfigurationError, describeError, getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { errorReport } from "../gate/error-report.js";
import { createGitHubClient } from "../github/client.js";
import { runUrl } from "./github-surface.js";
import type { ActionSettings } from "./settings.js";
import type { TaskEvent } from "./task-event.js";
import { planTask, skipReason } from "./task-plan.js";
import { outputs, runPlan, type Job, type TaskActionResult, type TaskContext } from "./task-run.js";

export type { TaskActionResult, TaskContext, TaskOutcome, TaskOutputs } from "./task-run.js";

/** Task mode runs on a `/loophole` comment, and on a dispatch unless `head` asks to gate a commit. */
export function isTaskRun(eventName: string | undefined, settings: Pick<ActionSettings, "head">): boolean {
  if (eventName === "issue_comment") return true;
  return eventName === "workflow_dispatch" && settings.head === undefined;
}

export async function runTaskAction(
  settings: ActionSettings,
  event: TaskEvent,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  context: TaskContext,
): Promise<TaskActionResult> {
  const skip = skipReason(event);
  if (skip !== undefined) {
    return {
      report: undefined,
      outputs: outputs({ outcome: "skipped" }),
      problems: [],
      summary: `loophole: nothing to do (${skip}).`,
    };
  }
  const repository = env.GITHUB_REPOSITORY;
  if (settings.token === undefined || repository === undefined || repository === "") {
    throw new ConfigurationError(
      "Task mode pushes a branch and opens a pull request, so it needs the `token` input and GITHUB_REPOSITORY.",
      ["Give the job `contents: write`, `pull-requests: write` and `checks: write`."],
    );
  }
  const client = createGitHubClient({ token: settings.token, repository, logger, env });
  const details = runUrl(env);
  const planned = await planTask(settings, event, client, {
    runId: env.GITHUB_RUN_ID ?? context.runId,
    runUrl: details,
  });
  if (planned.kind === "skip") {
    return {
      report: undefined,
      outputs: outputs({ outcome: "skipped" }),
      problems: [],
      summary: `loophole: nothing to do (${planned.why}).`,
    };
  }
  if (planned.kind === "refuse") {
    let commentUrl: string | undefined;
    try {
      commentUrl = (await client.createIssueComment(planned.issueNumber, planned.refusal.message)).htmlUrl;
    } catch (error) {
      logger.warning(`could not reply to the /loophole comment: ${getErrorMessage(error)}`);
    }
    return {
      report: undefined,
      outputs: outputs({ outcome: "refused", commentUrl }),
      problems: [],
      summary: `loophole refused the /loophole command (${planned.refusal.reason}); the reply says why.`,
    };
  }
  const { plan } = planned;
  const job: Job = { settings, env, logger, context, client, details };
  const pushed = { branch: "" };
  try {
    return await runPlan(plan, job, pushed);
  } catch (error) {
    const message = describeError(error);
    if (plan.pull !== undefined) {
      const text = `loophole could not finish the task: ${context.secrets.mask(message)}${details === undefined ? "" : `\n\nSee the [workflow run](${details}).`}`;
      await client.createIssueComment(plan.pull.number, text).catch((e: unknown) => {
        logger.warning(`could not report the error on the pull request: ${getErrorMessage(e)}`);
      });
    }
    return {
      report: errorReport(message, settings.contract),
      outputs: outputs({ outcome: "error", branch: pushed.branch }),
      problems: [],
      summary: "loophole: the task could not finish.",
    };
  }
}
