/**
 * The fake's view of a repository's branches: a bare git repository on disk (the tests' `origin`),
 * read straight from its ref files, so the code under test pushes with real git and the fake sees the
 * result. Only loose refs and `packed-refs` are read; no process is started.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BranchSource } from "./state.js";

const SAFE_BRANCH = /^(?!.*\.\.)(?!\/)[\w./-]+$/;

function looseRef(gitDir: string, ref: string): string | undefined {
  const path = join(gitDir, ref);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, "utf8").trim();
  return /^[0-9a-f]{40,64}$/.test(text) ? text : undefined;
}

function packedRef(gitDir: string, ref: string): string | undefined {
  const path = join(gitDir, "packed-refs");
  if (!existsSync(path)) return undefined;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [sha, name] = line.split(" ");
    if (name === ref && sha !== undefined && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  }
  return undefined;
}

/** Branches of `owner/repo` read from the bare repository at `gitDirs[owner/repo]`. */
export function bareRepoBranches(gitDirs: Record<string, string>): BranchSource {
  return {
    tip(repo, branch) {
      const gitDir = gitDirs[repo];
      if (gitDir === undefined || !SAFE_BRANCH.test(branch)) return undefined;
      const ref = `refs/heads/${branch}`;
      return looseRef(gitDir, ref) ?? packedRef(gitDir, ref);
    },
  };
}
