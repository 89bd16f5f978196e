import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecordingLogger } from "../../src/core/logger.js";
import { approveFindings } from "../../src/github/approvals.js";
import { checkConclusion } from "../../src/github/check-output.js";
import { finding, isBlocking, type Finding } from "../../src/model/finding.js";
import { pullRequestFacts, seedPullRequest, webhookPayload } from "../support/fake-github/payloads.js";
import { expectNoViolations, startFakeGitHub, type FakeGitHub } from "../support/fake-github/server.js";
import { clock, report, testClient } from "./helpers.js";

const payload = webhookPayload("pull_request", "synchronize");
const { repo: REPO, number: PR, headSha: HEAD, author: AUTHOR } = pullRequestFacts(payload);
const OLDER = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const LABEL = "loophole:approve";
const PUSHED_AT = "2026-05-01T10:00:00Z";
const BEFORE_PUSH = "2026-05-01T09:00:00Z";
const AFTER_PUSH = "2026-05-01T11:00:00Z";

const protectedEdit = (): Finding[] => [
  finding("protected-path", "fail", "protected file changed: .github/workflows/ci.yml", {
    path: ".github/workflows/ci.yml",
  }),
  finding("test-newly-skipped", "fail", "test newly skipped: parses dates", { test: "dates > parses dates" }),
  finding("test-count", "warn", "2 tests fewer than the contract expects"),
];

