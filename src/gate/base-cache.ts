/**
 * The base side's results (setup steps and test inventory) depend only on the base tree, the
 * contract's `tests`, `setup` and sandbox settings, the image and loophole's own version: a second
 * gate on the same base (another pull request, the next task-mode round) reuses them instead of
 * running the base suite again. Only the base side is ever cached — it runs trusted code — and the
 * key covers everything it depends on, so a stale or foreign entry cannot be picked up.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Contract } from "../contract/types.js";
import { TOOL_VERSION } from "../core/version.js";
import type { Inventory, ParsedRun, RunFacts, TestCase } from "../inventory/model.js";
import type { StepReport } from "../model/report.js";
import type { TestRun } from "../tests-run/run-tests.js";
import type { SideResult } from "../verify/side.js";

export interface BaseCache {
  get(key: string): Promise<SideResult | undefined>;
  set(key: string, value: SideResult): Promise<void>;
}

/**
 * Bumped whenever the same run would now be read into a different inventory (test ids, statuses),
 * so a cached base from an earlier build of the same version is not compared with a new head.
 */
const INVENTORY_FORMAT = 2;

export function baseCacheKey(baseTree: string, contract: Contract, imageIds: readonly string[]): string {
  const { sandbox } = contract;
  const material = JSON.stringify({
    v: TOOL_VERSION,
    format: INVENTORY_FORMAT,
    baseTree,
    tests: contract.tests,
    setup: contract.setup,
    sandbox: {
      image: sandbox.image,
      env: sandbox.env,
      cpus: sandbox.cpus,
      memoryBytes: sandbox.memoryBytes,
      pids: sandbox.pids,
      network: sandbox.network,
      runtime: sandbox.runtime,
    },
    imageIds,
  });
  return `loophole-base-${createHash("sha256").update(material).digest("hex").slice(0, 40)}`;
}

interface StoredRun {
  step: StepReport;
  parsed: { framework: string; tests: TestCase[]; problems: string[]; facts: RunFacts } | undefined;
  error?: string;
  problems: string[];
}

interface Stored {
  version: 1;
  setup: StepReport[];
  setupFailed?: string;
  tests?: StoredRun;
}

/** Only complete, readable base runs are worth keeping: a failure to run is retried next time. */
export function cacheable(side: SideResult): boolean {
  return (
    side.setupFailed === undefined && side.tests?.parsed !== undefined && side.tests.step.status !== "timeout"
  );
}

export function serialise(side: SideResult): string {
  const run = side.tests;
  const stored: Stored = {
    version: 1,
    setup: side.setup,
    ...(run === undefined
      ? {}
      : {
          tests: {
            step: run.step,
            parsed:
              run.parsed === undefined
                ? undefined
                : {
                    framework: run.parsed.inventory.framework,
                    tests: [...run.parsed.inventory.tests.values()],
                    problems: run.parsed.inventory.problems,
                    facts: run.parsed.facts,
                  },
            ...(run.error === undefined ? {} : { error: run.error }),
            problems: run.problems,
          },
        }),
  };
  return JSON.stringify(stored);
}

export function deserialise(text: string): SideResult | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  // The file is ours, but a truncated or older one must read as a miss, not a crash.
  if (typeof parsed !== "object" || parsed === null || !("version" in parsed) || parsed.version !== 1)
    return undefined;
  const stored = parsed as Stored;
  if (!Array.isArray(stored.setup)) return undefined;
  const result: SideResult = {
    side: "base",
    setup: stored.setup,
    verifiers: [],
    findings: [],
    containersStarted: 0,
  };
  const t = stored.tests;
  if (t !== undefined) {
    const parsed: ParsedRun | undefined =
      t.parsed === undefined
        ? undefined
        : {
            inventory: {
              framework: t.parsed.framework,
              tests: new Map(t.parsed.tests.map((c) => [c.id, c])),
              problems: t.parsed.problems,
            } satisfies Inventory,
            facts: t.parsed.facts,
          };
    const run: TestRun = {
      step: t.step,
      parsed,
      problems: t.problems,
      ...(t.error === undefined ? {} : { error: t.error }),
    };
    result.tests = run;
  }
  return result;
}

export class MemoryBaseCache implements BaseCache {
  readonly #entries = new Map<string, string>();
  get(key: string): Promise<SideResult | undefined> {
    const text = this.#entries.get(key);
    return Promise.resolve(text === undefined ? undefined : deserialise(text));
  }
  set(key: string, value: SideResult): Promise<void> {
    this.#entries.set(key, serialise(value));
    return Promise.resolve();
  }
}

/** One JSON file per key in a directory (the CLI's cache, and what the action saves with @actions/cache). */
export class DirectoryBaseCache implements BaseCache {
  constructor(readonly dir: string) {}
  async get(key: string): Promise<SideResult | undefined> {
    const text = await readFile(join(this.dir, `${key}.json`), "utf8").catch(() => undefined);
    return text === undefined ? undefined : deserialise(text);
  }
  async set(key: string, value: SideResult): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = join(this.dir, `${key}.json`);
    // Write then rename, so a concurrent reader never sees half a file.
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, serialise(value));
    await rename(partial, target);
  }
}
