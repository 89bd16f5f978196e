/**
 * `node dist/cli.js check`, as a user runs it, timed from outside, with what its JSON report says
 * about where the time went (`provenance.phases`) and how many containers it started.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { scratchRoot, TRASH_PREFIX } from "../src/core/temp-dir.js";
import { NODE24 } from "./paths.js";
import { timed } from "./timing.js";

const ReportShape = z.object({
  outcome: z.enum(["pass", "fail", "error"]),
  headline: z.string(),
  provenance: z.object({
    containersStarted: z.number(),
    durationMs: z.number(),
    phases: z.array(z.object({ name: z.string(), durationMs: z.number() })),
  }),
});

export interface CheckRun {
  /** Wall-clock time of the whole process, Node start-up included. */
  ms: number;
  /** The gate's own time (`provenance.durationMs`): `ms` minus this is start-up and rendering. */
  gateMs: number;
  outcome: "pass" | "fail" | "error";
  containersStarted: number;
  /** Phase name → milliseconds, from the JSON report. */
  phases: Map<string, number>;
  /**
   * How long the clean rooms' removal went on after the process exited (loophole leaves it to a
   * detached process). Waited for before the next measurement, so it never slows another run.
   */
  backgroundMs: number;
}

export interface CheckInput {
  /** The bundled CLI (dist/cli.js). */
  cli: string;
  repo: string;
  base: string;
  head: string;
  /** LOOPHOLE_CACHE_DIR: a fresh directory for a cold run, a used one for a warm run. */
  cacheDir: string;
  /** Where the JSON report goes (a directory the caller owns). */
  scratchDir: string;
  /** The outcome the fixture must produce: a bench that times a broken gate measures nothing. */
  expect: "pass" | "fail";
}

let reports = 0;

export async function loopholeCheck(input: CheckInput): Promise<CheckRun> {
  reports += 1;
  const jsonPath = join(input.scratchDir, `report-${String(reports)}.json`);
  const args = [
    input.cli,
    "check",
    "--repo",
    input.repo,
    "--base",
    input.base,
    "--head",
    input.head,
    "--json",
    jsonPath,
  ];
  const { ms, result } = await timed(NODE24, args, {
    env: { ...process.env, LOOPHOLE_CACHE_DIR: input.cacheDir, NO_COLOR: "1" },
    okExitCodes: [0, 1, 2],
  });
  const backgroundMs = await trashRemoved();
  const report = ReportShape.parse(JSON.parse(await readFile(jsonPath, "utf8")));
  if (report.outcome !== input.expect) {
    throw new Error(
      `loophole check ended in ${report.outcome}, the bench fixture expects ${input.expect}: ${report.headline}\n${result.stdout.toString("utf8").slice(-3000)}`,
    );
  }
  const phases = new Map<string, number>();
  for (const phase of report.provenance.phases)
    phases.set(phase.name, (phases.get(phase.name) ?? 0) + phase.durationMs);
  return {
    ms,
    gateMs: report.provenance.durationMs,
    outcome: report.outcome,
    containersStarted: report.provenance.containersStarted,
    phases,
    backgroundMs,
  };
}

/** Waits (up to two minutes) until no trash is left in the scratch root; returns how long it took. */
async function trashRemoved(): Promise<number> {
  const started = performance.now();
  const root = scratchRoot();
  for (;;) {
    const names = await readdir(root).catch(() => []);
    if (!names.some((name) => name.startsWith(TRASH_PREFIX))) return Math.round(performance.now() - started);
    if (performance.now() - started > 120_000)
      throw new Error(
        `trash in ${root} was not removed within two minutes; the bench would time its removal`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Median per phase over several runs, in the order the first run recorded them. */
export function phaseMedians(
  runs: readonly CheckRun[],
  median: (values: number[]) => number,
): [string, number][] {
  const names = [...new Set(runs.flatMap((r) => [...r.phases.keys()]))];
  return names.map((name) => [name, median(runs.map((r) => r.phases.get(name) ?? 0))]);
}
