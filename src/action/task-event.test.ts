import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import { branchOfRef, commandTask, isTaskEventName, parseTaskEvent } from "./task-event.js";

const repository = { full_name: "octo-org/octo-repo", default_branch: "main" };

function commentPayload(
  overrides: { action?: string; body?: string | null; pr?: boolean; type?: string } = {},
) {
  return {
    action: overrides.action ?? "created",
    issue: {
      number: 7,
      ...(overrides.pr === false
        ? {}
        : {
            pull_request: { url: "https://api.github.com/repos/octo-org/octo-repo/pulls/7", merged_at: null },
          }),
    },
    comment: {
      body: overrides.body === undefined ? "/loophole fix the parser" : overrides.body,
      user: { login: "mona", type: overrides.type ?? "User" },
    },
    repository,
  };
}

describe("workflow_dispatch payloads", () => {
  it("keeps the string inputs task, branch and base, trimmed, and the dispatched branch", () => {
    const event = parseTaskEvent("workflow_dispatch", {
      inputs: { task: "  fix the parser \n", branch: "loophole/parser", base: "", verbose: true, other: "x" },
      ref: "refs/heads/release",
      repository,
    });
    expect(event).toEqual({
      kind: "dispatch",
      inputs: { task: "fix the parser", branch: "loophole/parser" },
      refBranch: "release",
      defaultBranch: "main",
      repository: "octo-org/octo-repo",
    });
  });

  it("accepts a dispatch without inputs, and a tag ref has no branch", () => {
    const event = parseTaskEvent("workflow_dispatch", { inputs: null, ref: "refs/tags/v1", repository });
    expect(event).toMatchObject({
      kind: "dispatch",
      inputs: {},
      refBranch: undefined,
      defaultBranch: "main",
    });
  });

  it("names the missing field of a payload that is not a dispatch", () => {
    let error: unknown;
    try {
      parseTaskEvent("workflow_dispatch", { ref: "refs/heads/main" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).details.join("\n")).toContain("repository");
  });
});

describe("issue_comment payloads", () => {
  it("reads the comment, its author and whether it is on a pull request", () => {
    expect(parseTaskEvent("issue_comment", commentPayload())).toEqual({
      kind: "comment",
      action: "created",
      body: "/loophole fix the parser",
      author: { login: "mona", type: "User" },
      issueNumber: 7,
      onPullRequest: true,
      repository: "octo-org/octo-repo",
    });
    expect(parseTaskEvent("issue_comment", commentPayload({ pr: false }))).toMatchObject({
      onPullRequest: false,
    });
  });

  it("treats an empty (null) comment body as empty text", () => {
    expect(parseTaskEvent("issue_comment", commentPayload({ body: null }))).toMatchObject({ body: "" });
  });

  it("refuses a payload without the comment's author", () => {
    const payload = { ...commentPayload(), comment: { body: "/loophole x" } };
    expect(() => parseTaskEvent("issue_comment", payload)).toThrow(ConfigurationError);
  });
});

describe("the /loophole command", () => {
  it.each([
    ["/loophole fix the parser", "fix the parser"],
    ["  /loophole   fix it  ", "fix it"],
    ["/loophole\nfirst line\nsecond line", "first line\nsecond line"],
    ["/loophole", ""],
    ["/loophole   ", ""],
  ])("%j is a command with task %j", (body, task) => {
    expect(commandTask(body)).toBe(task);
  });

  it.each([
    "/loopholes fix it",
    "please /loophole fix it",
    "> /loophole fix it",
    "/Loophole fix",
    "loophole fix",
  ])("%j is not a command", (body) => {
    expect(commandTask(body)).toBeUndefined();
  });
});

describe("event names and refs", () => {
  it("knows the task events", () => {
    expect(isTaskEventName("workflow_dispatch")).toBe(true);
    expect(isTaskEventName("issue_comment")).toBe(true);
    expect(isTaskEventName("pull_request")).toBe(false);
    expect(isTaskEventName(undefined)).toBe(false);
  });

  it("reads branch refs only", () => {
    expect(branchOfRef("refs/heads/feature/x")).toBe("feature/x");
    expect(branchOfRef("refs/tags/v1")).toBeUndefined();
    expect(branchOfRef(undefined)).toBeUndefined();
  });
});
