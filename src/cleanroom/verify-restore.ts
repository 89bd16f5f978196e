/**
 * Checks, after git has written the clean room, that every restored path is on disk exactly as
 * intended, looking at each component with lstat so that no symlink is ever followed: a path the
 * clean room should not hold is absent (or unreachable behind a non-directory), and a path it
 * should hold sits under real directories with the right type, executable bit and content (the
 * object name is recomputed from the bytes on disk).
 */
import { createHash } from "node:crypto";
import { lstat, readFile, readlink } from "node:fs/promises";
import type { Stats } from "node:fs";
import { GateError } from "../core/errors.js";
import type { IndexEdit } from "../git/index-edits.js";
import { encodeGitPath } from "../git/path-bytes.js";

type OnDisk = { kind: "absent" } | { kind: "present"; stats: Stats; path: Buffer };

export async function verifyRestoredPaths(root: string, edits: readonly IndexEdit[]): Promise<void> {
  for (const edit of edits) {
    const found = await lookUp(root, edit.path);
    const problem = edit.entry === undefined ? leftOver(found) : await mismatch(found, edit.entry);
    if (problem !== undefined) {
      throw new GateError(`the clean room could not restore ${JSON.stringify(edit.path)}: it ${problem}`);
    }
  }
}

/** Walks `path` below `root` component by component without following symlinks. */
async function lookUp(root: string, path: string): Promise<OnDisk> {
  let current = Buffer.from(root, "utf8");
  const parts = encodeGitPath(path).toString("latin1").split("/");
  for (const [index, part] of parts.entries()) {
    current = Buffer.concat([current, Buffer.from("/"), Buffer.from(part, "latin1")]);
    const stats = await lstat(current).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (stats === undefined) return { kind: "absent" };
    if (index === parts.length - 1) return { kind: "present", stats, path: current };
    // A symlink or file where a directory should be: nothing below it is in the room.
    if (!stats.isDirectory()) return { kind: "absent" };
  }
  return { kind: "absent" };
}

/**
 * A removed entry must be gone. A directory in its place is fine: git creates directories only
 * for entries below them, so it holds restored paths (a `tests` symlink replaced by `tests/`).
 */
function leftOver(found: OnDisk): string | undefined {
  return found.kind === "present" && !found.stats.isDirectory() ? "is still present" : undefined;
}

async function mismatch(found: OnDisk, entry: NonNullable<IndexEdit["entry"]>): Promise<string | undefined> {
  if (found.kind === "absent") return "is missing";
  const { stats, path } = found;
  switch (entry.mode) {
    case "160000":
      return stats.isDirectory() ? undefined : "is not the directory a submodule becomes";
    case "120000":
      if (!stats.isSymbolicLink()) return "is not a symlink";
      return matchesBlob(await readlink(path, { encoding: "buffer" }), entry.sha)
        ? undefined
        : "has the wrong target";
    default: {
      if (!stats.isFile()) return "is not a regular file";
      const executable = (stats.mode & 0o100) !== 0;
      if (executable !== (entry.mode === "100755"))
        return `has the wrong mode ${(stats.mode & 0o777).toString(8)}`;
      return matchesBlob(await readFile(path), entry.sha) ? undefined : "has the wrong content";
    }
  }
}

/** Whether `content` is the blob git names `sha` (SHA-1 or SHA-256 by its length). */
function matchesBlob(content: Buffer, sha: string): boolean {
  const hash = createHash(sha.length === 64 ? "sha256" : "sha1");
  hash.update(`blob ${content.length}\0`);
  hash.update(content);
  return hash.digest("hex") === sha;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
