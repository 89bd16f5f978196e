/**
 * A strict JSON parser (RFC 8259) that remembers where every value and key starts, so contract
 * errors can name a line and column, and that reports syntax errors in words a person can act on
 * ("trailing comma", "comments are not allowed") rather than `Unexpected token`. Values come out
 * exactly as `JSON.parse` would build them (strings and numbers are decoded by `JSON.parse` itself);
 * duplicate keys are recorded instead of silently keeping the last one, because in a contract an
 * ignored duplicate would be a rule nobody enforces.
 */

export interface JsonLocation {
  /** Offset (UTF-16 code units) where the value starts. */
  value: number;
  /** Offset of the member's key, for object members. */
  key: number | undefined;
}

export interface DuplicateKey {
  pointer: string;
  offset: number;
  firstOffset: number;
}

export interface ParsedJson {
  value: unknown;
  /** JSON pointer (RFC 6901) → where the value at that pointer starts. */
  locations: ReadonlyMap<string, JsonLocation>;
  duplicateKeys: DuplicateKey[];
}

export class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";
  constructor(
    message: string,
    readonly offset: number,
    /** JSON pointer of the innermost object or list the error is in ("" at the top level). */
    readonly pointer = "",
  ) {
    super(message);
  }
}

/** Deep enough for any contract, shallow enough that hostile input cannot overflow the stack. */
const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

export function escapePointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function parseJsonWithLocations(text: string): ParsedJson {
  return new Parser(text).parseDocument();
}

class Parser {
  readonly #text: string;
  #at = 0;
  readonly #locations = new Map<string, JsonLocation>();
  readonly #duplicates: DuplicateKey[] = [];
  /** Objects and lists being parsed, innermost last; an error leaves it as it was when thrown. */
  readonly #open: string[] = [];

  constructor(text: string) {
    this.#text = text;
  }

