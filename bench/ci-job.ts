/**
 * Targets 1 and 2: loophole against the CI job it joins. The same pytest suite (about 10 s) and
 * verifier run four ways, interleaved run by run so a burst of load hits all of them alike:
 *
 * - bare: one `docker run` of the tests and the verifier on a plain checkout of the head;
 * - loophole cold: `loophole check` with an empty base cache (base and head suites both run);
 * - loophole warm: the same check again on the same base (base inventory from the cache);
 * - naive: what a script doing loophole's job without it would run: base tests, head tests, verifier,
 *   one `docker run` after the other.
 *
 * Checkouts for bare and naive are made before the clock starts; loophole's clean rooms are its own
 * work and are timed.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createTempDir } from "../src/core/temp-dir.js";
import { RUNNERS_IMAGE } from "../test/support/runner-images.js";
import { createCiFixture, plainCheckout, TEST_COMMAND, VERIFIER_COMMAND } from "./ci-fixture.js";
import { loopholeCheck, phaseMedians, type CheckRun } from "./cli-check.js";
import type { Settings } from "./settings.js";
import { formatMs, formatSample, median } from "./stats.js";
import type { Row } from "./table.js";
import { timed } from "./timing.js";

interface Sample {
  bare: number[];
  naive: number[];
  cold: CheckRun[];
  warm: CheckRun[];
}

export async function benchCiJob(settings: Settings, say: (line: string) => void): Promise<Row[]> {
  await using fixture = await createCiFixture(settings.ciScale);
  await using scratch = await createTempDir("bench-ci");
  const { repo, base, head } = fixture;
  let n = 0;
  const fresh = async (what: string): Promise<string> => {
    n += 1;
    const dir = join(scratch.path, `${what}-${String(n)}`);
    await mkdir(dir, { recursive: true });
    return dir;
  };
  const checkout = async (commit: string): Promise<string> => {
    const dir = await fresh("checkout");
    await plainCheckout(repo.dir, commit, dir);
    return dir;
  };
  const check = async (cacheDir: string): Promise<CheckRun> =>
    loopholeCheck({
      cli: settings.cli,
      repo: repo.dir,
      base,
      head,
      cacheDir,
      scratchDir: scratch.path,
      expect: "pass",
    });

  const bare = async (): Promise<number> => {
    const dir = await checkout(head);
    return (await dockerRun(dir, `${TEST_COMMAND} && ${VERIFIER_COMMAND}`, [0])).ms;
  };
  const naive = async (): Promise<number> => {
    const baseDir = await checkout(base);
    const headDir = await checkout(head);
    const started = performance.now();
    // The base has the failing test the head fixes: exit 1 is its expected answer.
    await dockerRun(baseDir, TEST_COMMAND, [0, 1]);
    await dockerRun(headDir, TEST_COMMAND, [0]);
    await dockerRun(headDir, VERIFIER_COMMAND, [0]);
    return performance.now() - started;
  };

  say("ci job: warm-up (page cache, image layers; not counted)");
  await bare();
  await check(await fresh("cache"));

  const sample: Sample = { bare: [], naive: [], cold: [], warm: [] };
  for (let i = 0; i < settings.longRuns; i++) {
    sample.bare.push(await bare());
    const cacheDir = await fresh("cache");
    sample.cold.push(await check(cacheDir));
    sample.warm.push(await check(cacheDir));
    sample.naive.push(await naive());
    const last = (values: readonly number[]): string => formatMs(values.at(-1) ?? 0);
    say(
      `ci job run ${String(i + 1)}/${String(settings.longRuns)}: bare ${last(sample.bare)}, cold ${last(sample.cold.map((r) => r.ms))}, warm ${last(sample.warm.map((r) => r.ms))}, naive ${last(sample.naive)}`,
    );
  }
  return rows(sample);
}

async function dockerRun(
  dir: string,
  command: string,
  okExitCodes: readonly number[],
): Promise<{ ms: number }> {
  return timed(
    "docker",
    [
      "run",
      "--rm",
      "--network",
      "none",
      "--mount",
      `type=bind,source=${dir},target=/work`,
      "--workdir",
      "/work",
      // As loophole runs its containers: files written in the checkout stay the caller's.
      ...user(),
      RUNNERS_IMAGE,
      "sh",
      "-c",
      command,
    ],
    { okExitCodes },
  );
}

function rows(s: Sample): Row[] {
  const cold = s.cold.map((r) => r.ms);
  const warm = s.warm.map((r) => r.ms);
  const shown = formatSample;
  const coldPhases = phaseMedians(s.cold, median);
  const warmPhases = phaseMedians(s.warm, median);
  const breakdown = (phases: [string, number][]): string =>
    phases.map(([name, ms]) => `${name} ${formatMs(ms)}`).join(", ");
  return [
    {
      kind: "target",
      section: "1",
      what: "loophole check, cold ÷ bare docker run",
      measured: shown(cold),
      baseline: shown(s.bare),
      ratio: median(cold) / median(s.bare),
      target: 1.6,
    },
    {
      kind: "target",
      section: "1",
      what: "loophole check, warm ÷ bare docker run",
      measured: shown(warm),
      baseline: shown(s.bare),
      ratio: median(warm) / median(s.bare),
      target: 1.15,
    },
    {
      kind: "target",
      section: "1",
      what: "loophole check, cold ÷ naive sequential script",
      measured: shown(cold),
      baseline: shown(s.naive),
      ratio: median(cold) / median(s.naive),
      target: 0.75,
    },
    cacheRow(s),
    { kind: "info", section: "1", what: "cold phases (median)", value: breakdown(coldPhases) },
    { kind: "info", section: "1", what: "warm phases (median)", value: breakdown(warmPhases) },
  ];
}

/** Target 2, when the reports allow it: a warm run that ran the base again, or has no lookup phase, is a ✗. */
function cacheRow(s: Sample): Row {
  const what = "warm `base cache` ÷ cold `base` phase";
  if (s.warm.some((r) => r.phases.has("base")))
    return {
      kind: "check",
      section: "2",
      what,
      value: "the warm run ran the base suite again",
      expected: "cache hit",
      ok: false,
    };
  const coldBase = s.cold.map((r) => r.phases.get("base"));
  const warmLookup = s.warm.map((r) => r.phases.get("base cache"));
  if (!defined(coldBase) || !defined(warmLookup))
    return {
      kind: "check",
      section: "2",
      what,
      value: "no `base`/`base cache` phase in provenance.phases (a bundle older than the phase?)",
      expected: "both phases",
      ok: false,
    };
  return {
    kind: "target",
    section: "2",
    what,
    measured: formatSample(warmLookup),
    baseline: formatSample(coldBase),
    ratio: median(warmLookup) / median(coldBase),
    target: 0.05,
  };
}

function defined(values: readonly (number | undefined)[]): values is number[] {
  return values.every((v) => v !== undefined);
}

function user(): string[] {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  return uid === undefined || gid === undefined ? [] : ["--user", `${String(uid)}:${String(gid)}`];
}
