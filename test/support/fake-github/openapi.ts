/**
 * GitHub's published OpenAPI description of api.github.com (npm `@octokit/openapi`), used by the fake
 * API to check every request (route, parameters, JSON body) and every answer it gives.
 *
 * Schemas are converted for ajv by `json-schema.ts` and compiled lazily, per operation, on first use,
 * so only the operations a test touches cost anything beyond parsing the 13 MB file.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { isObject, newAjv, toJsonSchema, type Json, type JsonObject } from "./json-schema.js";

const LOCATIONS = ["path", "query", "header", "cookie"] as const;

export interface Parameter {
  name: string;
  in: (typeof LOCATIONS)[number];
  required: boolean;
  schema: Json;
}

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  parameters: Parameter[];
  /** The JSON request body's schema, when the operation takes one. */
  requestBody: { schema: Json; required: boolean } | undefined;
  /** Status code (or "default") → JSON response schema. */
  responses: Map<string, Json>;
}

export interface RouteMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

export type MatchResult = { ok: true; match: RouteMatch } | { ok: false; status: 404 | 405; reason: string };

interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  /** Literal segments: the more, the more specific (`issues/comments/{id}` beats `issues/{n}/…`). */
  literals: number;
  methods: Map<string, Operation>;
}

function templateRoute(template: string): Omit<Route, "methods"> {
  const names: string[] = [];
  let literals = 0;
  const pattern = template
    .split("/")
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (param?.[1] !== undefined) {
        names.push(param[1]);
        return "([^/]+)";
      }
      if (segment !== "") literals += 1;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { template, regex: new RegExp(`^${pattern}$`), names, literals };
}

export class OpenApiSpec {
  readonly #doc: JsonObject;
  readonly #routes: Route[] = [];
  readonly #ajv = newAjv();
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(doc: JsonObject) {
    this.#doc = doc;
    const components = isObject(doc.components) ? doc.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    this.#ajv.addSchema({ $id: "github", components: { schemas: toJsonSchema(schemas) } });
    const paths = isObject(doc.paths) ? doc.paths : {};
    for (const [template, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      const methods = new Map<string, Operation>();
      for (const [method, op] of Object.entries(item)) {
        if (!isObject(op) || typeof op.operationId !== "string") continue;
        methods.set(
          method.toUpperCase(),
          this.#operation(template, method.toUpperCase(), op.operationId, op, item),
        );
      }
      this.#routes.push({ ...templateRoute(template), methods });
    }
    // Most specific first, so a literal segment wins over a parameter in the same place.
    this.#routes.sort((a, b) => b.literals - a.literals);
  }

  /** Resolves a local `$ref` (`#/components/...`) in the raw description. */
  resolve(node: Json): Json {
    let current = node;
    for (let depth = 0; depth < 10 && isObject(current) && typeof current.$ref === "string"; depth += 1) {
      let target: Json = this.#doc;
      for (const part of current.$ref.replace(/^#\//, "").split("/")) {
        target = isObject(target) ? (target[part] ?? null) : null;
      }
      current = target;
    }
    return current;
  }

  #operation(
    template: string,
    method: string,
    operationId: string,
    op: JsonObject,
    item: JsonObject,
  ): Operation {
    const raw = [
      ...(Array.isArray(item.parameters) ? item.parameters : []),
      ...(Array.isArray(op.parameters) ? op.parameters : []),
    ];
    const parameters: Parameter[] = [];
    for (const entry of raw) {
      const param = this.resolve(entry);
      if (!isObject(param) || typeof param.name !== "string") continue;
      const where = LOCATIONS.find((l) => l === param.in);
      if (where === undefined) continue;
      parameters.push({
        name: param.name,
        in: where,
        required: param.required === true,
        schema: param.schema ?? {},
      });
    }
    const body = this.resolve(op.requestBody ?? null);
    const bodySchema = isObject(body) ? jsonSchemaOf(body.content ?? null) : undefined;
    const responses = new Map<string, Json>();
    if (isObject(op.responses)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const resolved = this.resolve(response);
        const schema = isObject(resolved) ? jsonSchemaOf(resolved.content ?? null) : undefined;
        if (schema !== undefined) responses.set(status, schema);
      }
    }
    return {
      operationId,
      method,
      template,
      parameters,
      requestBody:
        bodySchema === undefined
          ? undefined
          : { schema: bodySchema, required: isObject(body) && body.required === true },
      responses,
    };
  }

