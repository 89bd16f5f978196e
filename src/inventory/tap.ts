/**
 * TAP (tape, node:test's TAP reporter, any TAP producer) through tap-parser.
 *
 * - `# SKIP` → skipped; `# TODO` → xfail, even on an `ok` line (a todo never counts as a pass).
 * - node:test subtests (`# Subtest:` children): each leaf test point is a test, named by its path
 *   (`describe > test`). A point that only closes a child is not a test, unless it failed while
 *   nothing inside it did (a failing hook), so one failure is not counted twice.
 * - tape prints flat assertions under `# test name` comments: the comment is the suite, and a
 *   `# SKIP name` comment is a skipped test.
 * - The plan is the run's declared size: a missing plan, fewer points than planned or a bail out is
 *   reported in `facts.incomplete` (the gate's exit-mismatch check).
 */
import type { FinalResults, Result } from "tap-parser";
import { Parser } from "tap-parser";
import { GateError } from "../core/errors.js";
import { InventoryBuilder } from "./builder.js";
import type { ParsedRun, RunFacts, TestStatus } from "./model.js";

export interface TapOptions {
  framework?: string;
  /** Shown in problems and errors. */
  source?: string;
}

/** tape's closing summary and tap-parser's own synthetic comments are not test names. */
const NOT_A_SECTION =
  /^(?:tests|pass|fail|todo|skip|skipped|suites|cancelled|duration_ms)\s+[\d.]+$|^ok$|^test count\(/;

export function parseTap(text: string, options: TapOptions = {}): ParsedRun {
  const source = options.source ?? "TAP output";
  const builder = new InventoryBuilder(options.framework ?? "tap");
  // node:test-style streams nest tests as subtests; tape-style streams name tests in comments.
  const nested = /^\s*# Subtest: /m.test(text);
  let final: FinalResults | undefined;
  const root = new Parser({ passes: false }, (results) => {
    final = results;
  });
  attach(root, [], builder, nested);
  root.end(text);
  if (final === undefined) throw new GateError(`${source}: the TAP parser did not finish`);
  const results = final;
  const facts = planFacts(results, builder.size, source);
  for (const failure of results.failures) {
    if ("tapError" in failure && typeof failure.tapError === "string") {
      builder.problem(`${source}: ${failure.tapError}`);
    }
  }
  return { inventory: builder.build(), facts };
}

interface Frame {
  /** Set by a `child` event: the next test point on this parser closes that child. */
  openChild: { failed: boolean; points: number } | undefined;
  section: string | undefined;
}

interface ChildSummary {
  failed: boolean;
  points: number;
}

/**
 * Wires a parser (root or child) to the builder. Returns a summary the parent reads when this child
 * closes: whether anything inside failed, and how many test points it held.
 */
function attach(
  parser: Parser,
  path: readonly string[],
  builder: InventoryBuilder,
  nested: boolean,
): ChildSummary {
  const frame: Frame = { openChild: undefined, section: undefined };
  const summary: ChildSummary = { failed: false, points: 0 };
  parser.on("child", (child: Parser) => {
    frame.openChild = attach(child, [...path, child.name], builder, nested);
  });
  parser.on("comment", (line: string) => {
    if (nested) return;
    const text = line.replace(/^\s*#\s?/, "").trim();
    if (text === "" || NOT_A_SECTION.test(text)) return;
    const skipped = /^SKIP\s+(.+)$/.exec(text);
    if (skipped?.[1] !== undefined) {
      builder.add({ name: skipped[1], status: "skipped" });
      summary.points += 1;
      return;
    }
    const todo = /^TODO\s+(.+)$/.exec(text);
    frame.section = todo?.[1] ?? text;
  });
  parser.on("assert", (result: Result) => {
    const child = frame.openChild;
    frame.openChild = undefined;
    const status = statusOf(result);
    if (child !== undefined && child.points > 0) {
      summary.points += child.points;
      if (child.failed) summary.failed = true;
      // The closing point of a subtest group: a test only when it failed on its own (a hook).
      if (status !== "failed" || child.failed) return;
    }
    const name = result.name.trim() === "" ? `#${result.id}` : result.name.trim();
    const suite = nested ? path.join(" > ") : frame.section;
    builder.add({ suite, name, status, message: messageOf(result), durationMs: durationOf(result) });
    summary.points += 1;
    if (status === "failed") summary.failed = true;
  });
  return summary;
}

function statusOf(result: Result): TestStatus {
  if (result.todo !== false) return "xfail";
  if (result.skip !== false) return "skipped";
  return result.ok ? "passed" : "failed";
}

function messageOf(result: Result): string | undefined {
  const directive = result.todo !== false ? result.todo : result.skip;
  if (typeof directive === "string" && directive !== "") return directive;
  const diag: unknown = result.diag;
  if (typeof diag === "object" && diag !== null) {
    for (const key of ["error", "message"]) {
      const value: unknown = (diag as Record<string, unknown>)[key];
      if (typeof value === "string" && value !== "") return value;
    }
  }
  return undefined;
}

function durationOf(result: Result): number | undefined {
  const diag: unknown = result.diag;
  if (typeof diag !== "object" || diag === null) return undefined;
  const value: unknown = (diag as Record<string, unknown>).duration_ms;
  return typeof value === "number" ? value : undefined;
}

function planFacts(results: FinalResults, seen: number, source: string): RunFacts {
  const incomplete: string[] = [];
  const { start, end, skipAll } = results.plan;
  let declared: number | undefined;
  if (start !== null && end !== null) {
    declared = skipAll ? 0 : Math.max(0, end - start + 1);
    if (results.count < declared) {
      incomplete.push(`${source}: the plan announced ${declared} tests but only ${results.count} reported`);
    } else if (results.count > declared) {
      incomplete.push(`${source}: ${results.count} test points for a plan of ${declared}`);
    }
  } else if (results.count > 0 || results.bailout === false) {
    incomplete.push(`${source}: the TAP stream has no plan line (the run may have stopped early)`);
  }
  if (results.bailout !== false) {
    const reason =
      typeof results.bailout === "string" && results.bailout !== "" ? `: ${results.bailout}` : "";
    incomplete.push(`${source}: Bail out!${reason}`);
  }
  return declared === undefined ? { seen, incomplete } : { declared, seen, incomplete };
}
