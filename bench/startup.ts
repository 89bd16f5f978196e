/**
 * Target 5: start-up. `node dist/cli.js --version` against `node -e 0` with the same Node 24
 * binary, alternating run by run, so what is measured is what loading the bundle adds.
 */
import { NODE24 } from "./paths.js";
import type { Settings } from "./settings.js";
import { formatSample, median } from "./stats.js";
import type { Row } from "./table.js";
import { timed } from "./timing.js";

export async function benchStartup(settings: Settings, say: (line: string) => void): Promise<Row[]> {
  const cli: number[] = [];
  const bare: number[] = [];
  // Warm-up: the page cache holds node and the bundle before the first counted run.
  await timed(NODE24, ["-e", "0"]);
  const version = (await timed(NODE24, [settings.cli, "--version"])).result.stdout.toString("utf8").trim();
  say(`start-up: ${String(settings.startupRuns)} runs each (loophole ${version})`);
  for (let i = 0; i < settings.startupRuns; i++) {
    bare.push((await timed(NODE24, ["-e", "0"])).ms);
    cli.push((await timed(NODE24, [settings.cli, "--version"])).ms);
  }
  return [
    {
      kind: "target",
      section: "5",
      what: "node dist/cli.js --version ÷ node -e 0",
      measured: formatSample(cli),
      baseline: formatSample(bare),
      ratio: median(cli) / median(bare),
      target: 2,
    },
  ];
}
