/**
 * The complete output of a test command, for formats read from stdout (TAP, `go test -json`,
 * libtest): kept in a file on the host, not in memory, up to a limit past which the run is an
 * error rather than a silently truncated inventory.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";
import { GateError } from "../core/errors.js";

export const MAX_STDOUT_BYTES = 512 * 1024 * 1024;

export class StdoutCapture {
  readonly #path: string;
  readonly #stream: WriteStream;
  readonly #max: number;
  #bytes = 0;
  #overflow = false;

  constructor(dir: string, max = MAX_STDOUT_BYTES) {
    this.#path = join(dir, "output.log");
    this.#stream = createWriteStream(this.#path, { mode: 0o600 });
    this.#max = max;
  }

  readonly push = (chunk: Buffer): void => {
    if (this.#overflow) return;
    this.#bytes += chunk.length;
    if (this.#bytes > this.#max) {
      this.#overflow = true;
      return;
    }
    this.#stream.write(chunk);
  };

  async text(): Promise<string> {
    this.#stream.end();
    await once(this.#stream, "close");
    if (this.#overflow) {
      throw new GateError(
        `the test command printed more than ${Math.round(this.#max / 1024 / 1024)} MB; its results cannot be read in full`,
      );
    }
    return readFile(this.#path, "utf8");
  }
}
