import { chmod, lstat, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A directory removed when the holder's `await using` scope ends, on every exit path. */
export interface TempDir extends AsyncDisposable {
  readonly path: string;
}

let tempRoot: string | undefined;

/**
 * Puts every later temp dir under `root` (created if needed), so a run killed outright leaves one
 * directory that the action's post step removes.
 */
export async function setTempRoot(root: string): Promise<void> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  tempRoot = root;
}

/** The directory set by setTempRoot, if any. */
export function currentTempRoot(): string | undefined {
  return tempRoot;
}

export async function createTempDir(prefix: string, parent: string = tempRoot ?? tmpdir()): Promise<TempDir> {
  const path = await mkdtemp(join(parent, `loophole-${prefix}-`));
  return {
    path,
    async [Symbol.asyncDispose]() {
      await removeTree(path);
    },
  };
}

/**
 * rm -rf that also copes with read-only directories (Go's module cache makes them 0555), which
 * plain recursive removal cannot empty.
 */
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    await makeWritable(path);
    await rm(path, { recursive: true, force: true, maxRetries: 2 });
  }
}

async function makeWritable(path: string): Promise<void> {
  const stat = await lstat(path).catch(() => undefined);
  if (!stat?.isDirectory()) return;
  await chmod(path, 0o700).catch(() => undefined);
  const entries = await readdir(path).catch(() => []);
  for (const entry of entries) await makeWritable(join(path, entry));
}
