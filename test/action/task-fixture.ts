/**
 * The world a task-mode action run sees: a bare repository as `origin` (it refuses non-fast-forward
 * pushes, so a force push would fail the test), a runner checkout of its main branch, and the fake
 * GitHub reading branches from that bare repository. Executors are the scripted agents of
 * test/loop/loop-fixture.ts, run in the busybox image.
 */
import { join } from "node:path";
import { createTempDir, type TempDir } from "../../src/core/temp-dir.js";
import { bareRepoBranches } from "../support/fake-github/git-branches.js";
import { webhookPayload } from "../support/fake-github/payloads.js";
import type { FakeGitHub } from "../support/fake-github/server.js";
import { runGit, TestRepo } from "../support/git-repo.js";
import { taskRepo } from "../loop/loop-fixture.js";
import { examplePayload, setField } from "./payloads.js";

export const REPO = "Codertocat/Hello-World";

export class TaskWorld implements AsyncDisposable {
  private constructor(
    readonly upstream: TestRepo,
    readonly checkout: TestRepo,
    private readonly remoteDir: TempDir,
    readonly base: string,
  ) {}

  /** The bare repository the checkout calls `origin`. */
  get remote(): string {
    return join(this.remoteDir.path, "origin.git");
  }

  static async create(executorRun: string, extra: { rounds?: number } = {}): Promise<TaskWorld> {
    const upstream = await taskRepo(executorRun, extra);
    const base = (await upstream.git("rev-parse", "HEAD")).trim();
    const remoteDir = await createTempDir("task-remote");
    const remote = join(remoteDir.path, "origin.git");
    await runGit(remoteDir.path, ["clone", "--quiet", "--bare", upstream.dir, remote]);
    await runGit(remote, ["config", "receive.denyNonFastForwards", "true"]);
    await runGit(remote, ["config", "receive.denyDeletes", "true"]);
    // A reflog in the bare remote records every push, so a test can count them.
    await runGit(remote, ["config", "core.logAllRefUpdates", "always"]);
    // As actions/checkout leaves it: the dispatched branch checked out, origin without credentials.
    const checkout = await TestRepo.create();
    await checkout.git("remote", "add", "origin", remote);
    await checkout.git("fetch", "--quiet", "origin", "main");
    await checkout.git("reset", "--hard", "--quiet", "FETCH_HEAD");
    return new TaskWorld(upstream, checkout, remoteDir, base);
  }

  /** Lets the fake see this world's branches (pull requests need them). */
  connect(gh: FakeGitHub): void {
    gh.state.repos.add(REPO);
    gh.state.branches = bareRepoBranches({ [REPO]: this.remote });
  }

  /** Runs git in the bare remote. */
  remoteGit(...args: string[]): Promise<string> {
    return runGit(this.remote, args);
  }

  async tip(branch: string): Promise<string | undefined> {
    const out = await this.remoteGit(
      "rev-parse",
      "--verify",
      "--quiet",
      `refs/heads/${branch}^{commit}`,
    ).catch(() => "");
    return out.trim() === "" ? undefined : out.trim();
  }

  /** The `Loophole-Round` trailers on `branch` since main, oldest first. */
  async roundTrailers(branch: string): Promise<number[]> {
    const log = await this.remoteGit("log", "--reverse", "--format=%B", `main..refs/heads/${branch}`);
    return [...log.matchAll(/^Loophole-Round: (\d+)$/gm)].map((m) => Number(m[1]));
  }

  /** How many times `branch` was updated on the remote (one reflog entry per push). */
  async pushes(branch: string): Promise<number> {
    const log = await this.remoteGit("reflog", "show", "--format=%H", `refs/heads/${branch}`);
    return log.split("\n").filter((l) => l.trim() !== "").length;
  }

  /** A branch on the remote with a person's commit on top of main (a pull request's head). */
  async humanBranch(branch: string): Promise<string> {
    await this.upstream.git("checkout", "--quiet", "-b", branch);
    await this.upstream.write("notes.txt", "a person's change\n");
    const sha = await this.upstream.commit("a person's change");
    await this.upstream.git("checkout", "--quiet", "main");
    await runGit(this.upstream.dir, ["push", "--quiet", this.remote, `${branch}:refs/heads/${branch}`]);
    return sha;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.checkout[Symbol.asyncDispose]();
    await this.upstream[Symbol.asyncDispose]();
    await this.remoteDir[Symbol.asyncDispose]();
  }
}

export function dispatchPayload(inputs: Record<string, string> = {}): Record<string, unknown> {
  const payload = examplePayload("workflow_dispatch");
  setField(payload, ["inputs"], inputs);
  setField(payload, ["ref"], "refs/heads/main");
  setField(payload, ["repository", "full_name"], REPO);
  setField(payload, ["repository", "default_branch"], "main");
  return payload;
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error("expected an object");
  return Object.fromEntries(Object.entries(value));
}

/** A real issue_comment payload: `body` by `login` on pull request (or issue) `number`. */
export function commentPayload(
  body: string,
  author: { login: string; type?: "User" | "Bot" },
  number: number,
  onPullRequest = true,
): Record<string, unknown> {
  const payload = webhookPayload("issue_comment", "created");
  setField(payload, ["comment", "body"], body);
  setField(payload, ["comment", "user", "login"], author.login);
  setField(payload, ["comment", "user", "type"], author.type ?? "User");
  setField(payload, ["issue", "number"], number);
  setField(payload, ["repository", "full_name"], REPO);
  const issue = record(payload.issue);
  if (onPullRequest) {
    issue.pull_request = {
      url: `https://api.github.com/repos/${REPO}/pulls/${number}`,
      html_url: `https://github.com/${REPO}/pull/${number}`,
      diff_url: `https://github.com/${REPO}/pull/${number}.diff`,
      patch_url: `https://github.com/${REPO}/pull/${number}.patch`,
      merged_at: null,
    };
  }
  return { ...payload, issue };
}
