// The JSON schema (editors, ajv, user-facing errors) and its zod mirror (typed access) must accept
// and reject the same documents and have the same structure.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTRACT_SCHEMA_URL, contractJsonSchema, contractSchemaErrors } from "./schema.js";
import { contractDocumentSchema, PATTERNS } from "./zod-schema.js";

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const defs = contractJsonSchema.$defs as Json;
const def = (name: string): Json => {
  const value = defs[name];
  if (!isRecord(value)) throw new Error(`no $defs/${name}`);
  return value;
};
const valid: unknown[] = [
  {
    version: 1,
    goal: "g",
    sandbox: { image: "python:3.12-slim" },
    tests: { run: "pytest", framework: "pytest" },
  },
  { version: 1, goal: "g", sandbox: { runtime: "host" }, verifiers: [{ name: "v", run: "make check" }] },
  {
    $schema: CONTRACT_SCHEMA_URL,
    version: 1,
    goal: "everything",
    protected: { frozen: ["loophole.json", ".github/**"], appendOnly: ["tests/**"] },
    sandbox: {
      image: "python:3.12-slim",
      runtime: "podman",
      network: ["example.com", "*.example.com", "example.com:443", "10.0.0.1:8080"],
      cpus: 0.5,
      memory: "1.5GiB",
      pids: 16,
      timeout: "1h30m",
      env: { CI: "true", _X1: "" },
    },
    setup: [{ run: "pip install -e ." }, { name: "deps", run: "pip install -r r.txt", timeout: "10m" }],
    tests: {
      run: "pytest -q",
      framework: "junit",
      minDelta: -2,
      allowNewSkips: true,
      reports: ["**/*.xml"],
      timeout: "20m",
      allowRunnerChanges: ["pytest.ini"],
    },
    verifiers: [
      { name: "a", run: "true", timeout: "1s", image: "images.example.com/o/i@sha256:abc", env: { A: "1" } },
      { name: "b", run: "true" },
    ],
    executor: {
      run: "agent {task}",
      image: "node:24",
      secrets: ["API_KEY"],
      network: ["api.example.com"],
      timeout: "60m",
      env: { MODE: "x" },
    },
    budget: { rounds: 1, time: "2h" },
  },
  {
    version: 1,
    goal: "g",
    sandbox: { image: "i", network: "none" },
    verifiers: [{ name: "v", run: "x" }],
    tests: undefined,
  },
  {
    version: 1,
    goal: "g",
    sandbox: { image: "i", network: [] },
    tests: { run: "x", framework: "go" },
    verifiers: [],
  },
  {
    version: 1,
    goal: "g",
    sandbox: { image: "i" },
    tests: { run: "x", framework: "cargo" },
    executor: { run: "a" },
  },
];

const base = { version: 1, goal: "g", sandbox: { image: "i" }, tests: { run: "x", framework: "pytest" } };
const invalid: unknown[] = [
  null,
  [],
  "loophole",
  {},
  { ...base, version: 2 },
  { ...base, goal: "" },
  { ...base, goal: " \n" },
  { ...base, extra: true },
  { version: 1, goal: "g", sandbox: { image: "i" } },
  { version: 1, goal: "g", sandbox: { image: "i" }, verifiers: [] },
  { ...base, sandbox: {} },
  { ...base, sandbox: { runtime: "docker" } },
  { ...base, sandbox: { image: "" } },
  { ...base, sandbox: { image: "-privileged" } },
  { ...base, sandbox: { image: "a b" } },
  { ...base, sandbox: { image: "i", runtime: "lxc" } },
  { ...base, sandbox: { image: "i", network: "all" } },
  { ...base, sandbox: { image: "i", network: ["bad host"] } },
  { ...base, sandbox: { image: "i", network: ["a.com", "a.com"] } },
  { ...base, sandbox: { image: "i", network: ["a.com:70000"] } },
  { ...base, sandbox: { image: "i", network: ["*.*.com"] } },
  { ...base, sandbox: { image: "i", network: 5 } },
  { ...base, sandbox: { image: "i", cpus: 0 } },
  { ...base, sandbox: { image: "i", cpus: "2" } },
  { ...base, sandbox: { image: "i", memory: "4 gigs" } },
  { ...base, sandbox: { image: "i", memory: 4 } },
  { ...base, sandbox: { image: "i", pids: 15 } },
  { ...base, sandbox: { image: "i", pids: 100.5 } },
  { ...base, sandbox: { image: "i", timeout: "forever" } },
  { ...base, sandbox: { image: "i", env: { "1X": "a" } } },
  { ...base, sandbox: { image: "i", env: { "A-B": "a" } } },
  { ...base, sandbox: { image: "i", env: { A: 1 } } },
  { ...base, sandbox: { image: "i", Image: "x" } },
  { ...base, protected: { frozen: ["/etc/passwd"] } },
  { ...base, protected: { frozen: ["../x"] } },
  { ...base, protected: { frozen: ["a/../../x"] } },
  { ...base, protected: { frozen: ["tests\\x"] } },
  { ...base, protected: { frozen: [""] } },
  { ...base, protected: { frozen: ["a", "a"] } },
  { ...base, protected: { appendonly: [] } },
  { ...base, protected: { frozen: "tests/**" } },
  { ...base, setup: [{ name: "x" }] },
  { ...base, setup: [{ run: "x", name: "" }] },
  { ...base, setup: [{ run: "x", timeout: "1d" }] },
  { ...base, setup: { run: "x" } },
  { ...base, tests: { run: "x" } },
  { ...base, tests: { framework: "pytest" } },
  { ...base, tests: { run: "x", framework: "nose" } },
  { ...base, tests: { run: "", framework: "pytest" } },
  { ...base, tests: { run: "x", framework: "pytest", minDelta: 0.5 } },
  { ...base, tests: { run: "x", framework: "pytest", allowNewSkips: "no" } },
  { ...base, tests: { run: "x", framework: "pytest", reports: ["/abs/*.xml"] } },
  { ...base, tests: { run: "x", framework: "pytest", timeout: "0s" } },
  { ...base, verifiers: [{ run: "x" }] },
  { ...base, verifiers: [{ name: "v" }] },
  { ...base, verifiers: [{ name: "v", run: "x", image: " " }] },
  { ...base, verifiers: [{ name: "v", run: "x", env: { "": "x" } }] },
  { ...base, executor: {} },
  { ...base, executor: { run: "x", secrets: ["not-a-name"] } },
  { ...base, executor: { run: "x", secrets: ["A", "A"] } },
  { ...base, executor: { run: "x", network: "everything" } },
  { ...base, executor: { run: "x", timeout: 60 } },
  { ...base, budget: { rounds: 0 } },
  { ...base, budget: { rounds: 1.5 } },
  { ...base, budget: { time: "2 hours" } },
  { ...base, budget: { tokens: 5 } },
];

