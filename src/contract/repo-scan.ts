/**
 * A bounded look at a repository's files for `loophole init`: node:fs only, no processes, no
 * symlinks followed, dependency and build directories skipped, and a cap on how much is read.
 */
import type { Dirent } from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export interface RepoScan {
  /** Files found, relative to the repository root with forward slashes, in walk order. */
  files: readonly string[];
  /** Directories found, relative, with forward slashes. */
  dirs: ReadonlySet<string>;
  /** True when the walk stopped at its limit, so absence of a file proves little. */
  truncated: boolean;
  /** Whether the walk found this file (skipped directories such as vendor/ are not walked). */
  has(path: string): boolean;
  /** Whether a regular file exists at this path, walked or not. */
  exists(path: string): Promise<boolean>;
  /** The file's text, or undefined when it is missing, not a regular file or too large. */
  read(path: string): Promise<string | undefined>;
}

const SKIPPED_DIRS = new Set([
  ".git",
  "node_modules",
  "vendor",
  "target",
  "dist",
  "build",
  "out",
  "coverage",
  ".venv",
  "venv",
  "env",
  "__pycache__",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  ".next",
  ".cache",
  ".gradle",
  ".idea",
  ".vscode",
]);
const MAX_FILES = 20_000;
const MAX_DEPTH = 8;
const MAX_READ_BYTES = 1024 * 1024;

export interface ScanOptions {
  /**
   * Paths git ignores (relative, directories with a trailing "/"): left out as if absent, because
   * the gate sees only committed files (a git-ignored Cargo.lock must not suggest `--locked`).
   */
  ignored?: readonly string[];
}

export async function scanRepository(root: string, options: ScanOptions = {}): Promise<RepoScan> {
  const ignoredFiles = new Set((options.ignored ?? []).filter((p) => !p.endsWith("/")));
  const ignoredDirs = (options.ignored ?? []).filter((p) => p.endsWith("/"));
  const ignored = (path: string): boolean =>
    ignoredFiles.has(path) || ignoredDirs.some((dir) => path.startsWith(dir) || `${path}/` === dir);
  const files: string[] = [];
  const dirs = new Set<string>();
  let truncated = false;
  // Breadth first, so the files nearest the root (the ones that identify the project) come first.
  let level: string[] = [""];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && !truncated; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: Dirent[];
      try {
        entries = await readdir(join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
        if (ignored(path)) continue;
        if (entry.isDirectory()) {
          if (SKIPPED_DIRS.has(entry.name)) continue;
          dirs.add(path);
          next.push(path);
        } else if (entry.isFile()) {
          if (files.length >= MAX_FILES) {
            truncated = true;
            break;
          }
          files.push(path);
        }
      }
      if (truncated) break;
    }
    if (depth === MAX_DEPTH && next.length > 0) truncated = true;
    level = next;
  }
  const fileSet = new Set(files);
  return {
    files,
    dirs,
    truncated,
    has: (path) => fileSet.has(path),
    exists: async (path) =>
      !ignored(path) && (await lstat(join(root, path)).catch(() => undefined))?.isFile() === true,
    read: async (path) => {
      if (ignored(path)) return undefined;
      const full = join(root, path);
      const info = await lstat(full).catch(() => undefined);
      if (!info?.isFile() || info.size > MAX_READ_BYTES) return undefined;
      return readFile(full, "utf8").catch(() => undefined);
    },
  };
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
