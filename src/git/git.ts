/**
 * A small typed adapter over the git CLI. Every call goes through `#exec`, which fixes the
 * environment so that neither the caller's environment nor user configuration can change what git
 * prints or which repository it reads, and which puts git's own error text into thrown errors.
 */
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { devNull } from "node:os";
import { join, resolve } from "node:path";
import { ConfigurationError, GateError } from "../core/errors.js";
import { silentLogger } from "../core/logger.js";
import type { Logger } from "../core/logger.js";
import { runCaptured } from "../core/process.js";
import type { CapturedResult } from "../core/process.js";
import { createTempDir } from "../core/temp-dir.js";
import { RAW_BYTES_ATTRIBUTES, indexInfo } from "./index-edits.js";
import type { IndexEdit } from "./index-edits.js";
import { DEFAULT_TIMEOUT_MS, gitEnvironment, gitFailure, stderrTail } from "./invocation.js";
import { encodeGitPath } from "./path-bytes.js";
import { parseAddedLines, type AddedLine } from "./added-lines.js";
import { authConfigEnv } from "./auth-header.js";
import { parseRawDiff } from "./raw-diff.js";
import type { ChangedFile } from "./raw-diff.js";
import { parseTreeListing } from "./tree-listing.js";
import type { TreeEntry } from "./tree-listing.js";

export type { IndexEdit } from "./index-edits.js";

export interface ExecOptions {
  input?: Buffer;
  /** Largest stdout accepted; more is an error rather than a truncated answer. */
  maxBytes?: number;
  /** Added to (and overriding) the fixed environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** Exit codes that are answers rather than failures. */
  okExitCodes?: readonly number[];
  timeoutMs?: number;
}

export interface FetchOptions {
  /** Passed as --depth; omitted means git's default (the whole history). */
  depth?: number;
  /** Fetch the history a shallow clone lacks (merge-base needs it). */
  unshallow?: boolean;
  /**
   * An `http.extraheader` value (e.g. "AUTHORIZATION: basic …") for this fetch only. It goes through
   * GIT_CONFIG_* variables, never the command line (where `ps` shows it) or .git/config.
   */
  extraHeader?: string;
  timeoutMs?: number;
}

const OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export class Git {
  /** The work tree's top level, or the repository directory of a bare repository. */
  readonly dir: string;
  readonly bare: boolean;
  readonly #logger: Logger;
  #objectStore: Promise<{ objectsDir: string; format: string }> | undefined;

  private constructor(dir: string, bare: boolean, logger: Logger) {
    this.dir = dir;
    this.bare = bare;
    this.#logger = logger;
  }

  /** Opens the repository at (or above) `repoDir`: a work tree or a bare repository. */
  static async open(repoDir: string, logger: Logger = silentLogger): Promise<Git> {
    const dir = resolve(repoDir);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw new ConfigurationError(`${dir} is not a directory, so it cannot be a git repository`);
    }
    const probe = new Git(dir, false, logger);
    const answer = await probe.#exec(["rev-parse", "--is-bare-repository", "--is-inside-work-tree"], {
      okExitCodes: [128],
    });
    if (answer.exitCode !== 0) {
      throw new ConfigurationError(`${dir} is not a git repository: ${stderrTail(answer.stderr)}`);
    }
    const [isBare, insideWorkTree] = answer.stdout.toString("utf8").trim().split("\n");
    if (isBare === "true") {
      const gitDir = await probe.#exec(["rev-parse", "--absolute-git-dir"]);
      return new Git(gitDir.stdout.toString("utf8").trim(), true, logger);
    }
    if (insideWorkTree !== "true") {
      throw new ConfigurationError(
        `${dir} is inside a .git directory; pass the repository's work tree (its top-level directory) instead`,
      );
    }
    const top = await probe.#exec(["rev-parse", "--show-toplevel"]);
    return new Git(top.stdout.toString("utf8").replace(/\n$/, ""), false, logger);
  }

  /** The full object name of the commit `ref` names. */
  async resolveCommit(ref: string): Promise<string> {
    if (ref === "") throw new ConfigurationError("an empty string is not a git revision");
    const sha = await this.#commitOf(ref);
    if (sha === undefined) {
      throw new ConfigurationError(
        `${JSON.stringify(ref)} does not name a commit in ${this.dir}. If it exists on the remote, fetch it ` +
          "first: a shallow clone lacks older commits (for actions/checkout, set fetch-depth: 0).",
      );
    }
    return sha;
  }

  /** Whether `ref` names a commit here (no error when it does not). */
  async commitExists(ref: string): Promise<boolean> {
    return ref !== "" && (await this.#commitOf(ref)) !== undefined;
  }

  async #commitOf(ref: string): Promise<string | undefined> {
    const result = await this.#exec(
      ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`],
      {
        okExitCodes: [1, 128],
      },
    );
    const sha = result.stdout.toString("utf8").trim();
    return result.exitCode === 0 && OBJECT_NAME.test(sha) ? sha : undefined;
  }

  /**
   * Whether the work tree holds anything a commit does not: staged or unstaged changes, or untracked
   * files that are not ignored. Always false for a bare repository.
   */
  async hasUncommittedChanges(): Promise<boolean> {
    if (this.bare) return false;
    const { stdout } = await this.#exec(["status", "--porcelain=v1", "-z", "--untracked-files=normal"]);
    return stdout.length > 0;
  }

  async mergeBase(a: string, b: string): Promise<string> {
    const result = await this.#exec(["merge-base", "--end-of-options", a, b], { okExitCodes: [1] });
    const sha = result.stdout.toString("utf8").trim();
    if (result.exitCode !== 0 || !OBJECT_NAME.test(sha)) {
      throw new ConfigurationError(
        `${JSON.stringify(a)} and ${JSON.stringify(b)} have no common ancestor in ${this.dir}. A shallow ` +
          "clone hides it: fetch more history (for actions/checkout, set fetch-depth: 0).",
      );
    }
    return sha;
  }

  /**
   * The blob at `path` in `commit` (a symlink's blob is its target), or undefined when there is no
   * blob there: absent, a directory or a submodule. `path` is relative to the repository root.
   */
  async readBlob(commit: string, path: string): Promise<Buffer | undefined> {
    const entry = await this.entryAt(commit, path);
    if (entry === undefined || entry.type === "submodule") return undefined;
    return this.readBlobById(entry.sha);
  }

  /** The tree entry (blob, symlink or submodule) at exactly `path`, or undefined. */
  async entryAt(commit: string, path: string): Promise<TreeEntry | undefined> {
    const sha = await this.resolveCommit(commit);
    // argv cannot carry bytes that are not UTF-8 (see path-bytes.ts); such a name is looked up
    // in the full listing instead.
    const exact = encodeGitPath(path).equals(Buffer.from(path, "utf8"));
    const pathspec = exact ? ["--", path] : [];
    const { stdout } = await this.#exec([
      "ls-tree",
      "-z",
      "--full-tree",
      ...(exact ? [] : ["-r"]),
      sha,
      ...pathspec,
    ]);
    // A directory's pathspec ("dir/") lists its children, so only an exact name counts.
    return parseTreeListing(stdout).find((entry) => entry.path === path);
  }

  /**
   * The entries at `paths` (those that exist) in one git call, for reading many small files such as
   * the candidate test-runner configurations. Names that are not UTF-8 are left out: use entryAt.
   */
  async entriesAt(commit: string, paths: readonly string[]): Promise<Map<string, TreeEntry>> {
    const wanted = paths.filter((p) => encodeGitPath(p).equals(Buffer.from(p, "utf8")));
    if (wanted.length === 0) return new Map();
    const sha = await this.resolveCommit(commit);
    const { stdout } = await this.#exec(["ls-tree", "-z", "-r", "--full-tree", sha, "--", ...wanted]);
    const want = new Set(wanted);
    return new Map(
      parseTreeListing(stdout)
        .filter((e) => want.has(e.path))
        .map((e) => [e.path, e]),
    );
  }

  async readBlobById(sha: string): Promise<Buffer> {
    const { stdout } = await this.#exec(["cat-file", "blob", "--end-of-options", sha]);
    return stdout;
  }

  /** The object name of the commit's root tree: equal trees have equal ids (cache keys). */
  async treeId(commit: string): Promise<string> {
    const sha = await this.resolveCommit(commit);
    const { stdout } = await this.#exec(["rev-parse", "--verify", "--end-of-options", `${sha}^{tree}`]);
    return stdout.toString("utf8").trim();
  }

  /** Every blob, symlink and submodule in the commit's tree, with full paths. */
  async listTree(commit: string): Promise<TreeEntry[]> {
    const sha = await this.resolveCommit(commit);
    const { stdout } = await this.#exec(["ls-tree", "-r", "-z", "--full-tree", sha]);
    return parseTreeListing(stdout);
  }

  /** What changed from `base` to `head`, file by file; a rename is a delete plus an add. */
  async diff(base: string, head: string): Promise<ChangedFile[]> {
    const [from, to] = await Promise.all([this.resolveCommit(base), this.resolveCommit(head)]);
    const { stdout } = await this.#exec([
      "diff",
      "--raw",
      "-z",
      "--no-renames",
      "--no-ext-diff",
      "--no-textconv",
      "--no-abbrev",
      "--full-index",
      "--ignore-submodules=none",
      "--no-relative",
      "--no-color",
      from,
      to,
      "--",
    ]);
    return parseRawDiff(stdout);
  }

  /**
   * The lines `head` adds relative to `base` (text files; added and modified), with their line
   * numbers in the head file. Bounded: a diff larger than `maxBytes` is an error, not a partial scan.
   */
  async addedLines(
    base: string,
    head: string,
    options: { paths?: readonly string[]; maxBytes?: number } = {},
  ): Promise<AddedLine[]> {
    const { paths, maxBytes = 128 * 1024 * 1024 } = options;
    if (paths?.length === 0) return [];
    // A short list of paths narrows the diff (a 10,000-file change need not be printed in full to
    // read the few test files in it); a long one, or names argv cannot carry, reads it all.
    const narrow =
      paths !== undefined &&
      paths.length <= 1000 &&
      paths.every((p) => encodeGitPath(p).equals(Buffer.from(p, "utf8")));
    const [from, to] = await Promise.all([this.resolveCommit(base), this.resolveCommit(head)]);
    const { stdout } = await this.#exec(
      [
        "diff",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-renames",
        "--diff-filter=AM",
        "--ignore-submodules=all",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        from,
        to,
        "--",
        ...(narrow ? paths : []),
      ],
      { maxBytes },
    );
    return parseAddedLines(stdout);
  }

  /** Stores `content` as a blob in the object store and returns its id (for clean-room edits). */
  async writeBlob(content: Buffer): Promise<string> {
    const { stdout } = await this.#exec(["hash-object", "-w", "--stdin"], { input: content });
    return stdout.toString("utf8").trim();
  }

  /**
   * Writes the committed tree of `commit` into the empty directory `dir`: no .git, no config or
   * credentials, no untracked or ignored files, no filters or attribute conversions, and
   * `export-ignore` not obeyed. It uses a throwaway repository that borrows this one's object store
   * (never `git worktree`, whose administrative files stay reachable from the checkout's config) and
   * a fresh index; `replace` edits that index before checkout, so restored paths are written by git
   * itself, which never writes through a symlink. Submodules become empty directories.
   */
  async materialiseTree(
    commit: string,
    dir: string,
    options: { replace?: readonly IndexEdit[] } = {},
  ): Promise<void> {
    const sha = await this.resolveCommit(commit);
    const existing = await readdir(dir).catch((error: unknown) => {
      throw new GateError(`cannot materialise into ${dir}: it is not a readable directory`, { cause: error });
    });
    if (existing.length > 0) throw new GateError(`cannot materialise into ${dir}: it is not empty`);
    const { objectsDir, format } = await this.#objects();
    await using scratch = await createTempDir("index");
    const gitDir = join(scratch.path, "repo.git");
    const isolated = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: devNull };
    await this.#exec(["init", "--quiet", "--bare", "--template=", `--object-format=${format}`, gitDir], {
      cwd: scratch.path,
      env: isolated,
    });
    await mkdir(join(gitDir, "info"), { recursive: true });
    await writeFile(join(gitDir, "info", "attributes"), RAW_BYTES_ATTRIBUTES);
    const env = { ...isolated, GIT_DIR: gitDir, GIT_OBJECT_DIRECTORY: objectsDir, GIT_WORK_TREE: dir };
    await this.#exec(["read-tree", sha], { cwd: dir, env });
    const edits = options.replace ?? [];
    if (edits.length > 0) {
      await this.#exec(["update-index", "-z", "--index-info"], {
        cwd: dir,
        env,
        input: indexInfo(edits, format),
      });
    }
    await this.#exec(
      // Parallel checkout (one worker per core) writes large trees noticeably faster.
      [
        "-c",
        "core.autocrlf=false",
        "-c",
        "core.symlinks=true",
        "-c",
        "checkout.workers=0",
        "checkout-index",
        "--all",
        "--force",
      ],
      { cwd: dir, env },
    );
  }

  /** Fetches commits the (shallow) checkout lacks; `refs` are refs or full SHAs the remote serves. */
  async fetchCommits(remote: string, refs: readonly string[], options: FetchOptions = {}): Promise<void> {
    if (refs.length === 0) return;
    const depth = options.depth === undefined ? [] : [`--depth=${options.depth}`];
    const unshallow = options.unshallow === true ? ["--unshallow"] : [];
    const env: Record<string, string> =
      options.extraHeader === undefined
        ? {}
        : authConfigEnv(await this.remoteUrl(remote), options.extraHeader);
    await this.#exec(
      [
        "fetch",
        "--no-tags",
        "--no-recurse-submodules",
        ...depth,
        ...unshallow,
        "--end-of-options",
        remote,
        ...refs,
      ],
      { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, env },
    );
  }

  /** The URL of a remote name, or the argument itself when it already is a URL or path. */
  async remoteUrl(remote: string): Promise<string | undefined> {
    if (/^[a-z]+:\/\//i.test(remote) || remote.startsWith("/")) return remote;
    const result = await this.#exec(["remote", "get-url", "--", remote], { okExitCodes: [2, 128] });
    return result.exitCode === 0 ? result.stdout.toString("utf8").trim() : undefined;
  }

  async isShallow(): Promise<boolean> {
    const { stdout } = await this.#exec(["rev-parse", "--is-shallow-repository"]);
    return stdout.toString("utf8").trim() === "true";
  }

  #objects(): Promise<{ objectsDir: string; format: string }> {
    this.#objectStore ??= (async () => {
      const { stdout } = await this.#exec([
        "rev-parse",
        "--path-format=absolute",
        "--git-path",
        "objects",
        "--show-object-format",
      ]);
      const [objectsDir, format] = stdout.toString("utf8").split("\n");
      if (objectsDir === undefined || objectsDir === "" || format === undefined || format === "") {
        throw new GateError("git rev-parse did not report the object directory and format");
      }
      return { objectsDir, format };
    })();
    return this.#objectStore;
  }

  /**
   * Runs git with the fixed environment: for the sibling modules of src/git (the writer) only,
   * which add commands without growing this class.
   */
  run(args: readonly string[], options: ExecOptions = {}): Promise<CapturedResult> {
    return this.#exec(args, options);
  }

  /**
   * Paths under `dir` (a directory of the work tree) that git ignores, relative to it: files, and
   * directories ignored as a whole with a trailing "/". What `loophole init` must not build on,
   * since the gate only ever sees committed files.
   */
  async ignoredPaths(dir: string): Promise<string[]> {
    const result = await this.#exec(
      ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
      {
        cwd: dir,
      },
    );
    return result.stdout
      .toString("utf8")
      .split("\0")
      .filter((path) => path !== "");
  }

  /** The object directory and format, for throwaway repositories that borrow this store. */
  objectStore(): Promise<{ objectsDir: string; format: string }> {
    return this.#objects();
  }

  /** The only place git is started. */
  async #exec(args: readonly string[], options: ExecOptions = {}): Promise<CapturedResult> {
    this.#logger.debug(`git ${args.join(" ")}`);
    const result = await runCaptured("git", args, {
      cwd: options.cwd ?? this.dir,
      env: gitEnvironment(options.env),
      input: options.input,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
    const failure = gitFailure(args, result, options.okExitCodes);
    if (failure !== undefined) throw failure;
    return result;
  }
}
