/**
 * cargo test / libtest output: the plain format (`test a::b ... ok|FAILED|ignored`) and, when
 * present, the JSON format (`-Z unstable-options --format json`), with stderr merged in by the cargo
 * preset so `Running tests/x.rs (target/debug/deps/x-…)` and `Doc-tests crate` name each test binary
 * and `error: could not compile` is seen.
 *
 * Ids are `source::binary::test` (`src/lib.rs::calc::tests::adds`, `tests/api.rs::api::works`), or the
 * bare test name when only stdout was captured. Doc-test names lose their ` (line N)` suffix, which
 * changes whenever lines are added above. `should_panic` tests that panicked are passes; `#[ignore]`
 * is skipped.
 *
 * Result lines are plain stdout, so a test can print forged ones. Each binary's `running N tests`
 * header and `test result:` summary are compared with the lines seen; a difference, or a binary that
 * never printed its summary (the process exited early), goes to `facts.incomplete`.
 */
import { InventoryBuilder } from "./builder.js";
import type { ParsedRun, TestStatus } from "./model.js";

export interface CargoOptions {
  framework?: string;
  source?: string;
}

/** What one test binary announced and reported; exposed so the gate can show the numbers. */
export interface CargoBinary {
  /** `tests/api.rs (api)`, `doc-tests calc`, or `binary #n` when stderr was not captured. */
  label: string;
  declared: number;
  seen: { passed: number; failed: number; ignored: number };
  summary:
    { passed: number; failed: number; ignored: number; measured: number; filteredOut: number } | undefined;
}

export interface CargoRun extends ParsedRun {
  binaries: CargoBinary[];
}

const RUNNING_BINARY =
  /^\s*Running (?:unittests )?(\S+) \((?:.*\/)?([^/()]+?)(?:-[0-9a-f]{8,})?(?:\.exe)?\)\s*$/;
const DOC_TESTS = /^\s*Doc-tests (\S+)\s*$/;
const RUNNING_TESTS = /^running (\d+) tests?$/;
const RESULT_LINE = /^test (.+?) \.\.\. (ok|FAILED|ignored|bench:.*?)(?:, (.*?))?(?: <[\d.]+s>)?\s*$/;
const SUMMARY =
  /^test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored; (\d+) measured; (\d+) filtered out/;
const COMPILE_ERROR = /^error: could not compile `([^`]+)`(.*)$/;

interface Section {
  binary: CargoBinary;
  file: string | undefined;
  suite: string | undefined;
  /** Result lines are only trusted before the section's `failures:` list and summary. */
  open: boolean;
  /** Ids of this binary's failed tests, to attach the `---- name stdout ----` text to. */
  failed: Map<string, string>;
  capture: { id: string; lines: string[] } | undefined;
}

export function parseCargoOutput(text: string, options: CargoOptions = {}): CargoRun {
  const source = options.source ?? "cargo test output";
  const builder = new InventoryBuilder(options.framework ?? "cargo");
  const binaries: CargoBinary[] = [];
  const compileFailures = new Set<string>();
  let next: { label: string; file: string | undefined; suite: string | undefined } | undefined;
  let section: Section | undefined;

  const startSection = (declared: number): Section => {
    const label = next?.label ?? `binary #${binaries.length + 1}`;
    const binary: CargoBinary = {
      label,
      declared,
      seen: { passed: 0, failed: 0, ignored: 0 },
      summary: undefined,
    };
    binaries.push(binary);
    const started: Section = {
      binary,
      file: next?.file,
      suite: next?.suite,
      open: true,
      failed: new Map(),
      capture: undefined,
    };
    next = undefined;
    return started;
  };
  const record = (current: Section, rawName: string, status: TestStatus, message?: string): void => {
    const name = normalizeName(rawName);
    // `src/lib.rs - add (line 3) - compile ... ok` is a no_run doctest: compiled, never run. libtest
    // counts it as passed (so the binary's counts below do too), but it proves nothing at run time.
    const compiledOnly = status === "passed" && / - compile$/.test(rawName);
    const id = builder.add({
      file: current.file,
      suite: current.suite,
      name,
      status: compiledOnly ? "skipped" : status,
      message: compiledOnly ? "no_run doctest: compiled, not run" : message,
    });
    if (status === "passed") current.binary.seen.passed += 1;
    else if (status === "failed") {
      current.binary.seen.failed += 1;
      current.failed.set(name, id);
    } else current.binary.seen.ignored += 1;
  };
  const endCapture = (current: Section): void => {
    if (current.capture === undefined) return;
    builder.update(current.capture.id, "failed", current.capture.lines.join("\n"));
    current.capture = undefined;
  };

  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const trimmed = line.trim();
    if (trimmed.startsWith("{")) {
      const event = parseJsonEvent(trimmed);
      if (event !== undefined) {
        section = applyJsonEvent(event, section, startSection, record);
        continue;
      }
    }
    const running = RUNNING_BINARY.exec(line);
    if (running?.[1] !== undefined && running[2] !== undefined) {
      next = { label: `${running[1]} (${running[2]})`, file: running[1], suite: running[2] };
      continue;
    }
    const doc = DOC_TESTS.exec(line);
    if (doc?.[1] !== undefined) {
      next = { label: `doc-tests ${doc[1]}`, file: undefined, suite: `doc-tests ${doc[1]}` };
      continue;
    }
    const header = RUNNING_TESTS.exec(trimmed);
    if (header?.[1] !== undefined) {
      section = startSection(Number(header[1]));
      continue;
    }
    const compile = COMPILE_ERROR.exec(trimmed);
    if (compile?.[1] !== undefined && !compileFailures.has(compile[1])) {
      compileFailures.add(compile[1]);
      builder.add({ suite: compile[1], name: "(build)", status: "error", message: trimmed });
      continue;
    }
    if (section === undefined) continue;
    const summary = SUMMARY.exec(trimmed);
    if (summary !== null) endCapture(section);
    if (summary !== null) {
      const [passed, failed, ignored, measured, filteredOut] = summary.slice(1, 6).map(Number);
      section.binary.summary = {
        passed: passed ?? 0,
        failed: failed ?? 0,
        ignored: ignored ?? 0,
        measured: measured ?? 0,
        filteredOut: filteredOut ?? 0,
      };
      section.open = false;
      continue;
    }
    if (trimmed === "failures:" || trimmed === "successes:") {
      endCapture(section);
      section.open = false;
      continue;
    }
    if (!section.open) {
      captureFailure(section, line, endCapture);
      continue;
    }
    const result = RESULT_LINE.exec(trimmed);
    if (result?.[1] !== undefined) {
      const status: TestStatus =
        result[2] === "FAILED" ? "failed" : result[2] === "ignored" ? "skipped" : "passed";
      record(section, result[1], status, result[2] === "ignored" ? result[3] : undefined);
    }
  }

  const incomplete = binaries.flatMap((binary) => checkBinary(binary, source));
  const declared = binaries.reduce((sum, binary) => sum + binary.declared, 0);
  return { inventory: builder.build(), facts: { declared, seen: builder.size, incomplete }, binaries };
}

