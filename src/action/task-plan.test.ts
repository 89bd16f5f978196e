import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import type { ActionSettings } from "./settings.js";
import type { DispatchEvent } from "./task-event.js";
import { isSafeBranchName, newBranchName, planDispatch, skipReason } from "./task-plan.js";

const settings: ActionSettings = {
  contract: "loophole.json",
  failOn: "fail",
  base: undefined,
  head: undefined,
  token: undefined,
  workingDirectory: "/work",
  runtime: undefined,
  checkName: "loophole",
  comment: "always",
  approveLabel: "loophole:approve",
  task: undefined,
  branch: undefined,
  rounds: undefined,
  allowedBots: [],
};

const dispatch = (inputs: DispatchEvent["inputs"] = {}, onTag = false): DispatchEvent => ({
  kind: "dispatch",
  inputs,
  refBranch: onTag ? undefined : "main",
  defaultBranch: "trunk",
  repository: "o/r",
});

describe("planning a dispatched task", () => {
  it("takes the task from the input, a new branch per run, and the dispatched branch as base", () => {
    const planned = planDispatch({ ...settings, task: "Fix the date parser!" }, dispatch(), "4242");
    expect(planned).toEqual({
      kind: "run",
      plan: {
        task: "Fix the date parser!",
        branch: "loophole/fix-the-date-parser-4242",
        baseRef: "main",
        pull: undefined,
      },
    });
  });

  it("falls back to the dispatch's own inputs; the action's inputs win", () => {
    const event = dispatch({ task: "from payload", branch: "work/a", base: "develop" });
    expect(planDispatch(settings, event, "1")).toMatchObject({
      plan: { task: "from payload", branch: "work/a", baseRef: "develop" },
    });
    expect(
      planDispatch(
        { ...settings, task: "from input", branch: "work/b", base: "refs/heads/release" },
        event,
        "1",
      ),
    ).toMatchObject({ plan: { task: "from input", branch: "work/b", baseRef: "release" } });
  });

  it("uses the default branch when the dispatch ran on a tag", () => {
    expect(planDispatch({ ...settings, task: "t" }, dispatch({}, true), "1")).toMatchObject({
      plan: { baseRef: "trunk" },
    });
  });

  it("refuses no task, a commit as base, a bad branch name and working on the base itself", () => {
    expect(() => planDispatch(settings, dispatch(), "1")).toThrow(/needs a task/);
    expect(() => planDispatch({ ...settings, task: "t", base: "a".repeat(40) }, dispatch(), "1")).toThrow(
      /not a commit/,
    );
    expect(() => planDispatch({ ...settings, task: "t", branch: "bad..name" }, dispatch(), "1")).toThrow(
      ConfigurationError,
    );
    expect(() => planDispatch({ ...settings, task: "t", branch: "main" }, dispatch(), "1")).toThrow(
      /both "main"/,
    );
  });
});

describe("branch names", () => {
  it.each(["loophole/fix-1", "feature/x.y", "a_b-c"])("%s is accepted", (name) => {
    expect(isSafeBranchName(name)).toBe(true);
  });

  it.each([
    "-x",
    "/x",
    "x/",
    "x.",
    "a..b",
    "a//b",
    "a/.hidden",
    "x.lock",
    "a b",
    "a:b",
    "a~1",
    "x".repeat(201),
  ])("%s is refused", (name) => {
    expect(isSafeBranchName(name)).toBe(false);
  });

  it("makes a safe new branch name from any task text", () => {
    const name = newBranchName("Ünïcode & `quotes` / ../../etc", "99");
    expect(isSafeBranchName(name)).toBe(true);
    expect(name).toBe("loophole/n-code-quotes-etc-99");
    expect(newBranchName("!!!", "7")).toBe("loophole/task-7");
  });
});

describe("comments that are not commands", () => {
  const comment = (action: string, body: string) =>
    ({
      kind: "comment",
      action,
      body,
      author: { login: "mona", type: "User" },
      issueNumber: 1,
      onPullRequest: true,
      repository: "o/r",
    }) as const;

  it("skips edits, deletions and ordinary comments, but not a new command", () => {
    expect(skipReason(comment("edited", "/loophole x"))).toMatch(/edited/);
    expect(skipReason(comment("deleted", "/loophole x"))).toMatch(/deleted/);
    expect(skipReason(comment("created", "LGTM"))).toMatch(/not a \/loophole command/);
    expect(skipReason(comment("created", "/loophole x"))).toBeUndefined();
    expect(skipReason(dispatch())).toBeUndefined();
  });
});
