/**
 * Builds real git repositories for integration tests: files (any bytes in the name), modes,
 * symlinks, submodule gitlinks and commits, isolated from the machine's git configuration.
 */
import { chmod, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { devNull } from "node:os";
import { dirname, join } from "node:path";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir } from "../../src/core/temp-dir.js";
import type { TempDir } from "../../src/core/temp-dir.js";

/** A path relative to the repository root: text, or raw bytes for names that are not UTF-8. */
export type RepoPath = string | Buffer;

/** Runs git in `cwd` with no global or system configuration; throws with stderr on failure. */
export async function runGit(cwd: string, args: readonly string[], input?: Buffer): Promise<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("GIT_")) env[key] = value;
  const result = await runCaptured("git", args, {
    cwd,
    input,
    env: {
      ...env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: devNull,
      GIT_LITERAL_PATHSPECS: "1",
      LC_ALL: "C",
    },
  });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout.toString("utf8");
}

export class TestRepo implements AsyncDisposable {
  readonly #temp: TempDir;
  /** Paths written since the last commit, staged by `commit`. */
  readonly #touched: Buffer[] = [];

  private constructor(temp: TempDir) {
    this.#temp = temp;
  }

  static async create(): Promise<TestRepo> {
    const temp = await createTempDir("test-repo");
    const repo = new TestRepo(temp);
    await repo.git("init", "--quiet", "--initial-branch=main");
    await repo.git("config", "user.name", "Loophole Test");
    await repo.git("config", "user.email", "test@loophole.invalid");
    await repo.git("config", "commit.gpgsign", "false");
    await repo.git("config", "core.autocrlf", "false");
    return repo;
  }

  get dir(): string {
    return this.#temp.path;
  }

  /** The absolute file-system path of `path`, as bytes when needed. */
  abs(path: RepoPath): string | Buffer {
    return typeof path === "string"
      ? join(this.dir, path)
      : Buffer.concat([Buffer.from(`${this.dir}/`), path]);
  }

  git(...args: string[]): Promise<string> {
    return runGit(this.dir, args);
  }

  /** Writes a file (creating parent directories) to be committed by the next `commit`. */
  async write(path: RepoPath, content: string | Buffer, mode = 0o644): Promise<void> {
    await this.writeUntracked(path, content, mode);
    this.#touched.push(bytes(path));
  }

  /** Writes a file that is never staged (untracked, or ignored by a .gitignore). */
  async writeUntracked(path: RepoPath, content: string | Buffer, mode = 0o644): Promise<void> {
    const target = this.abs(path);
    if (typeof target === "string") await mkdir(dirname(target), { recursive: true });
    await rm(target, { recursive: true, force: true });
    await writeFile(target, content, { mode });
    await chmod(target, mode);
  }

  async chmod(path: RepoPath, mode: number): Promise<void> {
    await chmod(this.abs(path), mode);
    this.#touched.push(bytes(path));
  }

  /** Replaces whatever is at `path` by a symlink to `target` (never followed here). */
  async symlink(path: RepoPath, target: string): Promise<void> {
    const at = this.abs(path);
    if (typeof at === "string") await mkdir(dirname(at), { recursive: true });
    await this.remove(path);
    await symlink(target, at);
    this.#touched.push(bytes(path));
  }

  /** Removes a file or a whole directory, from the work tree and the index. */
  async remove(path: RepoPath): Promise<void> {
    if (typeof path === "string")
      await this.git("rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", path);
    else this.#touched.push(path);
    await rm(this.abs(path), { recursive: true, force: true });
  }

  /** Adds a submodule entry (a gitlink) pointing at `commit`, without cloning anything. */
  async gitlink(path: string, commit: string): Promise<void> {
    await this.git("update-index", "--add", "--cacheinfo", `160000,${commit},${path}`);
  }

  /** Stages what was written since the last commit, commits it and returns the new SHA. */
  async commit(message = "change"): Promise<string> {
    if (this.#touched.length > 0) {
      const list = Buffer.concat(this.#touched.flatMap((path) => [path, Buffer.of(0)]));
      await runGit(this.dir, ["update-index", "--add", "--remove", "-z", "--stdin"], list);
      this.#touched.length = 0;
    }
    await this.git("commit", "--quiet", "--no-verify", "--allow-empty", "-m", message);
    return (await this.git("rev-parse", "HEAD")).trim();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.#temp[Symbol.asyncDispose]();
  }
}

function bytes(path: RepoPath): Buffer {
  return typeof path === "string" ? Buffer.from(path, "utf8") : path;
}
