import { access, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { inferContract } from "../../contract/index.js";
import { DEFAULT_CONTRACT_PATH } from "../../contract/types.js";
import { ConfigurationError, GateError } from "../../core/errors.js";
import { Git } from "../../git/git.js";
import { parseCommandArgs, stringOption } from "../args.js";
import { INIT_HELP } from "../help.js";
import type { CliIo } from "../io.js";

export async function initCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("init", argv, {
    repo: { type: "string" },
    stdout: { type: "boolean" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help === true) {
    io.stdout(INIT_HELP);
    return 0;
  }
  const repoDir = resolve(io.cwd, stringOption(values, "repo") ?? ".");
  const { contract, notes } = await inferContract(repoDir, { ignored: await gitIgnored(repoDir) });
  const text = `${JSON.stringify(contract, null, 2)}\n`;
  if (values.stdout === true) {
    io.stdout(text);
  } else {
    const target = join(repoDir, DEFAULT_CONTRACT_PATH);
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists && values.force !== true) {
      throw new ConfigurationError(`${target} already exists`, [
        "Pass --force to overwrite it, or --stdout to print the inferred contract.",
      ]);
    }
    await writeFile(target, text);
    io.stdout(`wrote ${target}\n`);
  }
  for (const note of notes) io.stderr(`note: ${note}\n`);
  io.stderr(
    "next: review the contract, run `loophole validate`, and commit it to the base branch; the gate reads it from the base commit only.\n",
  );
  return 0;
}

/** What git ignores under `repoDir`, or nothing when it is not in a git work tree (init still works). */
async function gitIgnored(repoDir: string): Promise<string[]> {
  try {
    const git = await Git.open(repoDir);
    return git.bare ? [] : await git.ignoredPaths(repoDir);
  } catch (error) {
    // Not a repository, or no git at all: every file counts.
    if (error instanceof ConfigurationError || error instanceof GateError) return [];
    throw error;
  }
}
