/**
 * Keeps `schemas/report.schema.json` and the TypeScript model (`src/model/report.ts`) in step. The
 * compiler forces `full` to set every field of the model, optional ones included, and `minimal` to set
 * exactly the required ones; the tests then compare their keys with the schema's `properties` and
 * `required` lists at every level, so a field added to one side and not the other fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FINDING_KINDS, type Approval, type Severity } from "../model/finding.js";
import type { Outcome, Report, StepStatus, TestsReport } from "../model/report.js";
import { renderJson } from "./json.js";

type DeepRequired<T> = T extends readonly (infer U)[]
  ? DeepRequired<U>[]
  : T extends object
    ? { [K in keyof T]-?: DeepRequired<Exclude<T[K], undefined>> }
    : T;
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
type DeepMinimal<T> = T extends readonly (infer U)[]
  ? DeepMinimal<U>[]
  : T extends object
    ? { [K in RequiredKeys<T>]: DeepMinimal<T[K]> }
    : T;

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  $defs?: Record<string, SchemaNode>;
}

const schema = JSON.parse(
  readFileSync(new URL("../../schemas/report.schema.json", import.meta.url), "utf8"),
) as SchemaNode;

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace("#/$defs/", "");
  const target = schema.$defs?.[name];
  if (target === undefined) throw new Error(`unresolved ${node.$ref}`);
  return resolve(target);
}

function def(name: string): SchemaNode {
  return resolve({ $ref: `#/$defs/${name}` });
}

const step = {
  name: "unit",
  command: "pytest",
  status: "fail",
  exitCode: 1,
  durationMs: 10,
  outputTail: "E assert 1 == 2",
  outputBytes: 15,
  reason: "exited with 1",
} as const;

const full: DeepRequired<Report> = {
  schemaVersion: 1,
  outcome: "fail",
  headline: "h",
  reasons: ["r"],
  goal: "g",
  findings: [
    {
      kind: "protected-path",
      severity: "fail",
      message: "m",
      path: "p",
      line: 1,
      test: "t",
      approved: { by: "alice", at: "2025-01-01T00:00:00Z", via: "review" },
    },
  ],
  setup: [step],
  verifiers: [{ ...step, image: "img" }],
  tests: {
    framework: "pytest",
    base: { total: 1, passed: 1, failed: 0, error: 0, skipped: 0, xfail: 0 },
    head: { total: 1, passed: 0, failed: 1, error: 0, skipped: 0, xfail: 0 },
    removed: [{ id: "a", file: "f", message: "m" }],
    newlySkipped: [{ id: "b", file: "f", message: "m" }],
    regressed: [{ id: "c", file: "f", message: "m" }],
    added: 0,
    notes: ["n"],
  },
  task: {
    task: "fix it",
    branch: "loophole/fix-it",
    rounds: [
      {
        round: 1,
        commit: "d".repeat(40),
        outcome: "fail",
        executor: { exitCode: 0, timedOut: false, durationMs: 5, outputBytes: 10 },
        reverted: ["tests/test_a.py"],
        noChange: false,
        failing: ["tests/test_a.py::test_x"],
      },
    ],
    stopReason: "rounds",
    lastOutputTail: "done",
    network: {
      allowed: [{ host: "api.example.com", port: 443, count: 2 }],
      denied: [{ host: "evil.example", port: 443, count: 1, reason: "not on the allowlist" }],
    },
  },
  notProven: [{ kind: "special-casing", text: "t" }],
  provenance: {
    base: "a".repeat(40),
    head: "b".repeat(40),
    contractCommit: "a".repeat(40),
    contractPath: "loophole.json",
    contractSha256: "c".repeat(64),
    tool: { name: "loophole", version: "0.1.0" },
    runtime: "docker",
    images: ["img"],
    containersStarted: 1,
    startedAt: "2025-01-01T00:00:00Z",
    durationMs: 1,
    phases: [{ name: "diff", durationMs: 1 }],
  },
  claim: "c",
};

const minimalStep = {
  name: "unit",
  command: "pytest",
  status: "pass",
  exitCode: 0,
  durationMs: 1,
  outputTail: "",
  outputBytes: 0,
} as const;

const minimal: DeepMinimal<Report> = {
  schemaVersion: 1,
  outcome: "pass",
  headline: "h",
  reasons: ["r"],
  goal: "g",
  findings: [{ kind: "no-change", severity: "info", message: "m" }],
  setup: [minimalStep],
  verifiers: [{ ...minimalStep, image: "img" }],
  notProven: [{ kind: "special-casing", text: "t" }],
  provenance: {
    base: null,
    head: null,
    contractCommit: null,
    contractPath: "loophole.json",
    contractSha256: null,
    tool: { name: "loophole", version: "0.1.0" },
    runtime: "host",
    images: ["img"],
    containersStarted: 0,
    startedAt: "2025-01-01T00:00:00Z",
    durationMs: 0,
    phases: [{ name: "diff", durationMs: 0 }],
  },
  claim: "c",
};

// Optional objects are absent from `minimal`, so their required lists are checked on their own.
const minimalTests: DeepMinimal<TestsReport> = {
  framework: "go",
  base: { total: 0, passed: 0, failed: 0, error: 0, skipped: 0, xfail: 0 },
  head: { total: 0, passed: 0, failed: 0, error: 0, skipped: 0, xfail: 0 },
  removed: [{ id: "a" }],
  newlySkipped: [{ id: "b" }],
  regressed: [{ id: "c" }],
  added: 0,
  notes: [],
};
const minimalApproval: DeepMinimal<Approval> = { by: "alice", at: "2025-01-01T00:00:00Z", via: "label" };

/** Walks `value` alongside `node` and reports where object keys differ from the schema's list. */
function mismatches(node: SchemaNode, value: unknown, list: "properties" | "required", path = "$"): string[] {
  const resolved = resolve(node);
  if (Array.isArray(value)) {
    if (resolved.items === undefined) return [`${path}: schema has no items`];
    return value.length === 0 ? [] : mismatches(resolved.items, value[0], list, `${path}[0]`);
  }
  if (value === null || typeof value !== "object") return [];
  const modelKeys = Object.keys(value).sort();
  const schemaKeys = (
    list === "properties" ? Object.keys(resolved.properties ?? {}) : (resolved.required ?? [])
  ).sort();
  const out =
    JSON.stringify(modelKeys) === JSON.stringify(schemaKeys)
      ? []
      : [`${path}: schema ${list} ${schemaKeys.join(",")} but model ${modelKeys.join(",")}`];
  for (const [key, child] of Object.entries(value)) {
    const childNode = resolved.properties?.[key];
    if (childNode !== undefined) out.push(...mismatches(childNode, child, list, `${path}.${key}`));
  }
  return out;
}

