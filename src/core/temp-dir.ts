import { accessSync, constants, statfsSync, statSync } from "node:fs";
import { chmod, lstat, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { runCaptured } from "./process.js";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A directory removed when the holder's `await using` scope ends, on every exit path. */
export interface TempDir extends AsyncDisposable {
  readonly path: string;
}

let tempRoot: string | undefined;

/** Below this much free memory-backed space, clean rooms go to disk instead. */
const MIN_TMPFS_FREE = 4 * 1024 ** 3;

/**
 * Where scratch trees go. Clean rooms are written file by file, and on a runner's disk 100,000
 * small files cost tens of seconds where a tmpfs (/dev/shm on Linux) takes two; so a tmpfs with room
 * to spare is preferred. LOOPHOLE_TMPDIR overrides the choice.
 */
export function scratchRoot(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.LOOPHOLE_TMPDIR;
  if (configured !== undefined && configured !== "") return configured;
  const shm = "/dev/shm";
  try {
    if (!statSync(shm).isDirectory()) return tmpdir();
    accessSync(shm, constants.W_OK);
    const fs = statfsSync(shm);
    if (fs.bavail * fs.bsize >= MIN_TMPFS_FREE) return shm;
  } catch {
    // No /dev/shm (macOS, Windows) or not usable: the ordinary temp directory.
  }
  return tmpdir();
}

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
 * rm -rf. The system's `rm` is several times faster than Node's recursive removal on trees of
 * 100,000 files; Node's is the fallback (no `rm` on PATH), followed by making read-only
 * directories writable (Go's module cache makes them 0555), which plain removal cannot empty.
 */
export async function removeTree(path: string): Promise<void> {
  const viaRm = await runCaptured("rm", ["-rf", "--", path], { timeoutMs: 10 * 60_000 }).catch(
    () => undefined,
  );
  if (viaRm?.exitCode === 0) return;
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
