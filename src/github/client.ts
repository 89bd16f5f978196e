/**
 * `GitHubClient` over Octokit: each method is one REST call (or one paginated listing) mapped to the
 * plain types in `types.ts`, and every failure becomes a `GitHubApiError` that says what permission
 * or condition is missing, without the token.
 */
import { ConfigurationError } from "../core/errors.js";
import { Secrets } from "../report/secrets.js";
import { toApiError, type OperationName } from "./errors.js";
import { createOctokit, type Octokit, type OctokitSettings } from "./octokit.js";
import { actor, asPermission, checkRunInfo, collect, comment, pullRequestInfo } from "./api-shapes.js";
import type {
  AnnotationInfo,
  BranchPush,
  CheckRunCreate,
  CheckRunInfo,
  CheckRunUpdate,
  GitHubClient,
  IssueComment,
  LabelEvent,
  PullRequestCreate,
  PullRequestInfo,
  PullRequestUpdate,
  RepoId,
  RepoPermission,
  Review,
} from "./types.js";

export const DEFAULT_API_URL = "https://api.github.com";

/** Pages read at most per listing; a lookup that hits the cap acts as if the item were absent. */
const MAX_PAGES = { comments: 100, checkRuns: 10, annotations: 50, events: 30, reviews: 30, pushes: 3 };

export interface ClientSettings extends Omit<OctokitSettings, "baseUrl"> {
  /** `owner/repo` (GITHUB_REPOSITORY) or a RepoId. */
  repository: string | RepoId;
  /** Default: `GITHUB_API_URL` from `env`, else https://api.github.com. */
  baseUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export function parseRepository(value: string): RepoId {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(value.trim());
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new ConfigurationError(
      `"${value}" is not a repository in owner/name form (as in GITHUB_REPOSITORY).`,
    );
  }
  return { owner: match[1], repo: match[2] };
}

export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.GITHUB_API_URL?.trim();
  return url === undefined || url === "" ? DEFAULT_API_URL : url;
}

export function createGitHubClient(settings: ClientSettings): GitHubClient {
  const repo =
    typeof settings.repository === "string" ? parseRepository(settings.repository) : settings.repository;
  const octokit = createOctokit({ ...settings, baseUrl: settings.baseUrl ?? apiBaseUrl(settings.env) });
  return new OctokitClient(octokit, repo, new Secrets([settings.token]));
}

class OctokitClient implements GitHubClient {
  readonly repo: RepoId;
  readonly #octokit: Octokit;
  readonly #secrets: Secrets;

  constructor(octokit: Octokit, repo: RepoId, secrets: Secrets) {
    this.#octokit = octokit;
    this.repo = repo;
    this.#secrets = secrets;
  }

