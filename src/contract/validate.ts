/** `loophole validate [PATH]`: parse a contract file and say whether it is valid, without running anything. */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { ConfigurationError, getErrorMessage } from "../core/errors.js";
import { contractSha256, parseContract } from "./parse.js";
import { DEFAULT_CONTRACT_PATH, type Contract } from "./types.js";

export type ContractValidation =
  | { ok: true; source: string; contract: Contract; sha256: string }
  | { ok: false; source: string; error: ConfigurationError };

export function validateContractText(
  text: string,
  source: string = DEFAULT_CONTRACT_PATH,
): ContractValidation {
  try {
    return { ok: true, source, contract: parseContract(text, source), sha256: contractSha256(text) };
  } catch (error) {
    // Only the user's mistakes are a validation result; anything else is loophole's bug and propagates.
    if (error instanceof ConfigurationError) return { ok: false, source, error };
    throw error;
  }
}

/** `path` may be the contract file or a directory holding `loophole.json`. */
export async function validateContractFile(
  path: string = DEFAULT_CONTRACT_PATH,
): Promise<ContractValidation> {
  const file = (await isDirectory(path)) ? join(path, DEFAULT_CONTRACT_PATH) : path;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? error.code : undefined;
    const message =
      code === "ENOENT"
        ? `No contract found at ${file}. Create one with "loophole init", or pass the path: "loophole validate path/to/${DEFAULT_CONTRACT_PATH}".`
        : `Cannot read the contract ${file}: ${getErrorMessage(error)}.`;
    return { ok: false, source: file, error: new ConfigurationError(message) };
  }
  return validateContractText(text, file);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
