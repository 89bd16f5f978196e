import { describe, expect, it } from "vitest";
import { parseAddedLines } from "./added-lines.js";

describe("parseAddedLines", () => {
  it("numbers added lines by their place in the head file, across hunks and files", () => {
    const diff = [
      "diff --git a/tests/test_a.py b/tests/test_a.py",
      "--- a/tests/test_a.py",
      "+++ b/tests/test_a.py",
      "@@ -3,0 +4,2 @@ def x():",
      "+@pytest.mark.skip",
      "+def test_new(): pass",
      "@@ -10 +12 @@",
      "-old",
      "+new",
      "diff --git a/gone.py b/gone.py",
      "--- a/gone.py",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-bye",
      'diff --git "a/t\\303\\251st x.js" "b/t\\303\\251st x.js"',
      "--- /dev/null",
      '+++ "b/t\\303\\251st\\tx.js"',
      "@@ -0,0 +1 @@",
      "+it.only('x', () => {})",
      "",
    ].join("\n");
    expect(parseAddedLines(Buffer.from(diff, "latin1"))).toEqual([
      { path: "tests/test_a.py", line: 4, text: "@pytest.mark.skip" },
      { path: "tests/test_a.py", line: 5, text: "def test_new(): pass" },
      { path: "tests/test_a.py", line: 12, text: "new" },
      { path: "tést\tx.js", line: 1, text: "it.only('x', () => {})" },
    ]);
  });

  it("keeps UTF-8 text of added lines", () => {
    const diff = Buffer.from("+++ b/a.py\n@@ -0,0 +1 @@\n+# café ✓\n", "utf8");
    expect(parseAddedLines(diff)).toEqual([{ path: "a.py", line: 1, text: "# café ✓" }]);
  });
});
