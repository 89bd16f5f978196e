import { describe, expect, it } from "vitest";
import { bounded, boundedList, boundedTail, oneLine, sanitizeText, tailLines } from "./sanitize.js";

describe("sanitizeText", () => {
  it("strips ANSI colour, cursor and hyperlink sequences but keeps the visible text", () => {
    const input =
      "\u001b[1;31mFAILED\u001b[0m \u001b[2K\u001b[1Gdone \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u001b]0;title\u001b\\ok \u009b31mC1\u009b0m";
    expect(sanitizeText(input)).toBe("FAILED done link ok C1");
  });

  it("drops an unterminated escape sequence at the end of a line without eating the next line", () => {
    expect(sanitizeText("a\u001b]0;no terminator\nnext")).toBe("a\nnext");
    expect(sanitizeText("tail\u001b[")).toBe("tail");
  });

  it("removes control characters except newline and tab, and normalises line breaks", () => {
    expect(sanitizeText("a\u0000b\u0007c\u0008d\u007fe\u0085f")).toBe("abcde\nf");
    expect(sanitizeText("one\r\ntwo\rthree\u2028four\tfive")).toBe("one\ntwo\nthree\nfour\tfive");
  });

  it("shows zero-width, bidi and tag characters instead of hiding them", () => {
    expect(sanitizeText("test\u200B_login")).toBe("test\\u200B_login");
    expect(sanitizeText("abc\u202Efed\u202C")).toBe("abc\\u202Efed\\u202C");
    expect(sanitizeText("\uFEFFstart")).toBe("\\uFEFFstart");
    expect(sanitizeText("x\u{E0041}\u{E0042}")).toBe("x\\u{E0041}\\u{E0042}");
  });

  it("keeps ordinary Unicode, emoji and their presentation selector", () => {
    expect(sanitizeText("naïve 日本語 ⚠️ 🚀")).toBe("naïve 日本語 ⚠️ 🚀");
  });

  it("replaces lone surrogates", () => {
    expect(sanitizeText("a\uD800b\uDC00c")).toBe("a\uFFFDb\uFFFDc");
  });

  it("is idempotent", () => {
    const input = "\u001b[31mred\u001b[0m\u200B\r\n\u0000x";
    expect(sanitizeText(sanitizeText(input))).toBe(sanitizeText(input));
  });

  it("handles a 10 MB string in linear time", () => {
    const big = "a\u001b[31mb\u0000".repeat(1_000_000);
    const started = performance.now();
    const out = sanitizeText(big);
    expect(out.length).toBe(2_000_000);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("bounds", () => {
  it("bounded cuts with an ellipsis and never exceeds the maximum", () => {
    expect(bounded("abcdef", 6)).toBe("abcdef");
    expect(bounded("abcdefg", 6)).toBe("abcde…");
    expect(bounded("abcdefg", 6).length).toBe(6);
    expect(bounded("abc", 0)).toBe("");
  });

  it("bounded does not split a surrogate pair", () => {
    const out = bounded("ab🚀cd", 4);
    expect(out).toBe("ab…");
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("boundedTail keeps the end", () => {
    expect(boundedTail("abcdefg", 4)).toBe("…efg");
    expect(boundedTail("🚀abc", 4)).toBe("…abc");
    expect(boundedTail("xy🚀ab", 4)).toBe("…ab");
  });

  it("oneLine joins lines", () => {
    expect(oneLine("a\nb\t\tc")).toBe("a b c");
  });

  it("tailLines keeps the last lines within both limits", () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join("\n") + "\n\n";
    const tail = tailLines(text, 3, 1_000);
    expect(tail).toEqual({ text: "line 97\nline 98\nline 99", omittedLines: 97, totalLines: 100 });
    const byChars = tailLines(text, 50, 20);
    expect(byChars.text).toBe("line 98\nline 99");
    expect(tailLines("", 5, 100)).toEqual({ text: "", omittedLines: 0, totalLines: 0 });
  });

  it("tailLines bounds one enormous line", () => {
    const tail = tailLines("x".repeat(1_000_000), 10, 500, 400);
    expect(tail.text.length).toBeLessThanOrEqual(400);
    expect(tail.totalLines).toBe(1);
  });

  it("boundedList counts what it leaves out", () => {
    expect(boundedList([1, 2, 3, 4, 5], 2)).toEqual({ shown: [1, 2], more: 3 });
    expect(boundedList([1], 5)).toEqual({ shown: [1], more: 0 });
  });
});
