/**
 * Octokit's answers as the plain types of `types.ts`, read defensively: only the fields the
 * publishers and approvals use, with GitHub's nulls turned into `undefined` where that is simpler.
 */
import type { Actor, CheckRunInfo, IssueComment, PullRequestInfo, RepoPermission } from "./types.js";

interface RawUser {
  login: string;
  type?: string;
}

export function actor(user: RawUser | null | undefined): Actor | undefined {
  return user ? { login: user.login, type: user.type ?? "User" } : undefined;
}

interface RawCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  html_url: string | null;
  app: { slug?: string } | null;
}

export function checkRunInfo(run: RawCheckRun): CheckRunInfo {
  return {
    id: run.id,
    name: run.name,
    headSha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    htmlUrl: run.html_url ?? undefined,
    appSlug: run.app?.slug,
  };
}

export function comment(c: {
  id: number;
  body?: string;
  user: RawUser | null;
  html_url: string;
}): IssueComment {
  return { id: c.id, body: c.body ?? "", author: actor(c.user), htmlUrl: c.html_url };
}

interface RawPullRequest {
  number: number;
  user: RawUser | null;
  title: string;
  body: string | null;
  state: string;
  draft?: boolean;
  html_url: string;
  // `repo` is null when the head's fork was deleted; Octokit's generated types omit that.
  head: { sha: string; ref: string; repo: { name: string; owner: { login: string } } | null };
  base: { sha: string; ref: string };
  labels: { name: string }[];
}

/** A pull request from `pulls/get`, `pulls/list`, `pulls/create` or `pulls/update`. */
export function pullRequestInfo(data: RawPullRequest): PullRequestInfo {
  const headRepo = data.head.repo;
  return {
    number: data.number,
    author: actor(data.user),
    headSha: data.head.sha,
    headRef: data.head.ref,
    headRepo: headRepo ? { owner: headRepo.owner.login, repo: headRepo.name } : undefined,
    labels: data.labels.map((l) => l.name),
    baseRef: data.base.ref,
    baseSha: data.base.sha,
    title: data.title,
    body: data.body ?? "",
    state: data.state,
    draft: data.draft ?? false,
    htmlUrl: data.html_url,
  };
}

const ROLES: readonly RepoPermission[] = ["admin", "maintain", "write", "triage", "read", "none"];

export function asPermission(value: string | undefined): RepoPermission | undefined {
  return ROLES.find((r) => r === value);
}

/** Collects up to `maxPages` pages of an Octokit page iterator. */
export async function collect<T>(pages: AsyncIterable<{ data: T[] }>, maxPages: number): Promise<T[]> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    items.push(...page.data);
    count += 1;
    if (count >= maxPages) break;
  }
  return items;
}
