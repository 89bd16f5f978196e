import { describe, expect, it } from "vitest";
import { finding } from "../model/finding.js";
import {
  escapeData,
  escapeProperty,
  workflowCommand,
  workflowCommandAnnotations,
} from "./workflow-commands.js";

describe("escaping", () => {
  it("encodes what would end the line or the properties", () => {
    expect(escapeData("50% done\r\n::error::pwned")).toBe("50%25 done%0D%0A::error::pwned");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("keeps untrusted text on one command line", () => {
    const line = workflowCommand("error", "x\n::add-mask::y", {
      file: "we,ird:name.ts",
      line: 3,
      title: "t:1,2",
    });
    expect(line).toBe("::error file=we%2Cird%3Aname.ts,line=3,title=t%3A1%2C2::x%0A::add-mask::y");
    expect(line.split("\n")).toHaveLength(1);
  });
});

describe("workflowCommandAnnotations", () => {
  it("renders findings with their file, line and kind", () => {
    expect(
      workflowCommandAnnotations([
        finding("test-count", "warn", "fewer tests"),
        finding("protected-path", "fail", "ci.yml changed", { path: ".github/ci.yml", line: 2 }),
        {
          ...finding("skip-marker", "fail", "skip added", { path: "t.ts" }),
          approved: { by: "alice", at: "", via: "review" },
        },
      ]),
    ).toEqual([
      "::error file=.github/ci.yml,line=2,title=protected path::ci.yml changed",
      "::warning title=test count::fewer tests",
      "::notice file=t.ts,title=skip marker (approved by alice via review)::skip added",
    ]);
  });

  it("emits at most 10 lines per level, the last one summing up the rest", () => {
    const errors = Array.from({ length: 25 }, (_, i) =>
      finding("test-removed", "fail", `removed ${i}`, { path: `t${i}.ts` }),
    );
    const lines = workflowCommandAnnotations([...errors, finding("test-count", "warn", "w")]);
    const errorLines = lines.filter((l) => l.startsWith("::error"));
    expect(errorLines).toHaveLength(10);
    expect(errorLines[0]).toContain("removed 0");
    expect(errorLines[8]).toContain("removed 8");
    expect(errorLines[9]).toBe(
      "::error title=loophole%3A 16 more::16 more findings at this level (test removed) are not shown here: GitHub shows 10 per step. See the job summary for all of them.",
    );
    expect(lines.filter((l) => l.startsWith("::warning"))).toHaveLength(1);
  });

  it("leaves room for the caller's own lines", () => {
    const errors = Array.from({ length: 10 }, (_, i) => finding("test-removed", "fail", `removed ${i}`));
    expect(workflowCommandAnnotations(errors)).toHaveLength(10);
    const lines = workflowCommandAnnotations(errors, { reserved: { error: 1 } });
    expect(lines).toHaveLength(9);
    expect(lines[8]).toContain("2 more findings");
  });
});
