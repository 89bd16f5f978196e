/**
 * `go test -json` (test2json events), read from the test command's complete output. Lines that are
 * not JSON events (compiler errors and `FAIL pkg [build failed]` on stderr before Go 1.24, `make`
 * echo lines) are allowed; build failures among them are recognised.
 *
 * Ids are `package::TestName`, subtests included (`pkg::TestA/case_1`; Go itself numbers repeated
 * subtest names `#01`). Package-level failures that no test explains (build failure, a panic in
 * init, TestMain exiting non-zero) become a pseudo test `pkg::(build)` or `pkg::(package)` with status
 * `error`, so the inventory agrees with the exit code. A test that started and never reported a
 * result (crashed or killed binary, timeout) is `error` and listed in `facts.incomplete`.
 */
import { InventoryBuilder } from "./builder.js";
import type { ParsedRun, TestStatus } from "./model.js";

export interface GoJsonOptions {
  framework?: string;
  source?: string;
}

interface GoEvent {
  Action: string;
  Package?: string;
  Test?: string;
  Output?: string;
  Elapsed?: number;
  FailedBuild?: string;
  ImportPath?: string;
}

interface PackageState {
  ended: boolean;
  failingTests: number;
  output: OutputTail;
}

const BUILD_FAILED = /^FAIL\s+(\S+)\s+\[(build failed|setup failed)\]\s*$/;
const NEVER_ENDED = "started but never reported a result (the test binary crashed, timed out or was killed)";
const MAX_LISTED = 10;

export function parseGoTestJson(text: string, options: GoJsonOptions = {}): ParsedRun {
  const reader = new GoStreamReader(options.source ?? "go test -json output", options.framework ?? "go");
  for (const raw of text.split("\n")) reader.line(raw.trim());
  return reader.finish();
}

class GoStreamReader {
  readonly #source: string;
  readonly #builder: InventoryBuilder;
  readonly #tests = new Map<string, { id: string; output: OutputTail; ended: boolean }>();
  readonly #packages = new Map<string, PackageState>();
  readonly #failedPackages = new Set<string>();
  #malformed = 0;

  constructor(source: string, framework: string) {
    this.#source = source;
    this.#builder = new InventoryBuilder(framework);
  }

