import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { LABEL_RUN } from "../../src/sandbox/types.js";
import { baseRepo } from "../gate/gate-fixture.js";
import { BUSYBOX_IMAGE } from "../support/images.js";
import { examplePayload, pullRequestPayload, setField } from "./payloads.js";
import { runAction, runnerFiles } from "./run-action.js";

describe("the bundled action, run as the runner runs it", () => {
  it("fails the step on a failing pull request and publishes outcome, JSON report and job summary", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await repo.write("frozen/config.txt", "edited\n");
    const head = await repo.commit("edit a frozen file");
    await using files = await runnerFiles(pullRequestPayload(base, head));
    const run = await runAction(
      files,
      "pull_request",
      { contract: "loophole.json", "fail-on": "fail" },
      { GITHUB_WORKSPACE: repo.dir },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs.outcome).toBe("fail");
    const reportPath = run.outputs["report-json"] ?? "";
    const report = JSON.parse(await readFile(reportPath, "utf8")) as {
      outcome: string;
      provenance: { head: string; base: string };
    };
    expect(report).toMatchObject({ outcome: "fail", provenance: { head, base } });
    expect(run.summary).toContain("frozen/config.txt");
    expect(run.stdout).toContain("::error::");
    expect(run.state["run-id"]).toMatch(/^gh-4242-1-/);
  });

  it("passes a good pull request, and fail-on never keeps a failing step green", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await repo.write("answer.txt", "42\n");
    const head = await repo.commit("fix");
    await using files = await runnerFiles(pullRequestPayload(base, head, "synchronize"));
    const good = await runAction(files, "pull_request", {}, { GITHUB_WORKSPACE: repo.dir });
    expect(good.exitCode).toBe(0);
    expect(good.outputs.outcome).toBe("pass");
    expect(good.summary).toContain("✅");

    await using failing = await runnerFiles(pullRequestPayload(base, base));
    const lenient = await runAction(
      failing,
      "pull_request",
      { "fail-on": "never" },
      { GITHUB_WORKSPACE: repo.dir },
    );
    expect(lenient.exitCode).toBe(0);
    expect(lenient.outputs.outcome).toBe("fail");
  });

  it("gates merge_group and push events against the right base", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await repo.write("answer.txt", "42\n");
    const head = await repo.commit("fix");
    const group = examplePayload("merge_group", "checks_requested");
    setField(group, ["merge_group", "base_sha"], base);
    setField(group, ["merge_group", "head_sha"], head);
    await using mergeFiles = await runnerFiles(group);
    const merged = await runAction(mergeFiles, "merge_group", {}, { GITHUB_WORKSPACE: repo.dir });
    expect(merged.outputs.outcome).toBe("pass");

    const push = examplePayload("push");
    setField(push, ["before"], base);
    setField(push, ["after"], head);
    await using pushFiles = await runnerFiles(push);
    const pushed = await runAction(pushFiles, "push", {}, { GITHUB_WORKSPACE: repo.dir });
    expect(pushed.outputs.outcome).toBe("pass");
  });

  it("is an error for a bad input, an unhandled event or a malformed payload, never a pass", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await using files = await runnerFiles(pullRequestPayload(base, base));
    const badInput = await runAction(
      files,
      "pull_request",
      { "fail-on": "sometimes" },
      { GITHUB_WORKSPACE: repo.dir },
    );
    expect(badInput.exitCode).toBe(1);
    expect(badInput.outputs.outcome).toBe("error");
    expect(badInput.stdout).toContain('Input "fail-on" must be one of');

    const unhandled = await runAction(files, "schedule", {}, { GITHUB_WORKSPACE: repo.dir });
    expect(unhandled.outputs.outcome).toBe("error");
    expect(unhandled.stdout).toContain('does not handle the "schedule" event');

    await using broken = await runnerFiles({ pull_request: { number: "seven" } });
    const malformed = await runAction(broken, "pull_request", {}, { GITHUB_WORKSPACE: repo.dir });
    expect(malformed.outputs.outcome).toBe("error");
    expect(malformed.stdout).toContain("pull_request.base");
  });

  it("post step removes containers a killed run left behind", async () => {
    const runId = `gh-post-test-${process.pid}`;
    const started = await runCaptured("docker", [
      "run",
      "-d",
      "--label",
      `${LABEL_RUN}=${runId}`,
      BUSYBOX_IMAGE,
      "sleep",
      "300",
    ]);
    expect(started.exitCode).toBe(0);
    await using files = await runnerFiles({});
    const post = await runAction(files, "pull_request", {}, {}, "post", { "run-id": runId, "temp-root": "" });
    expect(post.exitCode).toBe(0);
    const left = await runCaptured("docker", ["ps", "-aq", "--filter", `label=${LABEL_RUN}=${runId}`]);
    expect(left.stdout.toString().trim()).toBe("");
  });
});
