/**
 * The action: settings → event → gate → publish → step status. Thin on purpose; the gate itself
 * lives in src/gate/.
 */
import * as core from "@actions/core";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTempRoot } from "../core/temp-dir.js";
import { describeError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { errorReport } from "../gate/error-report.js";
import { runGate } from "../gate/gate.js";
import type { Outcome, Report } from "../model/report.js";
import { actionsLogger } from "./actions-logger.js";
import { readGateEvent } from "./event.js";
import { ensureCommits } from "./fetch-commits.js";
import { writeJobSummary, writeReportFile } from "./publish.js";
import { readSettings, type ActionSettings, type FailOn } from "./settings.js";

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = actionsLogger();
  const runId = `gh-${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}-${process.pid}`;
  core.saveState("run-id", runId);
  const tempRoot = join(tmpdir(), `loophole-${runId}`);
  core.saveState("temp-root", tempRoot);
  await setTempRoot(tempRoot);
  let settings: ActionSettings | undefined;
  let report: Report;
  try {
    settings = readSettings(env);
    if (settings.token !== undefined) {
      // The runner masks the raw token only; git's basic-auth header carries it base64-encoded.
      core.setSecret(settings.token);
      core.setSecret(Buffer.from(`x-access-token:${settings.token}`).toString("base64"));
    }
    report = await gate(settings, env, runId, logger);
  } catch (error) {
    report = errorReport(describeError(error), settings?.contract ?? "loophole.json");
  }
  await finish(report, settings?.failOn ?? "fail", runId, env, logger);
}

async function gate(
  settings: ActionSettings,
  env: NodeJS.ProcessEnv,
  runId: string,
  logger: Logger,
): Promise<Report> {
  const event = await readGateEvent(env, { base: settings.base, head: settings.head });
  if (event.kind === "unhandled") {
    // No work (no image pulls, no API calls) for events the gate does not handle.
    return errorReport(
      `loophole does not handle the "${event.name}" event. It gates pull_request, pull_request_target, push and merge_group; for other events set both the \`base\` and \`head\` inputs.`,
      settings.contract,
    );
  }
  if (event.base === undefined) {
    return errorReport(
      "This push created a new branch, so there is no earlier commit to judge it against. Set the `base` input (for example to the default branch).",
      settings.contract,
    );
  }
  await ensureCommits(settings.workingDirectory, [event.base, event.head], settings.token, env, logger);
  return runGate(
    {
      repoDir: settings.workingDirectory,
      base: event.base,
      head: event.head,
      contractPath: settings.contract,
      runId,
      ...(settings.runtime ? { runtime: settings.runtime } : {}),
    },
    { logger },
  );
}

async function finish(
  report: Report,
  failOn: FailOn,
  runId: string,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Promise<void> {
  const path = await writeReportFile(report, runId, env);
  await writeJobSummary(report, logger);
  core.setOutput("outcome", report.outcome);
  core.setOutput("report-json", path);
  logger.info(report.headline);
  for (const reason of report.reasons) logger.info(`  - ${reason}`);
  if (failsStep(report.outcome, failOn)) core.setFailed(`${report.headline}: ${report.reasons.join("; ")}`);
}

export function failsStep(outcome: Outcome, failOn: FailOn): boolean {
  if (outcome === "pass" || failOn === "never") return false;
  return failOn === "fail" || outcome === "error";
}
