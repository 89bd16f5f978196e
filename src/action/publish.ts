/**
 * Where the report goes in the Actions run: the job summary (markdown, under the 1 MiB limit), the
 * JSON file (path in the `report-json` output) and the `outcome` output. Check runs and PR comments
 * are published by the GitHub surface (src/github/).
 */
import * as core from "@actions/core";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "../core/logger.js";
import { getErrorMessage } from "../core/errors.js";
import type { Report } from "../model/report.js";
import { renderJson } from "../report/json.js";
import { renderMarkdown } from "../report/markdown.js";
import type { Secrets } from "../report/secrets.js";

/** Job summaries over 1 MiB fail to upload; stay well under it. */
const SUMMARY_MAX_CHARS = 900_000;

export async function writeReportFile(
  report: Report,
  runId: string,
  env: NodeJS.ProcessEnv,
  secrets?: Secrets,
): Promise<string> {
  const dir = join(env.RUNNER_TEMP ?? tmpdir(), "loophole");
  await mkdir(dir, { recursive: true });
  const path = join(dir, `report-${runId}.json`);
  await writeFile(path, renderJson(report, secrets ? { secrets } : {}));
  return path;
}

export async function writeJobSummary(report: Report, logger: Logger, secrets?: Secrets): Promise<void> {
  try {
    await core.summary
      .addRaw(renderMarkdown(report, { maxChars: SUMMARY_MAX_CHARS, ...(secrets ? { secrets } : {}) }), true)
      .write();
  } catch (error) {
    // No GITHUB_STEP_SUMMARY (e.g. a local run) must not turn a verdict into a crash.
    logger.warning(`could not write the job summary: ${getErrorMessage(error)}`);
  }
}
