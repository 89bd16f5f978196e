/**
 * Format-neutral clean-up of untrusted text (test names, command output, file names) before any
 * renderer sees it: terminal escape sequences and control characters go, invisible and
 * direction-changing characters become visible, and lengths are bounded. The markdown-specific
 * escaping is in `escape.ts`; this part is shared with the text renderer, where an ANSI sequence
 * in a test name could otherwise rewrite the user's terminal.
 */

// Matching control characters is the point of these patterns.
/* eslint-disable no-control-regex */
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// CSI (ESC [ or the 8-bit 0x9b), string commands (OSC, DCS, SOS, PM, APC: up to BEL or ST, or the end
// of the line when unterminated) and the remaining two-character ESC sequences.
const ANSI =
  /\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?|[\x1b][P\]X^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]?/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/* eslint-enable no-control-regex */

// Zero-width, bidirectional and other invisible format characters, plus the Unicode tag block used to
// smuggle hidden ASCII. A name that differs from another only by these would look identical, and bidi
// overrides can make text read differently from what it is, so they are shown, not dropped.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- single code points, some of them combining
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0e\ufeff\uffa0\ufff0-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * Removes terminal escape sequences and control characters (keeping `\n` and `\t`), turns every line
 * break into `\n`, shows invisible characters as `\uXXXX` and replaces lone surrogates. Idempotent.
 */
export function sanitizeText(text: string): string {
  return text
    .replace(LINE_BREAKS, "\n")
    .replace(ANSI, "")
    .replace(CONTROLS, "")
    .replace(INVISIBLE, visible)
    .replace(LONE_SURROGATE, "\uFFFD");
}

/** Newlines and tabs become single spaces, for text that must stay on one line. */
export function oneLine(text: string): string {
  return text.replace(/[\n\t]+/g, " ");
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** At most `max` characters (UTF-16 units), ending in "…" when cut; never splits a surrogate pair. */
export function bounded(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let end = max - 1;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** The last `max` characters at most, starting with "…" when cut: for output, where the end matters. */
export function boundedTail(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let start = text.length - (max - 1);
  if (start < text.length && isLowSurrogate(text.charCodeAt(start))) start += 1;
  return `…${text.slice(start)}`;
}

export interface Tail {
  text: string;
  /** Lines of the input not in `text`. */
  omittedLines: number;
  totalLines: number;
}

/**
 * The last `maxLines` lines of `text`, each at most `maxLineChars` long, and at most `maxChars` in
 * all (whole lines are dropped from the front first). Trailing blank lines are ignored.
 */
export function tailLines(text: string, maxLines: number, maxChars: number, maxLineChars = 400): Tail {
  const lines = text.replace(/\n+$/, "").split("\n");
  const totalLines = text.trim() === "" ? 0 : lines.length;
  if (totalLines === 0) return { text: "", omittedLines: 0, totalLines };
  const kept: string[] = [];
  let size = 0;
  for (let i = lines.length - 1; i >= 0 && kept.length < maxLines; i -= 1) {
    const line = bounded(lines[i] ?? "", maxLineChars);
    if (size + line.length + 1 > maxChars && kept.length > 0) break;
    kept.push(size + line.length + 1 > maxChars ? boundedTail(line, Math.max(1, maxChars - 1)) : line);
    size += line.length + 1;
  }
  kept.reverse();
  return { text: kept.join("\n"), omittedLines: totalLines - kept.length, totalLines };
}

export interface BoundedList<T> {
  shown: T[];
  /** How many items were left out. */
  more: number;
}

/** The first `max` items and a count of the rest, for "and N more" lines. */
export function boundedList<T>(items: readonly T[], max: number): BoundedList<T> {
  const shown = items.slice(0, Math.max(0, max));
  return { shown, more: items.length - shown.length };
}
