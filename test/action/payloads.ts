/** Real webhook payloads (npm @octokit/webhooks-examples), pointed at a test repository's commits. */
import { createRequire } from "node:module";

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const groups = require("@octokit/webhooks-examples/api.github.com/index.json") as ExampleGroup[];

export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const group = groups.find((g) => g.name === event);
  const example = group?.examples.find((e) => action === undefined || e.action === action);
  if (example === undefined) throw new Error(`no ${event}${action ? `.${action}` : ""} example payload`);
  return structuredClone(example);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets a nested field of a payload, failing loudly if the example's shape is not what we expect. */
export function setField(payload: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: Record<string, unknown> = payload;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isRecord(next)) throw new Error(`example payload has no object at ${path.join(".")}`);
    node = next;
  }
  const last = path.at(-1);
  if (last === undefined || !(last in node))
    throw new Error(`example payload has no field ${path.join(".")}`);
  node[last] = value;
}

/** A pull_request payload whose base and head are `base` and `head` (same repository unless `fork`). */
export function pullRequestPayload(
  base: string,
  head: string,
  action = "opened",
  options: { fork?: boolean; event?: string } = {},
): Record<string, unknown> {
  const payload = examplePayload(options.event ?? "pull_request", action);
  setField(payload, ["pull_request", "base", "sha"], base);
  setField(payload, ["pull_request", "head", "sha"], head);
  const repository = payload.repository;
  const fullName = isRecord(repository) ? repository.full_name : undefined;
  setField(
    payload,
    ["pull_request", "head", "repo", "full_name"],
    options.fork === true ? "a-fork/Hello-World" : fullName,
  );
  return payload;
}
