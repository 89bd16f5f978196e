/**
 * Target 4: reading test reports at scale. For each format (JUnit, go test -json) and size, the
 * bench writes a base and a head report, then times loophole's parse + compare of the head against
 * the base inventory, and a bare parse of the same file, each run in a child process of its own
 * (bench/reports-child.ts) so that its peak memory can be read.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { createTempDir } from "../src/core/temp-dir.js";
import { CHILD, NODE24 } from "./paths.js";
import { writeGoJson, writeJUnit } from "./report-shapes.js";
import type { Settings } from "./settings.js";
import { formatBytes, formatMs, formatSample, median } from "./stats.js";
import type { Row } from "./table.js";
import { run } from "./timing.js";

const ChildResult = z.object({
  ms: z.number(),
  peakBytes: z.number(),
  startBytes: z.number(),
  peakReset: z.boolean(),
  tests: z.number(),
  findings: z.number(),
  steps: z.record(z.string(), z.number()).optional(),
});
type ChildResult = z.infer<typeof ChildResult>;

type Format = "junit" | "go";

const FORMATS: readonly { format: Format; label: string; bare: string }[] = [
  { format: "junit", label: "JUnit XML (pytest)", bare: "new XMLParser().parse(text)" },
  { format: "go", label: "go test -json", bare: "split lines + JSON.parse per line" },
];

/** Linear means the time per test hardly grows with the count; 1.5 leaves room for GC and caches. */
const LINEAR_TARGET = 1.5;

async function child(
  mode: "prepare" | "bare" | "loophole" | "breakdown",
  format: Format,
  report: string,
  inventory: string,
): Promise<ChildResult> {
  const out = await run(NODE24, [
    "--expose-gc",
    CHILD,
    mode,
    format,
    report,
    ...(mode === "bare" ? [] : [inventory]),
  ]);
  return ChildResult.parse(JSON.parse(out));
}

export async function benchReports(settings: Settings, say: (line: string) => void): Promise<Row[]> {
  await using dir = await createTempDir("bench-reports");
  const rows: Row[] = [];
  for (const { format, label, bare } of FORMATS) {
    const perTest: { n: number; us: number }[] = [];
    for (const n of settings.reportSizes) {
      const head = join(dir.path, `head-${String(n)}.${format}`);
      const base = join(dir.path, `base-${String(n)}.${format}`);
      const write = format === "junit" ? writeJUnit : writeGoJson;
      await write(base, n, "base");
      await write(head, n, "head");
      // The base inventory, parsed once and stored: each run loads it instead of parsing the base.
      const inventory = `${base}.inventory`;
      await child("prepare", format, base, inventory);
      const size = (await stat(head)).size;
      const top = n === settings.reportSizes.at(-1);
      say(`reports: ${label}, ${String(n)} tests, ${formatBytes(size)}`);

      await child("loophole", format, head, inventory); // warm-up: page cache
      const ours: ChildResult[] = [];
      const theirs: ChildResult[] = [];
      for (let i = 0; i < settings.shortRuns; i++) {
        ours.push(await child("loophole", format, head, inventory));
        if (top) theirs.push(await child("bare", format, head, inventory));
      }
      for (const r of ours) {
        // n tests, two of the base's removed and two added: a parser that lost tests is not fast.
        if (r.tests !== n + 2)
          throw new Error(`${label}: parsed ${String(r.tests)} tests, expected ${String(n + 2)}`);
        if (r.findings === 0) throw new Error(`${label}: the comparison found none of the planted changes`);
      }
      const ms = median(ours.map((r) => r.ms));
      perTest.push({ n, us: (ms * 1000) / n });
      if (!top) continue;

      const steps = (await child("breakdown", format, head, inventory)).steps ?? {};
      const bareMs = median(theirs.map((r) => r.ms));
      const peak = median(ours.map((r) => r.peakBytes));
      const added = median(ours.map((r) => r.peakBytes - r.startBytes));
      rows.push(
        {
          kind: "target",
          section: "4",
          what: `${label}, ${String(n / 1000)}k tests: parse + compare ÷ ${bare}`,
          measured: formatSample(ours.map((r) => r.ms)),
          baseline: formatMs(bareMs),
          ratio: ms / bareMs,
          target: 1.5,
        },
        {
          kind: "target",
          section: "4",
          // The memory parsing and comparing take: the peak over what the process held before
          // (Node itself and the base inventory, an input the gate holds anyway). The whole
          // process's peak is printed below as information.
          what: `${label}, ${String(n / 1000)}k tests: peak memory added by parse + compare ÷ file size`,
          measured: formatBytes(added),
          baseline: formatBytes(size),
          ratio: added / size,
          target: 6,
        },
        {
          kind: "info",
          section: "4",
          what: `${label}, ${String(n / 1000)}k tests`,
          value: [
            `file ${formatBytes(size)}`,
            `RSS before reading the head ${formatBytes(median(ours.map((r) => r.startBytes)))} (Node + the base inventory)`,
            `whole process peak ${formatBytes(peak)} (${(peak / size).toFixed(2)}× the file)`,
            `bare parse peak RSS ${formatBytes(median(theirs.map((r) => r.peakBytes)))}`,
            `${String(ours[0]?.findings ?? 0)} findings`,
            ...(ours.every((r) => r.peakReset)
              ? []
              : ["VmHWM could not be reset, so the peak includes loading the base"]),
          ].join("; "),
        },
        {
          kind: "info",
          section: "4",
          what: `${label}, ${String(n / 1000)}k tests: loophole's steps timed one by one (one run)`,
          value: Object.entries(steps)
            .map(([step, stepMs]) => `${step} ${formatMs(stepMs)}`)
            .join(", "),
        },
      );
    }
    const first = perTest[0];
    const last = perTest.at(-1);
    if (first && last) {
      rows.push(
        {
          kind: "target",
          section: "4",
          what: `${label}: time per test at ${String(last.n / 1000)}k ÷ at ${String(first.n / 1000)}k (linear)`,
          measured: `${last.us.toFixed(2)} µs`,
          baseline: `${first.us.toFixed(2)} µs`,
          ratio: last.us / first.us,
          target: LINEAR_TARGET,
        },
        {
          kind: "info",
          section: "4",
          what: `${label}: parse + compare per test`,
          value: perTest.map((p) => `${String(p.n / 1000)}k: ${p.us.toFixed(2)} µs`).join(", "),
        },
      );
    }
  }
  return rows;
}
