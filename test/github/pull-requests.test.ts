/**
 * The client's pull request calls against the fake API, whose branches are a real git repository:
 * open (draft), find by branch, update title and body, and what GitHub refuses (a second pull request
 * for the same branch, a branch with no commits, a read-only token).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubApiError } from "../../src/github/errors.js";
import { bareRepoBranches } from "../support/fake-github/git-branches.js";
import {
  TOKENS,
  expectNoViolations,
  startFakeGitHub,
  type FakeGitHub,
} from "../support/fake-github/server.js";
import { TestRepo } from "../support/git-repo.js";
import { testClient } from "./helpers.js";

const REPO = "Codertocat/Hello-World";

async function rejection(promise: Promise<unknown>): Promise<GitHubApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GitHubApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("pull requests through the client", () => {
  let gh: FakeGitHub;
  let repo: TestRepo;
  let base: string;
  let head: string;
  beforeEach(async () => {
    gh = await startFakeGitHub();
    repo = await TestRepo.create();
    await repo.write("a.txt", "a\n");
    base = await repo.commit("base");
    await repo.git("checkout", "--quiet", "-b", "loophole/fix");
    await repo.write("b.txt", "b\n");
    head = await repo.commit("work");
    await repo.git("branch", "--quiet", "empty", base);
    gh.state.repos.add(REPO);
    gh.state.branches = bareRepoBranches({ [REPO]: `${repo.dir}/.git` });
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
    } finally {
      await gh.close();
      await repo[Symbol.asyncDispose]();
    }
  });

  it("opens a draft, finds it by branch, and updates its title and body but not its draft flag", async () => {
    const client = testClient(gh);
    expect(await client.findOpenPullRequest("loophole/fix")).toBeUndefined();
    const opened = await client.createPullRequest({
      head: "loophole/fix",
      base: "main",
      title: "[not passing] loophole: fix",
      body: "report",
      draft: true,
    });
    expect(opened).toMatchObject({
      headRef: "loophole/fix",
      headSha: head,
      baseRef: "main",
      baseSha: base,
      draft: true,
      state: "open",
      title: "[not passing] loophole: fix",
      body: "report",
      author: { login: "github-actions[bot]" },
      headRepo: { owner: "Codertocat", repo: "Hello-World" },
    });
    expect(opened.htmlUrl).toMatch(/\/pull\/\d+$/);
    const found = await client.findOpenPullRequest("loophole/fix");
    expect(found?.number).toBe(opened.number);
    expect(gh.requests.find((r) => r.operationId === "pulls/list")?.query).toMatchObject({
      head: "Codertocat:loophole/fix",
      state: "open",
    });

    const updated = await client.updatePullRequest(opened.number, {
      title: "loophole: fix",
      body: "passing",
    });
    expect(updated).toMatchObject({ title: "loophole: fix", body: "passing", draft: true });
    const sent = gh.requests.find((r) => r.operationId === "pulls/update")?.body;
    expect(sent).toEqual({ title: "loophole: fix", body: "passing" });
  });

  it("follows the branch: a later push moves the pull request's head", async () => {
    const client = testClient(gh);
    const opened = await client.createPullRequest({
      head: "loophole/fix",
      base: "main",
      title: "t",
      body: "",
      draft: false,
    });
    await repo.write("c.txt", "c\n");
    const next = await repo.commit("more");
    expect((await client.getPullRequest(opened.number)).headSha).toBe(next);
  });

  it("is refused a second pull request for the same branch, and one with no commits", async () => {
    const client = testClient(gh);
    await client.createPullRequest({
      head: "loophole/fix",
      base: "main",
      title: "t",
      body: "",
      draft: false,
    });
    const twice = await rejection(
      client.createPullRequest({ head: "loophole/fix", base: "main", title: "t", body: "", draft: false }),
    );
    expect(twice.kind).toBe("invalid");
    expect(twice.message).toMatch(/already exists/);
    const empty = await rejection(
      client.createPullRequest({ head: "empty", base: "main", title: "t", body: "", draft: false }),
    );
    expect(empty.message).toMatch(/No commits between/);
    // Both are requests GitHub refuses: the fake recorded them; nothing else.
    expect(gh.takeViolations().map((v) => v.problems.join())).toEqual([
      expect.stringMatching(/already exists/),
      expect.stringMatching(/No commits/),
    ]);
  });

  it("reports a read-only token as a refused write naming pull-requests: write", async () => {
    const error = await rejection(
      testClient(gh, { token: TOKENS.readOnly }).createPullRequest({
        head: "loophole/fix",
        base: "main",
        title: "t",
        body: "",
        draft: true,
      }),
    );
    expect(error.isWriteDenied).toBe(true);
    expect(error.message).toContain("pull-requests: write");
  });
});
