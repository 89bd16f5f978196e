/**
 * Task mode in the bundled action (dist/index.js run as the runner runs it): a dispatched task or a
 * `/loophole` comment runs scripted agents in real containers, pushes each checkpoint to a bare
 * `origin` that refuses force pushes, opens or updates the pull request on the fake GitHub (every
 * request validated against GitHub's OpenAPI description) and posts the check run on the pushed head.
 */
import { readdir, readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REFUSAL_MARKER } from "../../src/action/task-access.js";
import { MAX_PR_BODY, TASK_PR_MARKER } from "../../src/action/task-pr.js";
import {
  expectNoViolations,
  startFakeGitHub,
  TOKENS,
  type FakeGitHub,
} from "../support/fake-github/server.js";
import { runAction, runnerFiles, type ActionRun } from "./run-action.js";
import { commentPayload, dispatchPayload, REPO, TaskWorld } from "./task-fixture.js";

const TASK = "create the three files";
const LONG = 600_000;

interface TaskJson {
  outcome: string;
  task: { rounds: { round: number }[]; stopReason: string };
  provenance: { head: string };
}

/** The run, its JSON report and its transcript files, read before the runner's files are removed. */
type TaskRun = ActionRun & { report: TaskJson | undefined; transcripts: string[] };

async function withReport(run: ActionRun): Promise<TaskRun> {
  const path = run.outputs["report-json"];
  const report = path === undefined ? undefined : (JSON.parse(await readFile(path, "utf8")) as TaskJson);
  const dir = run.outputs.transcripts;
  const transcripts = dir === undefined ? [] : (await readdir(dir)).sort();
  return { ...run, report, transcripts };
}

