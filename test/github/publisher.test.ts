import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { RecordingLogger } from "../../src/core/logger.js";
import { GitHubPublisher, readOnlyNotice } from "../../src/github/publisher.js";
import { commentMarker } from "../../src/github/sticky-comment.js";
import { workflowCommandAnnotations } from "../../src/github/workflow-commands.js";
import type { Report } from "../../src/model/report.js";
import {
  asForkPullRequest,
  pullRequestFacts,
  seedPullRequest,
  webhookPayload,
} from "../support/fake-github/payloads.js";
import {
  PAT_LOGIN,
  TOKENS,
  expectNoViolations,
  startFakeGitHub,
  type FakeGitHub,
} from "../support/fake-github/server.js";
import { clock, failing, manyFindings, needingApproval, passing, report, testClient } from "./helpers.js";

let gh: FakeGitHub | undefined;

afterEach(async () => {
  if (gh === undefined) return;
  try {
    expectNoViolations(gh);
  } finally {
    await gh.close();
    gh = undefined;
  }
});

/** One workflow run: a fresh client and publisher, as each job would have. */
async function gateRun(
  fake: FakeGitHub,
  payload: Record<string, unknown>,
  r: Report,
  token: string = TOKENS.installation,
  appSlug?: string,
) {
  const { repo, number, headSha } = pullRequestFacts(payload);
  const logger = new RecordingLogger();
  const publisher = new GitHubPublisher(testClient(fake, { token, repository: repo, logger }), {
    logger,
    now: clock,
    ...(appSlug === undefined ? {} : { appSlug }),
  });
  const started = await publisher.startCheck({ name: "loophole", headSha });
  const result = await publisher.finish(r, {
    pullNumber: number,
    comment: "always",
    fullReportUrl: "https://github.com/Codertocat/Hello-World/actions/runs/7",
  });
  return { started, result, logger };
}

