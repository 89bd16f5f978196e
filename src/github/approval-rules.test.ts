import { describe, expect, it } from "vitest";
import { finding } from "../model/finding.js";
import {
  applyApproval,
  approvalCandidates,
  decideApproval,
  needsApproval,
  type ApprovalFacts,
} from "./approval-rules.js";
import type { LabelEvent, RepoPermission, Review } from "./types.js";

const HEAD = "a".repeat(40);
const OLD = "b".repeat(40);
const user = (login: string) => ({ login, type: "User" });

function facts(over: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return {
    headSha: HEAD,
    author: "agent-author",
    label: "loophole:approve",
    labelPresent: true,
    labelEvents: [],
    reviews: [],
    headPushedAt: "2026-05-01T10:00:00Z",
    permissions: new Map<string, RepoPermission>([
      ["alice", "maintain"],
      ["bob", "read"],
      ["agent-author", "admin"],
    ]),
    allowAuthor: false,
    ...over,
  };
}

const labeled = (login: string, at: string, type = "User"): LabelEvent => ({
  event: "labeled",
  label: "loophole:approve",
  actor: { login, type },
  createdAt: at,
});
const unlabeled = (login: string, at: string): LabelEvent => ({
  event: "unlabeled",
  label: "loophole:approve",
  actor: user(login),
  createdAt: at,
});
const review = (login: string, state: string, commitId: string, at = "2026-05-01T11:00:00Z"): Review => ({
  author: user(login),
  state,
  commitId,
  submittedAt: at,
});

describe("decideApproval", () => {
  it("accepts a maintainer's label applied after the push", () => {
    const d = decideApproval(facts({ labelEvents: [labeled("alice", "2026-05-01T10:00:01Z")] }));
    expect(d.approval).toEqual({ by: "alice", at: "2026-05-01T10:00:01Z", via: "label" });
  });

  it("treats a label at the very second of the push as before it", () => {
    expect(
      decideApproval(facts({ labelEvents: [labeled("alice", "2026-05-01T10:00:00Z")] })).approval,
    ).toBeUndefined();
  });

  it("counts only labels applied since the label was last removed", () => {
    const withdrawn = decideApproval(
      facts({
        labelEvents: [
          labeled("alice", "2026-05-01T11:00:00Z"),
          unlabeled("alice", "2026-05-01T11:05:00Z"),
          labeled("bob", "2026-05-01T11:10:00Z"),
        ],
      }),
    );
    expect(withdrawn.approval).toBeUndefined();
    expect(withdrawn.notes).toEqual([
      "The label `loophole:approve` applied by bob is ignored: bob has read access, not write.",
    ]);
  });

  it("ignores bots, the author (unless allowed) and users with unknown permission", () => {
    const events = [
      labeled("github-actions[bot]", "2026-05-01T11:00:00Z", "Bot"),
      labeled("agent-author", "2026-05-01T11:00:00Z"),
      labeled("carol", "2026-05-01T11:00:00Z"),
    ];
    const d = decideApproval(facts({ labelEvents: events }));
    expect(d.approval).toBeUndefined();
    expect(d.notes).toEqual([
      "The label `loophole:approve` applied by github-actions[bot] is ignored: github-actions[bot] is a bot; only people can approve.",
      "The label `loophole:approve` applied by agent-author is ignored: agent-author is the pull request's author.",
      "The label `loophole:approve` applied by carol is ignored: carol has none access, not write.",
    ]);
    expect(decideApproval(facts({ labelEvents: events, allowAuthor: true })).approval?.by).toBe(
      "agent-author",
    );
  });

  it("honours no label when the push time is unknown, but still honours reviews", () => {
    const d = decideApproval(
      facts({
        headPushedAt: undefined,
        headPushedAtProblem: "HTTP 404",
        labelEvents: [labeled("alice", "2026-05-01T11:00:00Z")],
        reviews: [review("alice", "APPROVED", HEAD)],
      }),
    );
    expect(d.approval?.via).toBe("review");
    expect(d.notes[1]).toContain(
      "is not honoured: loophole could not tell when the head aaaaaaaaaaaa was pushed (HTTP 404)",
    );
  });

  it("uses each reviewer's latest decisive review, bound to the head commit", () => {
    expect(decideApproval(facts({ reviews: [review("alice", "APPROVED", OLD)] })).approval).toBeUndefined();
    expect(
      decideApproval(
        facts({ reviews: [review("alice", "APPROVED", HEAD), review("alice", "DISMISSED", HEAD)] }),
      ).approval,
    ).toBeUndefined();
    expect(
      decideApproval(
        facts({ reviews: [review("alice", "APPROVED", HEAD), review("alice", "COMMENTED", HEAD)] }),
      ).approval?.by,
    ).toBe("alice");
    expect(decideApproval(facts({ reviews: [review("bob", "APPROVED", HEAD)] })).approval).toBeUndefined();
  });

  it("does not look at labels that are no longer on the pull request", () => {
    const d = decideApproval(
      facts({ labelPresent: false, labelEvents: [labeled("alice", "2026-05-01T11:00:00Z")] }),
    );
    expect(d.approval).toBeUndefined();
  });
});

describe("approvalCandidates", () => {
  it("asks only about people whose approval could count", () => {
    const { permissions: _unused, ...rest } = facts({
      labelEvents: [
        labeled("alice", "2026-05-01T11:00:00Z"),
        labeled("robot[bot]", "2026-05-01T11:00:00Z", "Bot"),
      ],
      reviews: [
        review("carol", "APPROVED", HEAD),
        review("dave", "APPROVED", OLD),
        review("erin", "COMMENTED", HEAD),
      ],
    });
    expect(approvalCandidates(rest).sort()).toEqual(["alice", "carol"]);
  });
});

describe("applyApproval", () => {
  it("marks blocking approvable findings only", () => {
    const findings = [
      finding("protected-path", "fail", "p"),
      finding("verifier-failed", "fail", "v"),
      finding("skip-marker", "warn", "s"),
    ];
    expect(needsApproval(findings)).toBe(true);
    const approval = { by: "alice", at: "t", via: "label" as const };
    expect(applyApproval(findings, approval).map((f) => f.approved?.by)).toEqual([
      "alice",
      undefined,
      undefined,
    ]);
    expect(applyApproval(findings, undefined)).toEqual(findings);
    expect(needsApproval([finding("verifier-failed", "fail", "v")])).toBe(false);
  });
});
