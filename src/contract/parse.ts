/**
 * `loophole.json` text → `Contract`. Every problem in the file is reported at once, each with its
 * JSON pointer and line/column, as one `ConfigurationError` that says which file to fix and how.
 */
import { createHash } from "node:crypto";
import { ConfigurationError } from "../core/errors.js";
import {
  createLineIndex,
  JsonSyntaxError,
  parseJsonWithLocations,
  type JsonLocation,
} from "./json-source.js";
import { normaliseContract } from "./normalise.js";
import { contractRuleProblems } from "./rules.js";
import { translateSchemaErrors, type ContractProblem } from "./schema-errors.js";
import { CONTRACT_SCHEMA_URL, contractSchemaErrors } from "./schema.js";
import type { Contract } from "./types.js";
import { contractDocumentSchema } from "./zod-schema.js";

/** How many problems are listed before "… and N more". */
export const MAX_LISTED_PROBLEMS = 10;

/**
 * Parses and validates a contract. `source` names the file in messages, such as "loophole.json" or
 * "loophole.json@<sha>" for a contract read from a commit.
 */
export function parseContract(text: string, source: string): Contract {
  // Editors on Windows may save a byte order mark; columns are counted after it, as editors do.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lineColumn = createLineIndex(body);
  let parsed;
  try {
    parsed = parseJsonWithLocations(body);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineColumn(error.offset);
    throw new ConfigurationError(
      `${source} is not valid JSON. Fix the syntax error below, then check the file with "loophole validate".`,
      [`${source}: ${error.pointer || "/"} (line ${line}, column ${column}): ${error.message}`],
    );
  }

  const problems = [
    ...translateSchemaErrors(contractSchemaErrors(parsed.value)),
    ...contractRuleProblems(parsed.value, parsed.duplicateKeys),
  ];
  if (problems.length > 0) {
    const located = problems
      .map((problem) => ({ problem, offset: problemOffset(problem, parsed.locations) }))
      .sort((a, b) => a.offset - b.offset);
    const lines = located.map(({ problem, offset }) => {
      const { line, column } = lineColumn(offset);
      return `${source}: ${problem.pointer || "/"} (line ${line}, column ${column}): ${problem.message}`;
    });
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    throw new ConfigurationError(
      `${source} is not a valid loophole contract (${count}). Fix ${problems.length === 1 ? "it" : "them"} and check the file with "loophole validate"; every field is described in the schema ${CONTRACT_SCHEMA_URL} (add "$schema" with that URL for help in your editor).`,
      capProblems(lines),
    );
  }

  const typed = contractDocumentSchema.safeParse(parsed.value);
  if (!typed.success) {
    // ajv accepted what zod rejects: the two schemas disagree, which is loophole's bug, not the user's.
    throw new Error(
      `internal error: ${source} passed the JSON schema but not its zod mirror: ${typed.error.message}`,
    );
  }
  return normaliseContract(typed.data);
}

/** The first MAX_LISTED_PROBLEMS lines, then "… and N more". */
export function capProblems(lines: readonly string[]): string[] {
  if (lines.length <= MAX_LISTED_PROBLEMS) return [...lines];
  return [...lines.slice(0, MAX_LISTED_PROBLEMS), `… and ${lines.length - MAX_LISTED_PROBLEMS} more`];
}

/**
 * Hex SHA-256 of the contract as written, for provenance in reports: pass the file's bytes when you
 * have them; text is hashed as UTF-8, which gives the same digest for any UTF-8 file.
 */
export function contractSha256(content: string | Uint8Array): string {
  const hash = createHash("sha256");
  if (typeof content === "string") hash.update(content, "utf8");
  else hash.update(content);
  return hash.digest("hex");
}

/**
 * Where to point for a problem: the key or value itself when it exists in the file, otherwise
 * (a missing property) the nearest enclosing value that does.
 */
function problemOffset(problem: ContractProblem, locations: ReadonlyMap<string, JsonLocation>): number {
  let pointer = problem.pointer;
  for (;;) {
    const location = locations.get(pointer);
    if (location !== undefined) {
      return problem.at === "key" && pointer === problem.pointer
        ? (location.key ?? location.value)
        : location.value;
    }
    if (pointer === "") return 0;
    pointer = pointer.slice(0, pointer.lastIndexOf("/"));
  }
}
