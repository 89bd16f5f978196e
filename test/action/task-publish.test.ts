/**
 * Opening and updating the task's pull request against the fake GitHub (branches from a real git
 * repository): the fallbacks GitHub forces (no drafts on some plans, Actions not allowed to open pull
 * requests) and a person's pull request that copies loophole's marker.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TASK_PR_MARKER } from "../../src/action/task-pr.js";
import { publishPullRequest, type PullRequestRequest } from "../../src/action/task-publish.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { failReport } from "../../src/report/testing/sample-reports.js";
import { testClient } from "../github/helpers.js";
import { bareRepoBranches } from "../support/fake-github/git-branches.js";
import { expectNoViolations, startFakeGitHub, type FakeGitHub } from "../support/fake-github/server.js";
import { TestRepo } from "../support/git-repo.js";

const REPO = "Codertocat/Hello-World";

describe("the task's pull request", () => {
  let gh: FakeGitHub;
  let repo: TestRepo;
  let logger: RecordingLogger;
  beforeEach(async () => {
    gh = await startFakeGitHub();
    repo = await TestRepo.create();
    await repo.write("a.txt", "a\n");
    await repo.commit("base");
    await repo.git("checkout", "--quiet", "-b", "loophole/fix");
    await repo.write("b.txt", "b\n");
    await repo.commit("round 1");
    gh.state.repos.add(REPO);
    gh.state.branches = bareRepoBranches({ [REPO]: `${repo.dir}/.git` });
    logger = new RecordingLogger();
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
    } finally {
      await gh.close();
      await repo[Symbol.asyncDispose]();
    }
  });

  const request = (): PullRequestRequest => ({
    task: "fix the parser",
    branch: "loophole/fix",
    baseRef: "main",
    report: failReport(),
    existing: undefined,
    identity: "github-actions[bot]",
    logger,
  });

  it("opens a ready pull request titled not passing where GitHub refuses drafts", async () => {
    gh.inject({
      operationId: "pulls/create",
      times: 1,
      fault: {
        kind: "status",
        status: 422,
        message: "Draft pull requests are not supported in this repository.",
      },
    });
    const result = await publishPullRequest(testClient(gh), request());
    expect(result).toMatchObject({ action: "created", ours: true, pull: { draft: false } });
    expect(result.pull.title).toBe("[not passing] loophole: fix the parser");
    expect(result.pull.body).toMatch(/cannot turn it back into a draft/);
    const bodies = gh.requests.filter((r) => r.operationId === "pulls/create").map((r) => r.body);
    expect(bodies).toMatchObject([{ draft: true }, { draft: false }]);
    expect(logger.text()).toMatch(/refused a draft pull request/);
  });

  it("says how to let Actions open pull requests when the repository forbids it", async () => {
    gh.inject({
      operationId: "pulls/create",
      times: 1,
      fault: {
        kind: "status",
        status: 403,
        message: "GitHub Actions is not permitted to create or approve pull requests.",
      },
    });
    await expect(publishPullRequest(testClient(gh), request())).rejects.toThrow(
      /Allow GitHub Actions to create and approve pull requests[\s\S]*loophole\/fix is pushed/,
    );
  });

  it("leaves a person's pull request alone, even one that copies the marker", async () => {
    gh.state.addPull({
      repo: REPO,
      number: 4,
      user: gh.state.user("mona"),
      headSha: (await repo.git("rev-parse", "HEAD")).trim(),
      headRef: "loophole/fix",
      headRepo: REPO,
      baseSha: (await repo.git("rev-parse", "main")).trim(),
      baseRef: "main",
      labels: [],
      title: "Mona's work",
      body: `${TASK_PR_MARKER}\ncopied`,
      draft: false,
      state: "open",
    });
    const result = await publishPullRequest(testClient(gh), request());
    expect(result).toMatchObject({ action: "left", ours: false, pull: { number: 4 } });
    expect(gh.writes()).toHaveLength(0);
  });

  it("rewrites its own pull request's title prefix and body, keeping a person's title edit", async () => {
    const client = testClient(gh);
    const opened = await publishPullRequest(client, request());
    expect(opened.pull).toMatchObject({ draft: true, title: "[not passing] loophole: fix the parser" });
    await client.updatePullRequest(opened.pull.number, {
      title: "[not passing] loophole: fix the parser (v2)",
    });
    const again = await publishPullRequest(client, request());
    expect(again).toMatchObject({ action: "updated", pull: { number: opened.pull.number } });
    expect(again.pull.title).toBe("[not passing] loophole: fix the parser (v2)");
    expect(again.pull.body).toContain(TASK_PR_MARKER);
  });
});
