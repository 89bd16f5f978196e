/**
 * Task mode as a step: read the event, run the task, then the step's outputs, the JSON report, the
 * job summary and the step's status. A refused or ignored `/loophole` comment leaves the step green:
 * refusing was the right outcome, and a red run for every drive-by comment would only be noise (the
 * `outcome` output says `refused` or `skipped`, and the reply comment says why). A task that did not
 * pass fails the step as the gate does (`fail-on`), and so does a verdict that could not be
 * published (no pull request, no check run).
 */
import * as core from "@actions/core";
import { ConfigurationError, describeError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { errorReport } from "../gate/error-report.js";
import { failsStep } from "./fail-on.js";
import { writeJobSummary, writeReportFile } from "./publish.js";
import type { ActionSettings } from "./settings.js";
import { isTaskEventName, readTaskEvent } from "./task-event.js";
import { runTaskAction, type TaskActionResult, type TaskContext } from "./task-mode.js";
import { outputs, transcriptsDir } from "./task-run.js";

async function run(
  settings: ActionSettings,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  context: TaskContext,
): Promise<TaskActionResult> {
  try {
    const name = env.GITHUB_EVENT_NAME;
    if (!isTaskEventName(name))
      throw new ConfigurationError(
        `Task mode runs on workflow_dispatch and issue_comment, not "${name ?? ""}".`,
      );
    const event = await readTaskEvent(name, env);
    return await runTaskAction(settings, event, env, logger, context);
  } catch (error) {
    return {
      report: errorReport(describeError(error), settings.contract),
      outputs: outputs({ outcome: "error" }),
      problems: [],
      summary: "loophole: task mode could not start.",
    };
  }
}

export async function runTaskStep(
  settings: ActionSettings,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  context: TaskContext,
): Promise<void> {
  const result = await run(settings, env, logger, context);
  const { report, outputs } = result;
  const { secrets } = context;
  if (report !== undefined) {
    core.setOutput("report-json", await writeReportFile(report, context.runId, env, secrets));
    await writeJobSummary(report, logger, secrets);
  } else {
    await core.summary
      .addRaw(`${secrets.mask(result.summary)}\n`, true)
      .write()
      .catch(() => undefined);
  }
  core.setOutput("outcome", outputs.outcome);
  core.setOutput("branch", outputs.branch);
  core.setOutput("pr-url", outputs.prUrl);
  core.setOutput("rounds", String(outputs.rounds));
  if (outputs.rounds > 0) core.setOutput("transcripts", transcriptsDir(env, context.runId));
  if (outputs.checkRunUrl !== undefined) core.setOutput("check-run-url", outputs.checkRunUrl);
  if (outputs.commentUrl !== undefined) core.setOutput("comment-url", outputs.commentUrl);
  logger.info(secrets.mask(result.summary));
  const failures: string[] = [];
  if (report !== undefined) {
    logger.info(report.headline);
    for (const reason of report.reasons) logger.info(`  - ${secrets.mask(reason)}`);
    if (failsStep(report.outcome, settings.failOn))
      failures.push(`${report.headline} ${report.reasons.join("; ")}`);
  }
  failures.push(...result.problems);
  if (failures.length > 0) core.setFailed(secrets.mask(failures.join("\n")));
}
