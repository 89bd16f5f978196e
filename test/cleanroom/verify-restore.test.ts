import { createHash } from "node:crypto";
import { chmod, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyRestoredPaths } from "../../src/cleanroom/verify-restore.js";
import { GateError } from "../../src/core/errors.js";
import { createTempDir } from "../../src/core/temp-dir.js";

function blobSha(content: string): string {
  return createHash("sha1")
    .update(`blob ${Buffer.byteLength(content)}\0${content}`)
    .digest("hex");
}

describe("verifyRestoredPaths", () => {
  it("accepts files, executables, symlinks and submodule directories that match", async () => {
    await using room = await createTempDir("verify");
    await mkdir(join(room.path, "a", "sub"), { recursive: true });
    await writeFile(join(room.path, "a", "f.txt"), "hello\n");
    await writeFile(join(room.path, "a", "run.sh"), "exit 0\n");
    await chmod(join(room.path, "a", "run.sh"), 0o755);
    await symlink("f.txt", join(room.path, "a", "link"));
    await expect(
      verifyRestoredPaths(room.path, [
        { path: "a/f.txt", entry: { mode: "100644", sha: blobSha("hello\n") } },
        { path: "a/run.sh", entry: { mode: "100755", sha: blobSha("exit 0\n") } },
        { path: "a/link", entry: { mode: "120000", sha: blobSha("f.txt") } },
        { path: "a/sub", entry: { mode: "160000", sha: "1".repeat(40) } },
        { path: "a/gone", entry: undefined },
      ]),
    ).resolves.toBeUndefined();
  });

  it("does not follow a symlinked parent: a file behind it is missing, not present", async () => {
    await using room = await createTempDir("verify");
    await using outside = await createTempDir("outside");
    await writeFile(join(outside.path, "x.py"), "base\n");
    await symlink(outside.path, join(room.path, "tests"));
    await expect(
      verifyRestoredPaths(room.path, [
        { path: "tests/x.py", entry: { mode: "100644", sha: blobSha("base\n") } },
      ]),
    ).rejects.toThrow(new GateError('the clean room could not restore "tests/x.py": it is missing'));
    await expect(
      verifyRestoredPaths(room.path, [{ path: "tests/x.py", entry: undefined }]),
    ).resolves.toBeUndefined();
  });

  it.each([
    ["wrong content", "100644", "other\n", 'the clean room could not restore "f": it has the wrong content'],
    [
      "a lost executable bit",
      "100755",
      "same\n",
      'the clean room could not restore "f": it has the wrong mode 644',
    ],
    [
      "a file where a symlink belongs",
      "120000",
      "same\n",
      'the clean room could not restore "f": it is not a symlink',
    ],
  ])("rejects %s", async (_name, mode, expected, message) => {
    await using room = await createTempDir("verify");
    await writeFile(join(room.path, "f"), "same\n");
    await chmod(join(room.path, "f"), 0o644);
    await expect(
      verifyRestoredPaths(room.path, [{ path: "f", entry: { mode, sha: blobSha(expected) } }]),
    ).rejects.toThrow(message);
  });

  it("rejects a removed path that is still a file", async () => {
    await using room = await createTempDir("verify");
    await writeFile(join(room.path, "f"), "x");
    await expect(verifyRestoredPaths(room.path, [{ path: "f", entry: undefined }])).rejects.toThrow(
      "is still present",
    );
  });
});