  async #call<T>(name: OperationName, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toApiError(error, name, this.#secrets);
    }
  }

  async authenticatedLogin(): Promise<string | undefined> {
    try {
      const { data } = await this.#octokit.rest.users.getAuthenticated();
      return data.login;
    } catch (error) {
      const apiError = toApiError(error, "authenticatedLogin", this.#secrets);
      // An installation token (GITHUB_TOKEN, an App's token) has no user: GitHub answers 403.
      if (apiError.status === 403 && apiError.kind === "permission") return undefined;
      throw apiError;
    }
  }

  createCheckRun(input: CheckRunCreate): Promise<CheckRunInfo> {
    return this.#call("createCheckRun", async () => {
      const { data } = await this.#octokit.rest.checks.create({
        ...this.repo,
        name: input.name,
        head_sha: input.headSha,
        status: input.status,
        started_at: input.startedAt,
        output: input.output,
        ...(input.detailsUrl === undefined ? {} : { details_url: input.detailsUrl }),
        ...(input.externalId === undefined ? {} : { external_id: input.externalId }),
      });
      return checkRunInfo(data);
    });
  }

  updateCheckRun(id: number, input: CheckRunUpdate): Promise<CheckRunInfo> {
    return this.#call("updateCheckRun", async () => {
      const { data } = await this.#octokit.rest.checks.update({
        ...this.repo,
        check_run_id: id,
        output: input.output,
        ...(input.status === undefined ? {} : { status: input.status }),
        ...(input.startedAt === undefined ? {} : { started_at: input.startedAt }),
        ...(input.conclusion === undefined ? {} : { conclusion: input.conclusion }),
        ...(input.completedAt === undefined ? {} : { completed_at: input.completedAt }),
        ...(input.detailsUrl === undefined ? {} : { details_url: input.detailsUrl }),
      });
      return checkRunInfo(data);
    });
  }

  listCheckRuns(sha: string, name: string): Promise<CheckRunInfo[]> {
    return this.#call("listCheckRuns", async () => {
      const iterator = this.#octokit.paginate.iterator(this.#octokit.rest.checks.listForRef, {
        ...this.repo,
        ref: sha,
        check_name: name,
        filter: "all",
        per_page: 100,
      });
      const runs = await collect(iterator, MAX_PAGES.checkRuns);
      return runs.map(checkRunInfo).sort((a, b) => b.id - a.id);
    });
  }

  listAnnotations(checkRunId: number): Promise<AnnotationInfo[]> {
    return this.#call("listAnnotations", async () => {
      const iterator = this.#octokit.paginate.iterator(this.#octokit.rest.checks.listAnnotations, {
        ...this.repo,
        check_run_id: checkRunId,
        per_page: 100,
      });
      const annotations = await collect(iterator, MAX_PAGES.annotations);
      return annotations.map((a) => ({
        path: a.path,
        startLine: a.start_line,
        endLine: a.end_line,
        level: a.annotation_level ?? "",
        title: a.title,
        message: a.message,
      }));
    });
  }

  listIssueComments(issueNumber: number): Promise<IssueComment[]> {
    return this.#call("listIssueComments", async () => {
      const iterator = this.#octokit.paginate.iterator(this.#octokit.rest.issues.listComments, {
        ...this.repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      return (await collect(iterator, MAX_PAGES.comments)).map(comment);
    });
  }

  createIssueComment(issueNumber: number, body: string): Promise<IssueComment> {
    return this.#call("createIssueComment", async () => {
      const { data } = await this.#octokit.rest.issues.createComment({
        ...this.repo,
        issue_number: issueNumber,
        body,
      });
      return comment(data);
    });
  }

  updateIssueComment(commentId: number, body: string): Promise<IssueComment> {
    return this.#call("updateIssueComment", async () => {
      const { data } = await this.#octokit.rest.issues.updateComment({
        ...this.repo,
        comment_id: commentId,
        body,
      });
      return comment(data);
    });
  }

  getPullRequest(pullNumber: number): Promise<PullRequestInfo> {
    return this.#call("getPullRequest", async () => {
      const { data } = await this.#octokit.rest.pulls.get({ ...this.repo, pull_number: pullNumber });
      return pullRequestInfo(data);
    });
  }

  findOpenPullRequest(branch: string): Promise<PullRequestInfo | undefined> {
    return this.#call("findOpenPullRequest", async () => {
      // GitHub allows one open pull request per head and base; `head` takes `owner:branch`.
      const { data } = await this.#octokit.rest.pulls.list({
        ...this.repo,
        head: `${this.repo.owner}:${branch}`,
        state: "open",
        per_page: 100,
      });
      const same = data.map(pullRequestInfo).filter((p) => p.headRef === branch);
      return same.sort((a, b) => a.number - b.number)[0];
    });
  }

  createPullRequest(input: PullRequestCreate): Promise<PullRequestInfo> {
    return this.#call("createPullRequest", async () => {
      const { data } = await this.#octokit.rest.pulls.create({
        ...this.repo,
        head: input.head,
        base: input.base,
        title: input.title,
        body: input.body,
        draft: input.draft,
      });
      return pullRequestInfo(data);
    });
  }

  updatePullRequest(pullNumber: number, input: PullRequestUpdate): Promise<PullRequestInfo> {
    return this.#call("updatePullRequest", async () => {
      const { data } = await this.#octokit.rest.pulls.update({
        ...this.repo,
        pull_number: pullNumber,
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.body === undefined ? {} : { body: input.body }),
      });
      return pullRequestInfo(data);
    });
  }

  listLabelEvents(issueNumber: number): Promise<LabelEvent[]> {
    return this.#call("listLabelEvents", async () => {
      const iterator = this.#octokit.paginate.iterator(this.#octokit.rest.issues.listEvents, {
        ...this.repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      const events: LabelEvent[] = [];
      for (const e of await collect(iterator, MAX_PAGES.events)) {
        if ((e.event === "labeled" || e.event === "unlabeled") && "label" in e) {
          events.push({
            event: e.event,
            label: e.label.name,
            actor: actor(e.actor),
            createdAt: e.created_at,
          });
        }
      }
      return events;
    });
  }

  listReviews(pullNumber: number): Promise<Review[]> {
    return this.#call("listReviews", async () => {
      const iterator = this.#octokit.paginate.iterator(this.#octokit.rest.pulls.listReviews, {
        ...this.repo,
        pull_number: pullNumber,
        per_page: 100,
      });
      return (await collect(iterator, MAX_PAGES.reviews)).map((r) => ({
        author: actor(r.user),
        state: r.state,
        commitId: r.commit_id,
        submittedAt: r.submitted_at,
      }));
    });
  }

  permissionOf(login: string): Promise<RepoPermission> {
    return this.#call("permissionOf", async () => {
      try {
        const { data } = await this.#octokit.rest.repos.getCollaboratorPermissionLevel({
          ...this.repo,
          username: login,
        });
        return asPermission(data.role_name) ?? asPermission(data.permission) ?? "none";
      } catch (error) {
        // No such user (deleted since the event): no permission at all.
        if (toApiError(error, "permissionOf", this.#secrets).status === 404) return "none";
        throw error;
      }
    });
  }

  listBranchPushes(repo: RepoId, branch: string): Promise<BranchPush[]> {
    return this.#call("listBranchPushes", async () => {
      const iterator = this.#octokit.paginate.iterator(this.#octokit.rest.repos.listActivities, {
        ...repo,
        ref: `refs/heads/${branch}`,
        per_page: 100,
      });
      return (await collect(iterator, MAX_PAGES.pushes)).map((a) => ({
        after: a.after,
        timestamp: a.timestamp,
        activityType: a.activity_type,
      }));
    });
  }
}
