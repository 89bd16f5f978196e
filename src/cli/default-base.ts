import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { Git } from "../git/git.js";

const CANDIDATES = ["origin/HEAD", "main", "master", "origin/main", "origin/master"];

/** The base a developer most likely means when they give none: the upstream default branch. */
export async function defaultBase(repoDir: string, logger: Logger): Promise<string> {
  const git = await Git.open(repoDir);
  for (const ref of CANDIDATES) {
    if (await git.commitExists(ref)) {
      logger.info(`base: ${ref} (pass --base to choose another)`);
      return ref;
    }
  }
  throw new ConfigurationError("No base to judge against: none of origin/HEAD, main, master exists.", [
    "Pass --base REF (for example --base origin/develop).",
  ]);
}

/** A note when the work tree has changes the gate will not see (it checks commits only). */
export async function uncommittedWarning(repoDir: string, head: string): Promise<string | undefined> {
  if (head !== "HEAD") return undefined;
  const git = await Git.open(repoDir);
  const dirty = await git.hasUncommittedChanges();
  return dirty ? "the work tree has uncommitted changes; only committed content is checked" : undefined;
}
