/**
 * Keeps the first `headBytes` and the last `tailBytes` of a stream and counts what lies between,
 * so a process printing gigabytes costs a fixed amount of memory. The tail is a ring of chunks
 * trimmed from the front as new output arrives.
 */
export class BoundedOutput {
  readonly #headLimit: number;
  readonly #tailLimit: number;
  readonly #head: Buffer[] = [];
  #headSize = 0;
  #tail: Buffer[] = [];
  #tailSize = 0;
  #total = 0;

  constructor(headBytes = 16 * 1024, tailBytes = 48 * 1024) {
    this.#headLimit = headBytes;
    this.#tailLimit = tailBytes;
  }

  get totalBytes(): number {
    return this.#total;
  }

  /** Bytes dropped from the middle. */
  get elidedBytes(): number {
    return this.#total - this.#headSize - this.#tailSize;
  }

  push(chunk: Buffer): void {
    this.#total += chunk.length;
    let rest = chunk;
    if (this.#headSize < this.#headLimit) {
      const take = Math.min(this.#headLimit - this.#headSize, rest.length);
      this.#head.push(rest.subarray(0, take));
      this.#headSize += take;
      rest = rest.subarray(take);
    }
    if (rest.length === 0 || this.#tailLimit === 0) return;
    if (rest.length >= this.#tailLimit) {
      // Copy so a huge chunk is not kept alive by a small view of it.
      this.#tail = [Buffer.from(rest.subarray(rest.length - this.#tailLimit))];
      this.#tailSize = this.#tailLimit;
      return;
    }
    this.#tail.push(Buffer.from(rest));
    this.#tailSize += rest.length;
    while (this.#tailSize > this.#tailLimit) {
      const first = this.#tail[0];
      if (first === undefined) break;
      const excess = this.#tailSize - this.#tailLimit;
      if (first.length <= excess) {
        this.#tail.shift();
        this.#tailSize -= first.length;
      } else {
        this.#tail[0] = first.subarray(excess);
        this.#tailSize -= excess;
      }
    }
  }

  /** The kept text, with a marker line where bytes were elided. Invalid UTF-8 at the cuts becomes U+FFFD. */
  text(): string {
    const head = Buffer.concat(this.#head).toString("utf8");
    const tail = Buffer.concat(this.#tail).toString("utf8");
    const elided = this.elidedBytes;
    if (elided === 0) return head + tail;
    return `${head}\n… ${elided.toLocaleString("en-US")} bytes elided …\n${tail}`;
  }

  /** Only the last part, for short tails in reports. */
  tailText(maxChars: number): string {
    const all = this.text();
    return all.length <= maxChars ? all : `…${all.slice(all.length - maxChars + 1)}`;
  }
}
