/**
 * The fixed-overhead fixture: a repository of N files (source-like text, 100 per directory) and a
 * head commit that changes every tenth one, with a contract whose only verifier is `true` in the
 * busybox test image. Written with `git fast-import` (seconds, where one `git add` per file would
 * take minutes), checked out once, and kept under the OS temp dir keyed by a version string, so
 * the next bench run reuses it.
 */
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGit } from "../test/support/git-repo.js";
import { BUSYBOX_IMAGE } from "../test/support/images.js";

/** Bump when the layout, the contents or the contract below change: an old cache is then ignored. */
const VERSION = "v1";

export interface BigRepo {
  dir: string;
  base: string;
  head: string;
  files: number;
  changed: number;
}

export async function bigRepo(files: number, changed: number, say: (line: string) => void): Promise<BigRepo> {
  const root = join(tmpdir(), `loophole-bench-repo-${VERSION}-${String(files)}-${String(changed)}`);
  const dir = join(root, "repo");
  const ready = join(root, "ready");
  if (!existsSync(ready)) {
    say(
      `building a repository of ${String(files)} files (${String(changed)} changed at head) in ${root}; kept for later runs`,
    );
    const started = performance.now();
    await rm(root, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await build(dir, files, changed);
    await writeFile(ready, `${new Date().toISOString()}\n`);
    say(`built in ${String(Math.round((performance.now() - started) / 1000))} s`);
  }
  const base = (await runGit(dir, ["rev-parse", "base"])).trim();
  const head = (await runGit(dir, ["rev-parse", "main"])).trim();
  return { dir, base, head, files, changed };
}

async function build(dir: string, files: number, changed: number): Promise<void> {
  await runGit(dir, ["init", "--quiet", "--initial-branch=main"]);
  const every = Math.max(1, Math.floor(files / changed));
  const stream: Buffer[] = [];
  const push = (text: string): void => {
    stream.push(Buffer.from(text, "utf8"));
  };
  const data = (text: string): void => {
    push(`data ${String(Buffer.byteLength(text))}\n${text}\n`);
  };
  push("commit refs/heads/base\nmark :1\ncommitter Bench <bench@loophole.invalid> 1700000000 +0000\n");
  data("many files");
  push(`M 100644 inline loophole.json\n`);
  data(`${JSON.stringify(contract(), null, 2)}\n`);
  for (let i = 0; i < files; i++) {
    push(`M 100644 inline ${pathOf(i)}\n`);
    data(contentOf(i, false));
  }
  push("commit refs/heads/main\ncommitter Bench <bench@loophole.invalid> 1700000100 +0000\n");
  data(`change ${String(changed)} files`);
  push("from :1\n");
  let done = 0;
  for (let i = 0; i < files && done < changed; i += every) {
    push(`M 100644 inline ${pathOf(i)}\n`);
    data(contentOf(i, true));
    done += 1;
  }
  push("done\n");
  await runGit(dir, ["fast-import", "--quiet", "--done"], Buffer.concat(stream));
  // A checkout like a CI job's: the gate never reads it, but `git status` and users see one.
  await runGit(dir, ["reset", "--quiet", "--hard", "main"]);
}

function contract(): unknown {
  return {
    version: 1,
    goal: "fixed overhead: a trivial verifier on a large change",
    protected: { frozen: ["loophole.json"], appendOnly: ["tests/**"] },
    sandbox: { image: BUSYBOX_IMAGE, network: "none", cpus: 1, memory: "256m", timeout: "5m" },
    verifiers: [{ name: "trivial", run: "true" }],
  };
}

function pathOf(i: number): string {
  const pkg = Math.floor(i / 1000);
  const mod = Math.floor(i / 100) % 10;
  return `src/pkg${String(pkg).padStart(3, "0")}/mod${String(mod)}/file${String(i % 100).padStart(2, "0")}.ts`;
}

/** 150 to 1,500 bytes of source-like text, different for every file. */
function contentOf(i: number, changed: boolean): string {
  const lines = [`// file ${String(i)}`, `import { helper } from "../../shared/helper.js";`];
  const count = 3 + ((i * 7919) % 40);
  for (let k = 0; k < count; k++)
    lines.push(`export const value${String(k)} = helper(${String((i * 31 + k) % 1009)});`);
  if (changed) lines.push(`export const revised = ${String(i)};`);
  return `${lines.join("\n")}\n`;
}
