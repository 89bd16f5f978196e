import { describe, expect, it } from "vitest";
import type { PullRequestInfo } from "../github/types.js";
import type { Report } from "../model/report.js";
import { Secrets } from "../report/secrets.js";
import { LEAKED_TOKEN, failReport, hugeReport, passReport } from "../report/testing/sample-reports.js";
import {
  MAX_PR_BODY,
  NOT_PASSING,
  TASK_PR_MARKER,
  isTaskPullRequest,
  pullRequestBody,
  pullRequestTitle,
  retitle,
  taskTitle,
} from "./task-pr.js";

function withTask(report: Report, stopReason: "passed" | "rounds"): Report {
  return {
    ...report,
    task: {
      task: "fix the parser",
      branch: "loophole/fix",
      rounds: [],
      stopReason,
      lastOutputTail: "",
      network: { allowed: [], denied: [] },
    },
  };
}

describe("pull request titles", () => {
  it("uses the task's first non-empty line, on one line, cut to fit", () => {
    expect(taskTitle("\n\n  Fix   the\tparser  \nthen more")).toBe("Fix the parser");
    expect(taskTitle("   ")).toBe("task");
    const long = taskTitle("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(72);
    expect(long.endsWith("…")).toBe(true);
  });

  it("says when the gate did not pass", () => {
    expect(pullRequestTitle("fix the parser", "pass")).toBe("loophole: fix the parser");
    expect(pullRequestTitle("fix the parser", "fail")).toBe(`${NOT_PASSING} loophole: fix the parser`);
    expect(pullRequestTitle("fix the parser", "error")).toMatch(/^\[not passing\] /);
  });

  it("retitles by adding or removing the prefix only, keeping a person's edits", () => {
    expect(retitle("loophole: fix (edited by mona)", "fail")).toBe(
      `${NOT_PASSING} loophole: fix (edited by mona)`,
    );
    expect(retitle(`${NOT_PASSING} loophole: fix`, "pass")).toBe("loophole: fix");
    expect(retitle(`${NOT_PASSING} loophole: fix`, "fail")).toBe(`${NOT_PASSING} loophole: fix`);
  });
});

describe("pull request bodies", () => {
  it("holds the marker and the report; a passing ready pull request needs no warning", () => {
    const body = pullRequestBody({
      report: withTask(passReport(), "passed"),
      branch: "loophole/fix",
      draft: false,
    });
    expect(body.startsWith(TASK_PR_MARKER)).toBe(true);
    expect(body).toContain(passReport().headline);
    expect(body).not.toMatch(/Not passing/);
    expect(body).not.toMatch(/Ready for review/);
  });

  it("a draft that now passes asks for Ready for review, as REST cannot", () => {
    const body = pullRequestBody({
      report: withTask(passReport(), "passed"),
      branch: "loophole/fix",
      draft: true,
    });
    expect(body).toMatch(/REST API cannot mark a draft ready for review/);
  });

  it("a failing draft says why the loop stopped and how to continue", () => {
    const body = pullRequestBody({
      report: withTask(failReport(), "rounds"),
      branch: "loophole/fix",
      draft: true,
    });
    expect(body).toMatch(/\*\*Not passing\.\*\*/);
    expect(body).toContain("the round budget was spent");
    expect(body).toContain("`/loophole <more guidance>`");
    expect(body).toContain("`loophole/fix`");
  });

  it("a ready pull request that stopped passing says the title carries it", () => {
    const body = pullRequestBody({ report: withTask(failReport(), "rounds"), branch: "b", draft: false });
    expect(body).toMatch(/cannot turn it back into a draft/);
  });

  it("keeps a branch name inside its code span", () => {
    const body = pullRequestBody({ report: failReport(), branch: "x`y\nz", draft: true });
    expect(body).toContain("`xyz`");
  });

  it("fits a huge report under GitHub's limit, with the truncation note and link", () => {
    const body = pullRequestBody({
      report: hugeReport(),
      branch: "b",
      draft: true,
      fullReportUrl: "https://github.com/o/r/actions/runs/1",
    });
    expect(body.length).toBeLessThanOrEqual(MAX_PR_BODY);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_PR_BODY);
    expect(body).toMatch(/Report truncated/);
    expect(body).toContain("https://github.com/o/r/actions/runs/1");
  });

  it("masks secrets in the report", () => {
    const body = pullRequestBody({
      report: failReport(),
      branch: "b",
      draft: true,
      secrets: new Secrets([LEAKED_TOKEN]),
    });
    expect(body).not.toContain(LEAKED_TOKEN);
  });
});

describe("whose pull request it is", () => {
  const pr = (body: string, login: string): PullRequestInfo => ({
    number: 3,
    author: { login, type: "Bot" },
    headSha: "a".repeat(40),
    headRef: "loophole/fix",
    headRepo: { owner: "o", repo: "r" },
    labels: [],
    baseRef: "main",
    baseSha: "b".repeat(40),
    title: "t",
    body,
    state: "open",
    draft: true,
    htmlUrl: "https://github.com/o/r/pull/3",
  });

  it("is loophole's only with the marker and the token's author", () => {
    expect(
      isTaskPullRequest(pr(`${TASK_PR_MARKER}\nreport`, "github-actions[bot]"), "github-actions[bot]"),
    ).toBe(true);
    expect(isTaskPullRequest(pr(`${TASK_PR_MARKER}\ncopied`, "mona"), "github-actions[bot]")).toBe(false);
    expect(isTaskPullRequest(pr("my description", "github-actions[bot]"), "github-actions[bot]")).toBe(false);
  });
});
