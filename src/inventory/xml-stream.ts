/**
 * Streaming XML for test reports: htmlparser2 tokenizes in one pass without building a tree, and
 * this module adds the well-formedness checks it leaves out. htmlparser2 is lenient by design (it
 * closes open elements at the end, drops stray end tags, accepts unquoted attributes); a report is
 * untrusted and may be cut off by a killed run, so anything that could make a report read as a
 * shorter, valid one is a GateError naming the file and position:
 *
 * - no root element, or elements still open at the end (a truncated file);
 * - an end tag that does not close the element open at that point (mismatched or stray);
 * - a second root element, or text other than whitespace outside the root;
 * - an attribute without quotes or without a value, or the same attribute twice on one element.
 *
 * Entities are not decoded by the tokenizer: callers decode the few values they keep with
 * `decodeEntities` (the five XML entities and character references). DOCTYPE entities are never
 * expanded. A `<` or `&` that starts no markup is read as text.
 */
import { Parser } from "htmlparser2";
import { GateError } from "../core/errors.js";

/**
 * What a reader of the stream receives, in document order; only balanced, checked events reach it.
 * A start tag is `open`, one `attribute` per attribute, then `openEnd`; its content follows, then
 * `close`. Attributes come one by one so a reader keeps only those it needs, in its own shape.
 */
export interface XmlHandler {
  open(name: string): void;
  /** The raw value: neither trimmed nor entity-decoded. */
  attribute(name: string, value: string): void;
  openEnd(): void;
  /** Raw text inside the root element (entities not decoded; CDATA content as is). */
  text(data: string): void;
  close(name: string): void;
}

/**
 * Reads `raw` (one report file named `name`) and calls `handler` for every element and text inside
 * the root element. Throws GateError when the report is empty or not well-formed (see above).
 */
export function streamXml(name: string, raw: string, handler: XmlHandler): void {
  const content = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  if (content.trim() === "") throw new GateError(`${name}: the report is empty`);
  const checks = new WellFormedness(name, content, handler);
  const parser = new CheckedParser(checks);
  checks.parser = parser;
  parser.end(content);
  checks.finish();
}

