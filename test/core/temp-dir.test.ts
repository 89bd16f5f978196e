import { existsSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createTempDir,
  removeTreeInBackground,
  sweepTrash,
  TRASH_SWEEP_AGE_MS,
} from "../../src/core/temp-dir.js";

/** Polls until `done` holds; the detached removal finishes on its own time. */
async function eventually(done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function fillTree(dir: string, files: number): Promise<void> {
  for (let d = 0; d < files / 10; d++) {
    await mkdir(join(dir, `d${String(d)}`, "deep"), { recursive: true });
    for (let f = 0; f < 10; f++) await writeFile(join(dir, `d${String(d)}`, "deep", `f${String(f)}`), "x");
  }
}

describe("removal in the background", () => {
  it("moves the tree aside at once and a detached process removes the trash", async () => {
    await using parent = await createTempDir("bg-parent");
    const tree = join(parent.path, "tree");
    await fillTree(tree, 200);
    await removeTreeInBackground(tree);
    expect(existsSync(tree)).toBe(false);
    await eventually(() => existsSync(parent.path) && readdirSyncSafe(parent.path).length === 0);
  });

  it("a temp dir made with removeInBackground is gone as soon as its scope ends", async () => {
    await using parent = await createTempDir("bg-parent");
    const dir = await createTempDir("bg", parent.path, { removeInBackground: true });
    await fillTree(dir.path, 50);
    await dir[Symbol.asyncDispose]();
    expect(existsSync(dir.path)).toBe(false);
    await eventually(() => readdirSyncSafe(parent.path).length === 0);
  });

  it("a path that is already gone is not an error", async () => {
    await using parent = await createTempDir("bg-parent");
    await expect(removeTreeInBackground(join(parent.path, "never-made"))).resolves.toBeUndefined();
  });

  it("sweeps trash older than the sweep age and leaves fresh trash and other names alone", async () => {
    await using parent = await createTempDir("bg-parent");
    const now = Date.now();
    const old = `loophole-trash-${String(now - TRASH_SWEEP_AGE_MS - 1)}-loophole-cleanroom-a`;
    const fresh = `loophole-trash-${String(now - 1000)}-loophole-cleanroom-b`;
    const other = "loophole-cleanroom-c";
    for (const name of [old, fresh, other]) await fillTree(join(parent.path, name), 20);
    expect(await sweepTrash(parent.path, now)).toBe(1);
    await eventually(() => !existsSync(join(parent.path, old)));
    expect(existsSync(join(parent.path, fresh))).toBe(true);
    expect(existsSync(join(parent.path, other))).toBe(true);
    expect(await sweepTrash(join(parent.path, "missing"), now)).toBe(0);
  });
});

function readdirSyncSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