describe("publishing a gate run to a pull request", () => {
  it("leaves exactly one check run and one comment after five re-runs on the same head", async () => {
    gh = await startFakeGitHub({ now: clock });
    const payload = webhookPayload("pull_request", "synchronize");
    seedPullRequest(gh, payload);
    const runs = [failing(), needingApproval(), report(manyFindings(5)), failing(), passing()];
    for (const r of runs) {
      const { result } = await gateRun(gh, payload, r);
      expect(result.checkRun.state).toBe("published");
      expect(result.comment.state).toBe("published");
    }
    expect(gh.state.checkRuns).toHaveLength(1);
    expect(gh.state.checkRuns[0]?.conclusion).toBe("success");
    expect(gh.state.comments).toHaveLength(1);
    const comment = gh.state.comments[0];
    expect(comment?.user.login).toBe("github-actions[bot]");
    expect(comment?.body.startsWith(`${commentMarker("loophole")}\n## ✅ loophole: pass`)).toBe(true);
    expect(comment?.body).not.toContain("loophole: fail");
    // Annotations are not repeated by re-runs: 1 + 2 + 5 distinct ones, the repeated failure adds none.
    expect(gh.state.checkRuns[0]?.annotations).toHaveLength(8);
    expect(gh.writes().filter((w) => w.operationId === "checks/create")).toHaveLength(1);
    expect(gh.writes().filter((w) => w.operationId === "issues/create-comment")).toHaveLength(1);
  });

  it("degrades on a read-only token: one refused write, no more attempts, a notice and annotations", async () => {
    gh = await startFakeGitHub({ now: clock });
    // A fork's pull request under `pull_request`: GITHUB_TOKEN is read-only.
    const payload = asForkPullRequest(webhookPayload("pull_request", "opened"));
    seedPullRequest(gh, payload);
    const r = failing();
    const { started, result, logger } = await gateRun(gh, payload, r, TOKENS.readOnly);

    expect(started.state).toBe("read-only");
    expect(result.checkRun.state).toBe("read-only");
    expect(result.comment.state).toBe("read-only");
    expect(result.readOnly).toContain("Resource not accessible by integration");
    expect(gh.writes().map((w) => [w.operationId, w.status])).toEqual([["checks/create", 403]]);
    expect(gh.state.checkRuns).toHaveLength(0);
    expect(gh.state.comments).toHaveLength(0);
    expect(logger.text()).toContain("add `checks: write` under `permissions:`");

    const notice = readOnlyNotice(result);
    expect(notice?.markdown).toMatch(
      /^> \[!WARNING\]\n> loophole could not post its check run or pull request comment/,
    );
    expect(notice?.markdown).toContain("`pull_request_target`");
    expect(notice?.annotation).toMatch(
      /^::warning title=loophole could not publish to the pull request::loophole could not post/,
    );
    expect(notice?.annotation).not.toContain("\n");
    expect(workflowCommandAnnotations(r.findings)).toEqual([
      '::error file=src/date.ts,line=12,title=verifier failed::verifier "unit" failed',
    ]);
  });

  it("publishes for the same fork pull request under pull_request_target, whose token can write", async () => {
    gh = await startFakeGitHub({ now: clock });
    // pull_request_target delivers the pull_request payload; the job's GITHUB_TOKEN can write.
    const payload = asForkPullRequest(webhookPayload("pull_request", "opened"));
    seedPullRequest(gh, payload);
    const { result } = await gateRun(gh, payload, needingApproval(), TOKENS.installation);
    expect(result.readOnly).toBeUndefined();
    expect(result.checkRun).toMatchObject({
      state: "published",
      detail: "check run completed: action_required",
    });
    expect(result.comment.state).toBe("published");
    expect(gh.state.checkRuns[0]?.headSha).toBe(pullRequestFacts(payload).headSha);
    expect(gh.state.checkRuns[0]?.output.text).toContain("### How to approve");
  });

  it("with a personal access token, reports that check runs need an App token and still comments", async () => {
    gh = await startFakeGitHub({ now: clock });
    const payload = webhookPayload("pull_request", "opened");
    seedPullRequest(gh, payload);
    for (let run = 0; run < 2; run += 1) {
      const { result } = await gateRun(gh, payload, failing(), TOKENS.pat);
      expect(result.readOnly).toBeUndefined();
      expect(result.checkRun.state).toBe("failed");
      expect(result.checkRun.detail).toContain("Check runs can only be created with a GitHub App token");
      expect(result.comment.state).toBe("published");
    }
    expect(gh.state.comments.map((c) => c.user.login)).toEqual([PAT_LOGIN]);
  });

  it("with a GitHub App's own token, finds its comment by the app's bot login", async () => {
    gh = await startFakeGitHub({
      now: clock,
      tokens: { ghs_appToken00000000000000000000000000001: { kind: "installation", appSlug: "acme-gate" } },
    });
    const payload = webhookPayload("pull_request", "opened");
    seedPullRequest(gh, payload);
    for (let run = 0; run < 2; run += 1) {
      const { result } = await gateRun(
        gh,
        payload,
        failing(),
        "ghs_appToken00000000000000000000000000001",
        "acme-gate",
      );
      expect(result.comment.state).toBe("published");
    }
    expect(gh.state.checkRuns.map((r) => r.app.slug)).toEqual(["acme-gate"]);
    expect(gh.state.comments.map((c) => c.user.login)).toEqual(["acme-gate[bot]"]);
  });

  it("does not comment on push runs, which have no pull request", async () => {
    gh = await startFakeGitHub({ now: clock });
    const push = webhookPayload("push");
    gh.state.repos.add("Codertocat/Hello-World");
    const logger = new RecordingLogger();
    const publisher = new GitHubPublisher(testClient(gh, { logger }), { logger, now: clock });
    await publisher.startCheck({
      name: "loophole",
      headSha: z.object({ after: z.string() }).parse(push).after,
    });
    const result = await publisher.finish(passing(), { pullNumber: undefined, comment: "always" });
    expect(result.checkRun.state).toBe("published");
    expect(result.comment).toEqual({ state: "skipped", detail: "no pull request to comment on" });
    expect(gh.state.checkRuns[0]?.conclusion).toBe("success");
  });
});
