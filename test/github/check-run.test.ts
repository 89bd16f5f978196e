import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { RecordingLogger } from "../../src/core/logger.js";
import { completeCheckRun, startCheckRun } from "../../src/github/check-run.js";
import type { Report } from "../../src/model/report.js";
import { pullRequestFacts, seedPullRequest, webhookPayload } from "../support/fake-github/payloads.js";
import { expectNoViolations, startFakeGitHub, type FakeGitHub } from "../support/fake-github/server.js";
import {
  clock,
  erroring,
  failing,
  manyFindings,
  needingApproval,
  passing,
  report,
  testClient,
} from "./helpers.js";

const opened = webhookPayload("pull_request", "opened");
const HEAD = pullRequestFacts(opened).headSha;

/** The write requests as the user will see their effect: method, path and exact body. */
function sent(gh: FakeGitHub): { method: string; path: string; body: unknown }[] {
  return gh.writes().map((r) => ({ method: r.method, path: r.path, body: r.body }));
}

describe("check run on the pull request head", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub({ now: clock });
    seedPullRequest(gh, opened);
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
    } finally {
      await gh.close();
    }
  });

  it.each<[string, string, () => Report]>([
    ["pass", "success", passing],
    ["fail", "failure", failing],
    ["fail (approvable findings only)", "action_required", needingApproval],
    ["error", "failure", erroring],
  ])("is created in_progress, then completed for a %s report as %s", async (_name, conclusion, make) => {
    const client = testClient(gh);
    const logger = new RecordingLogger();
    const handle = await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock });

    expect(gh.state.checkRuns).toHaveLength(1);
    const run = gh.state.checkRuns[0];
    expect(run?.headSha).toBe(HEAD);
    expect(run?.status).toBe("in_progress");
    expect(run?.conclusion).toBeNull();

    const done = await completeCheckRun(client, handle, make(), { logger, now: clock });
    expect(done.conclusion).toBe(conclusion);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe(conclusion);
    expect(run?.conclusion).not.toBe("neutral");
    expect((run?.output.title ?? "").length).toBeLessThanOrEqual(255);
    expect(sent(gh)).toMatchSnapshot();
  });

  it("never concludes success for an error, even with no findings at all", async () => {
    const client = testClient(gh);
    const logger = new RecordingLogger();
    const handle = await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock });
    await completeCheckRun(client, handle, erroring(), { logger, now: clock });
    expect(gh.state.checkRuns[0]?.conclusion).toBe("failure");
    expect(gh.state.checkRuns[0]?.output.title).toMatch(
      /^Error, the gate could not decide: no container runtime answered$/,
    );
  });

  it("sends 120 findings as annotations in three requests of at most 50", async () => {
    const client = testClient(gh);
    const logger = new RecordingLogger();
    const handle = await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock });
    const done = await completeCheckRun(client, handle, report(manyFindings(120)), { logger, now: clock });

    const updates = gh.writes().filter((r) => r.operationId === "checks/update");
    expect(updates).toHaveLength(3);
    expect(done.requests).toBe(3);
    const counts = gh.state.checkRuns[0]?.annotations.length;
    expect(counts).toBe(120);
    const sizes = updates.map((u) => JSON.stringify(u.body).match(/"annotation_level"/g)?.length ?? 0);
    expect(sizes).toEqual([50, 50, 20]);
    // The first request completes the run; failures are sent before warnings.
    expect(JSON.stringify(updates[0]?.body)).toContain('"conclusion":"failure"');
    const levels = gh.state.checkRuns[0]?.annotations.map((a) => a.annotation_level) ?? [];
    expect(levels.indexOf("warning")).toBeGreaterThan(levels.lastIndexOf("failure"));
  });

  it("reuses its own check run on a re-run and does not send annotations it already has", async () => {
    const client = testClient(gh);
    const logger = new RecordingLogger();
    const findings = manyFindings(7);
    for (let run = 0; run < 3; run += 1) {
      const handle = await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock });
      expect(handle.reused).toBe(run > 0);
      await completeCheckRun(client, handle, report(findings), { logger, now: clock });
    }
    expect(gh.state.checkRuns).toHaveLength(1);
    expect(gh.state.checkRuns[0]?.annotations).toHaveLength(7);
    // A new finding on the same head is added; the old ones are not repeated.
    const handle = await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock });
    const done = await completeCheckRun(client, handle, report(manyFindings(8)), { logger, now: clock });
    expect(done.annotationsSent).toBe(1);
    expect(done.annotationsAlreadyPresent).toBe(7);
    expect(gh.state.checkRuns[0]?.annotations).toHaveLength(8);
  });

  it("makes a new check run when GitHub will not reopen the completed one", async () => {
    const client = testClient(gh);
    const logger = new RecordingLogger();
    await completeCheckRun(
      client,
      await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock }),
      passing(),
      { logger, now: clock },
    );
    gh.inject({
      operationId: "checks/update",
      times: 1,
      fault: { kind: "status", status: 422, message: "Invalid status transition" },
    });
    const handle = await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock });
    expect(handle.reused).toBe(false);
    await completeCheckRun(client, handle, failing(), { logger, now: clock });
    expect(gh.state.checkRuns.map((r) => r.conclusion)).toEqual(["success", "failure"]);
    expect(logger.text()).toContain("GitHub did not reopen check run");
  });

  it("does not touch a same-name check run made by another app", async () => {
    gh.state.checkRuns.push({
      id: gh.state.nextId(),
      repo: "Codertocat/Hello-World",
      app: gh.state.app("someone-elses-app"),
      name: "loophole",
      headSha: HEAD,
      status: "completed",
      conclusion: "success",
      startedAt: null,
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: "all good", summary: "trust me", text: null },
      annotations: [],
    });
    const client = testClient(gh);
    const logger = new RecordingLogger();
    const handle = await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock });
    expect(handle.reused).toBe(false);
    await completeCheckRun(client, handle, failing(), { logger, now: clock });
    expect(gh.state.checkRuns.map((r) => [r.app.slug, r.conclusion])).toEqual([
      ["someone-elses-app", "success"],
      ["github-actions", "failure"],
    ]);
  });

  it("posts on the commit a push or merge_group event names", async () => {
    const push = webhookPayload("push");
    const mergeGroup = webhookPayload("merge_group");
    const pushAfter = z.object({ after: z.string() }).parse(push).after;
    const groupHead = z.object({ merge_group: z.object({ head_sha: z.string() }) }).parse(mergeGroup)
      .merge_group.head_sha;
    gh.state.repos.add("octo-org/octo-repo");
    const logger = new RecordingLogger();

    const onPush = testClient(gh);
    await completeCheckRun(
      onPush,
      await startCheckRun(onPush, { name: "loophole", headSha: pushAfter }, { logger, now: clock }),
      passing(),
      { logger, now: clock },
    );
    const onGroup = testClient(gh, { repository: "octo-org/octo-repo" });
    await completeCheckRun(
      onGroup,
      await startCheckRun(onGroup, { name: "loophole", headSha: groupHead }, { logger, now: clock }),
      failing(),
      { logger, now: clock },
    );

    expect(gh.state.checkRuns.map((r) => [r.repo, r.headSha, r.conclusion])).toEqual([
      ["Codertocat/Hello-World", pushAfter, "success"],
      ["octo-org/octo-repo", groupHead, "failure"],
    ]);
  });
});
