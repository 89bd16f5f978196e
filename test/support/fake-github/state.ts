/**
 * What the fake GitHub remembers: users, tokens, check runs with their annotations, issue comments,
 * pull requests, label events, reviews, branch pushes and collaborator permissions. Tests seed it
 * directly (an old comment, a label applied by someone) and read it back to assert on the outcome.
 */
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface FakeUser {
  login: string;
  id: number;
  type: "User" | "Bot";
}

export type TokenSpec =
  | { kind: "installation"; appSlug?: string; readOnly?: boolean }
  | { kind: "pat"; login: string; readOnly?: boolean };

export interface FakeApp {
  id: number;
  slug: string;
}

export interface AnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunRecord {
  id: number;
  repo: string;
  app: FakeApp;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: AnnotationRecord[];
}

export interface CommentRecord {
  id: number;
  repo: string;
  issueNumber: number;
  user: FakeUser;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface PullRecord {
  repo: string;
  number: number;
  user: FakeUser;
  headSha: string;
  headRef: string;
  headRepo: string;
  baseSha: string;
  baseRef: string;
  labels: string[];
  /** A real pull request object (from a webhook payload) the REST answer is built on. */
  template: Record<string, unknown> | undefined;
  /** Set for pull requests opened through the API; seeded ones keep their template's values. */
  title?: string;
  body?: string | null;
  draft?: boolean;
  state?: "open" | "closed";
}

/**
 * Where the fake learns a repository's branches: the tests' git remote (see git-branches.ts). Without
 * one, the fake cannot open pull requests, because GitHub checks the head branch exists.
 */
export interface BranchSource {
  /** The branch's tip, or undefined when the repository has no such branch. */
  tip(repo: string, branch: string): string | undefined;
}

export interface LabelEventRecord {
  id: number;
  repo: string;
  issueNumber: number;
  event: "labeled" | "unlabeled";
  label: string;
  actor: FakeUser;
  createdAt: string;
}

export interface ReviewRecord {
  id: number;
  repo: string;
  pullNumber: number;
  user: FakeUser;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitId: string;
  submittedAt: string;
}

export interface PushRecord {
  id: number;
  repo: string;
  ref: string;
  before: string;
  after: string;
  timestamp: string;
  activityType: "push" | "force_push" | "branch_creation";
  actor: FakeUser;
}

const KNOWN_APPS: Record<string, number> = { "github-actions": 15368 };

export class FakeState {
  /** Repositories (`owner/repo`) the fake knows; any other answers 404 as on GitHub. */
  readonly repos = new Set<string>();
  readonly users = new Map<string, FakeUser>();
  readonly tokens = new Map<string, TokenSpec>();
  readonly checkRuns: CheckRunRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly pulls: PullRecord[] = [];
  readonly labelEvents: LabelEventRecord[] = [];
  readonly reviews: ReviewRecord[] = [];
  readonly pushes: PushRecord[] = [];
  /** `owner/repo` → login → permission. Users not listed have `read` (a public repository). */
  readonly permissions = new Map<string, Map<string, Permission>>();
  readonly #apps = new Map<string, FakeApp>();
  /** Set by tests whose code pushes branches and opens pull requests. */
  branches: BranchSource | undefined;
  #nextId = 1000;
  readonly now: () => Date;

  constructor(now: () => Date = () => new Date()) {
    this.now = now;
  }

  nextId(): number {
    this.#nextId += 1;
    return this.#nextId;
  }

  timestamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }

  user(login: string, type: FakeUser["type"] = login.endsWith("[bot]") ? "Bot" : "User"): FakeUser {
    let user = this.users.get(login.toLowerCase());
    if (user === undefined) {
      user = { login, id: this.nextId(), type };
      this.users.set(login.toLowerCase(), user);
    }
    return user;
  }

  app(slug: string): FakeApp {
    let app = this.#apps.get(slug);
    if (app === undefined) {
      app = { id: KNOWN_APPS[slug] ?? this.nextId(), slug };
      this.#apps.set(slug, app);
    }
    return app;
  }

