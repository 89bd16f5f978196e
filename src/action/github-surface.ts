/**
 * The gate's GitHub surface in the action: a check run started on the head as soon as the gate
 * starts (so a required check shows "running"), approvals read before untrusted code runs, and at
 * the end the completed check run, the sticky comment, or — on a read-only token — a clear notice in
 * the job summary and workflow-command annotations instead.
 */
import * as core from "@actions/core";
import type { Logger } from "../core/logger.js";
import { approveFindings } from "../github/approvals.js";
import { createGitHubClient } from "../github/client.js";
import { GitHubPublisher, readOnlyNotice, type PublishResult } from "../github/publisher.js";
import type { GitHubClient } from "../github/types.js";
import { workflowCommandAnnotations } from "../github/workflow-commands.js";
import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { Secrets } from "../report/secrets.js";
import type { GateEvent } from "./event.js";
import type { ActionSettings } from "./settings.js";

export interface Surface {
  approve: ((findings: Finding[]) => Promise<Finding[]>) | undefined;
  finish(report: Report): Promise<PublishResult | undefined>;
}

export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

export async function openSurface(
  settings: ActionSettings,
  event: Exclude<GateEvent, { kind: "unhandled" }>,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  secrets: Secrets,
): Promise<Surface> {
  const repository = env.GITHUB_REPOSITORY;
  if (settings.token === undefined || repository === undefined || repository === "") {
    logger.warning("no token or GITHUB_REPOSITORY: the report goes to the job summary and outputs only");
    return { approve: undefined, finish: () => Promise.resolve(undefined) };
  }
  const client: GitHubClient = createGitHubClient({ token: settings.token, repository, logger, env });
  const publisher = new GitHubPublisher(client, { logger, secrets });
  const details = runUrl(env);
  await publisher.startCheck({
    name: settings.checkName,
    headSha: event.head,
    ...(details ? { detailsUrl: details } : {}),
  });
  const pullNumber = event.kind === "pull_request" ? event.number : undefined;
  const notes: string[] = [];
  const approve =
    pullNumber === undefined
      ? undefined
      : async (findings: Finding[]): Promise<Finding[]> => {
          const outcome = await approveFindings(client, findings, {
            pullNumber,
            headSha: event.head,
            label: settings.approveLabel,
            logger,
          });
          for (const note of outcome.notes) if (!notes.includes(note)) notes.push(note);
          return outcome.findings;
        };
  return {
    approve,
    async finish(report) {
      const result = await publisher.finish(report, {
        pullNumber,
        // Comments belong to pull requests; push and merge_group runs report through the check run.
        comment: pullNumber === undefined ? "off" : settings.comment,
        approveLabel: settings.approveLabel,
        approvalNotes: notes,
        ...(details ? { fullReportUrl: details } : {}),
      });
      logger.info(`check run: ${result.checkRun.detail}; comment: ${result.comment.detail}`);
      const notice = readOnlyNotice(result);
      if (notice) {
        await core.summary
          .addRaw(`\n\n${notice.markdown}\n`, true)
          .write()
          .catch(() => undefined);
        process.stdout.write(`${notice.annotation}\n`);
        for (const line of workflowCommandAnnotations(report.findings, { reserved: { warning: 1 } }))
          process.stdout.write(`${line}\n`);
      }
      return result;
    },
  };
}
