import { describe, expect, it } from "vitest";
import type { Report } from "../model/report.js";
import { renderMarkdown } from "./markdown.js";
import { baseNotProven } from "./not-proven.js";
import { Secrets } from "./secrets.js";
import { markdownProblems } from "./testing/markdown-structure.js";
import { LEAKED_TOKEN, errorReport, failReport, passReport } from "./testing/sample-reports.js";

const secrets = new Secrets([LEAKED_TOKEN]);

function headings(markdown: string): string[] {
  return markdown.split("\n").filter((line) => /^#{2,3} /.test(line));
}

describe("renderMarkdown snapshots", () => {
  it("renders a pass", async () => {
    await expect(renderMarkdown(passReport())).toMatchFileSnapshot("__snapshots__/pass.md.snap");
  });

  it("renders a fail with many findings and hostile output", async () => {
    await expect(renderMarkdown(failReport(), { secrets })).toMatchFileSnapshot("__snapshots__/fail.md.snap");
  });

  it("renders an error with unresolved commits", async () => {
    await expect(renderMarkdown(errorReport())).toMatchFileSnapshot("__snapshots__/error.md.snap");
  });
});

describe("renderMarkdown sections", () => {
  it("puts the sections in the documented order and ends with the claim", () => {
    const markdown = renderMarkdown(failReport(), { secrets });
    expect(headings(markdown)).toEqual([
      "## ❌ loophole: fail",
      "### Why",
      "### What was verified",
      "### Setup",
      "### Boundary",
      "### Test inventory",
      "### What was not proven",
      "### Provenance",
    ]);
    expect(markdown.split("\n").at(-1)).toMatch(/^> \*\*Claim:\*\* The head commit satisfies the contract/);
  });

  it("leaves out setup when every step passed and the inventory when there is none", () => {
    expect(headings(renderMarkdown(passReport()))).not.toContain("### Setup");
    expect(headings(renderMarkdown(errorReport()))).not.toContain("### Test inventory");
    expect(headings(renderMarkdown(errorReport()))).toContain("### What was not proven");
  });

  it("shows the outcome icon and the title", () => {
    expect(renderMarkdown(passReport(), { title: "gate" })).toMatch(/^## ✅ gate: pass\n/);
    expect(renderMarkdown(errorReport())).toMatch(/^## ⚠️ loophole: error\n/);
  });

  it("produces balanced markdown with no live HTML, images or mentions from hostile input", () => {
    const markdown = renderMarkdown(failReport(), { secrets });
    expect(markdownProblems(markdown)).toEqual([]);
    expect(markdown).not.toContain("\u001b");
    expect(markdown).not.toContain("\u0000");
  });

  it("masks secrets, including the base64 basic-auth form", () => {
    const markdown = renderMarkdown(failReport(), { secrets });
    expect(markdown).not.toContain(LEAKED_TOKEN);
    expect(markdown).toMatch(/Authorization: basic \S{0,24}\*\*\*/);
    // Without the secret registered the same report would leak it: the test input really holds it.
    expect(renderMarkdown(failReport())).toContain(LEAKED_TOKEN);
  });

  it("shows every finding in some section", () => {
    const report = failReport();
    const markdown = renderMarkdown(report, { secrets });
    for (const f of report.findings) {
      const shown =
        f.test === undefined
          ? markdown.includes(f.kind.replace(/-/g, " "))
          : markdown.includes(f.test.slice(0, 20));
      expect(shown, `${f.kind} ${f.test ?? ""}`).toBe(true);
    }
  });

  it("puts failed verifiers first, with their output tail in a details block", () => {
    const markdown = renderMarkdown(failReport(), { secrets });
    const rows = markdown.split("\n").filter((l) => /^\| `(types|lint|e2e|mutation)`/.test(l));
    expect(rows.map((r) => /`(\w+)`/.exec(r)?.[1])).toEqual(["lint", "e2e", "mutation", "types"]);
    expect(markdown).toContain("<summary>lint: fail, exit 1, 14 lines of 47 KiB</summary>");
    expect(markdown).toContain("<summary>e2e: timeout, exit —, 1 line of 38 bytes</summary>");
    expect(markdown).not.toContain("<summary>types");
  });

  it("shows approvals with who, how and when", () => {
    expect(renderMarkdown(failReport())).toContain(
      "☑️ **protected path** at `ci/verify.sh`: Frozen file changed: ci/verify.sh. (approved by @\u200Balice via label at 2025-06-01T11:58:00Z)",
    );
  });

  it("shows base → head counts and the tests by name", () => {
    const markdown = renderMarkdown(failReport());
    expect(markdown).toContain("| Total | 124 | 121 | −3 |");
    expect(markdown).toContain("| Error | 0 | 1 | +1 |");
    expect(markdown).toContain("**Removed (3)**");
    expect(markdown).toContain("- `tests/test_parse.py::test_pipe[a|b]`");
    expect(markdown).toContain("- ```` tests/test_parse.py::test_```fence``` ````");
    expect(markdown).toContain("**Regressed (1)**\n\n- `tests/test_parse.py::test_negative`");
  });

  it("bounds long test lists with an 'and N more' line", () => {
    const report = failReport();
    const removed = Array.from({ length: 120 }, (_, i) => ({ id: `t${i}` }));
    if (report.tests !== undefined) report.tests.removed = removed;
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("**Removed (120)**");
    expect(markdown).toContain("- `t49`");
    expect(markdown).not.toContain("- `t50`");
    expect(markdown).toContain("…and 70 more tests.");
  });

  it("shows the base not-proven list even when a report arrives with none", () => {
    const report: Report = { ...passReport(), notProven: [] };
    const markdown = renderMarkdown(report);
    for (const item of baseNotProven()) expect(markdown).toContain(item.text.slice(0, 40));
  });

  it("shows provenance with full commits, the contract hash and unresolved values", () => {
    const pass = renderMarkdown(passReport());
    expect(pass).toContain("| Base | `1f3a5c7e9b2d4f6a8c0e1f3a5c7e9b2d4f6a8c0e` |");
    expect(pass).toMatch(/\| Contract \| `loophole.json` sha256 `4b2277[0-9a-f]+` from `1f3a5c7e/);
    expect(pass).toContain("| Phases | contract 41ms · diff 120ms");
    expect(renderMarkdown(errorReport())).toContain("| Base | *unresolved* |");
  });

  it("adds no truncation note when the report fits", () => {
    expect(renderMarkdown(failReport())).not.toContain("Report truncated");
  });
});
