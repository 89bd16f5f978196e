/**
 * Secret values that must never reach a report. The caller registers each value it knows (the
 * workflow token, executor secrets); every occurrence is replaced with `***`, including the forms a
 * tool commonly prints instead of the raw value: base64 (standard and URL alphabets, at every byte
 * alignment, so the value is found inside a longer encoded string such as a basic-auth header) and
 * URL encoding. The runner masks only the raw value in logs, and reports are not logs.
 */
export const MASK = "***";

/**
 * Values shorter than this are not registered: masking "abc" everywhere would wreck the report, and
 * no credential the gate handles is that short.
 */
export const MIN_SECRET_LENGTH = 4;

// Base64 fragments shorter than this would match ordinary text by chance.
const MIN_ENCODED_LENGTH = 6;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The part of base64(prefix + value) that depends only on `value`, for each of the three alignments
 * a value can have inside a longer encoded string.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const forms: string[] = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    // Characters covering a prefix bit or a bit past the value (padding, the next byte) vary with
    // the surrounding data, so only whole characters inside the value's bits are kept.
    const first = Math.ceil((shift * 8) / 6);
    const end = Math.floor(((shift + bytes.length) * 8) / 6);
    const core = encoded.slice(first, end);
    forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}

export class Secrets {
  readonly #patterns = new Set<string>();
  #regex: RegExp | undefined;

  constructor(values: Iterable<string> = []) {
    for (const value of values) this.add(value);
  }

  /** Registers a value (and its trimmed form and each of its lines, for multi-line secrets). */
  add(value: string): this {
    const candidates = new Set([value, value.trim(), ...value.split(/\r?\n/).map((line) => line.trim())]);
    for (const candidate of candidates) {
      if (candidate.length < MIN_SECRET_LENGTH) continue;
      this.#patterns.add(candidate);
      this.#patterns.add(encodeURIComponent(candidate));
      for (const form of base64Forms(candidate)) {
        if (form.length >= MIN_ENCODED_LENGTH) this.#patterns.add(form);
      }
    }
    this.#regex = undefined;
    return this;
  }

  /** How many patterns (values and their encoded forms) are masked. */
  get size(): number {
    return this.#patterns.size;
  }

  mask(text: string): string {
    if (this.#patterns.size === 0) return text;
    // One pass with the longest patterns first, so a value is masked whole rather than around a
    // shorter value it contains.
    this.#regex ??= new RegExp(
      [...this.#patterns]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join("|"),
      "g",
    );
    return text.replace(this.#regex, MASK);
  }
}

/** Replaces every registered secret (and its encoded forms) in `text` with `***`. */
export function maskSecrets(text: string, secrets: Secrets | undefined): string {
  return secrets === undefined ? text : secrets.mask(text);
}