/** Reports the point where `content` stopped being well-formed. */
function malformed(name: string, content: string, offset: number, why: string): GateError {
  const at = Math.max(0, Math.min(offset, content.length));
  let line = 1;
  let lineStart = 0;
  for (let i = content.indexOf("\n"); i !== -1 && i < at; i = content.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return new GateError(
    `${name}: not well-formed XML at line ${String(line)}, column ${String(at - lineStart + 1)}: ${why}`,
  );
}

/**
 * htmlparser2's Parser, hooked where its tokenizer calls it (public methods, marked internal in
 * htmlparser2 12; the tests here fail if they change):
 * - the end of a start tag (`>` or `/>`), which the Parser only reports together with an object of
 *   all attributes;
 * - an end tag in the source, told apart from the closes the parser makes up itself (for a
 *   mismatched end tag it closes the inner elements "implied"; a stray one it drops silently);
 * - the end of the input, after which every close is of an element the file left open.
 */
class CheckedParser extends Parser {
  readonly #checks: WellFormedness;

  constructor(checks: WellFormedness) {
    super(checks, { xmlMode: true, decodeEntities: false });
    this.#checks = checks;
  }

  override onopentagend(endIndex: number): void {
    this.#checks.openEnd();
    super.onopentagend(endIndex);
  }

  override onselfclosingtag(endIndex: number): void {
    this.#checks.openEnd();
    super.onselfclosingtag(endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    this.#checks.beginEndTag();
    super.onclosetag(start, endIndex);
    this.#checks.endEndTag();
  }

  /** At the end of the input the parser closes whatever is still open: each is a truncation. */
  override onend(): void {
    this.#checks.ending = true;
    super.onend();
  }
}

const NOT_WHITESPACE = /\S/;
/** The end of a DOCTYPE internal subset, which the tokenizer hands over as text: `]>`. */
const SUBSET_END = /\]\s*>/;

/** The checks, as htmlparser2 callbacks; what passes goes on to the handler. */
class WellFormedness {
  readonly #name: string;
  readonly #content: string;
  readonly #handler: XmlHandler;
  parser: Parser | undefined;
  #depth = 0;
  #rootSeen = false;
  #rootClosed = false;
  /** Inside `<!DOCTYPE x [ … ]>`, whose declarations the tokenizer splits into text and tags. */
  #inSubset = false;
  #inEndTag = false;
  #closesInEndTag = 0;
  /** Set by the parser once the input is exhausted. */
  ending = false;
  /** The attribute names of the start tag being read, to refuse a repeated one. */
  readonly #attributeNames: string[] = [];

  constructor(name: string, content: string, handler: XmlHandler) {
    this.#name = name;
    this.#content = content;
    this.#handler = handler;
  }

  #fail(why: string, offset = this.parser?.startIndex ?? 0): never {
    throw malformed(this.#name, this.#content, offset, why);
  }

  onopentagname(name: string): void {
    if (this.#inSubset) this.#fail(`<${name}> inside the DOCTYPE declaration`);
    if (this.#depth === 0) {
      if (this.#rootSeen) this.#fail(`a second root element <${name}>`);
      this.#rootSeen = true;
    }
    this.#depth += 1;
    this.#attributeNames.length = 0;
    this.#handler.open(name);
  }

  onattribute(name: string, value: string, quote: string | undefined | null): void {
    if (quote === undefined) this.#fail(`attribute ${name} has no value`);
    if (quote === null) this.#fail(`the value of attribute ${name} is not quoted`);
    if (this.#attributeNames.includes(name)) this.#fail(`attribute ${name} is repeated`);
    this.#attributeNames.push(name);
    this.#handler.attribute(name, value);
  }

  openEnd(): void {
    this.#handler.openEnd();
  }

  onclosetag(name: string, implied: boolean): void {
    if (this.#inEndTag) {
      // Inside an end tag, a made-up close means the end tag named an outer element.
      if (implied) this.#fail(`</…> does not close <${name}>`);
      this.#closesInEndTag += 1;
    } else if (this.ending) {
      this.#fail(`<${name}> is not closed (the file ends early)`, this.#content.length);
    }
    // Outside an end tag, an implied close is a self-closing tag (`<x/>`).
    this.#depth -= 1;
    if (this.#depth === 0) this.#rootClosed = true;
    this.#handler.close(name);
  }

  beginEndTag(): void {
    this.#inEndTag = true;
    this.#closesInEndTag = 0;
  }

  endEndTag(): void {
    this.#inEndTag = false;
    if (this.#closesInEndTag === 0) this.#fail("an end tag without a matching start tag");
  }

  ontext(data: string): void {
    if (this.#depth > 0) {
      this.#handler.text(data);
      return;
    }
    if (this.#inSubset) {
      const end = SUBSET_END.exec(data);
      if (end === null) return;
      this.#inSubset = false;
      data = data.slice(end.index + end[0].length);
    }
    if (NOT_WHITESPACE.test(data)) {
      this.#fail(this.#rootClosed ? "text after the root element" : "text before the root element");
    }
  }

  onprocessinginstruction(name: string, data: string): void {
    // A DOCTYPE with an internal subset: the tokenizer ends the declaration at its first `>`.
    if (this.#depth === 0 && name.toUpperCase() === "!DOCTYPE" && data.includes("[")) {
      this.#inSubset = !/\]\s*$/.test(data);
    }
  }

  finish(): void {
    if (!this.#rootSeen) this.#fail("no root element", this.#content.length);
  }
}

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; anything else (`&a;`) stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body.startsWith("#x")
        ? Number.parseInt(body.slice(2), 16)
        : Number.parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}
