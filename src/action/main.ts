/**
 * The action: settings → event → check run started → gate → publish → step status. Thin on
 * purpose; the gate lives in src/gate/, the GitHub surface in src/github/.
 */
import * as core from "@actions/core";
import { join } from "node:path";
import { describeError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { removeTreeInBackground, scratchRoot, setTempRoot } from "../core/temp-dir.js";
import { errorReport } from "../gate/error-report.js";
import { runGate } from "../gate/gate.js";
import { abortOnSignals } from "../gate/interrupt.js";
import type { Report } from "../model/report.js";
import { Secrets } from "../report/secrets.js";
import { actionsLogger } from "./actions-logger.js";
import { actionBaseCache } from "./base-cache.js";
import { readGateEvent } from "./event.js";
import { ensureCommits } from "./fetch-commits.js";
import { openSurface, type Surface } from "./github-surface.js";
import { writeJobSummary, writeReportFile } from "./publish.js";
import { failsStep } from "./fail-on.js";
import { readSettings, type ActionSettings, type FailOn } from "./settings.js";
import { isTaskRun } from "./task-mode.js";
import { runTaskStep } from "./task-step.js";

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = actionsLogger();
  const runId = `gh-${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}-${process.pid}`;
  core.saveState("run-id", runId);
  const tempRoot = join(scratchRoot(env), `loophole-${runId}`);
  core.saveState("temp-root", tempRoot);
  await setTempRoot(tempRoot);
  // Removed on every way out of a normal run, by a detached process so the step need not wait for
  // it; the post step covers a run that was killed, and sweeps trash a killed removal left.
  await using _tempRoot = {
    [Symbol.asyncDispose]: () => removeTreeInBackground(tempRoot).catch(() => undefined),
  };
  const secrets = new Secrets();
  let settings: ActionSettings | undefined;
  let surface: Surface | undefined;
  let report: Report;
  await using interrupt = abortOnSignals(logger);
  try {
    settings = readSettings(env);
    if (settings.token !== undefined) {
      // The runner masks the raw token only; git's basic-auth header carries it base64-encoded.
      core.setSecret(settings.token);
      core.setSecret(Buffer.from(`x-access-token:${settings.token}`).toString("base64"));
      secrets.add(settings.token);
    }
    if (isTaskRun(env.GITHUB_EVENT_NAME, settings)) {
      // Task mode (a dispatched task, a `/loophole` comment) reports through its own step outputs.
      await runTaskStep(settings, env, logger, { secrets, runId, signal: interrupt.signal });
      return;
    }
    const event = await readGateEvent(env, { base: settings.base, head: settings.head });
    if (event.kind === "unhandled") {
      // No work (no image pulls, no API calls) for events the gate does not handle.
      report = errorReport(
        `loophole does not handle the "${event.name}" event. It gates pull_request, pull_request_target, push and merge_group; for other events set both the \`base\` and \`head\` inputs.`,
        settings.contract,
      );
    } else if (event.base === undefined) {
      report = errorReport(
        "This push created a new branch, so there is no earlier commit to judge it against. Set the `base` input (for example to the default branch).",
        settings.contract,
      );
    } else {
      surface = await openSurface(settings, event, env, logger, secrets);
      const pullRef =
        event.kind === "pull_request"
          ? [`+refs/pull/${event.number}/head:refs/remotes/loophole/pull/${event.number}`]
          : [];
      await ensureCommits(
        settings.workingDirectory,
        [event.base, event.head],
        settings.token,
        env,
        logger,
        pullRef,
      );
      const cache = await actionBaseCache(env, logger);
      report = await runGate(
        {
          repoDir: settings.workingDirectory,
          base: event.base,
          head: event.head,
          contractPath: settings.contract,
          runId,
          signal: interrupt.signal,
          ...(settings.runtime ? { runtime: settings.runtime } : {}),
        },
        { logger, baseCache: cache.cache, ...(surface.approve ? { approve: surface.approve } : {}) },
      );
      await cache.save();
    }
  } catch (error) {
    report = errorReport(describeError(error), settings?.contract ?? "loophole.json");
  }
  await finish(report, settings?.failOn ?? "fail", runId, env, logger, secrets, surface);
}

async function finish(
  report: Report,
  failOn: FailOn,
  runId: string,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  secrets: Secrets,
  surface: Surface | undefined,
): Promise<void> {
  const path = await writeReportFile(report, runId, env, secrets);
  await writeJobSummary(report, logger, secrets);
  const published = await surface?.finish(report);
  core.setOutput("outcome", report.outcome);
  core.setOutput("report-json", path);
  if (published?.checkRun.url) core.setOutput("check-run-url", published.checkRun.url);
  if (published?.comment.url) core.setOutput("comment-url", published.comment.url);
  logger.info(report.headline);
  for (const reason of report.reasons) logger.info(`  - ${secrets.mask(reason)}`);
  if (failsStep(report.outcome, failOn))
    core.setFailed(secrets.mask(`${report.headline} ${report.reasons.join("; ")}`));
}
