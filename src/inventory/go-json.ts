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
import type { NewTest } from "./builder.js";
import { InventoryBuilder, makeId } from "./builder.js";
import type { GoEvent } from "./go-events.js";
import {
  endStatus,
  isStatusLine,
  OutputTail,
  packageName,
  parseEvent,
  STATUS_OUTPUT_EVENT,
  TEST_EVENT,
} from "./go-events.js";
import type { ParsedRun, TestCase } from "./model.js";

export interface GoJsonOptions {
  framework?: string;
  source?: string;
}

interface PackageState {
  readonly pkg: string;
  ended: boolean;
  failingTests: number;
  output: OutputTail;
  /**
   * The tests now running, each with the order of its first event (tests that never end are listed
   * as they started). A test leaves when it ends.
   */
  readonly running: Map<string, number>;
  /** The output of running tests, for those that printed more than the runner's status lines. */
  readonly outputs: Map<string, OutputTail>;
}

const BUILD_FAILED = /^FAIL\s+(\S+)\s+\[(build failed|setup failed)\]\s*$/;
const NEVER_ENDED = "started but never reported a result (the test binary crashed, timed out or was killed)";
const MAX_LISTED = 10;

export function parseGoTestJson(text: string, options: GoJsonOptions = {}): ParsedRun {
  const reader = new GoStreamReader(options.source ?? "go test -json output", options.framework ?? "go");
  reader.read(text);
  return reader.finish();
}

/**
 * A test is added to the inventory when its end event arrives, with its final status, message and
 * duration; until then it is in its package's `running` map. Output is kept only while a test runs
 * and only when the test did not pass, so memory holds the inventory and the running tests.
 */
class GoStreamReader {
  readonly #source: string;
  readonly #builder: InventoryBuilder;
  readonly #packages = new Map<string, PackageState>();
  readonly #failedPackages = new Set<string>();
  #last: PackageState | undefined;
  #started = 0;
  #malformed = 0;
  /** Reused for every test added: the builder copies what it keeps. */
  readonly #test: NewTest = { suite: "", name: "", status: "passed" };

  constructor(source: string, framework: string) {
    this.#source = source;
    this.#builder = new InventoryBuilder(framework);
  }

  /**
   * Reads the stream line by line, as `text.split("\n")` with each line trimmed would. A line that
   * TEST_EVENT or STATUS_OUTPUT_EVENT matches where it starts is read in place: no line string, no
   * JSON.parse.
   */
  read(text: string): void {
    let at = 0;
    while (at < text.length) {
      STATUS_OUTPUT_EVENT.lastIndex = at;
      if (STATUS_OUTPUT_EVENT.test(text)) {
        at = STATUS_OUTPUT_EVENT.lastIndex;
        continue;
      }
      TEST_EVENT.lastIndex = at;
      const fast = TEST_EVENT.exec(text);
      if (fast !== null) {
        at = TEST_EVENT.lastIndex;
        // Captured values hold no escapes, so they are what JSON.parse would return.
        const elapsed = fast[4];
        const seconds = elapsed === undefined ? undefined : Number(elapsed);
        this.#testEvent(fast[1] ?? "", packageName(fast[2] ?? ""), fast[3] ?? "", undefined, seconds);
        continue;
      }
      const end = text.indexOf("\n", at);
      const next = end === -1 ? text.length : end;
      this.line(text.slice(at, next).trim());
      at = next + 1;
    }
  }

  line(line: string): void {
    if (line === "") return;
    const event = line.startsWith("{") ? parseEvent(line) : undefined;
    if (event === undefined) {
      if (line.startsWith("{")) this.#malformed += 1;
      this.#checkBuildFailure(line);
      return;
    }
    const named = typeof event.Package === "string" ? event.Package : event.ImportPath;
    if (typeof named !== "string") return;
    const pkg = packageName(named);
    if (event.Action === "build-output" || event.Action === "build-fail") {
      // Go ≥ 1.24 reports compilation in the stream, keyed by ImportPath.
      if (event.Action === "build-fail") this.#packageFailure(pkg, "(build)", "build failed");
      return;
    }
    if (typeof event.Test === "string") {
      const output = typeof event.Output === "string" ? event.Output : undefined;
      const elapsed = typeof event.Elapsed === "number" ? event.Elapsed : undefined;
      this.#testEvent(event.Action, pkg, event.Test, output, elapsed);
    } else this.#packageEvent(event, pkg);
  }

