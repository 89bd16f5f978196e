/**
 * Turns ajv's errors into problems a person can fix: "unknown key "appendonly"; did you mean
 * "appendOnly"?" instead of "must NOT have additional properties". Wording comes from the schema
 * where it has any (`errorMessage`, `patternErrorMessage`) and from `core/duration.ts` for
 * durations and sizes, so editors, the CLI and the parsers all describe the same accepted forms.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { DURATION_FORMS, SIZE_FORMS } from "../core/duration.js";
import { escapePointerSegment } from "./json-source.js";
import { contractJsonSchema, DURATION_FORMAT, SIZE_FORMAT } from "./schema.js";
import { closestMatch } from "./suggest.js";

export interface ContractProblem {
  /** JSON pointer to the value concerned; for unknown and invalid keys, to the member. */
  pointer: string;
  /** Whether the position to show is the member's key rather than its value. */
  at: "key" | "value";
  message: string;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const DURATION_MESSAGE = `must be a duration: ${DURATION_FORMS}`;
export const SIZE_MESSAGE = `must be a size: ${SIZE_FORMS}`;

export function translateSchemaErrors(errors: readonly ErrorObject[]): ContractProblem[] {
  const dropped = new Set<ErrorObject>();
  const replaced = new Map<ErrorObject, ContractProblem>();
  for (const error of errors) {
    if (error.keyword === "if") dropped.add(error);
    if (error.keyword === "anyOf") resolveAnyOf(error, errors, dropped, replaced);
    // ajv reports a bad key twice: once as the inner failure (with `propertyName`) and once as
    // `propertyNames`; the inner one says why, at the key.
    if (error.keyword === "propertyNames") dropped.add(error);
  }
  const problems: ContractProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (dropped.has(error)) continue;
    const problem = replaced.get(error) ?? translate(error);
    // A bad duration fails both its pattern and its format with the same message: say it once.
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/**
 * ajv reports every branch of a failed anyOf. When the value's type picks out one branch (a list
 * for "none" | [hosts]), that branch's errors are the useful ones; otherwise the schema's
 * `errorMessage` for the whole choice says it better than any branch.
 */
function resolveAnyOf(
  error: ErrorObject,
  errors: readonly ErrorObject[],
  dropped: Set<ErrorObject>,
  replaced: Map<ErrorObject, ContractProblem>,
): void {
  const branches: unknown[] = Array.isArray(error.schema) ? error.schema : [];
  const applicable = branches
    .map((branch, index) => ({ branch, index }))
    .filter(
      ({ branch }) => !isRecord(branch) || branch.type === undefined || matchesType(error.data, branch.type),
    );
  // A value of the wrong type altogether (the document is a list) already has a "type" error.
  const typeError = errors.some(
    (other) =>
      other.keyword === "type" &&
      other.instancePath === error.instancePath &&
      !other.schemaPath.startsWith(error.schemaPath),
  );
  const chosen = applicable.length === 1 ? applicable[0] : undefined;
  const keepBranch = chosen !== undefined && isRecord(chosen.branch) && chosen.branch.const === undefined;
  for (const other of errors) {
    if (other === error || !other.schemaPath.startsWith(`${error.schemaPath}/`)) continue;
    if (keepBranch && other.schemaPath.startsWith(`${error.schemaPath}/${chosen.index}/`)) continue;
    dropped.add(other);
  }
  if (keepBranch || (applicable.length === 0 && typeError)) {
    dropped.add(error);
    return;
  }
  const custom = stringField(error.parentSchema, "errorMessage");
  const message = custom ?? "does not match any of the allowed forms";
  // The whole-document rule ("needs tests or verifiers") reads badly with ", got an object".
  replaced.set(error, {
    pointer: error.instancePath,
    at: "value",
    message: error.instancePath === "" ? message : `${message}; got ${describeValue(error.data)}`,
  });
}

function translate(error: ErrorObject): ContractProblem {
  const params: Json = error.params;
  const at = error.instancePath;
  const got = `got ${describeValue(error.data)}`;
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const custom = stringField(error.parentSchema, "errorMessage");
      return {
        pointer: `${at}/${escapePointerSegment(missing)}`,
        at: "value",
        message: custom ?? "is required",
      };
    }
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(objectField(error.parentSchema, "properties") ?? {});
      return {
        pointer: `${at}/${escapePointerSegment(key)}`,
        at: "key",
        message: unknownKeyMessage(key, allowed),
      };
    }
    case "type":
      return { pointer: at, at: "value", message: `must be ${typeName(params.type)}, ${got}` };
    case "const":
      return { pointer: at, at: "value", message: `must be ${JSON.stringify(params.allowedValue)}, ${got}` };
    case "enum": {
      const allowed = Array.isArray(params.allowedValues)
        ? params.allowedValues.map((v) => JSON.stringify(v))
        : [];
      const hint =
        typeof error.data === "string"
          ? closestMatch(
              error.data,
              allowed.map((v) => v.slice(1, -1)),
            )
          : undefined;
      const suggestion = hint === undefined ? "" : `; did you mean "${hint}"?`;
      return {
        pointer: at,
        at: "value",
        message: `must be one of ${allowed.join(", ")}; ${got}${suggestion}`,
      };
    }
    case "pattern":
    case "format":
      return patternProblem(error);
    case "minLength":
      return { pointer: at, at: "value", message: "must not be empty" };
    case "minItems":
      return { pointer: at, at: "value", message: `must list at least ${String(params.limit)} item(s)` };
    case "minimum":
      return { pointer: at, at: "value", message: `must be at least ${String(params.limit)}, ${got}` };
    case "exclusiveMinimum":
      return { pointer: at, at: "value", message: `must be greater than ${String(params.limit)}, ${got}` };
    case "uniqueItems": {
      const later = Math.max(Number(params.i), Number(params.j));
      const earlier = Math.min(Number(params.i), Number(params.j));
      const item = Array.isArray(error.data) ? describeValue(error.data[later]) : "an item";
      return {
        pointer: `${at}/${later}`,
        at: "value",
        message: `repeats ${item}, already listed at ${at}/${earlier}; list each item once`,
      };
    }
    default:
      return { pointer: at, at: "value", message: error.message ?? `fails the "${error.keyword}" rule` };
  }
}

