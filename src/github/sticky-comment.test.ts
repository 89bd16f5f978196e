import { describe, expect, it } from "vitest";
import type { Report } from "../model/report.js";
import { COMMENT_MAX_CHARS, commentBody, commentMarker, ownReportComments } from "./sticky-comment.js";
import type { IssueComment } from "./types.js";

describe("commentMarker", () => {
  it("is a hidden HTML comment no check name can break out of", () => {
    expect(commentMarker("loophole")).toBe("<!-- loophole:report check=loophole -->");
    expect(commentMarker("gate --> <b>x</b>")).toBe(
      "<!-- loophole:report check=gate%20--%3E%20%3Cb%3Ex%3C%2Fb%3E -->",
    );
    expect(commentMarker("a")).not.toBe(commentMarker("a b"));
  });
});

describe("ownReportComments", () => {
  const comment = (id: number, login: string | undefined, body: string): IssueComment => ({
    id,
    body,
    author: login === undefined ? undefined : { login, type: "User" },
    htmlUrl: `https://github.com/o/r/pull/1#issuecomment-${id}`,
  });
  const marker = commentMarker("loophole");

  it("keeps only our comments that start with this check's marker, oldest first", () => {
    const found = ownReportComments(
      [
        comment(1, "mallory", `${marker}\nfake`),
        comment(2, "GitHub-Actions[bot]", `${marker}\nours`),
        comment(3, "github-actions[bot]", `quote:\n${marker}`),
        comment(4, "github-actions[bot]", `${commentMarker("other")}\nother check`),
        comment(5, undefined, `${marker}\nghost`),
        comment(6, "github-actions[bot]", `${marker}\nours again`),
      ],
      "github-actions[bot]",
      "loophole",
    );
    expect(found.map((c) => c.id)).toEqual([2, 6]);
  });
});

describe("commentBody", () => {
  it("stays within GitHub's limit even when every character is multi-byte", () => {
    const report: Report = {
      schemaVersion: 1,
      outcome: "fail",
      headline: "loophole: fail",
      reasons: Array.from({ length: 200 }, (_, i) => `${"é😀".repeat(400)} ${i}`),
      goal: "ü".repeat(5000),
      findings: [],
      setup: [],
      verifiers: Array.from({ length: 30 }, (_, i) => ({
        name: `vérifier-${i}`,
        command: "npm test",
        status: "fail" as const,
        exitCode: 1,
        durationMs: 1,
        outputTail: `${"é😀".repeat(60)}\n`.repeat(100),
        outputBytes: 100_000,
        image: "node:24",
      })),
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
      claim: "c",
    };
    const body = commentBody(report, {
      checkName: "loophole",
      fullReportUrl: "https://github.com/o/r/runs/1",
    });
    expect(body.startsWith(`${commentMarker("loophole")}\n`)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body.length).toBeGreaterThan(COMMENT_MAX_CHARS / 4);
    expect(body).toContain("**Report truncated**");
  });
});
