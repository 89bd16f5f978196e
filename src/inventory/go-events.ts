/**
 * Reading one line of `go test -json` (test2json) output. Most lines of a big stream are read by two
 * strict regular expressions that match only the exact form test2json writes (Go's encoding/json:
 * fixed key order, no spaces) with nothing to unescape in Package and Test, so they need no
 * JSON.parse, which would otherwise be most of the cost. Every other line, valid or not, goes
 * through JSON.parse. Both ways read a line the same way (go-json.test.ts checks it).
 */
import type { TestStatus } from "./model.js";

/** A parsed test2json line; every field but Action is checked where it is read. */
export interface GoEvent {
  Action: string;
  Package?: unknown;
  Test?: unknown;
  Output?: unknown;
  Elapsed?: unknown;
  FailedBuild?: unknown;
  ImportPath?: unknown;
}

const TIME = String.raw`\{(?:"Time":"[^"\\\x00-\x1f]*",)?`;
/** The end of a line (or of the stream): the expressions are sticky, matched where a line starts. */
const LINE_END = String.raw`\}(?:\n|$)`;
/** A JSON string's content with nothing to unescape. */
const PLAIN = String.raw`[^"\\\x00-\x1f]*`;
/** The content of any JSON string, as runs of plain characters between escapes (fast to match). */
const JSON_STRING_CONTENT = String.raw`[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*`;
const JSON_NUMBER = String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?`;

/**
 * A test's output event whose Output is the runner's own status line (`=== RUN`, `--- PASS:`…):
 * half the lines of a stream, and ignored (see `isStatusLine`).
 */
export const STATUS_OUTPUT_EVENT = new RegExp(
  `${TIME}"Action":"output","Package":"${PLAIN}","Test":"${PLAIN}",` +
    String.raw`"Output":"(?: |\\t)*(?:=== (?:RUN|PAUSE|CONT|NAME) |--- (?:PASS|FAIL|SKIP): )` +
    `${JSON_STRING_CONTENT}"${LINE_END}`,
  "y",
);

/** A test's event without Output (run, pause, cont, pass, fail, skip): Action, Package, Test, Elapsed. */
export const TEST_EVENT = new RegExp(
  `${TIME}"Action":"([a-z-]+)","Package":"(${PLAIN})","Test":"(${PLAIN})"(?:,"Elapsed":(${JSON_NUMBER}))?${LINE_END}`,
  "y",
);

export function parseEvent(line: string): GoEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return isEvent(value) ? value : undefined;
}

function isEvent(value: unknown): value is GoEvent {
  return typeof value === "object" && value !== null && "Action" in value && typeof value.Action === "string";
}

/**
 * The runner's own status lines say nothing a status does not, and each comes with an event of its
 * own (run, pause, cont, pass, fail, skip) that says the same.
 */
export function isStatusLine(output: string): boolean {
  return /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)|--- (?:PASS|FAIL|SKIP):)/.test(output);
}

/** Build events name the test variant: "example.com/x [example.com/x.test]". */
export function packageName(named: string): string {
  return named.endsWith("]") ? named.replace(/ \[[^\]]*\]$/, "") : named;
}

export function endStatus(action: string): TestStatus | undefined {
  switch (action) {
    case "pass":
      return "passed";
    case "fail":
      return "failed";
    case "skip":
      return "skipped";
    default:
      return undefined;
  }
}

/** The last lines of a test's or package's output, bounded: enough to say why it failed. */
export class OutputTail {
  #lines: string[] = [];
  #chars = 0;

  push(output: string): void {
    if (isStatusLine(output)) return;
    this.#lines.push(output);
    this.#chars += output.length;
    while (this.#chars > 4000 && this.#lines.length > 1) {
      this.#chars -= this.#lines.shift()?.length ?? 0;
    }
  }

  text(): string | undefined {
    const joined = this.#lines.join("").trim();
    return joined === "" ? undefined : joined;
  }
}