describe("task mode in the bundled action", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
    } finally {
      await gh.close();
    }
  });

  const env = (world: TaskWorld): Record<string, string> => ({
    GITHUB_WORKSPACE: world.checkout.dir,
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: REPO,
  });

  async function dispatch(world: TaskWorld, inputs: Record<string, string>): Promise<TaskRun> {
    await using files = await runnerFiles(dispatchPayload());
    return await withReport(
      await runAction(files, "workflow_dispatch", { token: TOKENS.installation, ...inputs }, env(world)),
    );
  }

  async function comment(
    world: TaskWorld,
    payload: Record<string, unknown>,
    inputs: Record<string, string> = {},
  ) {
    await using files = await runnerFiles(payload);
    return await withReport(
      await runAction(files, "issue_comment", { token: TOKENS.installation, ...inputs }, env(world)),
    );
  }

  it(
    "an honest agent: the branch is pushed, a ready pull request holds the report, the check run passes on the head",
    async () => {
      await using world = await TaskWorld.create("sh agent/honest.sh");
      world.connect(gh);
      const run = await dispatch(world, { task: TASK });
      expect(run.exitCode, run.stdout).toBe(0);
      const branch = "loophole/create-the-three-files-4242";
      expect(run.outputs).toMatchObject({ outcome: "pass", branch, rounds: "3" });
      const head = await world.tip(branch);
      expect(head).toBeDefined();
      expect(await world.roundTrailers(branch)).toEqual([1, 2, 3]);
      // Each checkpoint was pushed as soon as it existed, not all at the end.
      expect(await world.pushes(branch)).toBe(3);
      expect(await world.remoteGit("show", `${head ?? ""}:c.txt`)).toBe("c\n");

      expect(gh.state.pulls).toHaveLength(1);
      const pr = gh.state.pulls[0];
      expect(pr).toMatchObject({ headRef: branch, baseRef: "main", headSha: head, draft: false });
      expect(pr?.title).toBe(`loophole: ${TASK}`);
      expect(pr?.body).toContain(TASK_PR_MARKER);
      expect(pr?.body).toMatch(/passed|pass/i);
      expect(pr?.body?.length ?? 0).toBeLessThanOrEqual(MAX_PR_BODY);
      expect(run.outputs["pr-url"]).toBe(`https://github.com/${REPO}/pull/${pr?.number ?? 0}`);
      // Each round's full executor output is kept for upload as an artifact.
      expect(run.transcripts).toEqual([
        "executor-round-1.log",
        "executor-round-2.log",
        "executor-round-3.log",
      ]);

      const checks = gh.state.checkRuns.filter((c) => c.headSha === head);
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ name: "loophole", status: "completed", conclusion: "success" });
      expect(run.outputs["check-run-url"]).toMatch(/\/runs\/\d+$/);
      // The report is in the body of loophole's own pull request: no comment as well.
      expect(gh.state.comments).toHaveLength(0);
      expect(run.report?.provenance.head).toBe(head);
      expect(run.report?.task.stopReason).toBe("passed");
    },
    LONG,
  );

  it(
    "budget exhaustion gives a draft titled not passing; the next dispatch continues the branch from its checkpoint",
    async () => {
      await using world = await TaskWorld.create("sh agent/honest.sh");
      world.connect(gh);
      const first = await dispatch(world, { task: TASK, rounds: "1" });
      expect(first.exitCode).toBe(1);
      expect(first.outputs).toMatchObject({ outcome: "fail", rounds: "1" });
      const branch = first.outputs.branch ?? "";
      const tip1 = await world.tip(branch);
      expect(await world.roundTrailers(branch)).toEqual([1]);
      const pr = gh.state.pulls[0];
      expect(pr).toMatchObject({ draft: true, headSha: tip1, title: `[not passing] loophole: ${TASK}` });
      expect(pr?.body).toContain("the round budget was spent");
      expect(gh.state.checkRuns.find((c) => c.headSha === tip1)?.conclusion).toBe("failure");

      const second = await dispatch(world, { task: TASK, branch });
      expect(second.exitCode, second.stdout).toBe(0);
      expect(second.outputs).toMatchObject({ outcome: "pass", branch, "pr-url": first.outputs["pr-url"] });
      const tip2 = await world.tip(branch);
      // A fast-forward on top of the first run's checkpoint (the remote refuses anything else).
      await world.remoteGit("merge-base", "--is-ancestor", tip1 ?? "", tip2 ?? "");
      expect(second.report?.task.rounds.map((r) => r.round)).toEqual([2, 3, 4]);
      expect(await world.roundTrailers(branch)).toEqual([1, 3, 4]);

      // The same pull request, retitled; REST cannot mark it ready, so it stays a draft and says so.
      expect(gh.state.pulls).toHaveLength(1);
      expect(gh.requests.filter((r) => r.operationId === "pulls/create")).toHaveLength(1);
      expect(gh.state.pulls[0]).toMatchObject({ title: `loophole: ${TASK}`, draft: true, headSha: tip2 });
      expect(gh.state.pulls[0]?.body).toMatch(/Ready for review/);
      expect(gh.state.checkRuns.find((c) => c.headSha === tip2)?.conclusion).toBe("success");
    },
    LONG,
  );

  it(
    "a /loophole comment by a user with write access continues the pull request's branch and comments the report",
    async () => {
      await using world = await TaskWorld.create("sh agent/honest.sh");
      world.connect(gh);
      const human = await world.humanBranch("feature");
      gh.state.addPull({
        repo: REPO,
        number: 5,
        user: gh.state.user("mona"),
        headSha: human,
        headRef: "feature",
        headRepo: REPO,
        baseSha: world.base,
        baseRef: "main",
        labels: [],
        title: "A person's pull request",
        body: "my own description",
        draft: false,
        state: "open",
      });
      gh.state.setPermission(REPO, "mona", "write");
      const run = await comment(world, commentPayload(`/loophole ${TASK}`, { login: "mona" }, 5));
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ outcome: "pass", branch: "feature", rounds: "3" });
      const head = await world.tip("feature");
      await world.remoteGit("merge-base", "--is-ancestor", human, head ?? "");
      expect(await world.roundTrailers("feature")).toEqual([1, 2, 3]);
      // A person's pull request keeps its title and description; the report is a comment.
      expect(gh.state.pulls[0]).toMatchObject({
        title: "A person's pull request",
        body: "my own description",
      });
      expect(
        gh.requests.some((r) => r.operationId === "pulls/update" || r.operationId === "pulls/create"),
      ).toBe(false);
      const comments = gh.state.commentsOn(REPO, 5);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body).toContain("loophole:report");
      expect(gh.state.checkRuns.find((c) => c.headSha === head)?.conclusion).toBe("success");
    },
    LONG,
  );

  it("a /loophole comment by a user without write access gets a polite refusal, and nothing runs", async () => {
    await using world = await TaskWorld.create("sh agent/honest.sh");
    world.connect(gh);
    const human = await world.humanBranch("feature");
    gh.state.addPull({
      repo: REPO,
      number: 6,
      user: gh.state.user("drive-by"),
      headSha: human,
      headRef: "feature",
      headRepo: REPO,
      baseSha: world.base,
      baseRef: "main",
      labels: [],
    });
    gh.state.setPermission(REPO, "drive-by", "read");
    const run = await comment(world, commentPayload(`/loophole ${TASK}`, { login: "drive-by" }, 6));
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ outcome: "refused", branch: "", "pr-url": "", rounds: "0" });
    expect(run.outputs["report-json"]).toBeUndefined();
    expect(gh.writes().map((w) => w.operationId)).toEqual(["issues/create-comment"]);
    const reply = gh.state.commentsOn(REPO, 6)[0]?.body ?? "";
    expect(reply).toContain(REFUSAL_MARKER);
    expect(reply).toMatch(/write access/);
    expect(reply).toContain("**read**");
    expect(run.outputs["comment-url"]).toMatch(/#issuecomment-\d+$/);
    expect(await world.tip("feature")).toBe(human);
    expect(run.stdout).not.toMatch(/executor \(round/);
  });

  it("a bot not in allowed-bots is refused; a fork's pull request is refused; other comments are ignored", async () => {
    await using world = await TaskWorld.create("sh agent/honest.sh");
    world.connect(gh);
    const human = await world.humanBranch("feature");
    gh.state.addPull({
      repo: REPO,
      number: 7,
      user: gh.state.user("mona"),
      headSha: human,
      headRef: "feature",
      headRepo: REPO,
      baseSha: world.base,
      baseRef: "main",
      labels: [],
    });
    gh.state.addPull({
      repo: REPO,
      number: 8,
      user: gh.state.user("outsider"),
      headSha: human,
      headRef: "feature",
      headRepo: "outsider/Hello-World",
      baseSha: world.base,
      baseRef: "main",
      labels: [],
    });
    gh.state.setPermission(REPO, "mona", "admin");

    const bot = await comment(
      world,
      commentPayload(`/loophole ${TASK}`, { login: "renovate[bot]", type: "Bot" }, 7),
      { "allowed-bots": "dependabot, my-app[bot]" },
    );
    expect(bot.exitCode).toBe(0);
    expect(bot.outputs.outcome).toBe("refused");
    expect(gh.state.commentsOn(REPO, 7)[0]?.body).toMatch(/allowed-bots[\s\S]*`renovate\[bot\]`/);
    // A bot is never a collaborator: its permission is not even asked.
    expect(gh.requests.some((r) => r.operationId === "repos/get-collaborator-permission-level")).toBe(false);

    const fork = await comment(world, commentPayload(`/loophole ${TASK}`, { login: "mona" }, 8));
    expect(fork.outputs.outcome).toBe("refused");
    expect(gh.state.commentsOn(REPO, 8)[0]?.body).toContain("`outsider/Hello-World`");

    const before = gh.requests.length;
    const chatter = await comment(
      world,
      commentPayload("Looks good to me! /loophole is neat", { login: "mona" }, 7),
    );
    expect(chatter.exitCode).toBe(0);
    expect(chatter.outputs.outcome).toBe("skipped");
    expect(gh.requests).toHaveLength(before);
    expect(gh.state.pulls.every((p) => p.headSha === human)).toBe(true);
    expect(await world.tip("feature")).toBe(human);
  });

  it("an error on a commented pull request is reported there, and fails the step", async () => {
    await using world = await TaskWorld.create("sh agent/honest.sh");
    world.connect(gh);
    gh.state.addPull({
      repo: REPO,
      number: 9,
      user: gh.state.user("mona"),
      headSha: world.base,
      headRef: "deleted-branch",
      headRepo: REPO,
      baseSha: world.base,
      baseRef: "main",
      labels: [],
    });
    gh.state.setPermission(REPO, "mona", "maintain");
    const run = await comment(world, commentPayload(`/loophole ${TASK}`, { login: "mona" }, 9));
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ outcome: "error", branch: "", rounds: "0" });
    expect(gh.state.commentsOn(REPO, 9)[0]?.body).toMatch(
      /could not finish the task: The pull request's branch "deleted-branch" no longer exists/,
    );
    expect(run.report?.outcome).toBe("error");
    expect(await world.tip("deleted-branch")).toBeUndefined();
  });
});
