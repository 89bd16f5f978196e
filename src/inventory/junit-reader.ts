/**
 * The structure of a JUnit report, read from the XML stream in one pass: `<testsuites>` or a bare
 * `<testsuite>` root, suites nested in suites, testcases directly in a suite or in the
 * `<testsuites>` root, and each testcase's `<failure>`, `<error>` and `<skipped>` children. Nothing
 * else is kept: `<system-out>`, `<system-err>` and `<properties>` (most of a big report's bytes) are
 * skipped without being collected, and an outcome's text is cut to what a message can show.
 *
 * Which outcome decides a testcase: a `<skipped>` whose type says xfail/todo (node:test reports a
 * failing todo with both `<skipped type="todo">` and `<failure>`), then the first `<error>`, the
 * first `<failure>`, the first `<skipped>`; none is a pass.
 */
import { GateError } from "../core/errors.js";
import type { TestStatus } from "./model.js";
import { MAX_MESSAGE_CHARS } from "./model.js";
import type { XmlHandler } from "./xml-stream.js";
import { decodeEntities, streamXml } from "./xml-stream.js";

/** The attributes a JUnit element can have that an inventory uses; raw (not trimmed or decoded). */
export class Attributes {
  name: string | undefined = undefined;
  classname: string | undefined = undefined;
  file: string | undefined = undefined;
  time: string | undefined = undefined;
  type: string | undefined = undefined;
  message: string | undefined = undefined;
}

/** What decided a testcase's status: the outcome element's attributes and its text, both raw. */
export interface Outcome {
  readonly attributes: Attributes;
  /** Leading whitespace dropped, cut to OUTCOME_TEXT_CHARS; entities not decoded. */
  text: string;
}

export interface JUnitVisitor<S> {
  /** The scope of a `<testsuite>` inside `parent` (the root scope for a top-level suite). */
  suite(attributes: Attributes, parent: S): S;
  testcase(attributes: Attributes, scope: S, status: TestStatus, outcome: Outcome | undefined): void;
}

/** Raw text kept per outcome: twice a message, so entities and a repeated message still leave enough. */
export const OUTCOME_TEXT_CHARS = MAX_MESSAGE_CHARS * 2;

const XFAIL_TYPE = /xfail|todo|expected.?fail/i;

// Element kinds on the reader's stack.
const SUITES = 0;
const SUITE = 1;
const CASE = 2;
const OUTCOME = 3;

// Outcome slots, in the order that decides: the lowest filled one wins.
const XFAIL = 0;
const ERROR = 1;
const FAILURE = 2;
const SKIP = 3;
const SLOT_STATUS: readonly TestStatus[] = ["xfail", "error", "failed", "skipped"];

/**
 * Reads one report file and calls `visitor` for each suite and testcase in document order. Throws
 * GateError for an empty or malformed file, or one whose root is not a JUnit element.
 */
export function readJUnit<S extends object>(
  name: string,
  content: string,
  root: S,
  visitor: JUnitVisitor<S>,
): void {
  streamXml(name, content, new JUnitReader(name, root, visitor));
}

class JUnitReader<S extends object> implements XmlHandler {
  readonly #name: string;
  readonly #visitor: JUnitVisitor<S>;
  readonly #kinds: number[] = [];
  /** The scope of the innermost suite, and those of the suites around it. */
  #scope: S;
  readonly #outer: S[] = [];
  /** Depth inside an element whose content does not matter; its events are dropped. */
  #skipped = 0;
  /** The attributes of the start tag being read, when it is one the reader keeps. */
  #reading: Attributes | undefined;
  #case = new Attributes();
  readonly #slots: (Outcome | undefined)[] = [undefined, undefined, undefined, undefined];
  #slot = 0;
  #text = "";

  constructor(name: string, root: S, visitor: JUnitVisitor<S>) {
    this.#name = name;
    this.#visitor = visitor;
    this.#scope = root;
  }

