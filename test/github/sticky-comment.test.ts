import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecordingLogger } from "../../src/core/logger.js";
import { completeCheckRun, startCheckRun } from "../../src/github/check-run.js";
import { resolveCommentIdentity } from "../../src/github/identity.js";
import {
  COMMENT_MAX_CHARS,
  commentMarker,
  publishStickyComment,
  type CommentMode,
} from "../../src/github/sticky-comment.js";
import type { GitHubClient } from "../../src/github/types.js";
import { finding } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import { pullRequestFacts, seedPullRequest, webhookPayload } from "../support/fake-github/payloads.js";
import { expectNoViolations, startFakeGitHub, type FakeGitHub } from "../support/fake-github/server.js";
import { clock, failing, passing, report, testClient, verifier } from "./helpers.js";

const payload = webhookPayload("pull_request", "synchronize");
const { repo: REPO, number: PR, headSha: HEAD } = pullRequestFacts(payload);
const BOT = "github-actions[bot]";
const MARKER = commentMarker("loophole");

async function publish(
  client: GitHubClient,
  r: Report,
  mode: CommentMode = "always",
  fullReportUrl?: string,
) {
  const identity = await resolveCommentIdentity(client);
  return publishStickyComment(client, {
    pullNumber: PR,
    checkName: "loophole",
    mode,
    report: r,
    identity: identity.login,
    logger: new RecordingLogger(),
    ...(fullReportUrl === undefined ? {} : { fullReportUrl }),
  });
}

/**
 * The markdown outside fenced code blocks, or undefined when a fence is left open. A fence closes on a
 * line of at least as many backticks as opened it (CommonMark), so fences inside the output do not.
 */
