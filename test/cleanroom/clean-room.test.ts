import { lstat, mkdir, readFile, readdir, readlink, stat, writeFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProtectedPaths } from "../../src/boundary/protected-paths.js";
import { createCleanRoom } from "../../src/cleanroom/clean-room.js";
import { GateError } from "../../src/core/errors.js";
import { createTempDir, scratchRoot } from "../../src/core/temp-dir.js";
import { Git } from "../../src/git/git.js";
import { decodeGitPath } from "../../src/git/path-bytes.js";
import { BufferedLogger } from "../../src/core/logger.js";
import { pendingCleanups, runPendingCleanups } from "../../src/sandbox/cleanup.js";
import { TestRepo } from "../support/git-repo.js";

/**
 * Every path under `dir` (relative, symlinks not followed) with its file content or link target.
 * Names are read as bytes and keyed like git paths (see path-bytes.ts), so any name works.
 */
async function snapshot(dir: string, prefix = ""): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const base = Buffer.from(`${dir}/${prefix}`);
  for (const name of await readdir(base, { encoding: "buffer" })) {
    const full = Buffer.concat([base, name]);
    const rel = prefix + decodeGitPath(name);
    const info = await lstat(full);
    if (info.isSymbolicLink()) result.set(rel, `-> ${await readlink(full)}`);
    else if (info.isFile()) result.set(rel, await readFile(full, "utf8"));
    else {
      result.set(rel, "<dir>");
      const below = await snapshot(dir, `${prefix}${name.toString("latin1")}/`);
      for (const [key, value] of below) result.set(key, value);
    }
  }
  return result;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