  finish(): ParsedRun {
    const neverEnded = this.#neverEnded();
    const incomplete: string[] = [];
    for (const { pkg, name } of neverEnded.slice(0, MAX_LISTED)) {
      incomplete.push(`${this.#source}: ${pkg} ${name} ${NEVER_ENDED}`);
    }
    if (neverEnded.length > MAX_LISTED) {
      incomplete.push(
        `${this.#source}: and ${String(neverEnded.length - MAX_LISTED)} more tests that never reported a result`,
      );
    }
    for (const { pkg, name } of neverEnded) {
      this.#builder.add({ suite: pkg, name, status: "error", message: NEVER_ENDED });
    }
    // Every package that reported anything must also report its end: a stream cut between two
    // passing tests (go < 1.20 writes no "start" event) is otherwise indistinguishable from a finished one.
    for (const state of this.#packages.values()) {
      const pkg = state.pkg;
      if (!state.ended && !this.#failedPackages.has(pkg)) {
        incomplete.push(
          `${this.#source}: package ${pkg} never reported its final result (the go command was killed?)`,
        );
      }
    }
    if (this.#malformed > 0) {
      this.#builder.problem(
        `${this.#source}: ${String(this.#malformed)} lines looked like JSON but were not test2json events`,
      );
    }
    return { inventory: this.#builder.build(), facts: { seen: this.#builder.size, incomplete } };
  }

  /**
   * Tests still running at the end of the stream, in the order they started. A test that already
   * ended once (`go test -count=2`) keeps the result it reported.
   */
  #neverEnded(): { pkg: string; name: string }[] {
    const found: { pkg: string; name: string; order: number }[] = [];
    for (const [pkg, state] of this.#packages) {
      for (const [name, order] of state.running) {
        if (this.#ended(pkg, name) === undefined) found.push({ pkg, name, order });
      }
    }
    return found.sort((a, b) => a.order - b.order);
  }

  /** The inventory entry of a test that already ended, if any. */
  #ended(pkg: string, name: string): TestCase | undefined {
    const entry = this.#builder.get(makeId({ suite: pkg, name }));
    return entry !== undefined && entry.suite === (pkg === "" ? undefined : pkg) && entry.name === name
      ? entry
      : undefined;
  }

  #state(pkg: string): PackageState {
    // Events come package by package: comparing with the last one is cheaper than hashing the name.
    if (this.#last?.pkg === pkg) return this.#last;
    let state = this.#packages.get(pkg);
    if (state === undefined) {
      state = {
        pkg,
        ended: false,
        failingTests: 0,
        output: new OutputTail(),
        running: new Map(),
        outputs: new Map(),
      };
      this.#packages.set(pkg, state);
    }
    this.#last = state;
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
      if (typeof event.Output !== "string") return;
      state.output.push(event.Output);
      this.#checkBuildFailure(event.Output.trim());
      return;
    }
    const status = endStatus(event.Action);
    if (status === undefined) return;
    state.ended = true;
    if (status !== "failed") return;
    if (typeof event.FailedBuild === "string") {
      this.#packageFailure(pkg, "(build)", `build failed: ${event.FailedBuild}`);
    } else if (state.failingTests === 0) {
      // Failed without a failing test: a panic in init, TestMain exiting non-zero, a vet error.
      this.#packageFailure(pkg, "(package)", state.output.text() ?? `package ${pkg} failed`);
    }
  }

  #testEvent(
    action: string,
    pkg: string,
    name: string,
    output: string | undefined,
    elapsed: number | undefined,
  ): void {
    // A status line is ignored altogether, as STATUS_OUTPUT_EVENT lines are.
    if (action === "output" && output !== undefined && isStatusLine(output)) return;
    const state = this.#state(pkg);
    const running = state.running;
    const status = endStatus(action);
    if (status === undefined) {
      if (!running.has(name)) running.set(name, this.#started++);
      if (action === "output" && output !== undefined) {
        let tail = state.outputs.get(name);
        if (tail === undefined) {
          tail = new OutputTail();
          state.outputs.set(name, tail);
        }
        tail.push(output);
      }
      return;
    }
    running.delete(name);
    let message: string | undefined;
    if (state.outputs.size > 0) {
      message = status === "passed" ? undefined : state.outputs.get(name)?.text();
      state.outputs.delete(name);
    }
    if (status === "failed") {
      state.failingTests += 1;
    }
    const test = this.#test;
    test.suite = pkg;
    test.name = name;
    test.status = status;
    test.message = message;
    test.durationMs = elapsed === undefined ? undefined : elapsed * 1000;
    // The same test again (`go test -count=2`) replaces its result: the last one counts.
    this.#builder.addOrReplace(test);
  }
}
