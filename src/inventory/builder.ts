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
  /** How often each plain id was seen, for the `#2`, `#3` suffixes of repeated names. */
  readonly #seen = new Map<string, number>();

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
   */
  add(test: NewTest): string {
    const plain = makeId(test);
    let count = (this.#seen.get(plain) ?? 0) + 1;
    let id = count === 1 ? plain : `${plain}#${count}`;
    // A literal test name such as "x#2" could already hold the suffixed id.
    while (this.#inventory.tests.has(id)) {
      count += 1;
      id = `${plain}#${count}`;
    }
    this.#seen.set(plain, count);
    const entry: TestCase = { id, name: test.name, status: test.status };
    if (test.file !== undefined && test.file !== "") entry.file = test.file;
    if (test.suite !== undefined && test.suite !== "") entry.suite = test.suite;
    const message = boundMessage(test.message);
    if (message !== undefined) entry.message = message;
    if (test.durationMs !== undefined && Number.isFinite(test.durationMs)) {
      entry.durationMs = Math.round(test.durationMs);
    }
    this.#inventory.tests.set(id, entry);
    return id;
  }

  /** Sets the outcome of a test already added (a later event decided it); the message is replaced. */
  update(id: string, status: TestStatus, message?: string): void {
    const entry = this.#inventory.tests.get(id);
    if (entry === undefined) return;
    entry.status = status;
    const bounded = boundMessage(message);
    if (bounded === undefined) delete entry.message;
    else entry.message = bounded;
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

const MAX_PROBLEMS = 50;
