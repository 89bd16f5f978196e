/**
 * Reading inputs: `getOptionalInput` turns "" (what the runner passes for an unset input) into
 * undefined, so defaults live in one place (action.yml) and absent inputs are explicit.
 */
import * as core from "@actions/core";
import { ConfigurationError } from "../core/errors.js";

export function getOptionalInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === "" ? undefined : value;
}

export function getChoiceInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = getOptionalInput(name);
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigurationError(
    `Input "${name}" must be one of ${allowed.map((a) => `"${a}"`).join(", ")}; got "${value}".`,
  );
}
