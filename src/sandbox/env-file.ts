/**
 * Environment values reach a container only through an `--env-file` (never `-e NAME=value`, which
 * `ps` shows to every user of the machine). The file is written 0600 into a private (0700) directory
 * and removed as soon as the command that reads it has finished.
 *
 * The env-file format is one `NAME=value` per line with no quoting, so a value cannot hold a line
 * break; such values are refused rather than silently cut.
 */
import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigurationError } from "../core/errors.js";

// Docker trims leading whitespace from a line, skips lines starting with "#", and refuses names with
// whitespace; "=" would end the name early.
const BAD_NAME = /^$|^#|[\s=\0]/;
const BAD_VALUE = /[\n\r\0]/;

export function formatEnvFile(env: Readonly<Record<string, string>>): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (BAD_NAME.test(name)) {
      throw new ConfigurationError(
        `The environment variable name ${JSON.stringify(name)} cannot be passed into a sandbox: names must be non-empty, must not start with "#" and must not contain whitespace or "=".`,
      );
    }
    if (BAD_VALUE.test(value)) {
      throw new ConfigurationError(
        `The value of the environment variable ${name} contains a line break or NUL, which cannot be passed into a sandbox; put multi-line values in a file in the repository instead.`,
      );
    }
    lines.push(`${name}=${value}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Writes `env` to a new 0600 file in `dir` (which must be private) and returns its path. */
export async function writeEnvFile(dir: string, env: Readonly<Record<string, string>>): Promise<string> {
  const path = join(dir, `${randomUUID()}.env`);
  await writeFile(path, formatEnvFile(env), { mode: 0o600, flag: "wx" });
  return path;
}

export async function removeEnvFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
