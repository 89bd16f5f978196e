// The schema's duration and size patterns must accept the same strings as duration.ts, and the
// schema must stay usable as editor help (closed objects, every property described).
import { describe, expect, it } from "vitest";
import { parseDuration, parseSize } from "../core/duration.js";
import { DURATION_MESSAGE, SIZE_MESSAGE } from "./schema-errors.js";
import { CONTRACT_SCHEMA_URL, contractJsonSchema, contractSchemaErrors } from "./schema.js";
import { FRAMEWORKS } from "./types.js";
import { contractDocumentSchema } from "./zod-schema.js";

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const defs = contractJsonSchema.$defs as Json;
const def = (name: string): Json => {
  const value = defs[name];
  if (!isRecord(value)) throw new Error(`no $defs/${name}`);
  return value;
};
const matches = (patternSource: unknown, text: string): boolean => {
  if (typeof patternSource !== "string") throw new Error("pattern is not a string");
  return new RegExp(patternSource, "u").test(text);
};

describe("duration and size patterns", () => {
  const goodDurations = [
    "250ms",
    "90s",
    "10m",
    "2h",
    "1h30m",
    "1h30m15s",
    "1m500ms",
    "0h5m",
    "007s",
    "1h0m",
    "3600s",
  ];
  const badDurations = [
    "",
    "0s",
    "0h0m",
    "10",
    "10 m",
    " 10m",
    "10m ",
    "10M",
    "1.5h",
    "-5m",
    "5m1h",
    "1d",
    "10min",
    "h",
    "ms",
    "1h\n",
    "30s10m",
    "1s1s",
  ];
  const goodSizes = [
    "1",
    "512m",
    "4g",
    "4G",
    "4gb",
    "4GiB",
    "1.5g",
    "12b",
    "12B",
    "1k",
    "1t",
    "0.5",
    "2KiB",
    "1mb",
  ];
  const badSizes = [
    "",
    "0",
    "0g",
    "0.0",
    "4 gigs",
    "4 g",
    "4gi",
    "12ib",
    "-1g",
    "4x",
    "g",
    ".5g",
    "4.g",
    "1e3",
    " 4g",
    "4g ",
  ];

  it("accepts exactly what parseDuration accepts", () => {
    for (const text of goodDurations) {
      expect([text, parseDuration(text) !== undefined]).toEqual([text, true]);
      expect([text, matches(def("duration").pattern, text)]).toEqual([text, true]);
    }
    for (const text of badDurations) {
      expect([text, parseDuration(text)]).toEqual([text, undefined]);
      expect([text, matches(def("duration").pattern, text)]).toEqual([text, false]);
    }
  });

  it("accepts exactly what parseSize accepts", () => {
    for (const text of goodSizes) {
      expect([text, parseSize(text) !== undefined]).toEqual([text, true]);
      expect([text, matches(def("size").pattern, text)]).toEqual([text, true]);
    }
    for (const text of badSizes) {
      expect([text, parseSize(text)]).toEqual([text, undefined]);
      expect([text, matches(def("size").pattern, text)]).toEqual([text, false]);
    }
  });

  it("leaves only the numeric range to the format, which runs the parsers", () => {
    // A regex cannot bound a sum or a rounded product; these fit the pattern, fail the parser, and
    // ajv rejects them through the format keyword.
    const outOfRange: [string, string][] = [
      ["duration", "99999999999999999h"],
      ["size", "0.1"],
      ["size", "99999999999t"],
    ];
    for (const [kind, text] of outOfRange) {
      expect(matches(def(kind).pattern, text)).toBe(true);
      const parsed = kind === "duration" ? parseDuration(text) : parseSize(text);
      expect(parsed).toBeUndefined();
      const doc = {
        version: 1,
        goal: "g",
        sandbox: kind === "duration" ? { image: "i", timeout: text } : { image: "i", memory: text },
        verifiers: [{ name: "v", run: "true" }],
      };
      expect(contractSchemaErrors(doc).map((e) => e.keyword)).toContain("format");
      expect(contractDocumentSchema.safeParse(doc).success).toBe(false);
    }
  });

  it("tells editors the same accepted forms as duration.ts", () => {
    expect(def("duration").patternErrorMessage).toBe(DURATION_MESSAGE);
    expect(def("size").patternErrorMessage).toBe(SIZE_MESSAGE);
  });
});

describe("JSON schema metadata", () => {
  it("is published where contracts point their $schema", () => {
    expect(contractJsonSchema.$id).toBe(CONTRACT_SCHEMA_URL);
    expect(contractJsonSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("closes every fixed-shape object and describes every property", () => {
    const missing: string[] = [];
    const open: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        node.forEach((child, i) => {
          visit(child, `${path}/${i}`);
        });
        return;
      }
      if (!isRecord(node)) return;
      if (isRecord(node.properties)) {
        // Objects inside "allOf"/"if" only restate properties declared elsewhere.
        if (node.additionalProperties !== false && !/\/(?:allOf|if)\b/.test(path)) open.push(path);
        for (const [name, child] of Object.entries(node.properties)) {
          const described =
            isRecord(child) && typeof child.description === "string" && typeof child.title === "string";
          if (!described && !/\/(?:allOf|if)\b/.test(path)) missing.push(`${path}/${name}`);
        }
      }
      for (const [key, child] of Object.entries(node)) visit(child, `${path}/${key}`);
    };
    visit(contractJsonSchema, "#");
    expect(missing).toEqual([]);
    expect(open).toEqual([]);
  });

  it("offers the frameworks the rest of loophole knows", () => {
    const tests = (contractJsonSchema.properties as Json).tests as Json;
    expect((tests.properties as Json).framework).toMatchObject({ enum: [...FRAMEWORKS] });
  });
});
