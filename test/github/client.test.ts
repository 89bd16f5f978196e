import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecordingLogger } from "../../src/core/logger.js";
import { apiBaseUrl, createGitHubClient } from "../../src/github/client.js";
import { GitHubApiError } from "../../src/github/errors.js";
import type { CheckRunCreate } from "../../src/github/types.js";
import { pullRequestFacts, seedPullRequest, webhookPayload } from "../support/fake-github/payloads.js";
import {
  PAT_LOGIN,
  TOKENS,
  expectNoViolations,
  startFakeGitHub,
  type FakeGitHub,
} from "../support/fake-github/server.js";
import { testClient } from "./helpers.js";

const opened = webhookPayload("pull_request", "opened");
const { headSha: HEAD, number: PR } = pullRequestFacts(opened);

const create: CheckRunCreate = {
  name: "loophole",
  headSha: HEAD,
  status: "in_progress",
  startedAt: "2026-05-01T12:00:00Z",
  output: { title: "Running", summary: "…" },
};

async function rejection(promise: Promise<unknown>): Promise<GitHubApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GitHubApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("GitHub client against the fake API", () => {
  let gh: FakeGitHub;
  let logger: RecordingLogger;
  beforeEach(async () => {
    gh = await startFakeGitHub();
    seedPullRequest(gh, opened);
    logger = new RecordingLogger();
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
      for (const token of Object.values(TOKENS)) expect(logger.text()).not.toContain(token);
    } finally {
      await gh.close();
    }
  });

  const calls = (operationId: string): number =>
    gh.requests.filter((r) => r.operationId === operationId).length;

  it("retries 502 answers and succeeds", async () => {
    gh.inject({ operationId: "checks/create", times: 2, fault: { kind: "status", status: 502 } });
    const run = await testClient(gh, { logger }).createCheckRun(create);
    expect(run.headSha).toBe(HEAD);
    expect(calls("checks/create")).toBe(3);
    expect(gh.state.checkRuns).toHaveLength(1);
  });

  it("ends a persistent 502 with a clear error after a bounded number of retries", async () => {
    gh.inject({ operationId: "checks/create", times: 100, fault: { kind: "status", status: 502 } });
    const started = Date.now();
    const error = await rejection(testClient(gh, { logger, retries: 3 }).createCheckRun(create));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toBe(
      "GitHub API: could not create the check run (HTTP 502: Server Error). GitHub did not answer successfully, and the retries ran out.",
    );
    expect(calls("checks/create")).toBe(4);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("waits out a primary rate limit (429) and retries", async () => {
    gh.inject({
      operationId: "issues/create-comment",
      times: 1,
      fault: { kind: "rate-limit", status: 429, resetInSeconds: 1 },
    });
    const comment = await testClient(gh, { logger }).createIssueComment(PR, "hello");
    expect(comment.body).toBe("hello");
    expect(calls("issues/create-comment")).toBe(2);
    expect(logger.text()).toMatch(
      /primary rate limit hit on POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments; retrying/,
    );
  });

  it("waits out a secondary rate limit (403 with retry-after) and retries", async () => {
    gh.inject({
      operationId: "checks/list-for-ref",
      times: 1,
      fault: { kind: "secondary-rate-limit", retryAfterSeconds: 1 },
    });
    expect(await testClient(gh, { logger }).listCheckRuns(HEAD, "loophole")).toEqual([]);
    expect(calls("checks/list-for-ref")).toBe(2);
    expect(logger.text()).toContain("secondary rate limit hit");
  });

  it("gives up on a rate limit after its retries, or at once when the reset is too far away", async () => {
    gh.inject({
      operationId: "issues/list-comments",
      times: 10,
      fault: { kind: "rate-limit", status: 403, resetInSeconds: 1 },
    });
    const exhausted = await rejection(testClient(gh, { logger, rateLimitRetries: 2 }).listIssueComments(PR));
    expect(exhausted.kind).toBe("rate-limit");
    expect(exhausted.message).toMatch(/rate limit was hit and the retries ran out\. It resets at \d{4}-/);
    expect(calls("issues/list-comments")).toBe(3);

    gh.inject({
      operationId: "pulls/get",
      times: 10,
      fault: { kind: "rate-limit", status: 429, resetInSeconds: 3600 },
    });
    const far = await rejection(testClient(gh, { logger, maxRateLimitWaitSeconds: 60 }).getPullRequest(PR));
    expect(far.kind).toBe("rate-limit");
    expect(calls("pulls/get")).toBe(1);
  });

  it("cuts off an attempt that never answers, and retries it", async () => {
    // Generous limits: the fake runs in this process and compiles schemas on first use.
    const client = testClient(gh, { logger, requestTimeoutMs: 1_500 });
    await client.getPullRequest(PR);
    gh.inject({ operationId: "pulls/get", times: 1, fault: { kind: "hang" } });
    const pr = await client.getPullRequest(PR);
    expect(pr.headSha).toBe(HEAD);
    expect(calls("pulls/get")).toBe(3);

    gh.inject({ operationId: "pulls/list-reviews", times: 10, fault: { kind: "hang" } });
    const started = Date.now();
    const error = await rejection(
      testClient(gh, { logger, requestTimeoutMs: 300, retries: 1 }).listReviews(PR),
    );
    expect(error.kind).toBe("unavailable");
    expect(calls("pulls/list-reviews")).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("names the missing permission when a write is refused, without the token", async () => {
    const error = await rejection(
      testClient(gh, { token: TOKENS.readOnly, logger }).createIssueComment(PR, "x"),
    );
    expect(error.kind).toBe("permission");
    expect(error.isWriteDenied).toBe(true);
    expect(error.message).toBe(
      "GitHub API: could not comment on the pull request (HTTP 403: Resource not accessible by integration). The token lacks a permission: add `issues: write` or `pull-requests: write` under `permissions:` in the workflow job. (A pull request from a fork run on `pull_request` always gets a read-only token.)",
    );
    const check = await rejection(testClient(gh, { token: TOKENS.readOnly, logger }).createCheckRun(create));
    expect(check.message).toContain("add `checks: write` under `permissions:`");
  });

  it("explains that check runs need an App token when given a personal access token", async () => {
    const error = await rejection(testClient(gh, { token: TOKENS.pat, logger }).createCheckRun(create));
    expect(error.kind).toBe("app-token-required");
    expect(error.isWriteDenied).toBe(false);
    expect(error.message).toContain("Check runs can only be created with a GitHub App token");
  });

  it("masks the token even when GitHub's answer repeats it", async () => {
    const echoed = `token ${TOKENS.installation} is not allowed; base64 ${Buffer.from(`x-access-token:${TOKENS.installation}`).toString("base64")}`;
    gh.inject({
      operationId: "pulls/get",
      times: 1,
      fault: { kind: "status", status: 422, message: echoed },
    });
    const error = await rejection(testClient(gh, { logger }).getPullRequest(PR));
    expect(error.message).not.toContain(TOKENS.installation);
    expect(error.message).not.toContain(Buffer.from(TOKENS.installation).toString("base64").slice(4, 20));
    expect(error.message).toContain("token *** is not allowed");
  });

  it("tells a personal access token's user from an installation token", async () => {
    expect(await testClient(gh, { token: TOKENS.pat, logger }).authenticatedLogin()).toBe(PAT_LOGIN);
    expect(await testClient(gh, { token: TOKENS.installation, logger }).authenticatedLogin()).toBeUndefined();
    const bad = await rejection(testClient(gh, { token: "ghs_unknown", logger }).authenticatedLogin());
    expect(bad.kind).toBe("auth");
  });

  it("takes the API address from GITHUB_API_URL", async () => {
    const client = createGitHubClient({
      token: TOKENS.installation,
      repository: "Codertocat/Hello-World",
      logger,
      env: { GITHUB_API_URL: gh.url },
    });
    expect((await client.getPullRequest(PR)).headSha).toBe(HEAD);
    expect(apiBaseUrl({})).toBe("https://api.github.com");
  });

  it("reads every page of a long comment list", async () => {
    for (let i = 0; i < 250; i += 1)
      gh.state.addComment({
        repo: "Codertocat/Hello-World",
        issueNumber: PR,
        author: `user${i % 7}`,
        body: `comment ${i}`,
      });
    const comments = await testClient(gh, { logger }).listIssueComments(PR);
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i}`));
    expect(
      gh.requests
        .filter((r) => r.operationId === "issues/list-comments")
        .map((r) => [r.query.per_page, r.query.page ?? "1"]),
    ).toEqual([
      ["100", "1"],
      ["100", "2"],
      ["100", "3"],
    ]);
  });
});
