/**
 * The cheat matrix's harness: a real git repository made from a fixture project, its contract
 * committed at base, a head commit that applies an honest change or a cheat, and the real gate over
 * it with the offline runner image.
 */
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { RecordingLogger } from "../../src/core/logger.js";
import { runGate } from "../../src/gate/gate.js";
import type { Report } from "../../src/model/report.js";
import { TestRepo } from "../support/git-repo.js";
import type { Edits } from "./edits.js";
import { describeFindings } from "./expectations.js";
import type { MatrixFramework, Project, ScenarioOptions } from "./projects.js";
import { contractFor } from "./projects.js";
import { SharedBaseCache } from "./shared-base-cache.js";

/** One base run per framework and contract for the whole file (see shared-base-cache.ts). */
const BASE_CACHE = new SharedBaseCache();

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/projects");

/** How long one framework's scenarios may take (a gate runs up to three suites). */
export const SCENARIO_TIMEOUT_MS = 240_000;

/** Every file of a fixture project, by path relative to its root. */
export async function fixtureFiles(framework: MatrixFramework): Promise<Map<string, string>> {
  const root = join(FIXTURES, framework);
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), await readFile(path, "utf8"));
  }
  return files;
}

/**
 * Commits the fixture with its contract as base, applies `edits` as the head commit and gates the
 * head against the base with the real git and container engine.
 */
export async function gateChange(
  project: Project,
  edits: Edits,
  options: ScenarioOptions = {},
): Promise<Report> {
  const files = await fixtureFiles(project.framework);
  await using repo = await TestRepo.create();
  for (const [path, content] of files) await repo.write(path, content);
  await repo.write("loophole.json", `${JSON.stringify(contractFor(project, options), null, 2)}\n`);
  const base = await repo.commit("base: the task's test fails");
  for (const [path, edit] of Object.entries(edits)) {
    if (edit === null) await repo.remove(path);
    else if (typeof edit === "string") await repo.write(path, edit);
    else {
      const source = typeof edit === "function" ? path : edit.copyOf;
      const before = files.get(source);
      if (before === undefined) throw new Error(`${source} is not in the ${project.framework} fixture`);
      await repo.write(path, typeof edit === "function" ? edit(before) : before);
    }
  }
  const head = await repo.commit("head: the change under test");
  const logger = new RecordingLogger();
  const baseCache = BASE_CACHE.view();
  let report: Report;
  try {
    // Awaited here: `await using` removes the repository when this function returns.
    report = await runGate(
      {
        repoDir: repo.dir,
        base,
        head,
        contractPath: "loophole.json",
        runId: `matrix-${randomUUID().slice(0, 8)}`,
      },
      { logger, baseCache },
    );
  } finally {
    baseCache.done();
  }
  // LOOPHOLE_MATRIX_VERBOSE=1 prints what each scenario's gate found, for tuning the expectations.
  if (process.env["LOOPHOLE_MATRIX_VERBOSE"] === "1") {
    process.stderr.write(
      `\n[${project.framework}] ${Object.keys(edits).join(", ")}\n${describeFindings(report)}\n`,
    );
  }
  return report;
}
