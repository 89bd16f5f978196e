/**
 * The contract's JSON schema (`schemas/loophole.schema.json`, the one source of editor help) and
 * the ajv validator built from it, which is what produces every user-facing schema error.
 */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import contractJsonSchema from "../../schemas/loophole.schema.json" with { type: "json" };
import { parseDuration, parseSize } from "../core/duration.js";

/**
 * Where the schema is published; contracts point their "$schema" here for editor help. A
 * placeholder until the project has a home: the schema's "$id" must stay equal to it.
 */
export const CONTRACT_SCHEMA_URL =
  "https://raw.githubusercontent.com/loophole-dev/loophole/main/schemas/loophole.schema.json";

export { contractJsonSchema };

/** Format names the schema uses to back its duration and size patterns with the real parsers. */
export const DURATION_FORMAT = "loophole-duration";
export const SIZE_FORMAT = "loophole-size";

function createValidator() {
  const ajv = new Ajv2020({
    allErrors: true,
    // `parentSchema` and `data` on each error let messages quote the bad value and use the
    // schema's own wording (patternErrorMessage, errorMessage).
    verbose: true,
    strict: true,
    // `required` inside anyOf branches names properties declared at the top level.
    strictRequired: false,
  });
  // Annotations for editors (VS Code shows them instead of a raw pattern); ajv only carries them.
  ajv.addVocabulary(["errorMessage", "patternErrorMessage"]);
  // Patterns cannot express the numeric range (no overflow, not zero after rounding), so the
  // formats call the same parsers the contract is normalised with.
  ajv.addFormat(DURATION_FORMAT, { type: "string", validate: (text) => parseDuration(text) !== undefined });
  ajv.addFormat(SIZE_FORMAT, { type: "string", validate: (text) => parseSize(text) !== undefined });
  return ajv.compile(contractJsonSchema);
}

let validator: ReturnType<typeof createValidator> | undefined;

/** ajv's raw errors for a parsed document; empty when it is valid. */
export function contractSchemaErrors(value: unknown): ErrorObject[] {
  validator ??= createValidator();
  return validator(value) ? [] : [...(validator.errors ?? [])];
}
