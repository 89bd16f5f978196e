import { describe, expect, it } from "vitest";
import type { ActionSettings } from "./settings.js";
import { isTaskRun } from "./task-mode.js";

describe("which runs are task mode", () => {
  const settings: Pick<ActionSettings, "head"> = { head: undefined };
  it("comments and dispatches are; a dispatch with head gates a commit instead", () => {
    expect(isTaskRun("issue_comment", settings)).toBe(true);
    expect(isTaskRun("workflow_dispatch", settings)).toBe(true);
    expect(isTaskRun("workflow_dispatch", { head: "abc" })).toBe(false);
    expect(isTaskRun("pull_request", settings)).toBe(false);
  });
});
