/**
 * Target 3: loophole's fixed overhead on a large change with nothing to run. `loophole check` with
 * one trivial verifier against the least any gate must do: read the change (`git diff --raw`) and
 * start one container (`docker run --rm <image> true`). Prints the containers started and where the
 * time goes, phase by phase.
 */
import { createTempDir } from "../src/core/temp-dir.js";
import { BUSYBOX_IMAGE } from "../test/support/images.js";
import { bigRepo } from "./big-repo.js";
import { loopholeCheck, phaseMedians, type CheckRun } from "./cli-check.js";
import type { Settings } from "./settings.js";
import { formatMs, formatSample, median } from "./stats.js";
import type { Row } from "./table.js";
import { timed } from "./timing.js";

export async function benchOverhead(settings: Settings, say: (line: string) => void): Promise<Row[]> {
  const repo = await bigRepo(settings.repoFiles, settings.repoChanged, say);
  await using scratch = await createTempDir("bench-overhead");
  const check = async (): Promise<CheckRun> => {
    await using cache = await createTempDir("bench-cache");
    // Awaited here: the cache directory must outlive the check.
    return await loopholeCheck({
      cli: settings.cli,
      repo: repo.dir,
      base: repo.base,
      head: repo.head,
      cacheDir: cache.path,
      scratchDir: scratch.path,
      expect: "pass",
    });
  };
  const baseline = async (): Promise<{ diff: number; container: number }> => {
    const diff = await timed("git", ["-C", repo.dir, "diff", "--raw", repo.base, repo.head]);
    const lines = diff.result.stdout.toString("utf8").split("\n").filter(Boolean).length;
    if (lines !== repo.changed)
      throw new Error(`git diff --raw listed ${String(lines)} changes, expected ${String(repo.changed)}`);
    const container = await timed("docker", ["run", "--rm", "--network", "none", BUSYBOX_IMAGE, "true"]);
    return { diff: diff.ms, container: container.ms };
  };

  say("fixed overhead: warm-up (not counted)");
  await baseline();
  await check();
  const runs: CheckRun[] = [];
  const diffs: number[] = [];
  const containers: number[] = [];
  for (let i = 0; i < settings.shortRuns; i++) {
    const b = await baseline();
    diffs.push(b.diff);
    containers.push(b.container);
    runs.push(await check());
    say(
      `fixed overhead run ${String(i + 1)}/${String(settings.shortRuns)}: loophole ${formatMs(runs.at(-1)?.ms ?? 0)}, git diff ${formatMs(b.diff)} + docker run ${formatMs(b.container)}`,
    );
  }
  const totals = diffs.map((d, i) => d + (containers[i] ?? 0));
  const loophole = runs.map((r) => r.ms);
  const started = [...new Set(runs.map((r) => r.containersStarted))];
  const size = `${String(repo.files / 1000)}k files, ${String(repo.changed / 1000)}k changed`;
  return [
    {
      kind: "target",
      section: "3",
      what: `loophole check ÷ (git diff --raw + docker run true), ${size}`,
      measured: formatSample(loophole),
      baseline: `${formatMs(median(totals))} (diff ${formatMs(median(diffs))} + run ${formatMs(median(containers))})`,
      ratio: median(loophole) / median(totals),
      target: 2,
    },
    {
      kind: "check",
      section: "3",
      what: "containers started (provenance.containersStarted)",
      value: started.join(", "),
      expected: "= 1",
      ok: started.length === 1 && started[0] === 1,
    },
    {
      kind: "info",
      section: "3",
      what: "phases (median)",
      value: phaseMedians(runs, median)
        .map(([name, ms]) => `${name} ${formatMs(ms)}`)
        .join(", "),
    },
    {
      kind: "info",
      section: "3",
      what: "in the gate but after its last phase (removing the container, moving the clean room aside)",
      value: formatMs(median(runs.map((r) => r.gateMs - criticalPath(r)))),
    },
    {
      kind: "info",
      section: "3",
      what: "after the process exited: the clean room's removal in a detached process (not timed; waited for before the next run)",
      value: formatMs(median(runs.map((r) => r.backgroundMs))),
    },
    {
      kind: "info",
      section: "3",
      what: "outside the gate (Node start-up, CLI, writing the report)",
      value: formatMs(median(runs.map((r) => r.ms - r.gateMs))),
    },
  ];
}

/**
 * The phases' share of the gate's time: the early phases one after the other, then the head's
 * clean room and the head side, which overlap (the container starts while git writes the tree).
 */
function criticalPath(run: CheckRun): number {
  let sequential = 0;
  for (const [name, ms] of run.phases) if (name !== "clean room" && name !== "head") sequential += ms;
  return sequential + Math.max(run.phases.get("clean room") ?? 0, run.phases.get("head") ?? 0);
}
