/**
 * The former tree-based reading of JUnit reports (fast-xml-parser: a well-formedness pass, then a
 * tuned parse). loophole itself now streams reports (`xml-stream.ts`, `junit-reader.ts`); only the
 * reports bench's step-by-step breakdown (`bench/reports-child.ts`) still imports this file. Delete it
 * once the bench no longer does.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GateError } from "../core/errors.js";
import { MAX_MESSAGE_CHARS } from "./model.js";
import { decodeEntities } from "./xml-stream.js";

export type XmlNode = Readonly<Record<string, unknown>>;

const ARRAY_TAGS = new Set(["testsuite", "testcase", "failure", "error", "skipped"]);
/** Captured output and properties can be most of a report's size and never decide a status. */
const DROPPED_TAGS = new Set(["system-out", "system-err", "properties"]);
const KEPT_ATTRIBUTES = new Set(["name", "classname", "file", "time", "type", "message"]);

const parser = new XMLParser({
  ignoreAttributes: (name) => !KEPT_ATTRIBUTES.has(name),
  attributeNamePrefix: "",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  // Deep describe() nesting is legitimate; the default of 100 is not a real-world limit.
  maxNestedTags: 1000,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ARRAY_TAGS.has(name),
  updateTag: (name) => (DROPPED_TAGS.has(name) ? false : name),
  tagValueProcessor: (_name, value) =>
    value.length > MAX_MESSAGE_CHARS * 2 ? value.slice(0, MAX_MESSAGE_CHARS * 2) : value,
});

/**
 * Parses one report. Throws GateError naming the file when it is empty or not well-formed (a run
 * killed while writing leaves a truncated file, which must never read as a shorter, valid report).
 */
export function parseXmlReport(name: string, raw: string): XmlNode {
  const content = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  if (content.trim() === "") throw new GateError(`${name}: the report is empty`);
  // fast-xml-validator is not a dependency; the validator still ships with fast-xml-parser 5.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new GateError(`${name}: not well-formed XML at line ${line}, column ${col}: ${msg}`);
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(content);
  } catch (error) {
    throw new GateError(`${name}: the XML could not be parsed`, { cause: error });
  }
  if (!isNode(parsed)) throw new GateError(`${name}: the XML has no root element`);
  return parsed;
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Child elements; `<skipped/>` parses as "" and `<failure>text</failure>` as a plain string. */
export function childNodes(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: XmlNode[] = [];
  for (const item of list) {
    if (isNode(item)) out.push(item);
    else if (typeof item === "string") out.push(item === "" ? {} : { "#text": item });
  }
  return out;
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  return typeof value === "string" ? decodeEntities(value) : undefined;
}

export function textOf(node: XmlNode): string | undefined {
  const value = node["#text"];
  return typeof value === "string" ? decodeEntities(value) : undefined;
}
