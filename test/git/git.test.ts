import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError, GateError } from "../../src/core/errors.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { createTempDir } from "../../src/core/temp-dir.js";
import { Git } from "../../src/git/git.js";
import { TestRepo, runGit } from "../support/git-repo.js";

describe("Git.open", () => {
  it("refuses a directory that is not a git repository, naming it", async () => {
    await using empty = await createTempDir("not-a-repo");
    const error = await Git.open(empty.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(empty.path);
    expect((error as Error).message).toContain("not a git repository");
  });

  it("refuses a path that does not exist", async () => {
    await using empty = await createTempDir("not-a-repo");
    const missing = join(empty.path, "nope");
    await expect(Git.open(missing)).rejects.toThrow(
      new ConfigurationError(`${missing} is not a directory, so it cannot be a git repository`),
    );
  });

  it("opens a subdirectory at the work tree's top level", async () => {
    await using repo = await TestRepo.create();
    await repo.write("a/b/file.txt", "x");
    await repo.commit();
    const git = await Git.open(join(repo.dir, "a", "b"));
    expect(git.dir).toBe(repo.dir);
    expect(git.bare).toBe(false);
  });

  it("opens a bare repository", async () => {
    await using repo = await TestRepo.create();
    await repo.write("f", "x");
    const sha = await repo.commit();
    await using bare = await createTempDir("bare");
    await runGit(bare.path, ["clone", "--quiet", "--bare", repo.dir, "r.git"]);
    const git = await Git.open(join(bare.path, "r.git"));
    expect(git.bare).toBe(true);
    expect(await git.resolveCommit("main")).toBe(sha);
    expect(await git.readBlob("main", "f")).toEqual(Buffer.from("x"));
  });

  it("logs each git command at debug level", async () => {
    await using repo = await TestRepo.create();
    await repo.commit();
    const logger = new RecordingLogger();
    const git = await Git.open(repo.dir, logger);
    await git.resolveCommit("HEAD");
    expect(logger.entries).toContainEqual({
      level: "debug",
      message: "git rev-parse --verify --quiet --end-of-options HEAD^{commit}",
    });
  });
});

describe("Git revisions", () => {
  it("resolves refs to full SHAs and rejects unknown ones with advice", async () => {
    await using repo = await TestRepo.create();
    const first = await repo.commit("one");
    const second = await repo.commit("two");
    const git = await Git.open(repo.dir);
    expect(await git.resolveCommit("HEAD")).toBe(second);
    expect(await git.resolveCommit("main~1")).toBe(first);
    expect(await git.resolveCommit(first.slice(0, 10))).toBe(first);
    const error = await git.resolveCommit("origin/feature").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('"origin/feature"');
    expect((error as Error).message).toContain("fetch-depth: 0");
    // A ref that looks like an option is a ref, not an option.
    await expect(git.resolveCommit("--all")).rejects.toThrow(ConfigurationError);
    expect(await git.commitExists("main")).toBe(true);
    expect(await git.commitExists("nope")).toBe(false);
  });

  it("resolves a tree to a commit only when it is a commit", async () => {
    await using repo = await TestRepo.create();
    await repo.write("f", "x");
    await repo.commit();
    const git = await Git.open(repo.dir);
    const tree = await git.treeId("HEAD");
    await expect(git.resolveCommit(tree)).rejects.toThrow(ConfigurationError);
  });

  it("finds the merge base of two branches", async () => {
    await using repo = await TestRepo.create();
    const root = await repo.commit("root");
    await repo.git("checkout", "--quiet", "-b", "feature");
    const feature = await repo.commit("feature");
    await repo.git("checkout", "--quiet", "main");
    const main = await repo.commit("main");
    const git = await Git.open(repo.dir);
    expect(await git.mergeBase(main, feature)).toBe(root);
    expect(await git.mergeBase("main", "feature")).toBe(root);
  });

  it("gives equal tree ids to commits with equal trees", async () => {
    await using repo = await TestRepo.create();
    await repo.write("f", "x");
    const one = await repo.commit("one");
    const two = await repo.commit("two (same tree)");
    await repo.write("f", "y");
    const three = await repo.commit("three");
    const git = await Git.open(repo.dir);
    expect(await git.treeId(one)).toBe(await git.treeId(two));
    expect(await git.treeId(one)).not.toBe(await git.treeId(three));
    expect(await git.treeId(one)).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("Git blobs", () => {
  it("reads blobs by path, whatever the name contains", async () => {
    await using repo = await TestRepo.create();
    const names = [
      "plain.txt",
      "dir with spaces/a 'single' \"double\".txt",
      "new\nline.txt",
      "tab\there",
      "ünï/日本.txt",
      "star*?[x]",
    ];
    for (const name of names) await repo.write(name, `content of ${name}`);
    await repo.write(Buffer.from([0x62, 0x61, 0x64, 0xff, 0x2e, 0x74, 0x78, 0x74]), "latin-1 name");
    await repo.symlink("link", "plain.txt");
    const sha = await repo.commit();
    const git = await Git.open(repo.dir);
    for (const name of names) expect((await git.readBlob(sha, name))?.toString()).toBe(`content of ${name}`);
    expect((await git.readBlob(sha, "bad\udcff.txt"))?.toString()).toBe("latin-1 name");
    expect((await git.readBlob(sha, "link"))?.toString()).toBe("plain.txt");
  });

  it("answers undefined for absent paths, directories and submodules", async () => {
    await using repo = await TestRepo.create();
    await repo.write("dir/file", "x");
    const first = await repo.commit();
    await repo.gitlink("vendor/lib", first);
    const sha = await repo.commit();
    const git = await Git.open(repo.dir);
    expect(await git.readBlob(sha, "missing")).toBeUndefined();
    expect(await git.readBlob(sha, "dir")).toBeUndefined();
    expect(await git.readBlob(sha, "dir/")).toBeUndefined();
    expect(await git.readBlob(sha, "dir/fil")).toBeUndefined();
    expect(await git.readBlob(sha, "vendor/lib")).toBeUndefined();
    expect(await git.readBlob(sha, "*")).toBeUndefined();
    expect(await git.readBlob(first, "dir/file")).toEqual(Buffer.from("x"));
  });

  it("reads a blob by id and reports git's own error text when that fails", async () => {
    await using repo = await TestRepo.create();
    await repo.write("bin", Buffer.from([0, 1, 2, 255]));
    await repo.commit();
    const git = await Git.open(repo.dir);
    const [entry] = await git.listTree("HEAD");
    expect(entry).toMatchObject({ path: "bin", mode: "100644", type: "file" });
    expect(await git.readBlobById(entry?.sha ?? "")).toEqual(Buffer.from([0, 1, 2, 255]));
    const error = await git.readBlobById("f".repeat(40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateError);
    expect((error as Error).message).toMatch(/^git cat-file failed \(exit 128\): fatal: /);
  });
});

describe("Git environment", () => {
  it("ignores GIT_DIR and friends inherited from the caller", async () => {
    await using repo = await TestRepo.create();
    await repo.write("mine", "x");
    await repo.commit();
    await using other = await TestRepo.create();
    await other.write("theirs", "y");
    await other.commit();
    const saved = { GIT_DIR: process.env.GIT_DIR, GIT_INDEX_FILE: process.env.GIT_INDEX_FILE };
    process.env.GIT_DIR = join(other.dir, ".git");
    process.env.GIT_INDEX_FILE = join(other.dir, ".git", "index");
    try {
      const git = await Git.open(repo.dir);
      expect(await git.readBlob("HEAD", "mine")).toEqual(Buffer.from("x"));
      expect(await git.readBlob("HEAD", "theirs")).toBeUndefined();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, key);
        else process.env[key] = value;
      }
    }
  });

  it("reports uncommitted and untracked changes, but not ignored files", async () => {
    await using repo = await TestRepo.create();
    await repo.write(".gitignore", "build/\n");
    await repo.write("f", "x");
    await repo.commit();
    const git = await Git.open(repo.dir);
    expect(await git.hasUncommittedChanges()).toBe(false);
    await mkdir(join(repo.dir, "build"));
    await writeFile(join(repo.dir, "build", "out.o"), "ignored");
    expect(await git.hasUncommittedChanges()).toBe(false);
    await writeFile(join(repo.dir, "new.py"), "untracked");
    expect(await git.hasUncommittedChanges()).toBe(true);
  });
});

describe("Git.fetchCommits", () => {
  it("fetches a commit a shallow clone lacks", async () => {
    await using upstream = await TestRepo.create();
    await upstream.write("f", "1");
    const older = await upstream.commit("older");
    await upstream.write("f", "2");
    const newer = await upstream.commit("newer");
    await using clone = await createTempDir("shallow");
    await runGit(clone.path, ["clone", "--quiet", "--depth=1", `file://${upstream.dir}`, "c"]);
    const git = await Git.open(join(clone.path, "c"));
    expect(await git.resolveCommit("HEAD")).toBe(newer);
    expect(await git.commitExists(older)).toBe(false);
    await git.fetchCommits("origin", [older], { depth: 1 });
    expect(await git.resolveCommit(older)).toBe(older);
    expect(await git.readBlob(older, "f")).toEqual(Buffer.from("1"));
  });

  it("names the failing fetch in its error", async () => {
    await using repo = await TestRepo.create();
    await repo.commit();
    const git = await Git.open(repo.dir);
    await expect(git.fetchCommits("no-such-remote", ["main"])).rejects.toThrow(
      /^git fetch failed \(exit \d+\): /,
    );
  });
});
