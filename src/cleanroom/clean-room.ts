/**
 * The clean room: a fresh directory holding exactly the committed tree of one commit, with
 * protected paths reset to their state at another commit (base). Verifiers and tests run against
 * it, never against the runner's checkout (DESIGN.md §2.3).
 *
 * The restore is done in git's index before anything is written (Git#materialiseTree with
 * `replace`), not by patching files afterwards: git then writes every file into an empty
 * directory, resolves file/directory clashes (a restored `tests/x.py` where the head has a
 * `tests -> /etc` symlink replaces the symlink by a directory) and never follows a symlink while
 * writing. Each restored path is then checked on disk without following symlinks
 * (verify-restore.ts), so a surprise from git shows up as an error, not a silent escape.
 */
import { relative, resolve, isAbsolute } from "node:path";
import { GateError } from "../core/errors.js";
import {
  createTempDir,
  currentTempRoot,
  removeTreeInBackground,
  scratchRoot,
  sweepTrash,
} from "../core/temp-dir.js";
import type { IndexEdit } from "../git/index-edits.js";
import type { TreeEntry } from "../git/tree-listing.js";
import { registerCleanup } from "../sandbox/cleanup.js";
import { verifyRestoredPaths } from "./verify-restore.js";

/** What the clean room needs from git (Git implements it). */
export interface CleanRoomGit {
  resolveCommit(ref: string): Promise<string>;
  listTree(commit: string): Promise<TreeEntry[]>;
  materialiseTree(commit: string, dir: string, options?: { replace?: readonly IndexEdit[] }): Promise<void>;
}

export interface CleanRoomOptions {
  /** The commit whose tree is materialised (the head). */
  commit: string;
  /** Paths reset to their state at `from`: its content, mode and type, or removal when absent there. */
  restore?: { from: string; paths: readonly string[] };
  /** Further index edits applied after the restores (content the gate composed, e.g. a merged package.json). */
  edits?: readonly IndexEdit[];
}

export interface CleanRoom extends AsyncDisposable {
  readonly dir: string;
  /** The full SHA that was materialised. */
  readonly commit: string;
  /** The restore paths whose head state differed from `from` and were reset, sorted. */
  readonly restored: string[];
}

export async function createCleanRoom(git: CleanRoomGit, options: CleanRoomOptions): Promise<CleanRoom> {
  const started = await startCleanRoom(git, options);
  try {
    await started.ready;
  } catch (error) {
    await started[Symbol.asyncDispose]();
    throw error;
  }
  return started;
}

export interface CleanRoomInProgress extends CleanRoom {
  /** Settles when the tree is written and checked; until then the directory is filling up. */
  readonly ready: Promise<void>;
}

/**
 * Like createCleanRoom, but returns as soon as the (empty) directory exists, so a container can be
 * started on it while git writes the tree: on a large repository the two take about as long.
 * Nothing may run in the directory before `ready` settles.
 */
export async function startCleanRoom(
  git: CleanRoomGit,
  options: CleanRoomOptions,
): Promise<CleanRoomInProgress> {
  const commit = await git.resolveCommit(options.commit);
  const restores =
    options.restore === undefined
      ? { edits: [], restored: [] }
      : await restoreEdits(git, commit, options.restore);
  const extra = options.edits ?? [];
  const edits = [...restores.edits.filter((e) => !extra.some((x) => x.path === e.path)), ...extra];
  const restored = [...new Set([...restores.restored, ...extra.map((e) => e.path)])].sort(compareCodeUnits);
  const parent = cleanRoomParent();
  sweepOnce(parent);
  // A clean room is removed in the background once its containers are gone: on a large tree the
  // removal would otherwise add most of a second after the verdict is known.
  const room = await createTempDir("cleanroom", parent, { removeInBackground: true });
  // A second Ctrl-C exits without unwinding the `await using` scopes: the tree goes with it then.
  const unregister = registerCleanup(`clean room ${room.path}`, () => removeTreeInBackground(room.path));
  const ready = (async () => {
    await git.materialiseTree(commit, room.path, { replace: edits });
    await verifyRestoredPaths(room.path, edits);
  })();
  // Observed here so an early failure is not an unhandled rejection before someone awaits it.
  ready.catch(() => undefined);
  return {
    dir: room.path,
    commit,
    restored,
    ready,
    async [Symbol.asyncDispose]() {
      unregister();
      // Never remove the directory while git is still writing into it.
      await ready.catch(() => undefined);
      await room[Symbol.asyncDispose]();
    },
  };
}

/**
 * The index edits that give each restore path its state at `from`. A path stands for itself and
 * everything under it, so a directory can be restored too. Paths already in their `from` state
 * produce no edit and are not reported as restored.
 */
export async function restoreEdits(
  git: CleanRoomGit,
  commit: string,
  restore: { from: string; paths: readonly string[] },
): Promise<{ edits: IndexEdit[]; restored: string[] }> {
  if (restore.paths.length === 0) return { edits: [], restored: [] };
  const from = await git.resolveCommit(restore.from);
  const [headEntries, baseEntries] = await Promise.all([git.listTree(commit), git.listTree(from)]);
  const head = new Map(headEntries.map((entry) => [entry.path, entry]));
  const base = new Map(baseEntries.map((entry) => [entry.path, entry]));
  const edits = new Map<string, IndexEdit>();
  const restored: string[] = [];
  for (const path of [...new Set(restore.paths)].sort(compareCodeUnits)) {
    const have = covered(path, head, headEntries);
    const want = covered(path, base, baseEntries);
    let changed = false;
    for (const entry of have) {
      if (base.has(entry.path)) continue;
      edits.set(entry.path, { path: entry.path, entry: undefined });
      changed = true;
    }
    for (const entry of want) {
      const current = head.get(entry.path);
      if (current?.mode === entry.mode && current.sha === entry.sha) continue;
      edits.set(entry.path, { path: entry.path, entry: { mode: entry.mode, sha: entry.sha } });
      changed = true;
    }
    if (changed) restored.push(path);
  }
  return { edits: [...edits.values()], restored };
}

/** The entries at `path` or under it: the exact entry when there is one, else a directory's. */
function covered(
  path: string,
  byPath: ReadonlyMap<string, TreeEntry>,
  entries: readonly TreeEntry[],
): TreeEntry[] {
  const exact = byPath.get(path);
  if (exact !== undefined) return [exact];
  const prefix = `${path}/`;
  return entries.filter((entry) => entry.path.startsWith(prefix));
}

/**
 * os.tmpdir(), unless it lies under $RUNNER_TEMP: from actions/checkout v6 on, the checkout's
 * credentials live there, and the clean room is mounted into untrusted containers.
 */
function cleanRoomParent(): string {
  const parent = resolve(currentTempRoot() ?? scratchRoot());
  const runnerTemp = process.env.RUNNER_TEMP;
  if (runnerTemp !== undefined && runnerTemp !== "") {
    const inside = relative(resolve(runnerTemp), parent);
    if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside))) {
      throw new GateError(
        `the temporary directory ${parent} is inside RUNNER_TEMP (${runnerTemp}), where actions/checkout keeps ` +
          "credentials; set TMPDIR to a directory outside it",
      );
    }
  }
  return parent;
}

const swept = new Set<string>();

/** Once per process and directory: trash an earlier run's removal did not finish (see sweepTrash). */
function sweepOnce(parent: string): void {
  if (swept.has(parent)) return;
  swept.add(parent);
  void sweepTrash(parent);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