  /** Who a token acts as: a user for a personal access token, the app's bot for an installation. */
  actor(token: TokenSpec): FakeUser {
    return token.kind === "pat"
      ? this.user(token.login)
      : this.user(`${token.appSlug ?? "github-actions"}[bot]`, "Bot");
  }

  setPermission(repo: string, login: string, permission: Permission): void {
    let map = this.permissions.get(repo);
    if (map === undefined) {
      map = new Map();
      this.permissions.set(repo, map);
    }
    map.set(login.toLowerCase(), permission);
  }

  permission(repo: string, login: string): Permission {
    return this.permissions.get(repo)?.get(login.toLowerCase()) ?? "read";
  }

  pull(repo: string, number: number): PullRecord | undefined {
    return this.pulls.find((p) => p.repo === repo && p.number === number);
  }

  /** The next pull request (or issue) number of `repo`, after every one the fake knows. */
  nextNumber(repo: string): number {
    const numbers = this.pulls.filter((p) => p.repo === repo).map((p) => p.number);
    return Math.max(0, ...numbers) + 1;
  }

  addPull(pull: Omit<PullRecord, "template"> & { template?: Record<string, unknown> }): PullRecord {
    const record: PullRecord = { ...pull, template: pull.template };
    this.repos.add(pull.repo).add(pull.headRepo);
    this.pulls.push(record);
    return record;
  }

  addComment(input: {
    repo: string;
    issueNumber: number;
    author: string;
    body: string;
    createdAt?: string;
  }): CommentRecord {
    const at = input.createdAt ?? this.timestamp();
    const record: CommentRecord = {
      id: this.nextId(),
      repo: input.repo,
      issueNumber: input.issueNumber,
      user: this.user(input.author),
      body: input.body,
      createdAt: at,
      updatedAt: at,
    };
    this.comments.push(record);
    return record;
  }

  commentsOn(repo: string, issueNumber: number): CommentRecord[] {
    return this.comments.filter((c) => c.repo === repo && c.issueNumber === issueNumber);
  }

  /** Applies (or removes) a label as `actor` at `at`, as the issue events API will report it. */
  label(input: {
    repo: string;
    issueNumber: number;
    label: string;
    actor: string;
    at: string;
    remove?: boolean;
  }): void {
    const pull = this.pull(input.repo, input.issueNumber);
    if (pull !== undefined) {
      pull.labels = pull.labels.filter((l) => l !== input.label);
      if (input.remove !== true) pull.labels.push(input.label);
    }
    this.labelEvents.push({
      id: this.nextId(),
      repo: input.repo,
      issueNumber: input.issueNumber,
      event: input.remove === true ? "unlabeled" : "labeled",
      label: input.label,
      actor: this.user(input.actor),
      createdAt: input.at,
    });
  }

  addReview(input: {
    repo: string;
    pullNumber: number;
    user: string;
    state: ReviewRecord["state"];
    commitId: string;
    at: string;
  }): void {
    this.reviews.push({
      id: this.nextId(),
      repo: input.repo,
      pullNumber: input.pullNumber,
      user: this.user(input.user),
      state: input.state,
      commitId: input.commitId,
      submittedAt: input.at,
    });
  }

  /** A push to `ref` of `repo` (server time `at`); moves the head of open pull requests on it. */
  push(input: {
    repo: string;
    branch: string;
    before: string;
    after: string;
    at: string;
    actor: string;
    force?: boolean;
  }): void {
    this.pushes.push({
      id: this.nextId(),
      repo: input.repo,
      ref: `refs/heads/${input.branch}`,
      before: input.before,
      after: input.after,
      timestamp: input.at,
      activityType:
        input.force === true ? "force_push" : /^0+$/.test(input.before) ? "branch_creation" : "push",
      actor: this.user(input.actor),
    });
    for (const pull of this.pulls) {
      if (pull.headRepo === input.repo && pull.headRef === input.branch) pull.headSha = input.after;
    }
  }
}