describe("createCleanRoom", () => {
  it("holds exactly the committed tree: no .git, no config credentials, no untracked or ignored files", async () => {
    await using repo = await TestRepo.create();
    await repo.git("config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic FAKE-TOKEN-123");
    await repo.write(".gitignore", "build/\n*.log\n");
    await repo.write(".gitattributes", "secret.txt export-ignore\ntests/ export-ignore\n");
    await repo.write("secret.txt", "kept although export-ignore\n");
    await repo.write("tests/test_a.py", "def test_a(): pass\n");
    await repo.write("run.sh", "#!/bin/sh\necho hi\n", 0o755);
    await repo.symlink("link-to-run", "run.sh");
    await repo.symlink("absolute-link", "/etc/hostname");
    const head = await repo.commit("head");
    await repo.writeUntracked("untracked.py", "not committed\n");
    await repo.writeUntracked("build/output.bin", "ignored\n");
    await repo.writeUntracked("debug.log", "ignored\n");
    await repo.write("staged-only.txt", "staged but not committed\n");
    await repo.git("update-index", "--add", "staged-only.txt");

    const git = await Git.open(repo.dir);
    let dir: string;
    {
      await using room = await createCleanRoom(git, { commit: "HEAD" });
      dir = room.dir;
      expect(room.commit).toBe(head);
      expect(room.restored).toEqual([]);
      expect(dir.startsWith(scratchRoot() + sep)).toBe(true);
      const files = await snapshot(dir);
      expect([...files.keys()].sort()).toEqual([
        ".gitattributes",
        ".gitignore",
        "absolute-link",
        "link-to-run",
        "run.sh",
        "secret.txt",
        "tests",
        "tests/test_a.py",
      ]);
      expect(files.get("secret.txt")).toBe("kept although export-ignore\n");
      expect(files.get("link-to-run")).toBe("-> run.sh");
      expect(files.get("absolute-link")).toBe("-> /etc/hostname");
      expect((await stat(join(dir, "run.sh"))).mode & 0o111).not.toBe(0);
      expect((await stat(join(dir, "tests", "test_a.py"))).mode & 0o111).toBe(0);
      for (const content of files.values()) expect(content).not.toContain("FAKE-TOKEN-123");
    }
    expect(await exists(dir)).toBe(false);
  });

  it("writes the committed bytes, ignoring the tree's eol, ident and filter attributes", async () => {
    await using repo = await TestRepo.create();
    await repo.write(".gitattributes", "* text eol=crlf\n*.id ident\n*.bin filter=evil\n");
    await repo.write("lf.txt", "a\nb\n");
    await repo.write("x.id", "$Id$\n");
    await repo.write("data.bin", "raw\n");
    const head = await repo.commit("head");
    // Configured after the commit (git add would run its clean side): a checkout would now smudge.
    await repo.git("config", "filter.evil.clean", "cat");
    await repo.git("config", "filter.evil.smudge", "echo SMUDGED");
    await repo.git("config", "filter.evil.required", "true");
    const git = await Git.open(repo.dir);
    await using room = await createCleanRoom(git, { commit: head });
    expect(await readFile(join(room.dir, "lf.txt"), "utf8")).toBe("a\nb\n");
    expect(await readFile(join(room.dir, "x.id"), "utf8")).toBe("$Id$\n");
    expect(await readFile(join(room.dir, "data.bin"), "utf8")).toBe("raw\n");
  });

  it("turns a submodule into an empty directory", async () => {
    await using repo = await TestRepo.create();
    const first = await repo.commit("first");
    await repo.gitlink("vendor/lib", first);
    await repo.write("src/a.py", "x\n");
    const head = await repo.commit("head");
    const git = await Git.open(repo.dir);
    await using room = await createCleanRoom(git, { commit: head });
    expect((await lstat(join(room.dir, "vendor", "lib"))).isDirectory()).toBe(true);
    expect(await readdir(join(room.dir, "vendor", "lib"))).toEqual([]);
  });

  it("restores a changed append-only file and a deleted frozen file, and keeps appended lines", async () => {
    await using repo = await TestRepo.create();
    await repo.write("tests/test_weak.py", "def test_a():\n    assert f() == 1\n");
    await repo.write("tests/test_grow.py", "def test_b():\n    assert g() == 2\n");
    await repo.write("frozen/check.sh", "exit 1\n", 0o755);
    await repo.write("frozen/conftest.py", "# strict\n");
    const base = await repo.commit("base");
    await repo.write("tests/test_weak.py", "def test_a():\n    assert True\n");
    await repo.write(
      "tests/test_grow.py",
      "def test_b():\n    assert g() == 2\n\ndef test_c():\n    assert h()\n",
    );
    await repo.write("frozen/check.sh", "exit 0\n", 0o644);
    await repo.remove("frozen/conftest.py");
    await repo.write("frozen/sneaky.py", "import os\n");
    await repo.write("src/app.py", "def f(): return 1\n");
    const head = await repo.commit("head");

    const git = await Git.open(repo.dir);
    const boundary = await checkProtectedPaths(
      await git.diff(base, head),
      { frozen: ["frozen/"], appendOnly: ["tests/"], contractPath: "loophole.json" },
      (sha) => git.readBlobById(sha),
    );
    expect(boundary.restore).toEqual([
      "frozen/check.sh",
      "frozen/conftest.py",
      "frozen/sneaky.py",
      "tests/test_weak.py",
    ]);

    await using room = await createCleanRoom(git, {
      commit: head,
      restore: { from: base, paths: boundary.restore },
    });
    expect(room.restored).toEqual(boundary.restore);
    const files = await snapshot(room.dir);
    expect(files.get("tests/test_weak.py")).toBe("def test_a():\n    assert f() == 1\n");
    expect(files.get("tests/test_grow.py")).toBe(
      "def test_b():\n    assert g() == 2\n\ndef test_c():\n    assert h()\n",
    );
    expect(files.get("frozen/check.sh")).toBe("exit 1\n");
    expect((await stat(join(room.dir, "frozen", "check.sh"))).mode & 0o100).not.toBe(0);
    expect(files.get("frozen/conftest.py")).toBe("# strict\n");
    expect(files.has("frozen/sneaky.py")).toBe(false);
    expect(files.get("src/app.py")).toBe("def f(): return 1\n");
  });

  it("restores through a symlinked parent without writing outside the clean room", async () => {
    await using outside = await createTempDir("outside");
    await writeFile(join(outside.path, "test_x.py"), "outside original\n");
    await using repo = await TestRepo.create();
    await repo.write("tests/test_x.py", "def test_x(): assert real()\n");
    await repo.write("tests/test_y.py", "def test_y(): assert real()\n");
    const base = await repo.commit("base");
    await repo.remove("tests");
    await repo.symlink("tests", outside.path);
    const head = await repo.commit("head: tests is now a symlink out of the tree");

    const git = await Git.open(repo.dir);
    // Only one file is restored, so its parent `tests` must stop being the symlink.
    await using room = await createCleanRoom(git, {
      commit: head,
      restore: { from: base, paths: ["tests/test_x.py"] },
    });
    expect((await lstat(join(room.dir, "tests"))).isDirectory()).toBe(true);
    expect(await readFile(join(room.dir, "tests", "test_x.py"), "utf8")).toBe(
      "def test_x(): assert real()\n",
    );
    expect(await exists(join(room.dir, "tests", "test_y.py"))).toBe(false);
    expect(await readdir(outside.path)).toEqual(["test_x.py"]);
    expect(await readFile(join(outside.path, "test_x.py"), "utf8")).toBe("outside original\n");
  });

  it("removes a symlink that replaced a protected directory and restores the directory", async () => {
    await using repo = await TestRepo.create();
    await repo.write("tests/test_x.py", "strict\n");
    await repo.write("lenient/test_x.py", "lenient\n");
    const base = await repo.commit("base");
    await repo.remove("tests");
    await repo.symlink("tests", "lenient");
    const head = await repo.commit("head");
    const git = await Git.open(repo.dir);
    const boundary = await checkProtectedPaths(
      await git.diff(base, head),
      { frozen: ["tests/"], appendOnly: [], contractPath: "loophole.json" },
      (sha) => git.readBlobById(sha),
    );
    await using room = await createCleanRoom(git, {
      commit: head,
      restore: { from: base, paths: boundary.restore },
    });
    expect(room.restored).toEqual(["tests", "tests/test_x.py"]);
    expect((await lstat(join(room.dir, "tests"))).isDirectory()).toBe(true);
    expect(await readFile(join(room.dir, "tests", "test_x.py"), "utf8")).toBe("strict\n");
    expect(await readFile(join(room.dir, "lenient", "test_x.py"), "utf8")).toBe("lenient\n");
  });

  it("restores a whole directory given by its path, and a file whose name is not UTF-8", async () => {
    await using repo = await TestRepo.create();
    const odd = Buffer.from([0x74, 0x65, 0x73, 0x74, 0xff, 0x2e, 0x70, 0x79]);
    await repo.write("fixtures/a.json", "{}\n");
    await repo.write("fixtures/deep/b.json", "[]\n");
    await repo.write(odd, "base bytes\n");
    await repo.write('names/a b "c"\nd.txt', "base\n");
    const base = await repo.commit("base");
    await repo.write("fixtures/a.json", '{"rigged": true}\n');
    await repo.remove("fixtures/deep");
    await repo.write("fixtures/extra.json", "{}\n");
    await repo.write(odd, "head bytes\n");
    await repo.write('names/a b "c"\nd.txt', "head\n");
    const head = await repo.commit("head");
    const git = await Git.open(repo.dir);
    const oddPath = "test\udcff.py";
    await using room = await createCleanRoom(git, {
      commit: head,
      restore: { from: base, paths: ["fixtures", oddPath, 'names/a b "c"\nd.txt', "never-existed"] },
    });
    expect(room.restored).toEqual(["fixtures", 'names/a b "c"\nd.txt', oddPath]);
    const files = await snapshot(room.dir);
    expect(files.get("fixtures/a.json")).toBe("{}\n");
    expect(files.get("fixtures/deep/b.json")).toBe("[]\n");
    expect(files.has("fixtures/extra.json")).toBe(false);
    expect(files.get('names/a b "c"\nd.txt')).toBe("base\n");
    const oddFile = Buffer.concat([Buffer.from(`${room.dir}/`), odd]);
    expect(await readFile(oddFile, "utf8")).toBe("base bytes\n");
  });

  it("refuses to create the clean room under RUNNER_TEMP", async () => {
    await using repo = await TestRepo.create();
    await repo.commit();
    const git = await Git.open(repo.dir);
    const saved = process.env.RUNNER_TEMP;
    process.env.RUNNER_TEMP = scratchRoot();
    try {
      await expect(createCleanRoom(git, { commit: "HEAD" })).rejects.toThrow(GateError);
    } finally {
      if (saved === undefined) Reflect.deleteProperty(process.env, "RUNNER_TEMP");
      else process.env.RUNNER_TEMP = saved;
    }
  });

  it("reports a commit that does not exist and leaves nothing behind", async () => {
    await using repo = await TestRepo.create();
    await repo.commit();
    const git = await Git.open(repo.dir);
    const before = await readdir(scratchRoot());
    await expect(createCleanRoom(git, { commit: "no-such-branch" })).rejects.toThrow(/no-such-branch/);
    const after = await readdir(scratchRoot());
    expect(after.filter((name) => name.startsWith("loophole-cleanroom-") && !before.includes(name))).toEqual(
      [],
    );
  });

  it("is removed by a terminating signal's cleanup while it exists, and only then", async () => {
    await using repo = await TestRepo.create();
    await repo.commit();
    const git = await Git.open(repo.dir);
    const room = await createCleanRoom(git, { commit: "HEAD" });
    const entry = `clean room ${room.dir}`;
    expect(pendingCleanups()).toContain(entry);
    expect(await runPendingCleanups(new BufferedLogger())).toBeGreaterThan(0);
    // Moved aside at once; a detached process removes it.
    expect(await readdir(room.dir).catch(() => "gone")).toBe("gone");
    await room[Symbol.asyncDispose]();
    const again = await createCleanRoom(git, { commit: "HEAD" });
    await again[Symbol.asyncDispose]();
    expect(pendingCleanups()).not.toContain(`clean room ${again.dir}`);
    expect(await readdir(again.dir).catch(() => "gone")).toBe("gone");
  });

  it("materialises only into an empty directory", async () => {
    await using repo = await TestRepo.create();
    await repo.commit();
    const git = await Git.open(repo.dir);
    await using target = await createTempDir("not-empty");
    await mkdir(join(target.path, "x"));
    await expect(git.materialiseTree("HEAD", target.path)).rejects.toThrow(/not empty/);
  });
});