function outsideFences(markdown: string): string | undefined {
  const outside: string[] = [];
  let open = 0;
  for (const line of markdown.split("\n")) {
    const fence = /^(`{3,})([\w+-]*)$/.exec(line);
    if (open === 0) {
      if (fence?.[1] !== undefined) open = fence[1].length;
      else outside.push(line);
    } else if (fence?.[1] !== undefined && fence[2] === "" && fence[1].length >= open) {
      open = 0;
    }
  }
  return open === 0 ? outside.join("\n") : undefined;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

describe("sticky report comment", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub({ now: clock });
    seedPullRequest(gh, payload);
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
    } finally {
      await gh.close();
    }
  });

  it("finds its own comment among 250, ignoring other users' copies of the marker", async () => {
    const copies: number[] = [];
    let ours = 0;
    for (let i = 0; i < 250; i += 1) {
      if (i === 3 || i === 230) {
        copies.push(
          gh.state.addComment({
            repo: REPO,
            issueNumber: PR,
            author: "mallory",
            body: `${MARKER}\n## ✅ loophole: pass (not really)`,
          }).id,
        );
      } else if (i === 180) {
        ours = gh.state.addComment({
          repo: REPO,
          issueNumber: PR,
          author: BOT,
          body: `${MARKER}\nold report`,
        }).id;
      } else if (i === 200) {
        gh.state.addComment({
          repo: REPO,
          issueNumber: PR,
          author: BOT,
          body: `${commentMarker("other-gate")}\nanother check's report`,
        });
      } else {
        gh.state.addComment({
          repo: REPO,
          issueNumber: PR,
          author: `reviewer${i % 5}`,
          body: `comment ${i}`,
        });
      }
    }
    const result = await publish(testClient(gh), failing());

    expect(result).toMatchObject({ action: "updated", commentId: ours });
    expect(gh.state.comments).toHaveLength(250);
    expect(gh.writes().map((w) => [w.method, w.path])).toEqual([
      ["PATCH", `/repos/${REPO}/issues/comments/${ours}`],
    ]);
    const mine = gh.state.comments.find((c) => c.id === ours);
    expect(mine?.body.startsWith(`${MARKER}\n## ❌ loophole: fail`)).toBe(true);
    for (const id of copies)
      expect(gh.state.comments.find((c) => c.id === id)?.body).toContain("(not really)");
    // Every page was read: the comment sits on page 2 and a copy on page 3.
    expect(gh.requests.filter((r) => r.operationId === "issues/list-comments")).toHaveLength(3);
  });

  it("creates a new comment rather than adopt someone else's copy of the marker", async () => {
    const copy = gh.state.addComment({
      repo: REPO,
      issueNumber: PR,
      author: "mallory",
      body: `${MARKER}\nplease edit me`,
    });
    const result = await publish(testClient(gh), failing());
    expect(result.action).toBe("created");
    expect(gh.state.comments.find((c) => c.id === copy.id)?.body).toBe(`${MARKER}\nplease edit me`);
    const created = gh.state.comments.find((c) => c.id !== copy.id);
    expect(created?.user.login).toBe(BOT);
    expect(gh.writes().map((w) => ({ method: w.method, body: w.body }))).toMatchSnapshot();
  });

  it("on-failure: stays silent on a pass, comments on a failure, then keeps that comment current", async () => {
    const client = testClient(gh);
    expect(await publish(client, passing(), "on-failure")).toEqual({
      action: "skipped",
      reason: "the outcome is pass and the comment input is on-failure",
    });
    expect(gh.writes()).toHaveLength(0);

    expect((await publish(client, failing(), "on-failure")).action).toBe("created");
    expect((await publish(client, passing(), "on-failure")).action).toBe("updated");
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0]?.body).toContain("## ✅ loophole: pass");
    expect(gh.state.comments[0]?.body).not.toContain("loophole: fail");
  });

  it("off: makes no request at all", async () => {
    expect(await publish(testClient(gh), failing(), "off")).toEqual({
      action: "skipped",
      reason: "the comment input is off",
    });
    expect(gh.requests.filter((r) => r.operationId !== "users/get-authenticated")).toHaveLength(0);
  });

  it("does not rewrite a comment that already says the same", async () => {
    const client = testClient(gh);
    expect((await publish(client, failing())).action).toBe("created");
    expect((await publish(client, failing())).action).toBe("unchanged");
    expect(gh.writes()).toHaveLength(1);
  });

  it("truncates an oversized report validly, with a note linking the check run", async () => {
    const huge = report(
      Array.from({ length: 40 }, (_, i) =>
        finding("test-removed", "fail", `test removed: ${"x".repeat(300)} ${i}`, {
          path: `test/t${i}.test.ts`,
          test: `suite > case ${i} ${"y".repeat(200)}`,
        }),
      ),
      {
        verifiers: Array.from({ length: 25 }, (_, i) => ({
          ...verifier(`suite-${i}`, "fail"),
          outputTail: `\`\`\`\n</details>\n${"boom ".repeat(30)}\n`.repeat(200),
          outputBytes: 400_000,
        })),
      },
    );
    const client = testClient(gh);
    const logger = new RecordingLogger();
    const handle = await startCheckRun(client, { name: "loophole", headSha: HEAD }, { logger, now: clock });
    await completeCheckRun(client, handle, huge, {
      logger,
      now: clock,
      fullReportUrl: "https://github.com/Codertocat/Hello-World/actions/runs/1",
    });
    const checkUrl = handle.htmlUrl ?? "";
    expect(checkUrl).toMatch(/^https:\/\/github\.com\/Codertocat\/Hello-World\/runs\/\d+$/);
    expect((await publish(client, huge, "always", checkUrl)).action).toBe("created");

    const body = gh.state.comments[0]?.body ?? "";
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body.length).toBeGreaterThan(10_000);
    expect(body).toContain(
      `⚠️ **Report truncated** to fit the size limit: the full report is in [${checkUrl}](${checkUrl}).`,
    );
    const summary = gh.state.checkRuns[0]?.output.summary ?? "";
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(summary).toContain("**Report truncated**");
    for (const text of [body, summary]) {
      const prose = outsideFences(text);
      expect(prose).toBeDefined();
      expect(count(prose ?? "", /<details>/g)).toBe(count(prose ?? "", /<\/details>/g));
      expect(count(prose ?? "", /<details>/g)).toBeGreaterThan(0);
      expect(text).toContain("### What was not proven");
    }
  });
});
