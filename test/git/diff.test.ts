import { describe, expect, it } from "vitest";
import { Git } from "../../src/git/git.js";
import type { ChangedFile } from "../../src/git/raw-diff.js";
import { TestRepo } from "../support/git-repo.js";

const ZERO = "0".repeat(40);

function byPath(changes: readonly ChangedFile[]): Map<string, ChangedFile> {
  return new Map(changes.map((change) => [change.path, change]));
}

describe("Git.diff", () => {
  it("reports additions, edits, deletions, renames, mode and type changes exactly", async () => {
    await using repo = await TestRepo.create();
    await repo.write("edited.txt", "one\n");
    await repo.write("deleted.txt", "bye\n");
    await repo.write("old-name.py", "def test(): pass\n");
    await repo.write("script.sh", "echo hi\n");
    await repo.write("becomes-link.txt", "text\n");
    await repo.write("becomes-submodule", "text\n");
    await repo.write("image.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const base = await repo.commit("base");
    await repo.write("edited.txt", "two\n");
    await repo.remove("deleted.txt");
    await repo.remove("old-name.py");
    await repo.write("new-name.py", "def test(): pass\n");
    await repo.chmod("script.sh", 0o755);
    await repo.symlink("becomes-link.txt", "/etc/passwd");
    await repo.remove("becomes-submodule");
    await repo.gitlink("becomes-submodule", base);
    await repo.gitlink("vendor/added-submodule", base);
    await repo.write("image.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 3]));
    await repo.write("added.txt", "hello\n");
    const head = await repo.commit("head");

    const git = await Git.open(repo.dir);
    const changes = byPath(await git.diff(base, head));
    const entries = await git.listTree(head);
    const headSha = (path: string): string => entries.find((e) => e.path === path)?.sha ?? "?";

    expect([...changes.keys()]).toEqual([
      "added.txt",
      "becomes-link.txt",
      "becomes-submodule",
      "deleted.txt",
      "edited.txt",
      "image.bin",
      "new-name.py",
      "old-name.py",
      "script.sh",
      "vendor/added-submodule",
    ]);
    expect(changes.get("added.txt")).toMatchObject({
      status: "A",
      oldMode: "000000",
      newMode: "100644",
      oldType: "absent",
      newType: "file",
      oldSha: ZERO,
      newSha: headSha("added.txt"),
    });
    expect(changes.get("deleted.txt")).toMatchObject({
      status: "D",
      newMode: "000000",
      newType: "absent",
      newSha: ZERO,
    });
    expect(changes.get("edited.txt")).toMatchObject({ status: "M", oldMode: "100644", newMode: "100644" });
    expect(changes.get("old-name.py")).toMatchObject({ status: "D" });
    expect(changes.get("new-name.py")).toMatchObject({ status: "A" });
    expect(changes.get("script.sh")).toMatchObject({
      status: "M",
      oldMode: "100644",
      newMode: "100755",
      oldType: "file",
      newType: "executable",
    });
    expect(changes.get("script.sh")?.oldSha).toBe(changes.get("script.sh")?.newSha);
    expect(changes.get("becomes-link.txt")).toMatchObject({
      status: "T",
      oldType: "file",
      newType: "symlink",
      newMode: "120000",
    });
    expect(changes.get("becomes-submodule")).toMatchObject({
      status: "T",
      oldType: "file",
      newType: "submodule",
      newSha: base,
    });
    expect(changes.get("vendor/added-submodule")).toMatchObject({
      status: "A",
      newType: "submodule",
      newMode: "160000",
      newSha: base,
    });
    expect(changes.get("image.bin")).toMatchObject({ status: "M" });
  });

  it("keeps paths with spaces, quotes, tabs, newlines and non-UTF-8 bytes exactly", async () => {
    await using repo = await TestRepo.create();
    const base = await repo.commit("base");
    const names = [
      "a b/c d.py",
      "quote\"d'.txt",
      "tab\tname",
      "new\nline/test_x.py",
      "ünï©ødé/日本.txt",
      " leading space",
    ];
    for (const name of names) await repo.write(name, "x\n");
    await repo.write(Buffer.from([0x6c, 0x61, 0x74, 0x69, 0x6e, 0xe9, 0x2e, 0x70, 0x79]), "x\n");
    const head = await repo.commit("head");
    const git = await Git.open(repo.dir);
    const paths = (await git.diff(base, head)).map((c) => c.path).sort();
    expect(paths).toEqual([...names, "latin\udce9.py"].sort());
  });

  it("is not swayed by configuration that changes git's diff output", async () => {
    await using repo = await TestRepo.create();
    await repo.write("sub/moved.txt", "same content, long enough to look like a rename\n");
    await repo.write("sub/edited.txt", "a\n");
    const base = await repo.commit("base");
    await repo.remove("sub/moved.txt");
    await repo.write("sub/renamed.txt", "same content, long enough to look like a rename\n");
    await repo.write("sub/edited.txt", "b\n");
    const head = await repo.commit("head");
    for (const [key, value] of [
      ["diff.renames", "copies"],
      ["diff.noprefix", "true"],
      ["diff.relative", "true"],
      ["diff.external", "false"],
      ["diff.ignoreSubmodules", "all"],
      ["core.quotePath", "true"],
      ["color.ui", "always"],
      ["color.diff", "always"],
      ["core.abbrev", "7"],
    ]) {
      await repo.git("config", key ?? "", value ?? "");
    }
    const git = await Git.open(`${repo.dir}/sub`);
    const changes = await git.diff(base, head);
    expect(changes.map((c) => [c.status, c.path])).toEqual([
      ["M", "sub/edited.txt"],
      ["D", "sub/moved.txt"],
      ["A", "sub/renamed.txt"],
    ]);
    expect(changes.every((c) => c.newSha.length === 40)).toBe(true);
  });

  it("reports nothing between identical trees", async () => {
    await using repo = await TestRepo.create();
    await repo.write("f", "x");
    const one = await repo.commit("one");
    const two = await repo.commit("two");
    const git = await Git.open(repo.dir);
    expect(await git.diff(one, two)).toEqual([]);
  });
});
