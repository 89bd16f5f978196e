import { describe, expect, it } from "vitest";
import { codeBlock, escapeMarkdown, htmlText, inlineCode, tableCell } from "./escape.js";
import { Secrets } from "./secrets.js";
import { markdownProblems } from "./testing/markdown-structure.js";

const ZWSP = "\u200B";

describe("escapeMarkdown", () => {
  it("defuses user and team mentions", () => {
    expect(escapeMarkdown("@everyone and @org/team, mail a@b.io")).toBe(
      `@${ZWSP}everyone and @${ZWSP}org/team, mail a@${ZWSP}b.io`,
    );
    expect(markdownProblems(escapeMarkdown("ping @octocat"))).toEqual([]);
  });

  it("turns HTML into text", () => {
    const out = escapeMarkdown("<img src=x onerror=alert(1)> & </details>");
    expect(out).toBe("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;/details&gt;");
    expect(out).not.toMatch(/[<>]/);
  });

  it("keeps entities literal rather than decoding them", () => {
    expect(escapeMarkdown("&lt;b&gt;")).toBe("&amp;lt;b&amp;gt;");
  });

  it("stops images and links from rendering", () => {
    const out = escapeMarkdown("![x](https://evil.example/p.png) [y](https://evil.example)");
    expect(out).toBe("\\!\\[x\\](https://evil.example/p.png) \\[y\\](https://evil.example)");
    expect(markdownProblems(out)).toEqual([]);
  });

  it("escapes emphasis, code, tables, strikethrough and math", () => {
    expect(escapeMarkdown("a*b_c`d|e~f$g\\h")).toBe("a\\*b\\_c\\`d\\|e\\~f\\$g\\\\h");
  });

  it("defuses line-start constructs and keeps issue references", () => {
    expect(escapeMarkdown("# title")).toBe("\\# title");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("+ item")).toBe("\\+ item");
    expect(escapeMarkdown("12. item")).toBe("12\\. item");
    expect(escapeMarkdown("> quote")).toBe("&gt; quote");
    expect(escapeMarkdown("fixes #123")).toBe("fixes #123");
  });

  it("stays on one line", () => {
    expect(escapeMarkdown("a\n\n# b\r\n---\n")).toBe("a # b ---");
  });

  it("strips control characters and ANSI, and shows zero-width characters", () => {
    expect(escapeMarkdown("\u001b[31mred\u001b[0m\u0000 x\u200By")).toBe("red x\\\\u200By");
  });

  it("bounds the length before escaping", () => {
    const out = escapeMarkdown("a".repeat(10_000_000), { max: 100 });
    expect(out).toBe(`${"a".repeat(99)}…`);
    expect(escapeMarkdown("b".repeat(5_000)).length).toBe(1_000);
  });

  it("masks secrets, including ones that escaping would otherwise change", () => {
    const secrets = new Secrets(["s3cr*t_<value>"]);
    expect(escapeMarkdown("token s3cr*t_<value> here", { secrets })).toBe("token \\*\\*\\* here");
  });
});

describe("inlineCode", () => {
  it("uses a delimiter longer than any backtick run inside", () => {
    expect(inlineCode("a`b")).toBe("``a`b``");
    expect(inlineCode("x ``` y")).toBe("````x ``` y````");
    expect(inlineCode("`start")).toBe("`` `start ``");
  });

  it("shows HTML and mentions literally, inside the span", () => {
    const out = inlineCode("<img src=x> @everyone");
    expect(out).toBe("`<img src=x> @everyone`");
    expect(markdownProblems(out)).toEqual([]);
  });

  it("stays on one line and marks empty text", () => {
    expect(inlineCode("a\nb")).toBe("`a b`");
    expect(inlineCode("")).toBe("*(empty)*");
  });
});

describe("tableCell", () => {
  it("escapes pipes in text and in code", () => {
    expect(tableCell("test[a|b]")).toBe("test\\[a\\|b\\]");
    expect(tableCell("test[a|b]", { code: true })).toBe("`test[a\\|b]`");
    const row = `| ${tableCell("x|y|z", { code: true })} | ${tableCell("p|q")} |`;
    expect(markdownProblems(`| A | B |\n| --- | --- |\n${row}`)).toEqual([]);
  });

  it("joins lines, so a newline cannot end the row", () => {
    expect(tableCell("a\n| b | c |")).toBe("a \\| b \\| c \\|");
  });
});

describe("htmlText", () => {
  it("escapes for HTML and defuses mentions", () => {
    expect(htmlText(`</summary><b onclick='x'>"@all"</b>`)).toBe(
      `&lt;/summary&gt;&lt;b onclick=&#39;x&#39;&gt;&quot;@${ZWSP}all&quot;&lt;/b&gt;`,
    );
  });
});

describe("codeBlock", () => {
  it("uses a fence longer than any backtick run in the content", () => {
    const content = "before\n```\n````js\nafter";
    const block = codeBlock(content, "text");
    expect(block.startsWith("`````text\n")).toBe(true);
    expect(block.endsWith("\n`````")).toBe(true);
    expect(markdownProblems(`${block}\n\n<details>\n<summary>x</summary>\n\n</details>`)).toEqual([]);
  });

  it("keeps </details> and HTML inside the block, where they are inert", () => {
    const block = codeBlock("</details>\n<img src=x onerror=alert(1)>");
    expect(markdownProblems(`<details>\n<summary>out</summary>\n\n${block}\n\n</details>`)).toEqual([]);
    expect(block).toContain("</details>");
  });

  it("cleans the content and the language tag", () => {
    expect(codeBlock("\u001b[32mok\u001b[0m\r\n", "js\n```")).toBe("```js\nok\n```");
  });

  it("masks secrets and bounds the content", () => {
    const secrets = new Secrets(["hunter2-is-secret"]);
    expect(codeBlock("pw=hunter2-is-secret", "", { secrets })).toBe("```\npw=***\n```");
    expect(codeBlock("z".repeat(10_000_000)).length).toBeLessThan(20_100);
  });
});
