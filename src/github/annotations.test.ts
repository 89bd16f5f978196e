import { describe, expect, it } from "vitest";
import { finding } from "../model/finding.js";
import { Secrets } from "../report/secrets.js";
import { annotationKey, batches, findingAnnotation, findingAnnotations } from "./annotations.js";

describe("findingAnnotation", () => {
  it("places a finding on its file and line, at a level from its severity", () => {
    expect(
      findingAnnotation(
        finding("protected-path", "fail", "ci.yml changed", { path: "./.github/ci.yml", line: 4 }),
      ),
    ).toEqual({
      path: ".github/ci.yml",
      start_line: 4,
      end_line: 4,
      annotation_level: "failure",
      title: "protected path",
      message: "ci.yml changed",
    });
    expect(
      findingAnnotation(finding("test-count", "warn", "fewer tests", { path: "a.ts" }))?.annotation_level,
    ).toBe("warning");
    expect(findingAnnotation(finding("test-count", "info", "note", { path: "a.ts" }))?.annotation_level).toBe(
      "notice",
    );
  });

  it("uses line 1 when the finding has no usable line, and skips findings without a file", () => {
    expect(findingAnnotation(finding("skip-marker", "fail", "m", { path: "t.ts" }))?.start_line).toBe(1);
    expect(
      findingAnnotation(finding("skip-marker", "fail", "m", { path: "t.ts", line: 0 }))?.start_line,
    ).toBe(1);
    expect(findingAnnotation(finding("verifier-failed", "fail", "m"))).toBeUndefined();
    expect(findingAnnotation(finding("verifier-failed", "fail", "m", { path: "\u0007" }))).toBeUndefined();
  });

  it("shows an approved failure as a notice that names the approver", () => {
    const approved = {
      ...finding("protected-path", "fail", "m", { path: "a" }),
      approved: { by: "alice", at: "2026-01-01T00:00:00Z", via: "label" as const },
    };
    expect(findingAnnotation(approved)).toMatchObject({
      annotation_level: "notice",
      title: "protected path (approved by alice via label)",
    });
  });

  it("bounds the title and message, cleans control characters and masks secrets", () => {
    const secret = "s3cr3t-value-123";
    const f = finding("test-removed", "fail", `\u001b[31mred ${secret}\u0000 ${"x".repeat(10_000)}`, {
      path: "t.ts",
      test: "suite > case",
    });
    const a = findingAnnotation(f, new Secrets([secret]));
    expect(a?.message.length).toBeLessThanOrEqual(4_000);
    expect(a?.message.startsWith("red *** ")).toBe(true);
    expect(a?.message).not.toContain(secret);
    expect(a?.message.includes("\u0000") || a?.message.includes("\u001b")).toBe(false);
    const long = findingAnnotation({ ...f, approved: { by: "b".repeat(400), at: "", via: "review" } });
    expect(long?.title?.length).toBe(255);
  });
});

describe("findingAnnotations", () => {
  it("puts failures first, keeps report order within a level, and drops duplicates", () => {
    const list = findingAnnotations([
      finding("test-count", "warn", "w1", { path: "a" }),
      finding("protected-path", "fail", "f1", { path: "b" }),
      finding("protected-path", "fail", "f1", { path: "b" }),
      finding("test-count", "info", "i1", { path: "c" }),
      finding("skip-marker", "fail", "f2", { path: "d" }),
    ]);
    expect(list.map((a) => a.message)).toEqual(["f1", "f2", "w1", "i1"]);
  });
});

describe("annotationKey", () => {
  it("matches an annotation we send with the same one listed back by GitHub", () => {
    const sent = findingAnnotation(finding("protected-path", "fail", "m", { path: "a.ts", line: 3 }));
    if (sent === undefined) throw new Error("no annotation");
    const listed = {
      path: "a.ts",
      startLine: 3,
      endLine: 3,
      level: "failure",
      title: "protected path",
      message: "m",
    };
    expect(annotationKey(listed)).toBe(annotationKey(sent));
    expect(annotationKey({ ...listed, message: "other" })).not.toBe(annotationKey(sent));
  });
});

describe("batches", () => {
  it("splits into requests of at most 50, always at least one", () => {
    expect(batches([])).toEqual([[]]);
    expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches(Array.from({ length: 50 }, (_, i) => i)).map((b) => b.length)).toEqual([50]);
  });
});
