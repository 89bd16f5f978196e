/** The bench's command line: `--quick` (CI), `--strict`, `--only`, `--wait-quiet`. */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CLI } from "./paths.js";

export const SECTIONS = ["ci", "overhead", "reports", "startup"] as const;
export type Section = (typeof SECTIONS)[number];

export interface Settings {
  quick: boolean;
  /** The bundle measured: dist/cli.js unless `--cli` names another build. */
  cli: string;
  /** Exit 1 when a target is missed (never in quick mode, whose sizes are not the targets'). */
  strict: boolean;
  sections: ReadonlySet<Section>;
  /** Wait (up to this long) for load < 0.5 and no containers before measuring; 0: do not wait. */
  waitQuietMs: number;
  /** Runs of the ~10-second measurements (the CI-job section). */
  longRuns: number;
  /** Runs of the short ones (overhead, reports). */
  shortRuns: number;
  startupRuns: number;
  /** Work per test in the CI-job fixture: 1 is about 10 s of suite on a 2-core runner. */
  ciScale: number;
  repoFiles: number;
  repoChanged: number;
  /** Test counts for the reports section; the last is the one the ratios use. */
  reportSizes: readonly number[];
}

export const USAGE = `usage: npm run bench -- [--quick] [--strict] [--only ci,overhead,reports,startup] [--cli PATH] [--wait-quiet[=MINUTES]]

  --quick       fewer runs and smaller sizes (what CI runs); never fails on times
  --strict      exit 1 when a target is missed (full mode only)
  --only        run only these sections
  --cli PATH    measure this bundle instead of dist/cli.js (a build of another revision)
  --wait-quiet  wait for load average < 0.5 and no running containers first (default 30 minutes)`;

export function parseSettings(argv: readonly string[]): Settings {
  const { values } = parseArgs({
    // A bare --wait-quiet means the default wait; parseArgs wants a value for a string option.
    args: argv.map((arg) => (arg === "--wait-quiet" ? "--wait-quiet=30" : arg)),
    options: {
      quick: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      only: { type: "string" },
      cli: { type: "string" },
      "wait-quiet": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  });
  if (values.help) throw new UsageRequest();
  const sections = new Set<Section>();
  for (const name of (values.only ?? SECTIONS.join(",")).split(",")) {
    const section = SECTIONS.find((s) => s === name.trim());
    if (section === undefined) throw new Error(`--only: unknown section "${name}" (${SECTIONS.join(", ")})`);
    sections.add(section);
  }
  const quick = values.quick;
  const wait = values["wait-quiet"];
  const waitMinutes = wait === undefined ? 0 : Number(wait);
  if (!Number.isFinite(waitMinutes) || waitMinutes < 0)
    throw new Error(`--wait-quiet: not a number of minutes: ${String(wait)}`);
  return {
    quick,
    cli: values.cli === undefined ? CLI : resolve(values.cli),
    strict: values.strict && !quick,
    sections,
    waitQuietMs: waitMinutes * 60_000,
    longRuns: quick ? 1 : 3,
    shortRuns: quick ? 3 : 5,
    startupRuns: quick ? 10 : 20,
    ciScale: quick ? 0.25 : 1,
    repoFiles: quick ? 10_000 : 100_000,
    repoChanged: quick ? 1_000 : 10_000,
    reportSizes: quick ? [5_000, 10_000, 20_000] : [50_000, 100_000, 200_000],
  };
}

/** `--help`: print the usage and exit 0. */
export class UsageRequest extends Error {}