/** Every object's keys in the rendered JSON, in order, next to the schema's property order. */
function orderMismatches(node: SchemaNode, value: unknown, path = "$"): string[] {
  const resolved = resolve(node);
  if (Array.isArray(value)) {
    return value.flatMap((item, i) =>
      resolved.items ? orderMismatches(resolved.items, item, `${path}[${i}]`) : [],
    );
  }
  if (value === null || typeof value !== "object") return [];
  const expected = Object.keys(resolved.properties ?? {}).filter((k) => k in value);
  const out =
    JSON.stringify(Object.keys(value)) === JSON.stringify(expected) ? [] : [`${path}: order differs`];
  for (const [key, child] of Object.entries(value)) {
    const childNode = resolved.properties?.[key];
    if (childNode !== undefined) out.push(...orderMismatches(childNode, child, `${path}.${key}`));
  }
  return out;
}

describe("report.schema.json against the model", () => {
  it("lists exactly the model's properties at every level", () => {
    expect(mismatches(schema, full, "properties")).toEqual([]);
  });

  it("requires exactly the model's required properties at every level", () => {
    expect(mismatches(schema, minimal, "required")).toEqual([]);
    expect(mismatches(def("tests"), minimalTests, "required")).toEqual([]);
    expect(mismatches(def("approval"), minimalApproval, "required")).toEqual([]);
  });

  it("would notice a property the schema lacks", () => {
    expect(mismatches(schema, { ...full, newField: 1 }, "properties")).toEqual([
      expect.stringMatching(/^\$: schema properties .* but model .*newField/) as unknown,
    ]);
  });

  it("has the model's enumerations", () => {
    const outcomes: Record<Outcome, true> = { pass: true, fail: true, error: true };
    const statuses: Record<StepStatus, true> = {
      pass: true,
      fail: true,
      error: true,
      timeout: true,
      skipped: true,
    };
    const severities: Record<Severity, true> = { fail: true, warn: true, info: true };
    const vias: Record<Approval["via"], true> = { label: true, review: true };
    expect(schema.properties?.outcome?.enum).toEqual(Object.keys(outcomes));
    expect(def("stepStatus").enum).toEqual(Object.keys(statuses));
    expect(def("finding").properties?.severity?.enum).toEqual(Object.keys(severities));
    expect(def("finding").properties?.kind?.enum).toEqual([...FINDING_KINDS]);
    expect(def("approval").properties?.via?.enum).toEqual(Object.keys(vias));
  });

  it("is the order renderJson writes keys in", () => {
    expect(orderMismatches(schema, JSON.parse(renderJson(full)))).toEqual([]);
  });
});
