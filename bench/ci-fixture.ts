/**
 * The fixture of the "against a plain CI job" bench: a Python project whose pytest suite does about
 * ten seconds of CPU work (and a little waiting) in the runners image, a contract with that suite and
 * one cheap verifier, a base commit where one test fails and a head commit that fixes it.
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { TestRepo } from "../test/support/git-repo.js";
import { RUNNERS_IMAGE } from "../test/support/runner-images.js";
import { FIXTURES } from "./paths.js";
import { shell } from "./timing.js";

export const TEST_COMMAND = "python3 -m pytest -q";
export const VERIFIER_COMMAND = "python3 -m compileall -q src";

export interface CiFixture extends AsyncDisposable {
  repo: TestRepo;
  base: string;
  head: string;
}

/** `scale` 1 is about 10 s of test time on a 2-core runner; the quick mode uses less. */
export async function createCiFixture(scale: number): Promise<CiFixture> {
  const repo = await TestRepo.create();
  try {
    await writeTree(repo, join(FIXTURES, "ci-job", "base"));
    await repo.write(
      "tests/workload.py",
      `# Written by the bench: how much work each test does.\nSCALE = ${String(scale)}\n`,
    );
    await repo.write("loophole.json", `${JSON.stringify(contract(), null, 2)}\n`);
    const base = await repo.commit("a parser that forgets the sign, and its failing test");
    await writeTree(repo, join(FIXTURES, "ci-job", "head"));
    const head = await repo.commit("parse_int accepts a sign");
    return { repo, base, head, [Symbol.asyncDispose]: () => repo[Symbol.asyncDispose]() };
  } catch (error) {
    await repo[Symbol.asyncDispose]();
    throw error;
  }
}

function contract(): unknown {
  return {
    version: 1,
    goal: "parse_int accepts negative numbers; tests/test_parse.py::test_negative passes",
    protected: { frozen: ["pytest.ini"], appendOnly: ["tests/**"] },
    sandbox: { image: RUNNERS_IMAGE, network: "none", cpus: 2, memory: "2g", timeout: "10m" },
    // The runners image has python3 and no `python` alias.
    tests: { run: TEST_COMMAND, framework: "pytest" },
    verifiers: [{ name: "compiles", run: VERIFIER_COMMAND, timeout: "2m" }],
  };
}

async function writeTree(repo: TestRepo, dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    await repo.write(relative(dir, path), await readFile(path));
  }
}

/** A plain checkout of `commit` in `dir`, as a CI job has one: prepared before any timing. */
export async function plainCheckout(repoDir: string, commit: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await shell(`git -C "$1" archive "$2" | tar -x -C "$3"`, [repoDir, commit, dir]);
}
