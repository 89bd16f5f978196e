/**
 * Markdown for GitHub from untrusted text. Every helper cleans first (control characters, ANSI,
 * invisible characters: `sanitize.ts`), masks registered secrets, bounds the length, and only then
 * escapes, so escaping cannot be undone by a cut and a secret cannot be split by one.
 *
 * What must not happen: an @mention or team mention that pings; raw HTML (an `<img>` that loads a
 * remote image, a `</details>` that closes our block); a link or image (`![x](https://…)`); breaking
 * out of a code block or a table cell; a line-start construct (heading, list, quote) that changes the
 * structure around the text. `#123` issue links are harmless and kept.
 */
import { bounded, boundedTail, oneLine, sanitizeText } from "./sanitize.js";
import { maskSecrets, type Secrets } from "./secrets.js";

export { bounded, boundedTail, boundedList } from "./sanitize.js";
export { maskSecrets, Secrets } from "./secrets.js";

export interface EscapeOptions {
  secrets?: Secrets | undefined;
  /** Characters kept before escaping (escaping itself may lengthen the text). */
  max?: number;
}

export const DEFAULT_INLINE_MAX = 1000;
export const DEFAULT_BLOCK_MAX = 20_000;

const ZERO_WIDTH_SPACE = "\u200B";
// `@name`, `@org/team`: GitHub links a mention only when a letter or digit directly follows the `@`.
const MENTION = /@(?=[\p{L}\p{N}_-])/gu;

/** Sanitized, masked and bounded: the first steps every helper shares. */
export function cleanText(
  text: string,
  options: EscapeOptions = {},
  fallbackMax = DEFAULT_INLINE_MAX,
): string {
  const max = options.max ?? fallbackMax;
  return bounded(maskSecrets(sanitizeText(text), options.secrets), max);
}

/** Like `cleanText`, but keeps the end of the text (for command output). */
export function cleanTail(
  text: string,
  options: EscapeOptions = {},
  fallbackMax = DEFAULT_BLOCK_MAX,
): string {
  const max = options.max ?? fallbackMax;
  return boundedTail(maskSecrets(sanitizeText(text), options.secrets), max);
}

function defuseMentions(text: string): string {
  return text.replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}

const INLINE_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
};

/**
 * Untrusted text as inline markdown on one line: HTML characters become entities, every character
 * with inline meaning is backslash-escaped, line-start constructs are defused, mentions cannot ping.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const cleaned = oneLine(cleanText(text, options)).replace(/ {2,}/g, " ").trim();
  const escaped = cleaned
    .replace(/[\\`*_[\]|~!$]/g, "\\$&")
    .replace(/[&<>]/g, (char) => INLINE_ESCAPES[char] ?? char)
    // At the start of a line (or of a list item or cell it is placed in) these open a block.
    .replace(/^([#+=-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
  return defuseMentions(escaped);
}

/** A table cell: escaped like `escapeMarkdown` (which already escapes `|`), or as inline code. */
export function tableCell(text: string, options: EscapeOptions & { code?: boolean } = {}): string {
  if (options.code === true) {
    // GitHub splits table cells on `|` even inside code spans; `\|` is the documented way to keep one.
    return inlineCode(text, options).replace(/\|/g, "\\|");
  }
  return escapeMarkdown(text, options);
}

/** Untrusted text inside HTML (a `<summary>`): entities, no markdown processing, no mentions. */
export function htmlText(text: string, options: EscapeOptions = {}): string {
  const cleaned = oneLine(cleanText(text, options)).replace(/ {2,}/g, " ").trim();
  const escaped = cleaned
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
  return defuseMentions(escaped);
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/**
 * A code span: the delimiter is one backtick longer than the longest run inside, so the content
 * cannot close it. Code spans show text literally (no HTML, no links, no mentions).
 */
export function inlineCode(text: string, options: EscapeOptions = {}): string {
  const cleaned = oneLine(cleanText(text, options));
  if (cleaned === "") return "*(empty)*";
  const fence = "`".repeat(longestRun(cleaned, "`") + 1);
  // A leading or trailing backtick would merge with the delimiter; CommonMark strips one padding space
  // from each side, so padding keeps the content exact.
  const pad = /^[` ]|[` ]$/.test(cleaned) ? " " : "";
  return `${fence}${pad}${cleaned}${pad}${fence}`;
}

/**
 * A fenced code block whose fence is longer than any backtick run in the content, so nothing inside
 * (a fence, `</details>`) can end it early. Bounded from the start; pass output through `cleanTail` or
 * `tailLines` first to keep its end instead.
 */
export function codeBlock(text: string, lang = "", options: EscapeOptions = {}): string {
  const cleaned = cleanText(text, options, DEFAULT_BLOCK_MAX).replace(/\n+$/, "");
  const fence = "`".repeat(Math.max(3, longestRun(cleaned, "`") + 1));
  const info = lang.replace(/[^\w+-]/g, "");
  return `${fence}${info}\n${cleaned}\n${fence}`;
}
