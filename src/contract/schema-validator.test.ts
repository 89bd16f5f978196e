/**
 * Writes the contract validator as source code (ajv "standalone" mode): the schema compiled once,
 * when the project is built, instead of on every run, where compiling it cost about 0.1 s of each
 * `loophole check`. `contract-validator.generated.js` is this test's output: the test fails when
 * the file no longer matches the schema, and `npm run generate` (this test with --update) rewrites
 * it. The generator lives in the test so ajv's compiler stays out of the product and its bundle.
 */
import { describe, expect, it } from "vitest";
import { _ } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import contractJsonSchema from "../../schemas/loophole.schema.json" with { type: "json" };
import { contractFormats } from "./schema-formats.js";

/** ajv's runtime helpers the compiled code calls, and what the module imports in their place. */
const RUNTIME: Record<string, string> = {
  // ajv's `equal` is fast-deep-equal; imported directly, its default export is the same in Node
  // and in the bundle.
  'require("ajv/dist/runtime/equal").default': "equal",
  // Lengths in code points, as JSON Schema counts them (ajv's ucs2length).
  'require("ajv/dist/runtime/ucs2length").default': "codePointLength",
};

const HEADER = `// Generated from schemas/loophole.schema.json by src/contract/schema-validator.test.ts.
// Do not edit: run \`npm run generate\` after changing the schema or the validator's options.
/* eslint-disable */
import equal from "fast-deep-equal";
import { contractFormats } from "./schema-formats.js";
const codePointLength = (text) => [...text].length;
`;

function contractValidatorSource(): string {
  const ajv = new Ajv2020({
    allErrors: true,
    // `parentSchema` and `data` on each error let messages quote the bad value and use the
    // schema's own wording (patternErrorMessage, errorMessage).
    verbose: true,
    strict: true,
    // `required` inside anyOf branches names properties declared at the top level.
    strictRequired: false,
    code: { source: true, esm: true, formats: _`contractFormats` },
  });
  // Annotations for editors (VS Code shows them instead of a raw pattern); ajv only carries them.
  ajv.addVocabulary(["errorMessage", "patternErrorMessage"]);
  for (const [name, format] of Object.entries(contractFormats)) ajv.addFormat(name, format);
  // An ES module is strict anyway, and a directive after the imports would only be a stray string.
  // A CommonJS module: under NodeNext its default import is the whole `exports` object.
  let code = standaloneCode.default(ajv, ajv.compile(contractJsonSchema)).replace(/^"use strict";/, "");
  for (const [call, name] of Object.entries(RUNTIME)) code = code.split(call).join(name);
  if (code.includes("require(")) {
    throw new Error("the compiled validator calls an ajv runtime helper this generator does not map");
  }
  return `${HEADER}${code}\n`;
}

describe("the generated contract validator", () => {
  it("is what the schema compiles to now (run `npm run generate` after changing the schema)", async () => {
    await expect(contractValidatorSource()).toMatchFileSnapshot("./contract-validator.generated.js");
  });
});
