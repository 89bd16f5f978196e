/**
 * Publishing a run to GitHub: the check run (started when the gate starts, completed with the
 * verdict) and the sticky comment. Publishing never throws and never turns a verdict into a success:
 * a failure to publish is returned as a status for the caller to show.
 *
 * A read-only token (a pull request from a fork run on `pull_request`) gets 403 on the first write.
 * From then on nothing else is attempted, and every status says `read-only`; the caller then writes
 * `readOnlyNotice()` to the job summary and log, and the findings as workflow-command annotations.
 */
import { getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { Report } from "../model/report.js";
import type { Secrets } from "../report/secrets.js";
import { completeCheckRun, startCheckRun, type CheckRunHandle, type CheckRunTarget } from "./check-run.js";
import { GitHubApiError } from "./errors.js";
import { resolveCommentIdentity, type CommentIdentity } from "./identity.js";
import { publishStickyComment, type CommentMode } from "./sticky-comment.js";
import type { GitHubClient } from "./types.js";
import { workflowCommand } from "./workflow-commands.js";

export type PublishState = "published" | "skipped" | "read-only" | "failed";

export interface PublishStatus {
  state: PublishState;
  /** One line for the log and the job summary. */
  detail: string;
  url?: string;
}

export interface PublisherOptions {
  logger: Logger;
  now?: () => Date;
  /** Slug of the GitHub App behind the token when it is not GITHUB_TOKEN's `github-actions`. */
  appSlug?: string;
  /** A login to treat as our comment author without asking GitHub. */
  commentAuthor?: string;
  secrets?: Secrets;
}

export interface FinishRequest {
  /** The pull request to comment on; undefined for push and merge_group runs. */
  pullNumber: number | undefined;
  comment: CommentMode;
  /** The workflow run (job summary, JSON report), linked when a report had to be cut. */
  fullReportUrl?: string;
  /** The `approve-label` input, named in the check run's "how to approve" text. */
  approveLabel?: string;
  /** `ApprovalOutcome.notes`, shown in the check run's text. */
  approvalNotes?: readonly string[];
}

export interface PublishResult {
  checkRun: PublishStatus;
  comment: PublishStatus;
  /** Set when the token turned out to be read-only: what GitHub answered. */
  readOnly: string | undefined;
}

export class GitHubPublisher {
  readonly #client: GitHubClient;
  readonly #options: PublisherOptions;
  #target: CheckRunTarget | undefined;
  #check: CheckRunHandle | undefined;
  /** Why starting failed, and whether another try could fix it (an outage, a rate limit). */
  #startFailure: { status: PublishStatus; retry: boolean } | undefined;
  #denied: GitHubApiError | undefined;
  #identity: CommentIdentity | undefined;

  constructor(client: GitHubClient, options: PublisherOptions) {
    this.#client = client;
    this.#options = options;
  }

  /** The refused write, when the token proved read-only. */
  get readOnly(): GitHubApiError | undefined {
    return this.#denied;
  }

  #readOnlyStatus(): PublishStatus {
    return {
      state: "read-only",
      detail: `not published: the token is read-only (${this.#denied?.message ?? "403"})`,
    };
  }

  /** Runs a publishing step; a refused write marks the token read-only, other errors are reported. */
  async #attempt<T>(
    what: string,
    fn: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; status: PublishStatus; error: unknown }> {
    if (this.#denied !== undefined) return { ok: false, status: this.#readOnlyStatus(), error: this.#denied };
    try {
      return { ok: true, value: await fn() };
    } catch (error) {
      if (error instanceof GitHubApiError && error.isWriteDenied) {
        this.#denied = error;
        this.#options.logger.warning(`Could not ${what}: ${error.message}`);
        return { ok: false, status: this.#readOnlyStatus(), error };
      }
      const detail = `could not ${what}: ${getErrorMessage(error)}`;
      this.#options.logger.warning(detail);
      return { ok: false, status: { state: "failed", detail }, error };
    }
  }

  #checkOptions(): { logger: Logger; now?: () => Date; appSlug?: string } {
    return {
      logger: this.#options.logger,
      ...(this.#options.now === undefined ? {} : { now: this.#options.now }),
      ...(this.#options.appSlug === undefined ? {} : { appSlug: this.#options.appSlug }),
    };
  }

  /** Creates (or reuses) the `in_progress` check run on the head; call as the gate starts. */
  async startCheck(target: CheckRunTarget): Promise<PublishStatus> {
    this.#target = target;
    const result = await this.#attempt("start the check run", () =>
      startCheckRun(this.#client, target, this.#checkOptions()),
    );
    if (!result.ok) {
      const { error, status } = result;
      this.#startFailure = {
        status,
        retry:
          error instanceof GitHubApiError && (error.kind === "unavailable" || error.kind === "rate-limit"),
      };
      return status;
    }
    this.#check = result.value;
    return {
      state: "published",
      detail: `check run ${result.value.reused ? "reused" : "created"} (in progress)`,
      ...(result.value.htmlUrl ? { url: result.value.htmlUrl } : {}),
    };
  }

  async #completeCheck(report: Report, request: FinishRequest): Promise<PublishStatus> {
    const target = this.#target;
    if (target === undefined) return { state: "skipped", detail: "no check run was started" };
    let check = this.#check;
    if (check === undefined) {
      if (this.#startFailure?.retry === false) return this.#startFailure.status;
      // A start that failed for a passing reason (an outage, a rate limit) is tried once more.
      const retried = await this.#attempt("start the check run", () =>
        startCheckRun(this.#client, target, this.#checkOptions()),
      );
      if (!retried.ok) return retried.status;
      check = retried.value;
      this.#check = check;
    }
    const started = check;
    const done = await this.#attempt("complete the check run", () =>
      completeCheckRun(this.#client, started, report, {
        logger: this.#options.logger,
        ...(this.#options.now === undefined ? {} : { now: this.#options.now }),
        ...(request.fullReportUrl === undefined ? {} : { fullReportUrl: request.fullReportUrl }),
        ...(this.#options.secrets === undefined ? {} : { secrets: this.#options.secrets }),
        ...(request.approveLabel === undefined ? {} : { approveLabel: request.approveLabel }),
        ...(request.approvalNotes === undefined ? {} : { approvalNotes: request.approvalNotes }),
      }),
    );
    if (!done.ok) return done.status;
    return {
      state: "published",
      detail: `check run completed: ${done.value.conclusion}`,
      ...(done.value.htmlUrl ? { url: done.value.htmlUrl } : {}),
    };
  }

  async #comment(
    report: Report,
    request: FinishRequest,
    checkUrl: string | undefined,
  ): Promise<PublishStatus> {
    if (request.comment === "off") return { state: "skipped", detail: "comment: off" };
    if (request.pullNumber === undefined)
      return { state: "skipped", detail: "no pull request to comment on" };
    const pullNumber = request.pullNumber;
    const result = await this.#attempt("publish the report comment", async () => {
      this.#identity ??= await resolveCommentIdentity(this.#client, {
        ...(this.#options.commentAuthor === undefined ? {} : { configured: this.#options.commentAuthor }),
        ...((this.#check?.appSlug ?? this.#options.appSlug)
          ? { appSlug: this.#check?.appSlug ?? this.#options.appSlug }
          : {}),
      });
      const fullReportUrl = checkUrl ?? request.fullReportUrl;
      return publishStickyComment(this.#client, {
        pullNumber,
        mode: request.comment,
        report,
        checkName: this.#target?.name ?? "loophole",
        identity: this.#identity.login,
        logger: this.#options.logger,
        ...(fullReportUrl === undefined ? {} : { fullReportUrl }),
        ...(this.#options.secrets === undefined ? {} : { secrets: this.#options.secrets }),
      });
    });
    if (!result.ok) return result.status;
    const r = result.value;
    return r.action === "skipped"
      ? { state: "skipped", detail: r.reason }
      : { state: "published", detail: `comment ${r.action}`, url: r.url };
  }

  /** Completes the check run, then writes the comment (linking the check run). */
  async finish(report: Report, request: FinishRequest): Promise<PublishResult> {
    const checkRun = await this.#completeCheck(report, request);
    const comment = await this.#comment(
      report,
      request,
      checkRun.state === "published" ? checkRun.url : undefined,
    );
    return { checkRun, comment, readOnly: this.#denied?.message };
  }
}

const PULL_REQUEST_TARGET_DOCS =
  "https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#pull_request_target";

export interface ReadOnlyNotice {
  /** For the job summary. */
  markdown: string;
  /** A `::warning` workflow command for the log. */
  annotation: string;
}

/** What to tell the user when nothing could be posted because the token is read-only. */
export function readOnlyNotice(result: PublishResult): ReadOnlyNotice | undefined {
  if (result.readOnly === undefined) return undefined;
  const text =
    "loophole could not post its check run or pull request comment: the workflow token is read-only, as it always is for a pull request from a fork on the `pull_request` event. " +
    "The verdict in this job summary stands, and this job's status reflects it. " +
    `To publish the check run and comment, run loophole on \`pull_request_target\` instead (the workflow then comes from the base branch; fork code still runs only inside the sandbox): ${PULL_REQUEST_TARGET_DOCS}`;
  return {
    markdown: `> [!WARNING]\n> ${text}`,
    annotation: workflowCommand("warning", text.replace(/`/g, ""), {
      title: "loophole could not publish to the pull request",
    }),
  };
}
