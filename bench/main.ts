/**
 * `npm run bench`: measures loophole against the speed targets of issue "Speed" and prints one
 * table of ratios, each against a baseline measured in the same run. Exit 0 whatever the times
 * (`--strict`: 1 when a target is missed), 2 when the bench itself could not run.
 */
import { existsSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { BUSYBOX_IMAGE, ensureTestImages, TEST_IMAGES } from "../test/support/images.js";
import { RUNNERS_IMAGE } from "../test/support/runner-images.js";
import { benchCiJob } from "./ci-job.js";
import { currentLoad, describeMachine, formatLoad, formatMachine, waitForQuiet } from "./machine.js";
import { benchOverhead } from "./overhead.js";
import { CHILD, CLI, NODE24, REPO_ROOT } from "./paths.js";
import { benchReports } from "./reports.js";
import { parseSettings, USAGE, UsageRequest, type Section, type Settings } from "./settings.js";
import { benchStartup } from "./startup.js";
import { renderTable, rowMet, type Row } from "./table.js";

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const BENCHES: Record<Section, (settings: Settings, say: (line: string) => void) => Promise<Row[]>> = {
  ci: benchCiJob,
  overhead: benchOverhead,
  reports: benchReports,
  startup: benchStartup,
};

async function main(argv: readonly string[]): Promise<number> {
  let settings: Settings;
  try {
    settings = parseSettings(argv);
  } catch (error) {
    if (error instanceof UsageRequest) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    say(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  for (const path of [settings.cli, NODE24, CHILD]) {
    if (!existsSync(path))
      throw new Error(`${path} is missing (npm run build; npm run bench builds the bench itself)`);
  }
  if (settings.cli === CLI) {
    const stale = await newerSource(statSync(CLI).mtimeMs);
    if (stale !== undefined)
      say(`note: ${stale} is newer than dist/cli.js; the bench measures the bundle as it is`);
  } else say(`measuring ${settings.cli}`);

  const machine = await describeMachine(NODE24);
  const needsDocker = settings.sections.has("ci") || settings.sections.has("overhead");
  if (needsDocker) {
    const wanted = TEST_IMAGES.filter(
      (image) =>
        (image.name === BUSYBOX_IMAGE && settings.sections.has("overhead")) ||
        (image.name === RUNNERS_IMAGE && settings.sections.has("ci")),
    );
    await ensureTestImages(wanted);
  }
  if (settings.waitQuietMs > 0) await waitForQuiet(0.5, settings.waitQuietMs, say);
  const before = await currentLoad();
  say(`${settings.quick ? "quick" : "full"} bench on ${formatMachine(machine)}`);
  say(`before: ${formatLoad(before)}`);

  const rows: Row[] = [];
  // The load at the end of each section: a busy spell mid-run shows here even if the ends are quiet.
  const during: string[] = [];
  for (const section of [...settings.sections]) {
    const started = performance.now();
    rows.push(...(await BENCHES[section](settings, say)));
    say(`${section}: done in ${String(Math.round((performance.now() - started) / 1000))} s`);
    const load = await currentLoad();
    during.push(
      `${section} ${load.load1.toFixed(2)}${load.containers > 0 ? ` (${String(load.containers)} containers)` : ""}`,
    );
  }
  const after = await currentLoad();

  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  process.stdout.write(
    [
      `loophole bench (${settings.quick ? "quick: smaller sizes, fewer runs; not the targets' sizes" : "full"}), ${date} UTC`,
      formatMachine(machine),
      `load before: ${formatLoad(before)}`,
      `load after:  ${formatLoad(after)}`,
      `load (1 min) as each section ended: ${during.join(", ")}`,
      "",
      renderTable(rows),
      "",
    ].join("\n"),
  );
  const missed = rows.filter((row) => !rowMet(row));
  if (missed.length > 0) say(`${String(missed.length)} target(s) missed`);
  return settings.strict && missed.length > 0 ? 1 : 0;
}

/** A source file changed after the bundle was built, if any (the bench never rebuilds dist/). */
async function newerSource(bundleMs: number): Promise<string | undefined> {
  const src = join(REPO_ROOT, "src");
  for (const entry of await readdir(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
    const path = join(entry.parentPath, entry.name);
    if (statSync(path).mtimeMs > bundleMs) return path.slice(REPO_ROOT.length + 1);
  }
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
