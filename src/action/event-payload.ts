/**
 * The workflow event's payload: untrusted input of unknown shape until a zod schema has narrowed
 * it; anything missing is a clear error naming the event and the field.
 */
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { ConfigurationError, getErrorMessage } from "../core/errors.js";

export async function readPayload(env: NodeJS.ProcessEnv): Promise<unknown> {
  const path = env.GITHUB_EVENT_PATH;
  if (path === undefined || path === "") {
    throw new ConfigurationError(
      "GITHUB_EVENT_PATH is not set: run loophole as a GitHub Action step, or use the CLI.",
    );
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${getErrorMessage(error)}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigurationError(`The event payload at ${path} is not JSON: ${getErrorMessage(error)}`);
  }
}

export function narrow<T>(schema: z.ZodType<T>, payload: unknown, eventName: string): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 10)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new ConfigurationError(`The ${eventName} event payload is missing what loophole needs.`, problems);
}
