import { describe, expect, it } from "vitest";
import { finding } from "../model/finding.js";
import { Secrets } from "./secrets.js";
import { LEAKED_TOKEN, errorReport, failReport, passReport } from "./testing/sample-reports.js";
import { displayWidth } from "./text-layout.js";
import { renderText } from "./text.js";

const secrets = new Secrets([LEAKED_TOKEN]);
// eslint-disable-next-line no-control-regex -- removing the SGR sequences the renderer adds
const SGR = /\u001b\[\d+m/g;

describe("renderText snapshots", () => {
  it("renders a pass", async () => {
    await expect(renderText(passReport())).toMatchFileSnapshot("__snapshots__/pass.txt");
  });

  it("renders a fail", async () => {
    await expect(renderText(failReport(), { secrets })).toMatchFileSnapshot("__snapshots__/fail.txt");
  });

  it("renders an error", async () => {
    await expect(renderText(errorReport())).toMatchFileSnapshot("__snapshots__/error.txt");
  });
});

describe("renderText", () => {
  it("has the same sections as the markdown, in the same order", () => {
    const text = renderText(failReport(), { secrets });
    const order = [
      "loophole: FAIL",
      "\nWhy\n",
      "\nWhat was verified\n",
      "\nSetup\n",
      "\nBoundary\n",
      "\nTest inventory\n",
      "\nWhat was not proven\n",
      "\nProvenance\n",
      "\nClaim: ",
    ].map((marker) => text.indexOf(marker));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("lets no escape sequence from untrusted text reach the terminal", () => {
    const report = failReport();
    report.findings.push(finding("skip-marker", "warn", "\u001b[2J\u001b[Hcleared \u001b]0;pwned\u0007"));
    const text = renderText(report);
    expect(text).not.toContain("\u001b");
    expect(text).not.toContain("\u0007");
    expect(text).toContain("cleared");
  });

  it("adds colour only when asked, without changing the text", () => {
    const plain = renderText(failReport());
    const colored = renderText(failReport(), { color: true });
    expect(colored).toContain("\u001b[31mFAIL\u001b[39m");
    expect(colored.replace(SGR, "")).toBe(plain);
  });

  it("wraps prose and shrinks tables to the width; only output lines may run longer", () => {
    const width = 60;
    const lines = renderText(failReport(), { width }).split("\n");
    const tooLong = lines.filter(
      (l) => displayWidth(l) > width && !l.startsWith("    │ ") && !l.startsWith("    $ "),
    );
    expect(tooLong).toEqual([]);
    expect(lines).toContain("  lint      ruff check . | t…  fail                  1  1.5s");
  });

  it("masks secrets in output tails", () => {
    const text = renderText(failReport(), { secrets });
    expect(text).not.toContain(LEAKED_TOKEN);
    expect(text).toContain("token=***");
  });

  it("bounds lists and output", () => {
    const report = failReport();
    if (report.tests !== undefined)
      report.tests.removed = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}` }));
    const text = renderText(report, { listItems: 5, tailLines: 2 });
    expect(text).toContain("    - t4\n    …and 25 more tests");
    expect(text).not.toContain("- t5");
    expect(text).toContain("lint: fail, exit 1 (last 2 lines of 47 KiB)");
    expect(text).not.toContain("progress 100%");
  });

  it("shows unresolved commits and an empty goal plainly", () => {
    const text = renderText(errorReport());
    expect(text).toContain("  Base        unresolved");
    expect(text).not.toContain("Goal:");
    expect(text).toContain("No verifiers ran.");
  });
});
