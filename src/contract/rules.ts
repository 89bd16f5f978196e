/**
 * Rules JSON Schema cannot state, checked on the parsed document next to the schema: the
 * problems join the schema's in one list, so a user sees everything wrong at once.
 */
import { escapePointerSegment, type DuplicateKey } from "./json-source.js";
import type { ContractProblem } from "./schema-errors.js";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function contractRuleProblems(
  document: unknown,
  duplicateKeys: readonly DuplicateKey[],
): ContractProblem[] {
  return [
    ...duplicateKeyProblems(duplicateKeys),
    ...duplicateVerifierNames(document),
    ...secretsInEnv(document),
  ];
}

// JSON.parse keeps the last of two equal keys; in a contract the ignored one would be a rule that
// looks enforced and is not.
function duplicateKeyProblems(duplicates: readonly DuplicateKey[]): ContractProblem[] {
  return duplicates.map((duplicate) => ({
    pointer: duplicate.pointer,
    at: "key",
    message: `duplicate key "${lastSegment(duplicate.pointer)}": it appears more than once in the same object, and only one can count; keep one`,
  }));
}

// Reports, feedback to the executor and check-run annotations refer to verifiers by name.
function duplicateVerifierNames(document: unknown): ContractProblem[] {
  if (!isRecord(document) || !Array.isArray(document.verifiers)) return [];
  const firstIndex = new Map<string, number>();
  const problems: ContractProblem[] = [];
  document.verifiers.forEach((verifier: unknown, index) => {
    if (!isRecord(verifier) || typeof verifier.name !== "string") return;
    const earlier = firstIndex.get(verifier.name);
    if (earlier === undefined) {
      firstIndex.set(verifier.name, index);
      return;
    }
    problems.push({
      pointer: `/verifiers/${index}/name`,
      at: "value",
      message: `duplicate verifier name ${JSON.stringify(verifier.name)}, already used by /verifiers/${earlier}; reports tell verifiers apart by name, so give each a different one`,
    });
  });
  return problems;
}

// A name in both lists would leave it unclear whether the agent gets the secret or the plain value.
function secretsInEnv(document: unknown): ContractProblem[] {
  if (!isRecord(document) || !isRecord(document.executor)) return [];
  const { secrets, env } = document.executor;
  if (!Array.isArray(secrets) || !isRecord(env)) return [];
  return secrets
    .filter((name): name is string => typeof name === "string" && Object.hasOwn(env, name))
    .map((name) => ({
      pointer: `/executor/env/${escapePointerSegment(name)}`,
      at: "key" as const,
      message: `"${name}" is also listed in /executor/secrets; a variable is either a secret or a plain value, remove one`,
    }));
}

function lastSegment(pointer: string): string {
  const segment = pointer.slice(pointer.lastIndexOf("/") + 1);
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}
