/**
 * The CLI's view of what is running: on a terminal, one line redrawn in place ("⠹ head tests 12s ·
 * base tests 9s"); elsewhere (CI logs, pipes) a plain line when a phase starts and when it ends.
 * Log lines go through `print`, which clears and redraws the status line around them.
 */
import { formatDuration } from "../core/duration.js";
import { StreamLogger } from "../core/logger.js";
import type { Progress } from "../core/progress.js";
import type { CliIo } from "./io.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface StatusStream {
  write(text: string): void;
  isTTY: boolean;
  columns?: number;
}

export class StatusLine implements Progress, Disposable {
  readonly #stream: StatusStream;
  readonly #active = new Map<string, { label: string; started: number }>();
  #timer: NodeJS.Timeout | undefined;
  #frame = 0;
  #drawn = false;

  constructor(stream: StatusStream) {
    this.#stream = stream;
  }

  start(id: string, label: string): void {
    this.#active.set(id, { label, started: performance.now() });
    if (!this.#stream.isTTY) {
      this.#stream.write(`… ${label}\n`);
      return;
    }
    this.#timer ??= setInterval(() => this.#draw(), 120).unref();
    this.#draw();
  }

  end(id: string, outcome: "ok" | "failed"): void {
    const phase = this.#active.get(id);
    this.#active.delete(id);
    if (phase === undefined) return;
    const took = formatDuration(Math.round(performance.now() - phase.started));
    if (!this.#stream.isTTY) {
      this.#stream.write(`${outcome === "ok" ? "✓" : "✗"} ${phase.label} (${took})\n`);
      return;
    }
    if (this.#active.size === 0) this.#stop();
    else this.#draw();
  }

  /** Writes a log line without tearing the status line. */
  print(line: string): void {
    this.#clear();
    this.#stream.write(`${line}\n`);
    if (this.#active.size > 0 && this.#stream.isTTY) this.#draw();
  }

  [Symbol.dispose](): void {
    this.#stop();
  }

  #draw(): void {
    const now = performance.now();
    const parts = [...this.#active.values()].map(
      (p) => `${p.label} ${formatDuration(Math.round(now - p.started))}`,
    );
    this.#frame = (this.#frame + 1) % FRAMES.length;
    const width = Math.max(20, (this.#stream.columns ?? 100) - 1);
    let line = `${FRAMES[this.#frame] ?? ""} ${parts.join(" · ")}`;
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    this.#stream.write(`\r\x1b[2K${line}`);
    this.#drawn = true;
  }

  #clear(): void {
    if (!this.#drawn) return;
    this.#stream.write("\r\x1b[2K");
    this.#drawn = false;
  }

  #stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#clear();
  }
}

/** The status line every long-running command shows on stderr, and a logger that prints above it. */
export function stderrStatus(io: CliIo, verbose: boolean): { status: StatusLine; logger: StreamLogger } {
  const status = new StatusLine({
    write: (text) => io.stderr(text),
    isTTY: io.stderrIsTTY,
    columns: process.stderr.columns,
  });
  return { status, logger: new StreamLogger({ verbose, write: (line) => status.print(line) }) };
}