function patternProblem(error: ErrorObject): ContractProblem {
  const schema = error.parentSchema;
  const format = stringField(schema, "format");
  const data = error.data;
  // A value that fits the pattern but fails the format is out of range ("0.1" bytes, 10^20 hours).
  const fitsPattern =
    typeof data === "string" && new RegExp(stringField(schema, "pattern") ?? "^$", "u").test(data);
  let message: string;
  if (format === DURATION_FORMAT) {
    message = fitsPattern ? "is too long for a duration" : DURATION_MESSAGE;
  } else if (format === SIZE_FORMAT) {
    message = fitsPattern ? "must be at least 1 byte and less than 8 PiB" : SIZE_MESSAGE;
  } else {
    message =
      stringField(schema, "patternErrorMessage") ?? `must match the pattern ${String(error.params.pattern)}`;
  }
  if (error.propertyName !== undefined) {
    // The value is a key of a map (an env var name): point at the key itself.
    return {
      pointer: `${error.instancePath}/${escapePointerSegment(error.propertyName)}`,
      at: "key",
      message: `the name ${describeValue(data)} is invalid: it ${message}`,
    };
  }
  return { pointer: error.instancePath, at: "value", message: `${message}, got ${describeValue(data)}` };
}

// Words people reach for that edit distance cannot connect to the key meant.
const KEY_ALIASES: Record<string, string> = {
  environment: "env",
  variables: "env",
  command: "run",
  cmd: "run",
  script: "run",
  checks: "verifiers",
  verify: "verifiers",
  secret: "secrets",
  hosts: "network",
};

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const alias = KEY_ALIASES[key.toLowerCase()];
  const close = alias !== undefined && allowed.includes(alias) ? alias : closestMatch(key, allowed);
  if (close !== undefined) return `unknown key "${key}"; did you mean "${close}"?`;
  const elsewhere = keyHomes().get(key);
  if (elsewhere !== undefined && elsewhere.length > 0) {
    return `unknown key "${key}" here; it belongs in ${elsewhere.map((home) => `"${home}"`).join(" or ")}`;
  }
  const list = allowed.length > 0 ? `; allowed here: ${allowed.join(", ")}` : "";
  return `unknown key "${key}"${list}`;
}

let homes: Map<string, string[]> | undefined;

/** For each key the schema allows anywhere, the objects it belongs to ("sandbox", "verifiers[]"). */
function keyHomes(): Map<string, string[]> {
  if (homes) return homes;
  const found = new Map<string, string[]>();
  const defs = objectField(contractJsonSchema, "$defs") ?? {};
  const visit = (schema: unknown, label: string, depth: number): void => {
    if (!isRecord(schema) || depth > 8) return;
    const ref = schema.$ref;
    if (typeof ref === "string" && ref.startsWith("#/$defs/")) visit(defs[ref.slice(8)], label, depth + 1);
    const properties = schema.properties;
    if (isRecord(properties)) {
      for (const [name, child] of Object.entries(properties)) {
        if (label !== "") found.set(name, [...new Set([...(found.get(name) ?? []), label])]);
        visit(child, label === "" ? name : `${label}.${name}`, depth + 1);
      }
    }
    if (schema.type === "array") visit(schema.items, `${label}[]`, depth + 1);
  };
  visit(contractJsonSchema, "", 0);
  homes = found;
  return found;
}

function matchesType(data: unknown, type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    if (t === "array") return Array.isArray(data);
    if (t === "object") return isRecord(data);
    if (t === "null") return data === null;
    if (t === "integer") return Number.isInteger(data);
    return typeof data === t;
  });
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
};

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(" or ");
}

/** A short rendering of a bad value for messages; long strings are cut. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 56)}…"` : text;
  }
  if (Array.isArray(value)) return "a list";
  if (isRecord(value)) return "an object";
  if (value === undefined) return "nothing";
  return JSON.stringify(value);
}

function stringField(schema: unknown, name: string): string | undefined {
  if (!isRecord(schema)) return undefined;
  const value = schema[name];
  return typeof value === "string" ? value : undefined;
}

function objectField(schema: unknown, name: string): Json | undefined {
  if (!isRecord(schema)) return undefined;
  const value = schema[name];
  return isRecord(value) ? value : undefined;
}
