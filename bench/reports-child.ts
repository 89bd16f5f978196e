/**
 * One measurement of the reports bench, in a process of its own so its peak memory is its own:
 *
 *   node --expose-gc reports-child.js prepare <junit|go> BASE_FILE INVENTORY_FILE
 *   node --expose-gc reports-child.js <bare|loophole|breakdown> <junit|go> HEAD_FILE [INVENTORY_FILE]
 *
 * `prepare` parses the base report once and stores its inventory (v8.serialize). `loophole` loads
 * that inventory (not timed: the base inventory the head is compared with, held in memory as in the
 * gate; loaded rather than parsed, so the base parse's garbage is not in the peak), then reads
 * HEAD_FILE and times parse + compare. `bare` times the least a parser must do: fast-xml-parser with
 * default options, or split + JSON.parse per line. The peak resident set (VmHWM) is reset after the
 * untimed part, so it covers reading, parsing and comparing the head file with the base inventory
 * held. `breakdown` times loophole's steps one after
 * the other (tokenize, JUnit structure and inventory; or split, JSON.parse, inventory; then compare), to show
 * where the time goes. Prints one JSON line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { XMLParser } from "fast-xml-parser";
import { compareInventories } from "../src/inventory/compare.js";
import type { Inventory } from "../src/inventory/model.js";
import { parseRunOutput } from "../src/inventory/parse.js";
import { streamXml } from "../src/inventory/xml-stream.js";

type Format = "junit" | "go";

export interface ChildResult {
  ms: number;
  /** VmHWM after the timed part, bytes. */
  peakBytes: number;
  /** VmRSS when the peak was reset: Node itself, plus the base inventory in loophole mode. */
  startBytes: number;
  /** Whether VmHWM could be reset after the base was parsed (Linux ≥ 4.0, /proc/self/clear_refs). */
  peakReset: boolean;
  /** Tests parsed (loophole) or top-level items seen (bare): a check that the work was done. */
  tests: number;
  findings: number;
  /** breakdown mode: step → milliseconds. */
  steps?: Record<string, number>;
}

function parseHead(format: Format, text: string): Inventory {
  const run =
    format === "junit"
      ? parseRunOutput("junit", { files: [{ name: "pytest.xml", content: text }] }, { framework: "pytest" })
      : parseRunOutput("go-json", { files: [], stdout: text }, { framework: "go" });
  return run.inventory;
}

function bare(format: Format, text: string): number {
  if (format === "junit") {
    const doc: unknown = new XMLParser().parse(text);
    return doc === null || typeof doc !== "object" ? 0 : Object.keys(doc).length;
  }
  let events = 0;
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const event: unknown = JSON.parse(line);
    if (event !== null) events += 1;
  }
  return events;
}

function statusBytes(field: "VmHWM" | "VmRSS"): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, "m").exec(status)?.[1];
  if (kb === undefined) throw new Error(`no ${field} in /proc/self/status`);
  return Number(kb) * 1024;
}

/** Each step timed alone, in order; the later ones run with a warmed-up JIT. */
function breakdown(format: Format, text: string, base: Inventory): Record<string, number> {
  const time = (fn: () => unknown): number => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  const steps: Record<string, number> = {};
  if (format === "junit") {
    const noop = () => undefined;
    const tokenize = time(() =>
      streamXml("pytest.xml", text, { open: noop, attribute: noop, openEnd: noop, text: noop, close: noop }),
    );
    let head: Inventory | undefined;
    const all = time(() => (head = parseHead(format, text)));
    steps["htmlparser2 + well-formedness checks"] = tokenize;
    steps["JUnit structure + inventory"] = Math.max(0, all - tokenize);
    if (head) steps.compare = time(() => compareInventories(base, head ?? base, COMPARE));
  } else {
    const split = time(() => text.split("\n").map((line) => line.trim()));
    const json = time(() => bare(format, text));
    let head: Inventory | undefined;
    const all = time(() => (head = parseHead(format, text)));
    steps["split + trim"] = split;
    steps["JSON.parse per line"] = Math.max(0, json - split);
    steps["events → inventory"] = Math.max(0, all - json);
    if (head) steps.compare = time(() => compareInventories(base, head ?? base, COMPARE));
  }
  return steps;
}

function loadInventory(path: string): Inventory {
  const value: unknown = deserialize(readFileSync(path));
  if (!isInventory(value)) throw new Error(`${path} does not hold an inventory`);
  return value;
}

function isInventory(value: unknown): value is Inventory {
  return (
    typeof value === "object" &&
    value !== null &&
    "framework" in value &&
    typeof value.framework === "string" &&
    "tests" in value &&
    value.tests instanceof Map &&
    "problems" in value &&
    Array.isArray(value.problems)
  );
}

const COMPARE = { minDelta: 0, allowNewSkips: false };

function resetPeak(): boolean {
  gc?.();
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function main(argv: readonly string[]): ChildResult {
  const [mode, format, headFile, inventoryFile] = argv;
  if (
    (mode !== "bare" && mode !== "loophole" && mode !== "breakdown" && mode !== "prepare") ||
    (format !== "junit" && format !== "go") ||
    headFile === undefined
  ) {
    throw new Error("usage: reports-child.js <bare|loophole|breakdown> <junit|go> HEAD_FILE [BASE_FILE]");
  }
  if (mode === "bare") {
    const peakReset = resetPeak();
    const startBytes = statusBytes("VmRSS");
    const text = readFileSync(headFile, "utf8");
    const started = performance.now();
    const tests = bare(format, text);
    const ms = performance.now() - started;
    return { ms, peakBytes: statusBytes("VmHWM"), startBytes, peakReset, tests, findings: 0 };
  }
  if (inventoryFile === undefined) throw new Error(`${mode} mode needs INVENTORY_FILE`);
  if (mode === "prepare") {
    const inventory = parseHead(format, readFileSync(headFile, "utf8"));
    writeFileSync(inventoryFile, serialize(inventory));
    return { ms: 0, peakBytes: 0, startBytes: 0, peakReset: false, tests: inventory.tests.size, findings: 0 };
  }
  const base = loadInventory(inventoryFile);
  const peakReset = resetPeak();
  const startBytes = statusBytes("VmRSS");
  const text = readFileSync(headFile, "utf8");
  if (mode === "breakdown") {
    const steps = breakdown(format, text, base);
    const ms = Object.values(steps).reduce((a, b) => a + b, 0);
    return { ms, peakBytes: statusBytes("VmHWM"), startBytes, peakReset, tests: 0, findings: 0, steps };
  }
  const started = performance.now();
  const head = parseHead(format, text);
  const comparison = compareInventories(base, head, COMPARE);
  const ms = performance.now() - started;
  const peakBytes = statusBytes("VmHWM");
  return {
    ms,
    peakBytes,
    startBytes,
    peakReset,
    tests: head.tests.size,
    findings: comparison.findings.length,
  };
}

process.stdout.write(`${JSON.stringify(main(process.argv.slice(2)))}\n`);
