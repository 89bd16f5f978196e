import { describe, expect, it } from "vitest";
import { finding, FINDING_KINDS, type Finding } from "../model/finding.js";
import type { Outcome, Report } from "../model/report.js";
import { CHECK_TITLE_MAX, checkConclusion, checkText, checkTitle } from "./check-output.js";

function report(outcome: Outcome, findings: Finding[], reasons: string[] = ["a reason"]): Report {
  return {
    schemaVersion: 1,
    outcome,
    headline: `loophole: ${outcome}`,
    reasons,
    goal: "",
    findings,
    setup: [],
    verifiers: [],
    notProven: [],
    provenance: {
      base: null,
      head: null,
      contractCommit: null,
      contractPath: "loophole.json",
      contractSha256: null,
      tool: { name: "loophole", version: "0" },
      runtime: "none",
      images: [],
      containersStarted: 0,
      startedAt: "2026-01-01T00:00:00Z",
      durationMs: 0,
      phases: [],
    },
    claim: "",
  };
}

describe("checkConclusion", () => {
  it("mirrors pass and fail", () => {
    expect(checkConclusion(report("pass", []))).toBe("success");
    expect(checkConclusion(report("fail", [finding("verifier-failed", "fail", "m")]))).toBe("failure");
  });

  it("asks for approval only when every blocking finding is approvable", () => {
    const approvable = [
      finding("protected-path", "fail", "m"),
      finding("test-newly-skipped", "fail", "m"),
      finding("test-count", "warn", "m"),
    ];
    expect(checkConclusion(report("fail", approvable))).toBe("action_required");
    expect(checkConclusion(report("fail", [...approvable, finding("test-removed", "fail", "m")]))).toBe(
      "failure",
    );
    // A failing verifier with no finding behind it is not something a label can fix.
    expect(checkConclusion(report("fail", []))).toBe("failure");
  });

  it("never concludes success (or neutral) for an error, whatever the findings", () => {
    for (const kind of FINDING_KINDS) {
      for (const severity of ["fail", "warn", "info"] as const) {
        expect(checkConclusion(report("error", [finding(kind, severity, "m")]))).toBe("failure");
      }
    }
    expect(checkConclusion(report("error", []))).toBe("failure");
  });
});

describe("checkTitle", () => {
  it("states the verdict and the first reason on one line", () => {
    expect(
      checkTitle(
        report("fail", [finding("verifier-failed", "fail", "m")], ['verifier "unit" failed', "x", "y"]),
      ),
    ).toBe('Failed: verifier "unit" failed (and 2 more)');
    expect(checkTitle(report("pass", [], ["all 2 hard verifiers passed"]))).toBe(
      "Passed: all 2 hard verifiers passed",
    );
    expect(checkTitle(report("fail", [finding("skip-marker", "fail", "m")], ["line one\nline two"]))).toBe(
      "Needs approval: line one line two",
    );
    expect(checkTitle(report("error", [], []))).toBe("Error, the gate could not decide");
  });

  it("stays within 255 characters", () => {
    const title = checkTitle(report("fail", [], ["r".repeat(1000), "more"]));
    expect(title.length).toBeLessThanOrEqual(CHECK_TITLE_MAX);
    expect(title.endsWith("… (and 1 more)")).toBe(true);
  });
});

describe("checkText", () => {
  it("tells a maintainer how to approve an action_required run", () => {
    const r = report("fail", [finding("protected-path", "fail", "m")]);
    const text = checkText(
      { ...r, provenance: { ...r.provenance, head: "c".repeat(40) } },
      { approveLabel: "ok-to-merge" },
    );
    expect(text).toContain("approves commit `cccccccccccc` by either:");
    expect(text).toContain("adding the label `ok-to-merge` after its last push");
  });

  it("lists approval notes, escaped, and is absent when there is nothing to say", () => {
    expect(checkText(report("fail", [finding("verifier-failed", "fail", "m")]))).toBeUndefined();
    const text = checkText(report("pass", []), { approvalNotes: ["Approved by @alice <b>x</b>"] });
    expect(text).toBe("### Approvals\n\n- Approved by @\u200Balice &lt;b&gt;x&lt;/b&gt;");
  });
});
