/**
 * Builds an Inventory with stable ids. The same test must get the same id on the base and the head
 * run, so ids are made only of what the test is (file relative to the repository root, suite, name),
 * never of timings, absolute paths or positions in the output.
 */
import type { Inventory, TestCase, TestStatus } from "./model.js";
import { boundMessage } from "./model.js";

/** Where the clean room sits inside the gate's containers. */
export const DEFAULT_ROOTS: readonly string[] = ["/work/"];

export interface IdOptions {
  /** Absolute directory prefixes to strip from file paths; defaults to DEFAULT_ROOTS. */
  roots?: readonly string[];
}

/**
 * A file path relative to the repository root: `file://` URLs, the container work dir and `./` are
 * stripped. Paths outside every root stay absolute (they still compare equal when base and head run
 * at the same place, which the gate guarantees).
 */
export function normalizeFile(path: string, roots: readonly string[] = DEFAULT_ROOTS): string {
  let p = path.trim();
  if (p.startsWith("file://")) p = decodeURIComponentSafe(p.slice("file://".length));
  for (const root of roots) {
    const prefix = root.endsWith("/") ? root : `${root}/`;
    if (p.startsWith(prefix)) {
      p = p.slice(prefix.length);
      break;
    }
  }
  while (p.startsWith("./")) p = p.slice(2);
  return p;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `file::suite::name`, leaving out the parts that are unknown. */
export function makeId(parts: { file?: string; suite?: string; name: string }): string {
  const pieces: string[] = [];
  if (parts.file !== undefined && parts.file !== "") pieces.push(parts.file);
  if (parts.suite !== undefined && parts.suite !== "") pieces.push(parts.suite);
  pieces.push(parts.name);
  return pieces.join("::");
}

export interface NewTest {
  file?: string;
  suite?: string;
  name: string;
  status: TestStatus;
  message?: string;
  durationMs?: number;
}

export class InventoryBuilder {
  readonly #inventory: Inventory;
  /**
   * For a plain id seen more than once, the last `#n` suffix given. Ids seen once (nearly all) are
   * not in it: one map entry per test is enough.
   */
  readonly #repeats = new Map<string, number>();

  constructor(framework: string) {
    this.#inventory = { framework, tests: new Map(), problems: [] };
  }

  get size(): number {
    return this.#inventory.tests.size;
  }

  has(id: string): boolean {
    return this.#inventory.tests.has(id);
  }

  get(id: string): TestCase | undefined {
    return this.#inventory.tests.get(id);
  }

  /**
   * Adds a test; a repeated id (parametrised tests with equal names) gets `#2`, `#3`… in the order
   * the runner reported them, which is stable for a given test file. Returns the id used.
   * `plain` is `makeId(test)`, for a caller that already made it.
   */
  add(test: NewTest, plain = makeId(test)): string {
    const tests = this.#inventory.tests;
    let id = plain;
    if (tests.has(plain)) {
      let count = (this.#repeats.get(plain) ?? 1) + 1;
      id = `${plain}#${String(count)}`;
      // A literal test name such as "x#2" could already hold the suffixed id.
      while (tests.has(id)) {
        count += 1;
        id = `${plain}#${String(count)}`;
      }
      this.#repeats.set(plain, count);
    }
    tests.set(id, newEntry(id, test));
    return id;
  }

  /**
   * Adds a test or, when the same test (same file, suite and name) is already in, records its latest
   * result instead: status and message replaced, duration when given. For runners that can run a test
   * again (`go test -count=2`). Returns the id.
   */
  addOrReplace(test: NewTest, plain = makeId(test)): string {
    const tests = this.#inventory.tests;
    const entry = tests.get(plain);
    if (entry === undefined) {
      tests.set(plain, newEntry(plain, test));
      return plain;
    }
    if (!isSameTest(entry, test)) return this.add(test, plain);
    this.update(plain, test.status, test.message);
    if (test.durationMs !== undefined && Number.isFinite(test.durationMs)) {
      entry.durationMs = Math.round(test.durationMs);
    }
    return plain;
  }

  /** Sets the outcome of a test already added (a later event decided it); the message is replaced. */
  update(id: string, status: TestStatus, message?: string): void {
    const entry = this.#inventory.tests.get(id);
    if (entry === undefined) return;
    entry.status = status;
    const bounded = boundMessage(message);
    // Assigned, never deleted: `delete` turns the object into a slow dictionary-mode one.
    if (bounded !== undefined || entry.message !== undefined) entry.message = bounded;
  }

  problem(text: string): void {
    // Bounded: a hostile report could produce one problem per line.
    if (this.#inventory.problems.length < MAX_PROBLEMS) this.#inventory.problems.push(text);
    else if (this.#inventory.problems.length === MAX_PROBLEMS) {
      this.#inventory.problems.push("… further problems omitted");
    }
  }

  build(): Inventory {
    return this.#inventory;
  }
}

function isSameTest(entry: TestCase, test: NewTest): boolean {
  return (
    entry.name === test.name &&
    entry.file === (test.file === "" ? undefined : test.file) &&
    entry.suite === (test.suite === "" ? undefined : test.suite)
  );
}

/**
 * The stored test, with only the parts that are known. Its properties are added in one fixed order,
 * so entries of the same kind share one hidden class.
 */
function newEntry(id: string, test: NewTest): TestCase {
  const entry: TestCase = { id, name: test.name, status: test.status };
  if (test.file !== undefined && test.file !== "") entry.file = test.file;
  if (test.suite !== undefined && test.suite !== "") entry.suite = test.suite;
  const message = boundMessage(test.message);
  if (message !== undefined) entry.message = message;
  if (test.durationMs !== undefined && Number.isFinite(test.durationMs)) {
    entry.durationMs = Math.round(test.durationMs);
  }
  return entry;
}

const MAX_PROBLEMS = 50;