  line(line: string): void {
    if (line === "") return;
    const event = line.startsWith("{") ? parseEvent(line) : undefined;
    if (event === undefined) {
      if (line.startsWith("{")) this.#malformed += 1;
      this.#checkBuildFailure(line);
      return;
    }
    // Build events name the test variant: "example.com/x [example.com/x.test]".
    const pkg = (event.Package ?? event.ImportPath)?.replace(/ \[[^\]]*\]$/, "");
    if (pkg === undefined) return;
    if (event.Action === "build-output" || event.Action === "build-fail") {
      // Go ≥ 1.24 reports compilation in the stream, keyed by ImportPath.
      if (event.Action === "build-fail") this.#packageFailure(pkg, "(build)", "build failed");
      return;
    }
    if (event.Test === undefined) this.#packageEvent(event, pkg);
    else this.#testEvent(event, pkg, event.Test);
  }

  finish(): ParsedRun {
    const incomplete: string[] = [];
    const neverEnded = [...this.#tests.entries()].filter(([, test]) => !test.ended);
    for (const [key] of neverEnded.slice(0, MAX_LISTED)) {
      incomplete.push(`${this.#source}: ${key.replace("\u0000", " ")} ${NEVER_ENDED}`);
    }
    if (neverEnded.length > MAX_LISTED) {
      incomplete.push(
        `${this.#source}: and ${neverEnded.length - MAX_LISTED} more tests that never reported a result`,
      );
    }
    for (const [pkg, state] of this.#packages) {
      if (!state.ended && !this.#failedPackages.has(pkg)) {
        incomplete.push(
          `${this.#source}: package ${pkg} never reported its final result (the go command was killed?)`,
        );
      }
    }
    if (this.#malformed > 0) {
      this.#builder.problem(
        `${this.#source}: ${this.#malformed} lines looked like JSON but were not test2json events`,
      );
    }
    return { inventory: this.#builder.build(), facts: { seen: this.#builder.size, incomplete } };
  }

  #state(pkg: string): PackageState {
    let state = this.#packages.get(pkg);
    if (state === undefined) {
      state = { ended: false, failingTests: 0, output: new OutputTail() };
      this.#packages.set(pkg, state);
    }
    return state;
  }

  #checkBuildFailure(line: string): void {
    const build = BUILD_FAILED.exec(line);
    if (build?.[1] !== undefined)
      this.#packageFailure(build[1], "(build)", `FAIL ${build[1]} [${build[2] ?? ""}]`);
  }

  /** One pseudo test per failed package, so a build failure seen twice (stderr and JSON) counts once. */
  #packageFailure(pkg: string, name: string, message: string): void {
    if (this.#failedPackages.has(pkg)) return;
    this.#failedPackages.add(pkg);
    this.#builder.add({ suite: pkg, name, status: "error", message });
  }

  #packageEvent(event: GoEvent, pkg: string): void {
    const state = this.#state(pkg);
    if (event.Action === "output") {
      if (event.Output === undefined) return;
      state.output.push(event.Output);
      this.#checkBuildFailure(event.Output.trim());
      return;
    }
    const status = endStatus(event.Action);
    if (status === undefined) return;
    state.ended = true;
    if (status !== "failed") return;
    if (event.FailedBuild !== undefined) {
      this.#packageFailure(pkg, "(build)", `build failed: ${event.FailedBuild}`);
    } else if (state.failingTests === 0) {
      // Failed without a failing test: a panic in init, TestMain exiting non-zero, a vet error.
      this.#packageFailure(pkg, "(package)", state.output.text() ?? `package ${pkg} failed`);
    }
  }

  #testEvent(event: GoEvent, pkg: string, name: string): void {
    const key = `${pkg}\u0000${name}`;
    let test = this.#tests.get(key);
    if (test === undefined) {
      const id = this.#builder.add({ suite: pkg, name, status: "error", message: NEVER_ENDED });
      test = { id, output: new OutputTail(), ended: false };
      this.#tests.set(key, test);
    }
    if (event.Action === "output") {
      if (event.Output !== undefined) test.output.push(event.Output);
      return;
    }
    const status = endStatus(event.Action);
    if (status === undefined) return;
    test.ended = true;
    this.#builder.update(test.id, status, status === "passed" ? undefined : test.output.text());
    if (status === "failed") this.#state(pkg).failingTests += 1;
    const entry = this.#builder.get(test.id);
    if (entry !== undefined && event.Elapsed !== undefined)
      entry.durationMs = Math.round(event.Elapsed * 1000);
  }
}

function endStatus(action: string): TestStatus | undefined {
  switch (action) {
    case "pass":
      return "passed";
    case "fail":
      return "failed";
    case "skip":
      return "skipped";
    default:
      return undefined;
  }
}

function parseEvent(line: string): GoEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.Action !== "string") return undefined;
  const event: GoEvent = { Action: record.Action };
  if (typeof record.Package === "string") event.Package = record.Package;
  if (typeof record.ImportPath === "string") event.ImportPath = record.ImportPath;
  if (typeof record.Test === "string") event.Test = record.Test;
  if (typeof record.Output === "string") event.Output = record.Output;
  if (typeof record.Elapsed === "number") event.Elapsed = record.Elapsed;
  if (typeof record.FailedBuild === "string") event.FailedBuild = record.FailedBuild;
  return event;
}

/** The last lines of a test's output, bounded: enough to say why it failed. */
class OutputTail {
  #lines: string[] = [];
  #chars = 0;

  push(output: string): void {
    // The runner's own status lines say nothing a status does not.
    if (/^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)|--- (?:PASS|FAIL|SKIP):)/.test(output)) return;
    this.#lines.push(output);
    this.#chars += output.length;
    while (this.#chars > 4000 && this.#lines.length > 1) {
      this.#chars -= this.#lines.shift()?.length ?? 0;
    }
  }

  text(): string | undefined {
    const joined = this.#lines.join("").trim();
    return joined === "" ? undefined : joined;
  }
}
