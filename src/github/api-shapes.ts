/**
 * Octokit's answers as the plain types of `types.ts`, read defensively: only the fields the
 * publishers and approvals use, with GitHub's nulls turned into `undefined` where that is simpler.
 */
import type { Actor, CheckRunInfo, IssueComment, RepoPermission } from "./types.js";

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
