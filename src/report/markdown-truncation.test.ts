import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_CHARS, renderMarkdown } from "./markdown.js";
import { markdownProblems } from "./testing/markdown-structure.js";
import { errorReport, failReport, hugeReport } from "./testing/sample-reports.js";

const RUN_URL = "https://github.com/octo/repo/actions/runs/42";

function size(markdown: string): number {
  return Buffer.byteLength(markdown, "utf8");
}

function expectWellFormed(markdown: string, max: number): void {
  expect(size(markdown)).toBeLessThanOrEqual(max);
  expect(markdownProblems(markdown)).toEqual([]);
  expect(markdown).toMatch(/^## ❌ loophole: fail\n/);
  expect(markdown).toContain("### What was not proven");
  expect(markdown).toContain("> **Claim:**");
  expect(markdown).toContain("⚠️ **Report truncated**");
}

describe("renderMarkdown size limit", () => {
  it("keeps a huge report under the default limit, with short output tails rather than none", () => {
    const markdown = renderMarkdown(hugeReport(), { fullReportUrl: RUN_URL });
    expectWellFormed(markdown, DEFAULT_MAX_CHARS);
    expect(markdown).toContain(`the full report is in [${RUN_URL}](${RUN_URL}).`);
    expect(markdown).toContain("<details>");
    expect(markdown).toContain("### Provenance\n\n|");
  });

  it.each([1_000, 1_500, 2_500, 4_000, 8_000, 16_000, 32_000])(
    "fits %i bytes with balanced fences, tags and tables",
    (max) => {
      expectWellFormed(renderMarkdown(hugeReport(), { maxChars: max, fullReportUrl: RUN_URL }), max);
    },
  );

  it("shrinks output tails before anything else", () => {
    const full = renderMarkdown(failReport());
    const markdown = renderMarkdown(failReport(), { maxChars: size(full) - 1 });
    expectWellFormed(markdown, size(full) - 1);
    // Everything else is still there: all boundary findings, the phases, every output block.
    expect(
      markdown.match(
        /^- (❌|⚠️|☑️) \*\*(protected path|contract changed|runner tampering|skip marker|focus marker)/gm,
      ),
    ).toHaveLength(6);
    expect(markdown).toContain("| Phases |");
    expect(markdown.match(/<details>/g)).toHaveLength(3);
    // …but the lint output keeps only its last lines.
    expect(full).toContain("@everyone @loophole-dev/maintainers please look");
    expect(markdown).not.toContain("@everyone @loophole-dev/maintainers please look");
    expect(markdown).toContain("error: 1 failed, 41 passed");
  });

  it("reduces whole sections to their heading, least important first", () => {
    const markdown = renderMarkdown(hugeReport(), { maxChars: 3_000 });
    expect(markdown).toContain("### Provenance\n\n*Omitted to fit the size limit.*");
    expect(markdown).toContain("### Boundary\n\n- ");
  });

  it("survives absurd text in the heading fields", () => {
    const report = { ...failReport(), headline: "<b>".repeat(3_000_000), claim: "@x ".repeat(1_000_000) };
    const markdown = renderMarkdown(report, { maxChars: 1_000, title: "`".repeat(10_000) });
    expect(size(markdown)).toBeLessThanOrEqual(1_000);
    expect(markdownProblems(markdown)).toEqual([]);
    expect(markdown).toContain("Report truncated");
  });

  it("links only http(s) URLs, encoded so they cannot break the link", () => {
    const note = (url: string): string =>
      renderMarkdown(hugeReport(), { maxChars: 8_000, fullReportUrl: url }).split("\n")[6] ?? "";
    expect(note("javascript:alert(1)")).toBe(
      "⚠️ **Report truncated** to fit the size limit: the full report is in the workflow run's JSON report and job log.",
    );
    expect(note("https://example.com/a (b)/<c>")).toContain(
      "[https://example.com/a%20%28b%29/%3Cc%3E](https://example.com/a%20%28b%29/%3Cc%3E)",
    );
    expect(note(`https://example.com/${"a".repeat(3_000)}`)).not.toContain("](");
  });

  it("drops the link rather than exceed a tiny limit", () => {
    const url = `https://example.com/${"a".repeat(1_900)}`;
    const markdown = renderMarkdown(errorReport(), { maxChars: 1_000, fullReportUrl: url });
    expect(size(markdown)).toBeLessThanOrEqual(1_000);
    expect(markdown).toContain("Report truncated");
  });

  it("rejects a limit too small for any report", () => {
    expect(() => renderMarkdown(failReport(), { maxChars: 999 })).toThrow(RangeError);
    expect(() => renderMarkdown(failReport(), { maxChars: 5_000.5 })).toThrow(RangeError);
  });
});
