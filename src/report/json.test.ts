import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { Report } from "../model/report.js";
import { canonicalReport, renderJson } from "./json.js";
import { Secrets } from "./secrets.js";
import { LEAKED_TOKEN, errorReport, failReport, hugeReport, passReport } from "./testing/sample-reports.js";

const schema: unknown = JSON.parse(
  readFileSync(new URL("../../schemas/report.schema.json", import.meta.url), "utf8"),
);
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const validate = ajv.compile(schema as object);

function errorsOf(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

function parsed(report: Report): Record<string, unknown> {
  return JSON.parse(renderJson(report)) as Record<string, unknown>;
}

/** The same data with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe("renderJson", () => {
  it.each([
    ["pass", passReport],
    ["fail", failReport],
    ["error with nulls", errorReport],
    ["huge", hugeReport],
  ])("writes a %s report that validates against the schema", (_name, make) => {
    expect(errorsOf(parsed(make()))).toEqual([]);
  });

  it("round-trips the report", () => {
    for (const report of [passReport(), failReport(), errorReport()]) {
      expect(JSON.parse(renderJson(report))).toEqual(report);
    }
  });

  it("writes keys in one order whatever order the report was built in", () => {
    const report = failReport();
    expect(renderJson(reversedKeys(report) as Report)).toBe(renderJson(report));
    expect(Object.keys(parsed(report))).toEqual([
      "schemaVersion",
      "outcome",
      "headline",
      "reasons",
      "goal",
      "findings",
      "setup",
      "verifiers",
      "tests",
      "notProven",
      "provenance",
      "claim",
    ]);
  });

  it("is pretty-printed with a trailing newline", () => {
    const json = renderJson(passReport());
    expect(json.startsWith('{\n  "schemaVersion": 1,\n  "outcome": "pass",')).toBe(true);
    expect(json.endsWith("}\n")).toBe(true);
  });

  it("drops properties the schema does not know and omits absent optional ones", () => {
    const report = errorReport();
    const extra = { ...report, internal: "x" };
    const json = parsed(extra);
    expect(json).not.toHaveProperty("internal");
    expect(json).not.toHaveProperty("tests");
    expect(renderJson(passReport())).not.toContain('"reason"');
    expect(errorsOf(json)).toEqual([]);
  });

  it("masks secrets in every string, and only with secrets given", () => {
    const secrets = new Secrets([LEAKED_TOKEN]);
    const report = failReport();
    report.goal = `use ${LEAKED_TOKEN}`;
    expect(renderJson(report)).toContain(LEAKED_TOKEN);
    const json = renderJson(report, { secrets });
    expect(json).not.toContain(LEAKED_TOKEN);
    expect(canonicalReport(report, secrets).goal).toBe("use ***");
  });

  it("keeps control characters as JSON escapes, not raw bytes", () => {
    const json = renderJson(failReport());
    expect(json).toContain("\\u001b[31mFAILED");
    expect(json).not.toContain("\u001b");
  });
});

/** The first element of an array property, to spoil in place. */
function first(r: Record<string, unknown>, key: string): Record<string, unknown> {
  const list = r[key];
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${key} is not a non-empty array`);
  return list[0] as Record<string, unknown>;
}

describe("report.schema.json rejects", () => {
  const cases: [string, (r: Record<string, unknown>) => void][] = [
    ["an empty notProven list", (r) => (r.notProven = [])],
    ["an unknown step status", (r) => (first(r, "verifiers").status = "passed")],
    ["a fractional exit code", (r) => (first(r, "verifiers").exitCode = 1.5)],
    ["a missing claim", (r) => delete r.claim],
    ["an unknown finding kind", (r) => (first(r, "findings").kind = "vibes")],
    ["an unknown top-level property", (r) => (r.extra = true)],
    ["a short commit", (r) => ((r.provenance as Record<string, unknown>).head = "abc123")],
    ["another schema version", (r) => (r.schemaVersion = 2)],
  ];
  it.each(cases)("%s", (_name, spoil) => {
    const report = parsed(failReport());
    expect(errorsOf(report)).toEqual([]);
    spoil(report);
    expect(errorsOf(report)).not.toEqual([]);
  });
});
