import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedPullRequest, webhookPayload } from "../support/fake-github/payloads.js";
import {
  TOKENS,
  expectNoViolations,
  startFakeGitHub,
  type FakeGitHub,
} from "../support/fake-github/server.js";

const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

function annotation(title = "t") {
  return { path: "a.ts", start_line: 1, end_line: 1, annotation_level: "failure", message: "m", title };
}

describe("the fake GitHub API checks requests against GitHub's OpenAPI description", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
    seedPullRequest(gh, webhookPayload("pull_request", "opened"));
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
    } finally {
      await gh.close();
    }
  });

  async function call(method: string, path: string, body?: unknown, token: string = TOKENS.installation) {
    const response = await fetch(`${gh.url}${path}`, {
      method,
      headers: { authorization: `token ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  it.each([
    [
      "more than 50 annotations",
      {
        name: "x",
        head_sha: HEAD,
        output: { title: "t", summary: "s", annotations: Array.from({ length: 51 }, () => annotation()) },
      },
      "must NOT have more than 50 items",
    ],
    [
      "an unknown conclusion",
      { name: "x", head_sha: HEAD, conclusion: "great" },
      "conclusion: must be equal to one of the allowed values",
    ],
    [
      "a summary over 65,535 characters",
      { name: "x", head_sha: HEAD, output: { title: "t", summary: "s".repeat(65_536) } },
      "summary: must NOT have more than 65535 characters",
    ],
    ["a missing head_sha", { name: "x" }, "must have required property 'head_sha'"],
    [
      "an annotation title over 255 characters",
      {
        name: "x",
        head_sha: HEAD,
        output: { title: "t", summary: "s", annotations: [annotation("t".repeat(256))] },
      },
      "annotation title is longer than 255 characters",
    ],
  ])("refuses a check run with %s, and records it", async (_what, body, problem) => {
    const answer = await call("POST", "/repos/Codertocat/Hello-World/check-runs", body);
    expect(answer.status).toBe(422);
    const violations = gh.takeViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]?.problems.join("\n")).toContain(problem);
    expect(gh.state.checkRuns).toHaveLength(0);
  });

  it("refuses a comment over 65,536 characters", async () => {
    const answer = await call("POST", "/repos/Codertocat/Hello-World/issues/2/comments", {
      body: "x".repeat(65_537),
    });
    expect(answer.status).toBe(422);
    expect(gh.takeViolations()[0]?.problems).toEqual(["Body is too long (maximum is 65536 characters)"]);
  });

  it("refuses undocumented routes, methods and query parameters", async () => {
    expect((await call("GET", "/repos/Codertocat/Hello-World/check-runz")).status).toBe(404);
    expect((await call("DELETE", "/repos/Codertocat/Hello-World/issues/2/comments")).status).toBe(405);
    expect(
      (await call("GET", `/repos/Codertocat/Hello-World/commits/${HEAD}/check-runs?checkname=x`)).status,
    ).toBe(422);
    expect(
      (await call("GET", `/repos/Codertocat/Hello-World/commits/${HEAD}/check-runs?filter=newest`)).status,
    ).toBe(422);
    expect(gh.takeViolations().map((v) => v.problems[0])).toEqual([
      "no documented operation matches GET /repos/Codertocat/Hello-World/check-runz",
      "DELETE is not documented for /repos/Codertocat/Hello-World/issues/2/comments",
      "query parameter checkname is not documented for checks/list-for-ref",
      "query parameter filter: must be equal to one of the allowed values",
    ]);
  });

  it("answers like GitHub for tokens it does not accept or that may only read", async () => {
    expect((await call("GET", "/user", undefined, "ghp_nobody")).status).toBe(401);
    const refused = await call(
      "POST",
      "/repos/Codertocat/Hello-World/check-runs",
      { name: "x", head_sha: HEAD },
      TOKENS.readOnly,
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ message: "Resource not accessible by integration" });
    expect(refused.headers.get("x-accepted-github-permissions")).toBe("checks=write");
    expect((await call("GET", "/user")).status).toBe(403);
    expect((await call("GET", "/repos/someone/else/pulls/2")).status).toBe(404);
  });

  it("pages lists with Link headers", async () => {
    for (let i = 0; i < 5; i += 1)
      gh.state.addComment({ repo: "Codertocat/Hello-World", issueNumber: 2, author: "a", body: `c${i}` });
    const first = await call("GET", "/repos/Codertocat/Hello-World/issues/2/comments?per_page=2");
    expect(first.headers.get("link")).toBe(
      `<${gh.url}/repos/Codertocat/Hello-World/issues/2/comments?per_page=2&page=2>; rel="next", <${gh.url}/repos/Codertocat/Hello-World/issues/2/comments?per_page=2&page=3>; rel="last"`,
    );
    const last = await call("GET", "/repos/Codertocat/Hello-World/issues/2/comments?per_page=2&page=3");
    expect(last.body).toMatchObject([{ body: "c4" }]);
    expect(last.headers.get("link")).toContain('rel="prev"');
  });
});
