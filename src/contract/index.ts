// The contract's public surface: what the gate, the CLI and the action use.
export { parseContract, contractSha256, MAX_LISTED_PROBLEMS } from "./parse.js";
export { validateContractFile, validateContractText, type ContractValidation } from "./validate.js";
export { inferContract, type InferredContract } from "./infer.js";
export { CONTRACT_SCHEMA_URL, contractJsonSchema } from "./schema.js";
export { contractDocumentSchema, type ContractDocument } from "./zod-schema.js";
export type { Contract } from "./types.js";
