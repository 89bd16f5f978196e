import { accessSync, constants, statfsSync, statSync } from "node:fs";
import { chmod, lstat, mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { runCaptured, spawnDetached } from "./process.js";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

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

export interface TempDirOptions {
  /**
   * Let a detached process remove the directory (removeTreeInBackground), so the holder does not
   * wait for it. For clean rooms: removing 100,000 files takes most of a second, and nothing
   * reads them once the containers that used them are gone.
   */
  removeInBackground?: boolean;
}

export async function createTempDir(
  prefix: string,
  parent: string = tempRoot ?? tmpdir(),
  options: TempDirOptions = {},
): Promise<TempDir> {
  const path = await mkdtemp(join(parent, `loophole-${prefix}-`));
  return {
    path,
    async [Symbol.asyncDispose]() {
      await (options.removeInBackground === true ? removeTreeInBackground(path) : removeTree(path));
    },
  };
}

export const TRASH_PREFIX = "loophole-trash-";
/** The prefix, then the time the trash was made (ms since the epoch). */
const TRASH_NAME = new RegExp(`^${TRASH_PREFIX}(\\d+)-`);

/**
 * Trash this old is an interrupted removal (its process was killed, say by a runner's cleanup of
 * orphan processes at the end of a job), not one still under way.
 */
export const TRASH_SWEEP_AGE_MS = 10 * 60_000;

/**
 * Moves `path` aside under a trash name (one rename, so the path is gone at once) and removes it
 * in a detached process that outlives this one. Where no detached process can be started, it is
 * removed here and now. Trash that a removal left behind is swept by sweepTrash.
 */
export async function removeTreeInBackground(path: string): Promise<void> {
  const trash = join(dirname(path), `${TRASH_PREFIX}${String(Date.now())}-${basename(path)}`);
  try {
    await rename(path, trash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    await removeTree(path);
    return;
  }
  if (!startDetachedRemoval(trash)) await removeTree(trash);
}

/** Starts the removal of trash older than TRASH_SWEEP_AGE_MS in `parent`; returns how many. */
export async function sweepTrash(parent: string, now: number = Date.now()): Promise<number> {
  const names = await readdir(parent).catch(() => []);
  let started = 0;
  for (const name of names) {
    const stamp = TRASH_NAME.exec(name)?.[1];
    if (stamp === undefined || now - Number(stamp) < TRASH_SWEEP_AGE_MS) continue;
    const path = join(parent, name);
    if (!startDetachedRemoval(path)) await removeTree(path).catch(() => undefined);
    started += 1;
  }
  return started;
}

/**
 * `rm -rf`, and when that fails, the same after making directories writable (see removeTree): a
 * fixed script with the path as its argument.
 */
function startDetachedRemoval(path: string): boolean {
  return spawnDetached("sh", [
    "-c",
    'rm -rf -- "$1" 2>/dev/null || { chmod -R u+rwx -- "$1"; rm -rf -- "$1"; }',
    "loophole-remove",
    path,
  ]);
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