const FAILURE_HEADER = /^---- (.+?) stdout ----$/;

/** After `failures:`, `---- name stdout ----` starts the captured output of a failed test. */
function captureFailure(section: Section, line: string, endCapture: (section: Section) => void): void {
  const header = FAILURE_HEADER.exec(line.trim());
  if (header?.[1] !== undefined) {
    endCapture(section);
    const id = section.failed.get(normalizeName(header[1]));
    if (id !== undefined) section.capture = { id, lines: [] };
    return;
  }
  const capture = section.capture;
  if (capture !== undefined && capture.lines.length < 40) capture.lines.push(line);
}

/** `tests::x - should panic` → `tests::x`; `src/lib.rs - add (line 3)` → `src/lib.rs - add`. */
function normalizeName(name: string): string {
  return name
    .replace(/ - should panic(?: with message .*)?$/, "")
    .replace(/ \(line \d+\)(?: - compile(?: fail)?)?$/, "");
}

function checkBinary(binary: CargoBinary, source: string): string[] {
  const seen = binary.seen.passed + binary.seen.failed + binary.seen.ignored;
  const where = `${source}: ${binary.label}`;
  const problems: string[] = [];
  if (binary.summary === undefined) {
    problems.push(
      `${where} announced ${binary.declared} tests and reported ${seen} without a \`test result:\` line (the test process ended early)`,
    );
    return problems;
  }
  if (seen !== binary.declared) {
    problems.push(`${where} announced ${binary.declared} tests but ${seen} result lines were printed`);
  }
  const { summary } = binary;
  if (
    summary.passed + summary.measured !== binary.seen.passed ||
    summary.failed !== binary.seen.failed ||
    summary.ignored !== binary.seen.ignored
  ) {
    problems.push(
      `${where}: the summary says ${summary.passed} passed, ${summary.failed} failed, ${summary.ignored} ignored but the result lines say ${binary.seen.passed}, ${binary.seen.failed}, ${binary.seen.ignored}`,
    );
  }
  return problems;
}

interface JsonEvent {
  type: string;
  event: string;
  name?: string;
  testCount?: number;
  counts?: { passed: number; failed: number; ignored: number; measured: number; filteredOut: number };
  message?: string;
}

function parseJsonEvent(line: string): JsonEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.type !== "string" || typeof record.event !== "string") return undefined;
  const event: JsonEvent = { type: record.type, event: record.event };
  if (typeof record.name === "string") event.name = record.name;
  if (typeof record.test_count === "number") event.testCount = record.test_count;
  const message = typeof record.message === "string" ? record.message : record.stdout;
  if (typeof message === "string") event.message = message;
  const number = (key: string): number => (typeof record[key] === "number" ? record[key] : 0);
  if (typeof record.passed === "number") {
    event.counts = {
      passed: number("passed"),
      failed: number("failed"),
      ignored: number("ignored"),
      measured: number("measured"),
      filteredOut: number("filtered_out"),
    };
  }
  return event;
}

function applyJsonEvent(
  event: JsonEvent,
  section: Section | undefined,
  startSection: (declared: number) => Section,
  record: (section: Section, name: string, status: TestStatus, message?: string) => void,
): Section | undefined {
  if (event.type === "suite") {
    if (event.event === "started") return startSection(event.testCount ?? 0);
    if (section !== undefined && event.counts !== undefined) {
      section.binary.summary = event.counts;
      section.open = false;
    }
    return section;
  }
  if (section === undefined || !section.open || event.name === undefined) return section;
  if (event.type === "bench") {
    record(section, event.name, "passed");
    return section;
  }
  if (event.type !== "test") return section;
  switch (event.event) {
    case "ok":
      record(section, event.name, "passed");
      break;
    case "failed":
    case "timeout":
      record(section, event.name, "failed", event.message);
      break;
    case "ignored":
      record(section, event.name, "skipped", event.message);
      break;
    default:
      break;
  }
  return section;
}
