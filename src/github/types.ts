/**
 * The GitHub API as the publishers and approvals see it: a few typed calls returning plain data, not
 * Octokit's response types. `client.ts` implements it over Octokit; tests run it against the fake API
 * server (test/support/fake-github), so nothing here is mocked.
 */

export interface RepoId {
  owner: string;
  repo: string;
}

export type AnnotationLevel = "notice" | "warning" | "failure";

/** One annotation as the Checks API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  /** Shown under the summary: how to approve, and the approval notes. */
  text?: string;
  annotations?: CheckAnnotation[];
}

export type CheckConclusion = "success" | "failure" | "action_required";

export interface CheckRunCreate {
  name: string;
  headSha: string;
  status: "in_progress";
  startedAt: string;
  output: CheckRunOutput;
  detailsUrl?: string;
  externalId?: string;
}

export interface CheckRunUpdate {
  status?: "in_progress" | "completed";
  startedAt?: string;
  conclusion?: CheckConclusion;
  completedAt?: string;
  output: CheckRunOutput;
  detailsUrl?: string;
}

export interface CheckRunInfo {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  htmlUrl: string | undefined;
  /** The GitHub App that owns the run (only it may update the run). */
  appSlug: string | undefined;
}

export interface AnnotationInfo {
  path: string;
  startLine: number;
  endLine: number;
  level: string;
  title: string | null;
  message: string | null;
}

export interface Actor {
  login: string;
  /** "User", "Bot", "Organization"… */
  type: string;
}

export interface IssueComment {
  id: number;
  body: string;
  author: Actor | undefined;
  htmlUrl: string;
}

export interface PullRequestInfo {
  number: number;
  author: Actor | undefined;
  headSha: string;
  headRef: string;
  /** The repository the head branch lives in (a fork's for fork pull requests); undefined if deleted. */
  headRepo: RepoId | undefined;
  labels: string[];
  /** The branch the pull request merges into, and its tip as GitHub last saw it. */
  baseRef: string;
  baseSha: string;
  title: string;
  body: string;
  /** "open" or "closed". */
  state: string;
  draft: boolean;
  htmlUrl: string;
}

export interface PullRequestCreate {
  /** A branch of this repository. */
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
}

/**
 * What REST can change on an existing pull request. There is no draft flag: REST cannot turn a draft
 * into a ready pull request or back (only GraphQL's markPullRequestReadyForReview /
 * convertPullRequestToDraft can).
 */
export interface PullRequestUpdate {
  title?: string;
  body?: string;
}

export interface LabelEvent {
  event: "labeled" | "unlabeled";
  label: string;
  actor: Actor | undefined;
  /** Server time of the event. */
  createdAt: string;
}

export interface Review {
  author: Actor | undefined;
  state: string;
  /** The commit the review was submitted on. */
  commitId: string | null;
  submittedAt: string | undefined;
}

/** A push to a branch, from the repository activity API (server time, not commit dates). */
export interface BranchPush {
  after: string;
  timestamp: string;
  activityType: string;
}

export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface GitHubClient {
  readonly repo: RepoId;
  /** The token's user (a PAT), or undefined for an installation token, for which GET /user answers 403. */
  authenticatedLogin(): Promise<string | undefined>;

  createCheckRun(input: CheckRunCreate): Promise<CheckRunInfo>;
  updateCheckRun(id: number, input: CheckRunUpdate): Promise<CheckRunInfo>;
  /** Every check run named `name` on `sha` (all suites, newest first). */
  listCheckRuns(sha: string, name: string): Promise<CheckRunInfo[]>;
  listAnnotations(checkRunId: number): Promise<AnnotationInfo[]>;

  /** Every comment on the issue or pull request, oldest first (all pages). */
  listIssueComments(issueNumber: number): Promise<IssueComment[]>;
  createIssueComment(issueNumber: number, body: string): Promise<IssueComment>;
  updateIssueComment(commentId: number, body: string): Promise<IssueComment>;

  getPullRequest(pullNumber: number): Promise<PullRequestInfo>;
  /** The open pull request whose head is `branch` of this repository, if there is one. */
  findOpenPullRequest(branch: string): Promise<PullRequestInfo | undefined>;
  createPullRequest(input: PullRequestCreate): Promise<PullRequestInfo>;
  updatePullRequest(pullNumber: number, input: PullRequestUpdate): Promise<PullRequestInfo>;
  /** Label events of the issue or pull request, oldest first. */
  listLabelEvents(issueNumber: number): Promise<LabelEvent[]>;
  listReviews(pullNumber: number): Promise<Review[]>;
  permissionOf(login: string): Promise<RepoPermission>;
  /** Pushes to `branch` of `repo`, newest first (at most a few pages). */
  listBranchPushes(repo: RepoId, branch: string): Promise<BranchPush[]>;
}