describe("ajv and zod agree", () => {
  it("accepts the valid corpus with both", () => {
    for (const doc of valid) {
      expect(contractSchemaErrors(doc)).toEqual([]);
      const result = contractDocumentSchema.safeParse(doc);
      expect(result.error).toBeUndefined();
    }
  });

  it("rejects the invalid corpus with both", () => {
    for (const doc of invalid) {
      const label = JSON.stringify(doc);
      expect([label, contractSchemaErrors(doc).length > 0]).toEqual([label, true]);
      expect([label, contractDocumentSchema.safeParse(doc).success]).toEqual([label, false]);
    }
  });

  it("fills the defaults the JSON schema documents", () => {
    const result = contractDocumentSchema.parse({ ...base, executor: { run: "x" } });
    expect(result).toMatchObject({
      protected: { frozen: [], appendOnly: [] },
      sandbox: {
        runtime: "docker",
        network: "none",
        cpus: 2,
        memory: "4g",
        pids: 512,
        timeout: "30m",
        env: {},
      },
      setup: [],
      verifiers: [],
      tests: { minDelta: 0, allowNewSkips: false, reports: [], allowRunnerChanges: [] },
      executor: { secrets: [], network: "none", timeout: "60m", env: {} },
      budget: { rounds: 5, time: "2h" },
    });
  });

  it("has the same structure: properties, required keys, enums, defaults and patterns", () => {
    const fromZod = z.toJSONSchema(contractDocumentSchema, { io: "input" });
    const expected = structure(contractJsonSchema);
    expect(Object.keys(expected).length).toBeGreaterThan(50);
    expect(expected["#/sandbox/network"]).toEqual({ enum: ["none"], default: "none" });
    expect(structure(fromZod)).toEqual(expected);
  });

  it("uses the JSON schema's pattern strings", () => {
    const pairs: [string, string][] = [
      ["duration", PATTERNS.duration],
      ["size", PATTERNS.size],
      ["command", PATTERNS.nonBlank],
      ["image", PATTERNS.image],
      ["glob", PATTERNS.glob],
      ["envName", PATTERNS.envName],
      ["host", PATTERNS.host],
    ];
    for (const [name, source] of pairs) expect([name, def(name).pattern]).toEqual([name, source]);
  });
});

interface Facts {
  properties?: string[];
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  pattern?: string;
}

/**
 * Path → facts, following local $refs and anyOf branches. "allOf" and "if"/"else" are skipped: the
 * JSON schema states cross-field rules there and zod in refinements, which the corpora compare.
 */
function structure(root: unknown): Record<string, Facts> {
  const out: Record<string, Facts> = {};
  const rootDefs = isRecord(root) && isRecord(root.$defs) ? root.$defs : {};
  const resolve = (node: Json): Json => {
    const ref = node.$ref;
    if (typeof ref !== "string") return node;
    const target = rootDefs[ref.replace("#/$defs/", "")];
    const { $ref: _ref, ...rest } = node;
    return { ...(isRecord(target) ? resolve(target) : {}), ...rest };
  };
  const visit = (raw: unknown, path: string): void => {
    if (!isRecord(raw)) return;
    const node = resolve(raw);
    const facts = (out[path] ??= {});
    if (isRecord(node.properties)) {
      facts.properties = Object.keys(node.properties).sort();
      for (const [name, child] of Object.entries(node.properties)) visit(child, `${path}/${name}`);
    }
    if (Array.isArray(node.required)) facts.required = node.required.map(String).sort();
    if (node.const !== undefined) facts.enum = [...(facts.enum ?? []), node.const];
    if (Array.isArray(node.enum)) facts.enum = [...(facts.enum ?? []), ...(node.enum as unknown[])];
    if (node.default !== undefined) facts.default = node.default;
    // Compared as regexes: zod writes RegExp.source, which escapes "/".
    if (typeof node.pattern === "string") facts.pattern = new RegExp(node.pattern, "u").source;
    if (node.items !== undefined) visit(node.items, `${path}[]`);
    if (node.propertyNames !== undefined) visit(node.propertyNames, `${path}<name>`);
    if (isRecord(node.additionalProperties)) visit(node.additionalProperties, `${path}{}`);
    if (Array.isArray(node.anyOf)) for (const branch of node.anyOf) visit(branch, path);
  };
  visit(root, "#");
  return out;
}
