import { describe, expect, it } from "vitest";
import { markdownProblems } from "./markdown-structure.js";

// The checker stands in for GitHub's renderer in the report tests, so it must itself catch breakage.
describe("markdownProblems", () => {
  it("accepts balanced markdown", () => {
    const ok =
      "<details>\n<summary>x</summary>\n\n````\n```\n</details>\n````\n\n</details>\n\n| a | b |\n| --- | --- |\n| `x\\|y` | z |";
    expect(markdownProblems(ok)).toEqual([]);
  });

  it("finds an unclosed fence, including one closed by a shorter run", () => {
    expect(markdownProblems("````\ncode\n```")).toEqual(["a code fence is never closed"]);
  });

  it("finds unbalanced or foreign HTML", () => {
    expect(markdownProblems("<details>\ntext")).toEqual(["unclosed tags: details"]);
    expect(markdownProblems("</details>")).toEqual(["line 1: </details> does not close the open tag"]);
    expect(markdownProblems("a <img src=x> b")).toEqual(["line 1: raw HTML <img>"]);
    expect(markdownProblems("a `<img src=x>` b")).toEqual([]);
  });

  it("finds table rows with the wrong number of cells", () => {
    expect(markdownProblems("| a | b |\n| --- | --- |\n| `x|y` | z |")).toEqual([
      "line 3: table row has 3 cells, header has 2",
    ]);
  });

  it("finds pinging mentions and images outside code", () => {
    expect(markdownProblems("hi @octocat")).toEqual(["line 1: a mention that would ping"]);
    expect(markdownProblems("hi @\u200Boctocat, a@b.c, `@x`")).toEqual([]);
    expect(markdownProblems("![x](y)")).toEqual(["line 1: image syntax outside code"]);
    expect(markdownProblems("\\![x](y)")).toEqual([]);
  });
});