describe("approvals of approvable findings", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub({ now: clock });
    seedPullRequest(gh, payload);
    gh.state.push({
      repo: REPO,
      branch: "changes",
      before: OLDER,
      after: HEAD,
      at: PUSHED_AT,
      actor: AUTHOR,
    });
    gh.state.setPermission(REPO, "maintainer", "write");
    gh.state.setPermission(REPO, "owner", "admin");
    gh.state.setPermission(REPO, "triager", "triage");
    gh.state.setPermission(REPO, AUTHOR, "admin");
  });
  afterEach(async () => {
    try {
      expectNoViolations(gh);
    } finally {
      await gh.close();
    }
  });

  const approve = (findings: Finding[] = protectedEdit()) =>
    approveFindings(testClient(gh), findings, {
      pullNumber: PR,
      headSha: HEAD,
      label: LABEL,
      logger: new RecordingLogger(),
    });

  it("accepts the label from a user with write access, applied after the head was pushed", async () => {
    gh.state.label({ repo: REPO, issueNumber: PR, label: LABEL, actor: "maintainer", at: AFTER_PUSH });
    const outcome = await approve();
    expect(outcome.approval).toEqual({ by: "maintainer", at: AFTER_PUSH, via: "label" });
    expect(outcome.findings.filter(isBlocking)).toEqual([]);
    expect(outcome.findings.map((f) => f.approved?.by)).toEqual(["maintainer", "maintainer", undefined]);
    expect(outcome.notes[0]).toMatch(
      /^Approved by maintainer \(the label `loophole:approve`, 2026-05-01T11:00:00Z\)/,
    );
    // With every blocking finding approved, the same report now passes.
    expect(checkConclusion(report(outcome.findings))).toBe("success");
  });

  it("ignores the label from a user without write access, and says so", async () => {
    gh.state.label({ repo: REPO, issueNumber: PR, label: LABEL, actor: "triager", at: AFTER_PUSH });
    const outcome = await approve();
    expect(outcome.approval).toBeUndefined();
    expect(outcome.findings.filter(isBlocking)).toHaveLength(2);
    expect(outcome.notes).toEqual([
      "The label `loophole:approve` applied by triager is ignored: triager has triage access, not write.",
    ]);
  });

  it("ignores a label applied before the head commit was pushed, whatever the commit's own dates say", async () => {
    gh.state.label({ repo: REPO, issueNumber: PR, label: LABEL, actor: "maintainer", at: BEFORE_PUSH });
    const outcome = await approve();
    expect(outcome.approval).toBeUndefined();
    expect(outcome.notes[0]).toContain("predates the push of the head ec26c3e57ca3 (2026-05-01T10:00:00Z)");
  });

  it("withdraws a label approval when the label is removed", async () => {
    gh.state.label({ repo: REPO, issueNumber: PR, label: LABEL, actor: "maintainer", at: AFTER_PUSH });
    gh.state.label({
      repo: REPO,
      issueNumber: PR,
      label: LABEL,
      actor: "maintainer",
      at: "2026-05-01T11:30:00Z",
      remove: true,
    });
    const outcome = await approve();
    expect(outcome.approval).toBeUndefined();
    expect(outcome.notes).toEqual(["The label `loophole:approve` was removed, so it approves nothing."]);
  });

  it("does not honour the label when the push time cannot be read", async () => {
    gh.inject({ operationId: "repos/list-activities", times: 100, fault: { kind: "status", status: 502 } });
    gh.state.label({ repo: REPO, issueNumber: PR, label: LABEL, actor: "maintainer", at: AFTER_PUSH });
    const outcome = await approve();
    expect(outcome.approval).toBeUndefined();
    expect(outcome.notes[0]).toMatch(
      /^The label `loophole:approve` is not honoured: loophole could not tell when the head ec26c3e57ca3 was pushed \(GitHub API: could not read the head branch's push activity \(HTTP 502/,
    );
    expect(outcome.notes[0]).toContain("Approve with a review on this commit instead.");
  });

  it("accepts an approving review on the head commit by a user with write access", async () => {
    gh.state.addReview({
      repo: REPO,
      pullNumber: PR,
      user: "owner",
      state: "APPROVED",
      commitId: HEAD,
      at: AFTER_PUSH,
    });
    const outcome = await approve();
    expect(outcome.approval).toEqual({ by: "owner", at: AFTER_PUSH, via: "review" });
    expect(outcome.findings.filter(isBlocking)).toEqual([]);
  });

  it("does not count an approving review on an older commit, nor one later replaced by a change request", async () => {
    gh.state.addReview({
      repo: REPO,
      pullNumber: PR,
      user: "owner",
      state: "APPROVED",
      commitId: OLDER,
      at: BEFORE_PUSH,
    });
    gh.state.addReview({
      repo: REPO,
      pullNumber: PR,
      user: "maintainer",
      state: "APPROVED",
      commitId: HEAD,
      at: AFTER_PUSH,
    });
    gh.state.addReview({
      repo: REPO,
      pullNumber: PR,
      user: "maintainer",
      state: "CHANGES_REQUESTED",
      commitId: HEAD,
      at: "2026-05-01T11:10:00Z",
    });
    const outcome = await approve();
    expect(outcome.approval).toBeUndefined();
    expect(outcome.findings.filter(isBlocking)).toHaveLength(2);
    expect(outcome.notes).toEqual([
      "The approving review by owner is on commit f95f852bd8fc, not the head ec26c3e57ca3: it does not approve this head.",
    ]);
  });

  it("does not let the pull request's author approve their own change", async () => {
    gh.state.label({ repo: REPO, issueNumber: PR, label: LABEL, actor: AUTHOR, at: AFTER_PUSH });
    const outcome = await approve();
    expect(outcome.approval).toBeUndefined();
    expect(outcome.notes).toEqual([
      `The label \`loophole:approve\` applied by ${AUTHOR} is ignored: ${AUTHOR} is the pull request's author.`,
    ]);
  });

  it("never approves findings of other kinds, and asks GitHub nothing when none is approvable", async () => {
    gh.state.label({ repo: REPO, issueNumber: PR, label: LABEL, actor: "maintainer", at: AFTER_PUSH });
    const verifierFailed = [finding("verifier-failed", "fail", 'verifier "unit" failed')];
    const outcome = await approve(verifierFailed);
    expect(outcome).toEqual({ findings: verifierFailed, approval: undefined, notes: [] });
    expect(gh.requests).toHaveLength(0);

    const mixed = await approve([...protectedEdit(), ...verifierFailed]);
    expect(mixed.approval?.by).toBe("maintainer");
    expect(mixed.findings.filter(isBlocking).map((f) => f.kind)).toEqual(["verifier-failed"]);
  });
});
