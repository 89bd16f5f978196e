/**
 * OpenAPI 3.0 schemas as JSON Schema ajv can validate. GitHub's description uses OpenAPI additions:
 * `nullable: true` becomes a `"null"` type (or an `anyOf` with null); `oneOf` becomes `anyOf`
 * (GitHub's `oneOf` branches often overlap, so a valid value would match two and fail); `$ref`s are
 * pointed into the one registered `github` document; annotations ajv does not need are dropped; and
 * formats GitHub uses but ajv does not know are accepted as they are.
 */
import { Ajv } from "ajv";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, Json>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Schema keywords whose value is a map of names to schemas (names are not keywords).
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions", "$defs"]);
// OpenAPI annotations ajv does not need; dropping them keeps strict-mode noise away.
const DROPPED = new Set([
  "nullable",
  "example",
  "examples",
  "discriminator",
  "externalDocs",
  "xml",
  "deprecated",
]);

/** OpenAPI 3.0 schema → JSON Schema ajv validates, with `$ref`s into the `github` document. */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string") {
      out.$ref = value.startsWith("#/") ? `github${value}` : value;
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]),
      );
    } else if (key === "oneOf") {
      out.anyOf = toJsonSchema(value);
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (node.nullable !== true) return out;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === "string") return { ...out, type: [out.type, "null"] };
  return { anyOf: [out, { type: "null" }] };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;

function validUri(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export function newAjv(): Ajv {
  return new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
    formats: {
      "date-time": (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
      date: /^\d{4}-\d{2}-\d{2}$/,
      uri: validUri,
      email: /^[^\s@]+@[^\s@]+$/,
      // Formats GitHub uses that carry no check worth making here.
      "uri-template": true,
      int32: true,
      int64: true,
      double: true,
      binary: true,
      timestamp: true,
      "repo.nwo": true,
    },
  });
}
