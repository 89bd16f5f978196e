/**
 * The bundled action against a fake api.github.com that validates every request against GitHub's
 * OpenAPI description, driven by real webhook payloads: the check run, the sticky comment, approvals,
 * read-only tokens and a fork pull request under pull_request_target.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runGit, TestRepo } from "../support/git-repo.js";
import {
  asForkPullRequest,
  pullRequestFacts,
  seedPullRequest,
  webhookPayload,
} from "../support/fake-github/payloads.js";
import {
  expectNoViolations,
  startFakeGitHub,
  TOKENS,
  type FakeGitHub,
} from "../support/fake-github/server.js";
import { baseRepo, contractText } from "../gate/gate-fixture.js";
import { setField } from "./payloads.js";
import { runAction, runnerFiles } from "./run-action.js";

function prPayload(base: string, head: string, action = "synchronize"): Record<string, unknown> {
  const payload = webhookPayload("pull_request", action);
  setField(payload, ["pull_request", "base", "sha"], base);
  setField(payload, ["pull_request", "head", "sha"], head);
  return payload;
}

describe("the bundled action publishing to GitHub", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
    } finally {
      await gh.close();
    }
  });

  const env = (repo: TestRepo, extra: Record<string, string> = {}): Record<string, string> => ({
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    ...extra,
  });

  it("starts the check run in progress, completes it, and keeps exactly one comment over five re-runs", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await repo.write("frozen/config.txt", "edited\n");
    const head = await repo.commit("edit a frozen file");
    const payload = prPayload(base, head);
    seedPullRequest(gh, payload);
    await using files = await runnerFiles(payload);
    for (let i = 0; i < 5; i++) {
      const run = await runAction(files, "pull_request", { token: TOKENS.installation }, env(repo));
      expect(run.exitCode).toBe(1);
      expect(run.outputs.outcome).toBe("fail");
      expect(run.outputs["check-run-url"]).toMatch(/^https?:\/\//);
      expect(run.outputs["comment-url"]).toMatch(/^https?:\/\//);
    }
    const runs = gh.state.checkRuns.filter((r) => r.headSha === head);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: "loophole", status: "completed", conclusion: "failure" });
    expect(runs[0]?.annotations.some((a) => a.path === "frozen/config.txt")).toBe(true);
    const first = gh.requests.find((r) => r.operationId === "checks/create");
    expect(first?.body).toMatchObject({ status: "in_progress", head_sha: head });
    const comments = gh.state.comments.filter((c) => c.body.includes("loophole:report"));
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("frozen/config.txt");
  });

  it("does no work for an event it does not handle: no API call, no container", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await using files = await runnerFiles(prPayload(base, base));
    const run = await runAction(files, "schedule", { token: TOKENS.installation }, env(repo));
    expect(run.outputs.outcome).toBe("error");
    expect(gh.requests).toHaveLength(0);
    expect(run.stdout).not.toContain("started container");
  });

  it("reports success for a passing pull request", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await repo.write("answer.txt", "42\n");
    const head = await repo.commit("fix");
    const payload = prPayload(base, head);
    seedPullRequest(gh, payload);
    await using files = await runnerFiles(payload);
    const run = await runAction(
      files,
      "pull_request",
      { token: TOKENS.installation, "check-name": "gate / loophole" },
      env(repo),
    );
    expect(run.exitCode).toBe(0);
    expect(gh.state.checkRuns.find((r) => r.headSha === head)).toMatchObject({
      name: "gate / loophole",
      conclusion: "success",
    });
  });

  it("never succeeds on error, and says so in the check run", async () => {
    const { repo, base } = await baseRepo({ sandbox: { image: "loophole-test/missing:404" } });
    await using _repo = repo;
    const payload = prPayload(base, base);
    seedPullRequest(gh, payload);
    await using files = await runnerFiles(payload);
    const run = await runAction(files, "pull_request", { token: TOKENS.installation }, env(repo));
    expect(run.outputs.outcome).toBe("error");
    expect(gh.state.checkRuns[0]?.conclusion).toBe("failure");
  });

  it("degrades on a read-only token: no check run, no comment, a notice and workflow-command annotations", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await repo.write("frozen/config.txt", "edited\n");
    const head = await repo.commit("edit a frozen file");
    const payload = prPayload(base, head);
    seedPullRequest(gh, payload);
    await using files = await runnerFiles(payload);
    const run = await runAction(files, "pull_request", { token: TOKENS.readOnly }, env(repo));
    expect(run.exitCode).toBe(1);
    expect(run.outputs.outcome).toBe("fail");
    expect(gh.state.checkRuns).toHaveLength(0);
    expect(gh.state.comments).toHaveLength(0);
    expect(run.summary).toMatch(/read-only|could not post/i);
    expect(run.stdout).toMatch(/::error file=frozen\/config\.txt/);
  });

  it("honours an approval label only from a user with write access, applied after the push", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await repo.write("answer.txt", "42\n");
    await repo.write("frozen/config.txt", "needed change\n");
    const head = await repo.commit("fix, and change a frozen file");
    const payload = prPayload(base, head);
    const facts = pullRequestFacts(payload);
    seedPullRequest(gh, payload);
    gh.state.push({
      repo: facts.repo,
      branch: "changes",
      before: base,
      after: head,
      at: "2026-01-01T10:00:00Z",
      actor: facts.author,
    });
    gh.state.setPermission(facts.repo, "maintainer", "write");
    gh.state.label({
      repo: facts.repo,
      issueNumber: facts.number,
      label: "loophole:approve",
      actor: "drive-by",
      at: "2026-01-01T11:00:00Z",
    });
    await using files = await runnerFiles(payload);
    const refused = await runAction(files, "pull_request", { token: TOKENS.installation }, env(repo));
    expect(refused.outputs.outcome).toBe("fail");

    gh.state.label({
      repo: facts.repo,
      issueNumber: facts.number,
      label: "loophole:approve",
      actor: "drive-by",
      at: "2026-01-01T11:30:00Z",
      remove: true,
    });
    gh.state.label({
      repo: facts.repo,
      issueNumber: facts.number,
      label: "loophole:approve",
      actor: "maintainer",
      at: "2026-01-01T12:00:00Z",
    });
    const approved = await runAction(files, "pull_request", { token: TOKENS.installation }, env(repo));
    expect(approved.outputs.outcome).toBe("pass");
    const report = JSON.parse(await readFile(approved.outputs["report-json"] ?? "", "utf8")) as {
      findings: { kind: string; approved?: { by: string } }[];
    };
    expect(report.findings.find((f) => f.kind === "protected-path")?.approved?.by).toBe("maintainer");
  });

  it("runs a fork's head only inside the container under pull_request_target, fetched by SHA, with no token", async () => {
    // The runner's checkout holds the base only; the head exists in the remote as refs/pull/N/head.
    const marker = `/tmp/loophole-fork-ran-on-host-${process.pid}`;
    await using upstream = await TestRepo.create();
    await upstream.write(
      "loophole.json",
      contractText({ verifiers: [{ name: "project check", run: "sh check.sh" }] }),
    );
    await upstream.write("check.sh", "test -f answer.txt\n");
    await upstream.write("answer.txt", "41\n");
    await upstream.write("frozen/config.txt", "original\n");
    const base = await upstream.commit("base");
    await upstream.write(
      "check.sh",
      `echo fork code ran > ${marker}; test -f ${marker} && echo "marker written inside: yes"; env; test -f answer.txt\n`,
    );
    const head = await upstream.commit("fork change");
    await upstream.git("update-ref", "refs/pull/2/head", head);
    await upstream.git("reset", "--hard", "--quiet", base);
    await upstream.git("config", "uploadpack.allowAnySHA1InWant", "true");
    await using checkout = await TestRepo.create();
    await runGit(checkout.dir, ["fetch", "--quiet", upstream.dir, "main"]);
    await runGit(checkout.dir, ["reset", "--hard", "--quiet", "FETCH_HEAD"]);
    await runGit(checkout.dir, ["remote", "add", "origin", upstream.dir]);
    expect(await runGit(checkout.dir, ["cat-file", "-t", head]).catch(() => "missing")).toBe("missing");

    const payload = asForkPullRequest(prPayload(base, head, "opened"));
    seedPullRequest(gh, payload);
    await using files = await runnerFiles(payload);
    const run = await runAction(
      files,
      "pull_request_target",
      { token: TOKENS.installation },
      {
        ...env(checkout),
        GITHUB_TOKEN: TOKENS.installation,
      },
    );
    expect(run.outputs.outcome).toBe("pass");
    const report = JSON.parse(await readFile(run.outputs["report-json"] ?? "", "utf8")) as {
      verifiers: { outputTail: string }[];
      provenance: { head: string };
    };
    expect(report.provenance.head).toBe(head);
    const output = report.verifiers[0]?.outputTail ?? "";
    expect(output).toContain("marker written inside: yes");
    expect(output).not.toContain(TOKENS.installation);
    expect(output).not.toContain("GITHUB_TOKEN");
    expect(output).not.toContain("INPUT_TOKEN");
    expect(existsSync(marker)).toBe(false);
  });
});
