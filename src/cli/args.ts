/** Strict option parsing on top of node:util: unknown options are usage errors, not ignored. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigurationError, getErrorMessage } from "../core/errors.js";

export class UsageError extends ConfigurationError {}

type Options = NonNullable<ParseArgsConfig["options"]>;

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parseCommandArgs(
  command: string,
  argv: string[],
  options: Options,
  allowPositionals = false,
): { values: OptionValues; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`loophole ${command}: ${getErrorMessage(error)}`, [
      `Run \`loophole ${command} --help\` for usage.`,
    ]);
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")}; got "${value}"`);
}
