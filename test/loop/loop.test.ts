import { describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { LABEL_RUN } from "../../src/sandbox/types.js";
import { loop, taskRepo } from "./loop-fixture.js";

async function fileAt(
  repo: { git(...args: string[]): Promise<string> },
  commit: string,
  path: string,
): Promise<string | undefined> {
  return repo.git("show", `${commit}:${path}`).catch(() => undefined);
}

describe("task mode with scripted executors in real containers", () => {
  it("an honest agent that reads its feedback passes in three rounds, one checkpoint per round", async () => {
    await using repo = await taskRepo("sh agent/honest.sh");
    const result = await loop(repo);
    expect(result.report.outcome).toBe("pass");
    expect(result.stopReason).toBe("passed");
    expect(result.rounds).toBe(3);
    expect(result.report.task?.rounds.map((r) => r.outcome)).toEqual(["fail", "fail", "pass"]);
    const log = await repo.git("log", "--format=%s%n%b", "main..loophole/test");
    expect(log.match(/Loophole-Round: \d/g)).toEqual([
      "Loophole-Round: 3",
      "Loophole-Round: 2",
      "Loophole-Round: 1",
    ]);
    expect(await fileAt(repo, "loophole/test", "c.txt")).toBe("c\n");
    // The agent's own .git never reaches the commits.
    expect(await repo.git("ls-tree", "-r", "--name-only", "loophole/test")).not.toContain(".git/");
  });

  it("an agent that deletes the failing test is put back, told so, and never passes", async () => {
    await using repo = await taskRepo("sh agent/delete-test.sh");
    const result = await loop(repo);
    expect(result.report.outcome).toBe("fail");
    expect(result.stopReason).toBe("no-change");
    expect(result.report.task?.rounds[0]?.reverted).toEqual(["tests/check.sh"]);
    expect(result.report.findings.map((f) => f.kind)).toContain("protected-edit-reverted");
    expect(await fileAt(repo, "loophole/test", "tests/check.sh")).toContain("the suite");
  });

  it("an agent that edits loophole.json changes nothing that counts", async () => {
    await using repo = await taskRepo("sh agent/edit-contract.sh");
    const result = await loop(repo);
    expect(result.report.outcome).toBe("fail");
    expect(result.report.task?.rounds[0]?.reverted).toEqual(["loophole.json"]);
    expect(await repo.git("rev-parse", "loophole/test")).toBe(await repo.git("rev-parse", "main"));
  });

  it("an agent that changes nothing is not done: two such rounds stop the loop", async () => {
    await using repo = await taskRepo("sh agent/nothing.sh");
    const result = await loop(repo);
    expect(result.report.outcome).toBe("fail");
    expect(result.stopReason).toBe("no-change");
    expect(result.rounds).toBe(2);
    expect(result.report.findings.filter((f) => f.kind === "no-change")).toHaveLength(2);
  });

  it("an agent that hangs past its timeout is killed and its container removed", async () => {
    await using repo = await taskRepo("sh agent/hang.sh", { timeout: "3s", rounds: 1 });
    const started = Date.now();
    const result = await loop(repo);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result.report.task?.rounds[0]?.executor.timedOut).toBe(true);
    expect(result.stopReason).toBe("rounds");
    const left = await runCaptured("docker", [
      "ps",
      "-aq",
      "--filter",
      `label=${LABEL_RUN}`,
      "--filter",
      "label=dev.loophole.side=executor",
    ]);
    expect(left.stdout.toString().trim()).toBe("");
  });

  it("an agent that prints 1 GB is kept bounded, and its change still counts", async () => {
    await using repo = await taskRepo("sh agent/noisy.sh", { rounds: 1 });
    const result = await loop(repo);
    const round = result.report.task?.rounds[0];
    expect(round?.executor.outputBytes).toBeGreaterThanOrEqual(1_073_741_824);
    expect(result.report.task?.lastOutputTail.length).toBeLessThanOrEqual(4000);
    expect(round?.noChange).toBe(false);
    expect(JSON.stringify(result.report).length).toBeLessThan(1_000_000);
  });

  it("an agent looking for the GitHub token finds nothing of the runner's environment", async () => {
    await using repo = await taskRepo("sh agent/env.sh", { rounds: 1 });
    const result = await loop(repo, "look around", {
      GITHUB_TOKEN: "ghs_should-never-be-seen",
      ACTIONS_RUNTIME_TOKEN: "x",
    });
    expect(result.rounds).toBe(1);
    const seen = (await fileAt(repo, "loophole/test", "seen-env.txt")) ?? "";
    expect(seen).toContain("LOOPHOLE_TASK_FILE=");
    expect(seen).not.toContain("ghs_should-never-be-seen");
    expect(seen).not.toContain("GITHUB_TOKEN");
    expect(seen).not.toContain("ACTIONS_RUNTIME_TOKEN");
  });

  it("stops on stagnation when rounds change things but the failures do not shrink", async () => {
    await using repo = await taskRepo("sh agent/busy.sh");
    const result = await loop(repo);
    expect(result.stopReason).toBe("stagnation");
    expect(result.rounds).toBe(3);
    expect(result.report.outcome).toBe("fail");
  });
});
