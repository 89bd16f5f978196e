import { describe, expect, it } from "vitest";
import { checkAppendOnly } from "./append-only.js";

const check = (base: string, head: string): ReturnType<typeof checkAppendOnly> =>
  checkAppendOnly(Buffer.from(base), Buffer.from(head));

describe("checkAppendOnly", () => {
  it("allows lines appended at the end", () => {
    expect(check("a\nb\n", "a\nb\nc\nd\n")).toEqual({ ok: true });
  });

  it("allows lines inserted in the middle and at the start", () => {
    expect(check("a\nb\nc\n", "new\na\nx\ny\nb\nc\n")).toEqual({ ok: true });
  });

  it("allows an unchanged file", () => {
    expect(check("a\nb\n", "a\nb\n")).toEqual({ ok: true });
  });

  it("reports a changed line with its line number in the head file", () => {
    expect(check("a\nb\nc\n", "a\nB\nc\n")).toEqual({
      ok: false,
      line: 2,
      description: "existing line 2 of the base was changed",
    });
  });

  it("reports a changed line after insertions where the new text stands", () => {
    const base = "def test_a():\n    assert f() == 1\n\ndef test_b():\n    assert g() == 2\n";
    const head =
      "def test_new():\n    assert h()\n\ndef test_a():\n    assert f() == 1\n\ndef test_b():\n    assert True\n";
    expect(check(base, head)).toEqual({
      ok: false,
      line: 8,
      description: "existing line 5 of the base was changed",
    });
  });

  it("reports a removed line where it used to be", () => {
    expect(check("a\nb\nc\n", "a\nc\n")).toEqual({
      ok: false,
      line: 2,
      description: "existing line 2 of the base was removed",
    });
  });

  it("reports lines removed at the end on the last line of the head", () => {
    expect(check("a\nb\nc\n", "a\n")).toEqual({
      ok: false,
      line: 1,
      description:
        "existing line 2 of the base was removed, and 1 more of the base's lines was changed or removed",
    });
  });

  it("reports a file emptied completely on line 1", () => {
    expect(check("a\n", "")).toEqual({
      ok: false,
      line: 1,
      description: "existing line 1 of the base was removed",
    });
  });

  it("does not accept reordered lines", () => {
    expect(check("a\nb\n", "b\na\n").ok).toBe(false);
  });

  it("treats a duplicated blank line as an insertion, not a change", () => {
    expect(check("a\n\nb\n", "a\n\n\nb\n")).toEqual({ ok: true });
  });

  it("allows appending to a file without a final newline", () => {
    expect(check("a\nb", "a\nb\nc\n")).toEqual({ ok: true });
  });

  it("does not count a dropped final newline as a change", () => {
    expect(check("a\nb\n", "a\nb")).toEqual({ ok: true });
  });

  it("catches text appended to the last line when it had no newline", () => {
    expect(check("a\nb", "a\nbc\n")).toEqual({
      ok: false,
      line: 2,
      description: "existing line 2 of the base was changed",
    });
  });

  it("allows appending to a CRLF file and treats CRLF to LF as a change", () => {
    expect(check("a\r\nb\r\n", "a\r\nb\r\nc\r\n")).toEqual({ ok: true });
    expect(check("a\r\nb\r\n", "a\r\nb\nc\n")).toEqual({
      ok: false,
      line: 2,
      description: "existing line 2 of the base was changed",
    });
  });

  it("allows anything when the base file is empty", () => {
    expect(check("", "anything\nat all\n")).toEqual({ ok: true });
    expect(check("", "")).toEqual({ ok: true });
  });

  it("compares binary files byte by byte: appending is allowed, anything else is not", () => {
    const base = Buffer.from([0x89, 0x50, 0x00, 0x0a, 0xff]);
    expect(checkAppendOnly(base, Buffer.concat([base, Buffer.from([1, 2, 3])]))).toEqual({ ok: true });
    expect(checkAppendOnly(base, Buffer.from([0x89, 0x51, 0x00, 0x0a, 0xff, 1]))).toEqual({
      ok: false,
      line: undefined,
      description: "existing bytes were changed or removed (binary file)",
    });
    expect(checkAppendOnly(base, base.subarray(0, 3)).ok).toBe(false);
  });

  it("treats a text file that turns binary by bytes", () => {
    expect(checkAppendOnly(Buffer.from("a\n"), Buffer.from("a\n\0")).ok).toBe(true);
    expect(checkAppendOnly(Buffer.from("a\nb\n"), Buffer.from("x\0a\nb\n")).ok).toBe(false);
    expect(checkAppendOnly(Buffer.from("a\n"), Buffer.from([0x61, 0x0a, 0xff])).ok).toBe(true);
  });

  it("still decides large rewrites correctly", () => {
    const base = Array.from({ length: 5000 }, (_, i) => `line ${i}`).join("\n");
    const reversed = base.split("\n").reverse().join("\n");
    const result = check(base, reversed);
    expect(result.ok).toBe(false);
    expect(check(base, `${base}\nmore\n`)).toEqual({ ok: true });
  });
});