  open(name: string): void {
    this.#reading = undefined;
    if (this.#skipped > 0) {
      this.#skipped += 1;
      return;
    }
    const kind = this.#kinds.at(-1);
    if (kind === undefined) this.#openRoot(name);
    else if (kind === SUITES || kind === SUITE) this.#openInSuite(name);
    else if (kind === CASE) this.#openInCase(name);
    else this.#skipped = 1;
  }

  #openRoot(name: string): void {
    if (name === "testsuites") this.#kinds.push(SUITES);
    else if (name === "testsuite") this.#openSuite();
    else {
      throw new GateError(
        `${this.#name}: not a JUnit report (the root element is <${name}>, not <testsuites> or <testsuite>)`,
      );
    }
  }

  #openInSuite(name: string): void {
    if (name === "testcase") {
      this.#kinds.push(CASE);
      this.#case = this.#reading = new Attributes();
      this.#slots.fill(undefined);
    } else if (name === "testsuite") this.#openSuite();
    else this.#skipped = 1;
  }

  #openSuite(): void {
    this.#kinds.push(SUITE);
    this.#reading = new Attributes();
  }

  #openInCase(name: string): void {
    const slot = name === "error" ? ERROR : name === "failure" ? FAILURE : name === "skipped" ? SKIP : -1;
    if (slot === -1) {
      this.#skipped = 1;
      return;
    }
    // Which slot a <skipped> fills depends on its type: decided in openEnd().
    this.#kinds.push(OUTCOME);
    this.#slot = slot;
    this.#reading = new Attributes();
  }

  attribute(name: string, value: string): void {
    const into = this.#reading;
    if (into === undefined) return;
    switch (name) {
      case "name":
        into.name = value;
        break;
      case "classname":
        into.classname = value;
        break;
      case "file":
        into.file = value;
        break;
      case "time":
        into.time = value;
        break;
      case "type":
        into.type = value;
        break;
      case "message":
        into.message = value;
        break;
    }
  }

  openEnd(): void {
    const attributes = this.#reading;
    this.#reading = undefined;
    if (attributes === undefined) return;
    const kind = this.#kinds.at(-1);
    if (kind === SUITE) {
      this.#outer.push(this.#scope);
      this.#scope = this.#visitor.suite(attributes, this.#scope);
    } else if (kind === OUTCOME) this.#startOutcome(attributes);
  }

  #startOutcome(attributes: Attributes): void {
    if (
      this.#slot === SKIP &&
      attributes.type !== undefined &&
      XFAIL_TYPE.test(decodeEntities(attributes.type))
    ) {
      this.#slot = XFAIL;
    }
    // Only an outcome that could still decide the status is read.
    if (this.#decidedBefore(this.#slot)) {
      this.#kinds.pop();
      this.#skipped = 1;
      return;
    }
    this.#slots[this.#slot] = { attributes, text: "" };
    this.#text = "";
  }

  #decidedBefore(slot: number): boolean {
    for (let i = 0; i <= slot; i++) if (this.#slots[i] !== undefined) return true;
    return false;
  }

  text(data: string): void {
    if (this.#skipped > 0 || this.#kinds.at(-1) !== OUTCOME) return;
    const room = OUTCOME_TEXT_CHARS - this.#text.length;
    if (room <= 0) return;
    const piece = this.#text === "" ? data.trimStart() : data;
    this.#text += piece.length > room ? piece.slice(0, room) : piece;
  }

  close(): void {
    if (this.#skipped > 0) {
      this.#skipped -= 1;
      return;
    }
    const kind = this.#kinds.pop();
    if (kind === SUITE) this.#scope = this.#outer.pop() ?? this.#scope;
    else if (kind === OUTCOME) {
      const outcome = this.#slots[this.#slot];
      if (outcome !== undefined) outcome.text = this.#text;
      this.#text = "";
    } else if (kind === CASE) this.#closeCase();
  }

  #closeCase(): void {
    for (let slot = XFAIL; slot <= SKIP; slot++) {
      const outcome = this.#slots[slot];
      if (outcome !== undefined) {
        this.#visitor.testcase(this.#case, this.#scope, SLOT_STATUS[slot] ?? "error", outcome);
        return;
      }
    }
    this.#visitor.testcase(this.#case, this.#scope, "passed", undefined);
  }
}
