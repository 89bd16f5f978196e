/**
 * The contract's JSON schema (`schemas/loophole.schema.json`, the one source of editor help) and
 * the ajv validator compiled from it when the project is built (contract-validator.generated.js),
 * which is what produces every user-facing schema error.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import contractJsonSchema from "../../schemas/loophole.schema.json" with { type: "json" };
import { validate } from "./contract-validator.generated.js";

/**
 * Where the schema is published; contracts point their "$schema" here for editor help. A
 * placeholder until the project has a home: the schema's "$id" must stay equal to it.
 */
export const CONTRACT_SCHEMA_URL =
  "https://raw.githubusercontent.com/loophole-dev/loophole/main/schemas/loophole.schema.json";

export { contractJsonSchema };
export { DURATION_FORMAT, SIZE_FORMAT } from "./schema-formats.js";

/** ajv's raw errors for a parsed document; empty when it is valid. */
export function contractSchemaErrors(value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
