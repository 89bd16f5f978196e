/**
 * Domain code takes a Logger instead of importing @actions/core or writing to the console, so the
 * same code logs to the Actions log, a terminal, or a test's recording.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  startGroup(name: string): void;
  endGroup(): void;
}

/** Plain lines on a stream (stderr by default, so stdout stays free for reports and JSON). */
export class StreamLogger implements Logger {
  readonly #write: (line: string) => void;
  readonly #verbose: boolean;
  constructor(options: { verbose?: boolean; write?: (line: string) => void } = {}) {
    this.#verbose = options.verbose ?? false;
    this.#write = options.write ?? ((line) => process.stderr.write(`${line}\n`));
  }
  debug(message: string): void {
    if (this.#verbose) this.#write(`debug: ${message}`);
  }
  info(message: string): void {
    this.#write(message);
  }
  warning(message: string): void {
    this.#write(`warning: ${message}`);
  }
  error(message: string): void {
    this.#write(`error: ${message}`);
  }
  startGroup(name: string): void {
    this.#write(`▸ ${name}`);
  }
  endGroup(): void {
    // Plain output has no folding; the next group's header is enough.
  }
}

export interface LogEntry {
  level: "debug" | "info" | "warning" | "error" | "group";
  message: string;
}

/** Keeps every message, for tests that assert on what was logged. */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];
  debug(message: string): void {
    this.entries.push({ level: "debug", message });
  }
  info(message: string): void {
    this.entries.push({ level: "info", message });
  }
  warning(message: string): void {
    this.entries.push({ level: "warning", message });
  }
  error(message: string): void {
    this.entries.push({ level: "error", message });
  }
  startGroup(name: string): void {
    this.entries.push({ level: "group", message: name });
  }
  endGroup(): void {
    // Groups are recorded by their start only.
  }
  text(): string {
    return this.entries.map((e) => `${e.level}: ${e.message}`).join("\n");
  }
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined,
};

/**
 * Holds a concurrent phase's messages and replays them as one group when the phase ends, so two
 * phases running at once (base and head) do not interleave their lines or break log groups.
 */
export class BufferedLogger implements Logger {
  readonly #entries: LogEntry[] = [];
  debug(message: string): void {
    // Kept; the logger it is replayed into decides whether debug lines show.
    this.#entries.push({ level: "debug", message });
  }
  info(message: string): void {
    this.#entries.push({ level: "info", message });
  }
  warning(message: string): void {
    this.#entries.push({ level: "warning", message });
  }
  error(message: string): void {
    this.#entries.push({ level: "error", message });
  }
  startGroup(name: string): void {
    this.#entries.push({ level: "info", message: `${name}:` });
  }
  endGroup(): void {
    // Nested groups are flattened into the enclosing replayed group.
  }
  replay(into: Logger, group: string): void {
    into.startGroup(group);
    try {
      for (const entry of this.#entries) {
        if (entry.level === "debug") into.debug(entry.message);
        else if (entry.level === "warning") into.warning(entry.message);
        else if (entry.level === "error") into.error(entry.message);
        else into.info(entry.message);
      }
    } finally {
      into.endGroup();
    }
  }
}
