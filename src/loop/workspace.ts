/**
 * The executor's writable copy of the branch: the committed tree written by git (no credentials,
 * no remote), plus a fresh `.git` with that tree as its only commit, because agents expect a
 * repository (`git diff`, `git status`). The action ignores that `.git` and anything the agent does
 * with it; the change is computed from the files.
 */
import { devNull } from "node:os";
import type { Git } from "../git/git.js";

const ISOLATED = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: devNull,
  GIT_AUTHOR_NAME: "loophole",
  GIT_AUTHOR_EMAIL: "loophole@users.noreply.github.com",
  GIT_COMMITTER_NAME: "loophole",
  GIT_COMMITTER_EMAIL: "loophole@users.noreply.github.com",
};

export async function prepareWorkspace(git: Git, commit: string, dir: string): Promise<void> {
  await git.materialiseTree(commit, dir);
  const local = { cwd: dir, env: { ...ISOLATED, GIT_DIR: `${dir}/.git`, GIT_WORK_TREE: dir } };
  await git.run(["init", "--quiet", "--template=", "--initial-branch=loophole"], local);
  await git.run(["add", "--all"], local);
  await git.run(
    [
      "commit",
      "--quiet",
      "--no-verify",
      "--allow-empty",
      "-m",
      `start of this round (${commit.slice(0, 12)})`,
    ],
    local,
  );
}