  parseDocument(): ParsedJson {
    try {
      return this.#parseDocument();
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      throw new JsonSyntaxError(error.message, error.offset, this.#open.at(-1) ?? "");
    }
  }

  #parseDocument(): ParsedJson {
    this.#skipWhitespace();
    if (this.#at >= this.#text.length) throw new JsonSyntaxError("the file is empty", this.#at);
    const value = this.#parseValue("", undefined, 0);
    this.#skipWhitespace();
    if (this.#at < this.#text.length) {
      throw this.#error("unexpected text after the end of the JSON document");
    }
    return { value, locations: this.#locations, duplicateKeys: this.#duplicates };
  }

  #parseValue(pointer: string, keyOffset: number | undefined, depth: number): unknown {
    if (depth > MAX_DEPTH) throw this.#fail(`nested more than ${MAX_DEPTH} levels deep`);
    this.#locations.set(pointer, { value: this.#at, key: keyOffset });
    const char = this.#text[this.#at];
    if (char === "{") return this.#parseObject(pointer, depth);
    if (char === "[") return this.#parseArray(pointer, depth);
    if (char === '"') return this.#parseString();
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return this.#parseNumber();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.#text.startsWith(word, this.#at)) {
        this.#at += word.length;
        return value;
      }
    }
    if (char === "'") throw this.#fail("strings must be in double quotes, not single quotes");
    throw this.#error(
      "expected a value (a string in double quotes, a number, true, false, null, an object or a list)",
    );
  }

  #parseObject(pointer: string, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const firstSeen = new Map<string, number>();
    this.#at++; // {
    this.#open.push(pointer);
    this.#skipWhitespace();
    if (this.#text[this.#at] === "}") {
      this.#at++;
      this.#open.pop();
      return result;
    }
    for (;;) {
      this.#skipWhitespace();
      const keyOffset = this.#at;
      const next = this.#text[this.#at];
      if (next !== '"') {
        if (next === "}") throw this.#fail('trailing comma before "}": JSON does not allow one');
        if (next === "'") throw this.#fail("keys must be in double quotes, not single quotes");
        throw this.#error("expected a key in double quotes");
      }
      const key = this.#parseString();
      const memberPointer = `${pointer}/${escapePointerSegment(key)}`;
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, keyOffset);
      else this.#duplicates.push({ pointer: memberPointer, offset: keyOffset, firstOffset: earlier });
      this.#skipWhitespace();
      if (this.#text[this.#at] !== ":")
        throw this.#error(`expected ":" after the key ${JSON.stringify(key)}`);
      this.#at++;
      this.#skipWhitespace();
      const value = this.#parseValue(memberPointer, keyOffset, depth + 1);
      // defineProperty, not assignment: a "__proto__" key must become data, never a prototype.
      Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
      this.#skipWhitespace();
      const separator = this.#text[this.#at];
      if (separator === "}") {
        this.#at++;
        this.#open.pop();
        return result;
      }
      if (separator !== ",") {
        const hint = separator === '"' ? " (is a comma missing?)" : "";
        throw this.#error(`expected "," or "}" after the value of ${JSON.stringify(key)}`, hint);
      }
      this.#at++;
    }
  }

  #parseArray(pointer: string, depth: number): unknown[] {
    const result: unknown[] = [];
    this.#at++; // [
    this.#open.push(pointer);
    this.#skipWhitespace();
    if (this.#text[this.#at] === "]") {
      this.#at++;
      this.#open.pop();
      return result;
    }
    for (;;) {
      this.#skipWhitespace();
      if (this.#text[this.#at] === "]")
        throw this.#fail('trailing comma before "]": JSON does not allow one');
      result.push(this.#parseValue(`${pointer}/${result.length}`, undefined, depth + 1));
      this.#skipWhitespace();
      const separator = this.#text[this.#at];
      if (separator === "]") {
        this.#at++;
        this.#open.pop();
        return result;
      }
      if (separator !== ",") {
        const hint = separator === '"' || separator === "{" ? " (is a comma missing?)" : "";
        throw this.#error(`expected "," or "]" after a list item`, hint);
      }
      this.#at++;
    }
  }

  #parseString(): string {
    const start = this.#at;
    let at = start + 1;
    for (;;) {
      const char = this.#text[at];
      if (char === undefined) throw new JsonSyntaxError("this string is never closed", start);
      if (char === '"') break;
      if (char === "\\") {
        const escaped = this.#text[at + 1];
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.#text.slice(at + 2, at + 6))) {
            throw new JsonSyntaxError('"\\u" must be followed by four hexadecimal digits', at);
          }
          at += 6;
          continue;
        }
        if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
          throw new JsonSyntaxError(`invalid escape "\\${escaped ?? ""}" (write "\\\\" for a backslash)`, at);
        }
        at += 2;
        continue;
      }
      if (char < " ") {
        const what = char === "\n" || char === "\r" ? "a line break" : "a control character";
        throw new JsonSyntaxError(
          `${what} inside a string (strings end on the same line; write "\\n" for a line break)`,
          at,
        );
      }
      at++;
    }
    this.#at = at + 1;
    // The slice is a valid JSON string literal now, so JSON.parse decodes it exactly as it would.
    return JSON.parse(this.#text.slice(start, this.#at)) as string;
  }

  #parseNumber(): number {
    NUMBER.lastIndex = this.#at;
    const match = NUMBER.exec(this.#text);
    if (!match) throw this.#error("expected a number");
    const next = this.#text[this.#at + match[0].length];
    if (match[0].replace("-", "") === "0" && next !== undefined && next >= "0" && next <= "9") {
      throw this.#fail("numbers must not start with 0");
    }
    this.#at += match[0].length;
    return JSON.parse(match[0]) as number;
  }

  #skipWhitespace(): void {
    for (;;) {
      const char = this.#text[this.#at];
      if (char !== undefined && WHITESPACE.has(char)) {
        this.#at++;
        continue;
      }
      if (char === "/" && (this.#text[this.#at + 1] === "/" || this.#text[this.#at + 1] === "*")) {
        throw this.#fail('JSON does not allow comments (put notes in a string value such as "goal")');
      }
      return;
    }
  }

  /** An error that also says what was found where something else was expected. */
  #error(expected: string, hint = ""): JsonSyntaxError {
    return new JsonSyntaxError(`${expected}, found ${describeAt(this.#text, this.#at)}${hint}`, this.#at);
  }

  #fail(message: string): JsonSyntaxError {
    return new JsonSyntaxError(message, this.#at);
  }
}

function describeAt(text: string, offset: number): string {
  const char = text[offset];
  if (char === undefined) return "the end of the file";
  if (char === "\n" || char === "\r") return "a line break";
  const codePoint = text.codePointAt(offset) ?? 0;
  return codePoint < 0x20
    ? `character U+${codePoint.toString(16).padStart(4, "0")}`
    : JSON.stringify(String.fromCodePoint(codePoint));
}

export interface LineColumn {
  line: number;
  column: number;
}

/** Maps offsets to 1-based lines and columns, counting "\n", "\r\n" and "\r" as line breaks like editors do. */
export function createLineIndex(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\n") starts.push(i + 1);
    else if (char === "\r" && text[i + 1] !== "\n") starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}
