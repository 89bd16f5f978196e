// Types of the generated module beside this file (see schema-validator.test.ts).
import type { ErrorObject } from "ajv/dist/2020.js";

export interface ContractValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validate: ContractValidator;
export default validate;
