/**
 * The writes task mode needs: snapshot an untrusted work directory into a tree, commit it with a
 * trailer, move a branch, push. Snapshots run in a throwaway repository with no configuration at
 * all (no filters, hooks or attributes from anywhere but loophole), writing objects into this
 * repository's store; the work directory's own `.git`, if the agent made one, is ignored.
 */
import { writeFile, mkdir } from "node:fs/promises";
import { devNull } from "node:os";
import { join } from "node:path";
import { createTempDir } from "../core/temp-dir.js";
import type { Git } from "./git.js";
import { authConfigEnv } from "./auth-header.js";
import { RAW_BYTES_ATTRIBUTES, indexInfo, type IndexEdit } from "./index-edits.js";

const ISOLATED = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: devNull };

export interface Identity {
  name: string;
  email: string;
}

export const LOOPHOLE_IDENTITY: Identity = { name: "loophole", email: "loophole@users.noreply.github.com" };

export class GitWriter {
  readonly #git: Git;
  constructor(git: Git) {
    this.#git = git;
  }

  /**
   * The tree of every file under `dir` (what `git add --all` would record, `.gitignore` honoured,
   * nested `.git` directories skipped), stored in this repository's object store.
   */
  async snapshot(dir: string): Promise<string> {
    const { objectsDir, format } = await this.#git.objectStore();
    await using scratch = await createTempDir("snapshot");
    const gitDir = join(scratch.path, "repo.git");
    await this.#git.run(["init", "--quiet", "--bare", "--template=", `--object-format=${format}`, gitDir], {
      cwd: scratch.path,
      env: ISOLATED,
    });
    await mkdir(join(gitDir, "info"), { recursive: true });
    await writeFile(join(gitDir, "info", "attributes"), RAW_BYTES_ATTRIBUTES);
    const env = { ...ISOLATED, GIT_DIR: gitDir, GIT_OBJECT_DIRECTORY: objectsDir, GIT_WORK_TREE: dir };
    await this.#git.run(["-c", "core.autocrlf=false", "-c", "core.symlinks=true", "add", "--all"], {
      cwd: dir,
      env,
    });
    const { stdout } = await this.#git.run(["write-tree"], { cwd: dir, env });
    return stdout.toString("utf8").trim();
  }

  /** The tree of `commit` with `edits` applied (index edits: restored or removed paths). */
  async editTree(commit: string, edits: readonly IndexEdit[]): Promise<string> {
    const { objectsDir, format } = await this.#git.objectStore();
    await using scratch = await createTempDir("edit-tree");
    const gitDir = join(scratch.path, "repo.git");
    await this.#git.run(["init", "--quiet", "--bare", "--template=", `--object-format=${format}`, gitDir], {
      cwd: scratch.path,
      env: ISOLATED,
    });
    const env = { ...ISOLATED, GIT_DIR: gitDir, GIT_OBJECT_DIRECTORY: objectsDir };
    await this.#git.run(["read-tree", `${commit}^{tree}`], { cwd: scratch.path, env });
    if (edits.length > 0) {
      await this.#git.run(["update-index", "-z", "--index-info"], {
        cwd: scratch.path,
        env,
        input: indexInfo(edits, format),
      });
    }
    const { stdout } = await this.#git.run(["write-tree"], { cwd: scratch.path, env });
    return stdout.toString("utf8").trim();
  }

  async treeOf(commit: string): Promise<string> {
    const { stdout } = await this.#git.run(["rev-parse", "--verify", "--end-of-options", `${commit}^{tree}`]);
    return stdout.toString("utf8").trim();
  }

  /** A commit of `tree` on `parents`, authored and committed by `identity`, with a message given on stdin. */
  async commitTree(
    tree: string,
    parents: readonly string[],
    message: string,
    identity = LOOPHOLE_IDENTITY,
  ): Promise<string> {
    const { stdout } = await this.#git.run(["commit-tree", tree, ...parents.flatMap((p) => ["-p", p])], {
      input: Buffer.from(message),
      env: {
        GIT_AUTHOR_NAME: identity.name,
        GIT_AUTHOR_EMAIL: identity.email,
        GIT_COMMITTER_NAME: identity.name,
        GIT_COMMITTER_EMAIL: identity.email,
      },
    });
    return stdout.toString("utf8").trim();
  }

  /** Moves `ref` to `sha`, only if it still points at `expected` (undefined: it must not exist). */
  async updateRef(ref: string, sha: string, expected: string | undefined): Promise<void> {
    await this.#git.run(["update-ref", "-m", "loophole", ref, sha, expected ?? "0".repeat(sha.length)]);
  }

  async refExists(ref: string): Promise<boolean> {
    const result = await this.#git.run(["show-ref", "--verify", "--quiet", ref], { okExitCodes: [1] });
    return result.exitCode === 0;
  }

  /** The message of `commit`, for reading checkpoint trailers. */
  async message(commit: string): Promise<string> {
    const { stdout } = await this.#git.run(["log", "-1", "--format=%B", "--end-of-options", commit]);
    return stdout.toString("utf8");
  }

  /**
   * Pushes `sha` to `branch` on `remote`. Never forced: a branch someone else moved is an error, not
   * something to overwrite. The token goes in an http.extraheader through the environment.
   */
  async push(remote: string, sha: string, branch: string, extraHeader?: string): Promise<void> {
    const env: Record<string, string> =
      extraHeader === undefined ? {} : authConfigEnv(await this.#git.remoteUrl(remote), extraHeader);
    await this.#git.run(["push", "--no-verify", "--porcelain", remote, `${sha}:refs/heads/${branch}`], {
      env,
      timeoutMs: 10 * 60_000,
    });
  }
}