  match(method: string, pathname: string): MatchResult {
    let pathMatched = false;
    for (const route of this.#routes) {
      const found = route.regex.exec(pathname);
      if (found === null) continue;
      pathMatched = true;
      const operation = route.methods.get(method);
      if (operation === undefined) continue;
      const pathParams: Record<string, string> = {};
      route.names.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(found[index + 1] ?? "");
      });
      return { ok: true, match: { operation, pathParams } };
    }
    return pathMatched
      ? { ok: false, status: 405, reason: `${method} is not documented for ${pathname}` }
      : { ok: false, status: 404, reason: `no documented operation matches ${method} ${pathname}` };
  }

  #validator(key: string, schema: Json): ValidateFunction {
    let validate = this.#compiled.get(key);
    if (validate === undefined) {
      validate = this.#ajv.compile(toJsonSchema(schema) as object);
      this.#compiled.set(key, validate);
    }
    return validate;
  }

  #check(key: string, schema: Json, value: unknown, where: string): string[] {
    const validate = this.#validator(key, schema);
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 10)
      .map((e) => `${where}${e.instancePath || ""}: ${e.message ?? "invalid"}`);
  }

  /** Problems with the request's path and query parameters and JSON body; empty when valid. */
  validateRequest(match: RouteMatch, query: URLSearchParams, body: unknown): string[] {
    const { operation } = match;
    const problems: string[] = [];
    for (const param of operation.parameters) {
      if (param.in === "path") {
        const value = match.pathParams[param.name];
        problems.push(
          ...this.#check(
            `${operation.operationId} path ${param.name}`,
            param.schema,
            coerce(value ?? "", param.schema),
            `path parameter ${param.name}`,
          ),
        );
      } else if (param.in === "query") {
        const value = query.get(param.name);
        if (value === null) {
          if (param.required) problems.push(`query parameter ${param.name} is required`);
          continue;
        }
        problems.push(
          ...this.#check(
            `${operation.operationId} query ${param.name}`,
            param.schema,
            coerce(value, param.schema),
            `query parameter ${param.name}`,
          ),
        );
      }
    }
    const known = new Set(operation.parameters.filter((p) => p.in === "query").map((p) => p.name));
    for (const name of new Set(query.keys())) {
      if (!known.has(name))
        problems.push(`query parameter ${name} is not documented for ${operation.operationId}`);
    }
    if (operation.requestBody === undefined) {
      if (body !== undefined) problems.push(`${operation.operationId} takes no request body`);
    } else if (body === undefined) {
      if (operation.requestBody.required)
        problems.push(`${operation.operationId} requires a JSON request body`);
    } else {
      problems.push(
        ...this.#check(`${operation.operationId} body`, operation.requestBody.schema, body, "body"),
      );
    }
    return problems;
  }

  /** Problems with a JSON answer the fake is about to give; empty when it fits the schema. */
  validateResponse(operation: Operation, status: number, body: unknown): string[] {
    const key = operation.responses.has(String(status)) ? String(status) : "default";
    const schema = operation.responses.get(key);
    if (schema === undefined) {
      return status >= 200 && status < 300 && body !== undefined
        ? [`${operation.operationId} documents no JSON body for ${status}`]
        : [];
    }
    return this.#check(`${operation.operationId} response ${key}`, schema, body, `response ${status}`);
  }

  /** A deep copy of one of the description's example values (`components.examples`). */
  example(name: string): Json {
    const examples = isObject(this.#doc.components) ? this.#doc.components.examples : null;
    const entry = isObject(examples) ? examples[name] : null;
    if (!isObject(entry) || entry.value === undefined)
      throw new Error(`the OpenAPI description has no example "${name}"`);
    return structuredClone(entry.value);
  }
}

function jsonSchemaOf(content: Json): Json | undefined {
  if (!isObject(content)) return undefined;
  const json = content["application/json"];
  return isObject(json) && json.schema !== undefined ? json.schema : undefined;
}

/** Query and path values arrive as strings; turn them into what the schema's type expects. */
function coerce(value: string, schema: Json): unknown {
  const type = isObject(schema) ? schema.type : undefined;
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  if (type === "array") return value.split(",");
  return value;
}

let cached: OpenApiSpec | undefined;

/** The api.github.com description, parsed once per process (it is 13 MB). */
export function githubSpec(): OpenApiSpec {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    const path = require.resolve("@octokit/openapi/generated/api.github.com.json");
    const doc: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (!isObject(doc)) throw new Error(`${path} is not an OpenAPI description`);
    cached = new OpenApiSpec(doc);
  }
  return cached;
}

export type { Json, JsonObject };
