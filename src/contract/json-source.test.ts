import { describe, expect, it } from "vitest";
import { createLineIndex, JsonSyntaxError, parseJsonWithLocations } from "./json-source.js";

function syntaxError(text: string): { message: string; line: number; column: number; pointer: string } {
  try {
    parseJsonWithLocations(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { message: error.message, pointer: error.pointer, ...createLineIndex(text)(error.offset) };
  }
  throw new Error(`parsed: ${text}`);
}

describe("parseJsonWithLocations", () => {
  it("builds the same values as JSON.parse", () => {
    const corpus = [
      '{"a": [1, -2.5e3, 0, 0.5, 1E-2, true, false, null], "b": {"c": "x\\n\\"\\u00e9\\ud83d\\ude00\\/"}}',
      "[]",
      "{}",
      ' \t\r\n"just a string" ',
      "-0",
      '[[[["deep"]]]]',
      '{"": "empty key", "a/b": 1, "m~n": 2}',
      '"emoji 😀 and é"',
    ];
    for (const text of corpus) expect(parseJsonWithLocations(text).value).toEqual(JSON.parse(text));
  });

  it("rejects what JSON.parse rejects", () => {
    const corpus = [
      "",
      "   ",
      "{",
      '{"a" 1}',
      '{"a": 1,}',
      "[1,]",
      "[1 2]",
      "{'a': 1}",
      "{a: 1}",
      "01",
      "1.",
      ".5",
      "+1",
      "NaN",
      "Infinity",
      "tru",
      '"unterminated',
      '"line\nbreak"',
      '"bad \\x escape"',
      '"\\u12g4"',
      '{"a": 1} // note',
      "/* c */ {}",
      "{} {}",
      "\u00a0{}",
    ];
    for (const text of corpus) {
      expect(() => {
        JSON.parse(text);
      }, text).toThrow();
      expect(() => parseJsonWithLocations(text), text).toThrow(JsonSyntaxError);
    }
  });

  it("records where every value and key starts, by JSON pointer", () => {
    const text = '{\n  "sandbox": {\n    "memory": "4 gigs",\n    "a/b~c": [10, {"x": null}]\n  }\n}';
    const { locations } = parseJsonWithLocations(text);
    const at = createLineIndex(text);
    expect(at(locations.get("")?.value ?? -1)).toEqual({ line: 1, column: 1 });
    expect(at(locations.get("/sandbox/memory")?.value ?? -1)).toEqual({ line: 3, column: 15 });
    expect(at(locations.get("/sandbox/memory")?.key ?? -1)).toEqual({ line: 3, column: 5 });
    expect(at(locations.get("/sandbox/a~1b~0c/1/x")?.value ?? -1)).toEqual({ line: 4, column: 25 });
    expect(locations.get("/sandbox/a~1b~0c/0")?.key).toBeUndefined();
  });

  it("records duplicate keys instead of silently keeping the last", () => {
    const text = '{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}';
    const parsed = parseJsonWithLocations(text);
    expect(parsed.value).toEqual(JSON.parse(text));
    expect(parsed.duplicateKeys).toEqual([
      { pointer: "/b/c", offset: text.indexOf('"c": 2'), firstOffset: text.indexOf('"c": 1') },
      { pointer: "/a", offset: text.indexOf('"a": 3'), firstOffset: 1 },
    ]);
  });

  it("keeps a __proto__ key as data, never as the prototype", () => {
    const { value } = parseJsonWithLocations('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    expect(syntaxError(`${"[".repeat(100_000)}${"]".repeat(100_000)}`).message).toMatch(
      /nested more than 64 levels/,
    );
  });

  it("explains syntax errors in words, at the right line and column", () => {
    expect(syntaxError('{\n  "a": 1,\n}')).toEqual({
      message: 'trailing comma before "}": JSON does not allow one',
      line: 3,
      column: 1,
      pointer: "",
    });
    expect(syntaxError('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      message: 'expected "," or "}" after the value of "a", found "\\"" (is a comma missing?)',
      line: 3,
      column: 3,
      pointer: "",
    });
    // The pointer names the innermost object or list still open where the error is.
    expect(syntaxError('{"a": [1, {"b": [true, }]}]}').pointer).toBe("/a/1/b");
    expect(syntaxError('{"a": [1, {"b": []}, ]}').pointer).toBe("/a");
    expect(syntaxError("[1, 2,\n]")).toMatchObject({
      message: 'trailing comma before "]": JSON does not allow one',
      line: 2,
    });
    expect(syntaxError('{\n  // why\n  "a": 1}')).toMatchObject({
      message: /does not allow comments/,
      line: 2,
      column: 3,
    });
    expect(syntaxError("{'a': 1}").message).toBe("keys must be in double quotes, not single quotes");
    expect(syntaxError("{\"a\": 'x'}").message).toBe("strings must be in double quotes, not single quotes");
    expect(syntaxError('{"a": "x\ny"}')).toMatchObject({
      message: /a line break inside a string/,
      line: 1,
      column: 9,
    });
    expect(syntaxError('{"a": "x').message).toBe("this string is never closed");
    expect(syntaxError('{"a": 1').message).toBe(
      'expected "," or "}" after the value of "a", found the end of the file',
    );
    expect(syntaxError("").message).toBe("the file is empty");
    expect(syntaxError('{"a": 01}').message).toBe("numbers must not start with 0");
    expect(syntaxError('{"a": yes}').message).toMatch(/^expected a value .*, found "y"$/);
    expect(syntaxError('{"a" 1}').message).toBe('expected ":" after the key "a", found "1"');
  });
});

describe("createLineIndex", () => {
  it("counts LF, CRLF and lone CR as line breaks, columns from 1", () => {
    const text = "ab\r\ncd\ref\ngh";
    const at = createLineIndex(text);
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(text.indexOf("d"))).toEqual({ line: 2, column: 2 });
    expect(at(text.indexOf("e"))).toEqual({ line: 3, column: 1 });
    expect(at(text.indexOf("h"))).toEqual({ line: 4, column: 2 });
    expect(at(text.length)).toEqual({ line: 4, column: 3 });
  });
});
