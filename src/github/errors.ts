/**
 * GitHub API failures as messages a workflow author can act on. A permission error names the
 * `permissions:` entry to add to the workflow; a rate limit or an outage says that retries ran out.
 * Messages are built from GitHub's answer (status and `message`), never from the request, and the
 * token is masked in them whatever GitHub echoed back.
 */
import type { Secrets } from "../report/secrets.js";

export type ApiErrorKind =
  | "permission"
  | "app-token-required"
  | "rate-limit"
  | "unavailable"
  | "not-found"
  | "auth"
  | "invalid"
  | "other";

export interface OperationInfo {
  /** What was being done, as in "could not <what>". */
  what: string;
  /** The workflow `permissions:` entry the call needs. */
  permission: string;
  write: boolean;
}

export const OPERATIONS = {
  authenticatedLogin: { what: "read the token's user", permission: "(none)", write: false },
  createCheckRun: { what: "create the check run", permission: "checks: write", write: true },
  updateCheckRun: { what: "update the check run", permission: "checks: write", write: true },
  listCheckRuns: { what: "list the commit's check runs", permission: "checks: read", write: false },
  listAnnotations: { what: "list the check run's annotations", permission: "checks: read", write: false },
  listIssueComments: {
    what: "list the pull request's comments",
    permission: "pull-requests: read",
    write: false,
  },
  createIssueComment: {
    what: "comment on the pull request",
    permission: "pull-requests: write",
    write: true,
  },
  updateIssueComment: {
    what: "update the pull request comment",
    permission: "pull-requests: write",
    write: true,
  },
  getPullRequest: { what: "read the pull request", permission: "pull-requests: read", write: false },
  findOpenPullRequest: {
    what: "look up the branch's open pull request",
    permission: "pull-requests: read",
    write: false,
  },
  createPullRequest: { what: "open the pull request", permission: "pull-requests: write", write: true },
  updatePullRequest: { what: "update the pull request", permission: "pull-requests: write", write: true },
  listLabelEvents: {
    what: "read the pull request's label events",
    permission: "pull-requests: read",
    write: false,
  },
  listReviews: { what: "read the pull request's reviews", permission: "pull-requests: read", write: false },
  permissionOf: {
    what: "read a user's permission on the repository",
    permission: "contents: read",
    write: false,
  },
  listBranchPushes: {
    what: "read the head branch's push activity",
    permission: "contents: read",
    write: false,
  },
} as const satisfies Record<string, OperationInfo>;

export type OperationName = keyof typeof OPERATIONS;

export class GitHubApiError extends Error {
  override readonly name = "GitHubApiError";
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly operation: OperationName;
  constructor(message: string, kind: ApiErrorKind, status: number | undefined, operation: OperationName) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.operation = operation;
  }

  /** A write refused for want of permission: the token is read-only for this, so stop writing. */
  get isWriteDenied(): boolean {
    return this.kind === "permission" && OPERATIONS[this.operation].write;
  }
}

interface ErrorFacts {
  status: number | undefined;
  message: string;
  headers: Record<string, string>;
  details: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** What an Octokit RequestError (or a network error) tells us, read without trusting its shape. */
function facts(error: unknown): ErrorFacts {
  const result: ErrorFacts = { status: undefined, message: "", headers: {}, details: [] };
  if (!isRecord(error)) return { ...result, message: String(error) };
  if (typeof error.status === "number") result.status = error.status;
  const response = isRecord(error.response) ? error.response : undefined;
  if (response !== undefined && isRecord(response.headers)) {
    for (const [key, value] of Object.entries(response.headers)) {
      if (typeof value === "string" || typeof value === "number")
        result.headers[key.toLowerCase()] = String(value);
    }
  }
  const data = response !== undefined && isRecord(response.data) ? response.data : undefined;
  if (data !== undefined && typeof data.message === "string") {
    result.message = data.message;
    if (Array.isArray(data.errors)) {
      for (const item of data.errors.slice(0, 5)) {
        if (isRecord(item) && typeof item.message === "string") result.details.push(item.message);
        else if (typeof item === "string") result.details.push(item);
      }
    }
  } else if (typeof error.message === "string") {
    result.message = error.message;
  }
  return result;
}

const PERMISSION_MESSAGES = /resource not accessible|must have (?:admin|push|write)|not have permission/i;

function classify(f: ErrorFacts, operation: OperationInfo): ApiErrorKind {
  const { status } = f;
  if (
    status === 429 ||
    /\bsecondary rate\b|rate limit exceeded/i.test(f.message) ||
    (status === 403 && f.headers["x-ratelimit-remaining"] === "0")
  ) {
    return "rate-limit";
  }
  if (status === undefined || status >= 500) return "unavailable";
  if (status === 401) return "auth";
  // Not a read-only token: this token type (a PAT) can never create check runs, but may comment.
  if (status === 403 && /must authenticate via a github app/i.test(f.message)) return "app-token-required";
  if (status === 403 && PERMISSION_MESSAGES.test(f.message)) return "permission";
  // For a repository the workflow runs in, "not found" on a write means the token cannot see it.
  if (status === 404) return operation.write ? "permission" : "not-found";
  if (status === 422 || status === 400) return "invalid";
  if (status === 403) return "permission";
  return "other";
}

/** `checks=write; pull_requests=write` → "`checks: write` or `pull-requests: write`". */
function acceptedPermissions(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const entries = header
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const [scope = "", level = ""] = part.split("=");
      return `\`${scope.trim().replace(/_/g, "-")}: ${level.trim()}\``;
    });
  return entries.length > 0 ? entries.join(" or ") : undefined;
}

function advice(kind: ApiErrorKind, f: ErrorFacts, operation: OperationInfo): string {
  switch (kind) {
    case "app-token-required":
      return "Check runs can only be created with a GitHub App token (the workflow's GITHUB_TOKEN or an App installation token), not a personal access token.";
    case "permission": {
      const needed =
        acceptedPermissions(f.headers["x-accepted-github-permissions"]) ?? `\`${operation.permission}\``;
      return `The token lacks a permission: add ${needed} under \`permissions:\` in the workflow job. (A pull request from a fork run on \`pull_request\` always gets a read-only token.)`;
    }
    case "rate-limit": {
      const reset = Number(f.headers["x-ratelimit-reset"]);
      const when =
        Number.isFinite(reset) && reset > 0 ? ` It resets at ${new Date(reset * 1000).toISOString()}.` : "";
      return `GitHub's API rate limit was hit and the retries ran out.${when}`;
    }
    case "unavailable":
      return "GitHub did not answer successfully, and the retries ran out.";
    case "auth":
      return "The token is invalid or expired.";
    case "not-found":
      return `Not found. For a private repository GitHub also answers 404 when the token cannot see it: check \`${operation.permission}\` in the workflow's \`permissions:\`.`;
    case "invalid":
    case "other":
      return "";
  }
}

/** The error a client call throws: classified, with advice, and no secret in its message. */
export function toApiError(error: unknown, name: OperationName, secrets: Secrets): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  const operation = OPERATIONS[name];
  const f = facts(error);
  const kind = classify(f, operation);
  const status = f.status === undefined ? "no answer" : `HTTP ${f.status}`;
  const said = [f.message, ...f.details].filter((s) => s !== "").join(": ");
  const line = `GitHub API: could not ${operation.what} (${status}${said === "" ? "" : `: ${said}`}).`;
  const more = advice(kind, f, operation);
  const message = secrets.mask(more === "" ? line : `${line} ${more}`);
  return new GitHubApiError(message, kind, f.status, name);
}
