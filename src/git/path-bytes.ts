/**
 * Git paths are bytes, not text: a commit may hold names that are not valid UTF-8. loophole keeps
 * paths as strings everywhere (globs, findings, JSON), so they are decoded losslessly: valid UTF-8
 * decodes as usual, and each byte of an invalid sequence becomes the lone surrogate U+DC80–U+DCFF
 * (the "surrogateescape" scheme of Python's PEP 383). `encodeGitPath` reverses it exactly, so a path
 * read from git can be handed back to git (through stdin, never argv) or to the file system as the
 * same bytes. Valid UTF-8 can never produce a lone surrogate, so the mapping is unambiguous.
 */
import { isUtf8 } from "node:buffer";

const ESCAPE_BASE = 0xdc00;
const ESCAPED = /[\uDC80-\uDCFF]/u;

export function decodeGitPath(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString("utf8");
  let text = "";
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += bytes.toString("utf8", start, i) + String.fromCharCode(ESCAPE_BASE + (bytes[i] ?? 0));
    i += 1;
    start = i;
  }
  return text + bytes.toString("utf8", start, i);
}

export function encodeGitPath(path: string): Buffer {
  if (!ESCAPED.test(path)) return Buffer.from(path, "utf8");
  const parts: Buffer[] = [];
  for (const char of path) {
    const code = char.codePointAt(0) ?? 0;
    parts.push(code >= 0xdc80 && code <= 0xdcff ? Buffer.of(code - ESCAPE_BASE) : Buffer.from(char, "utf8"));
  }
  return Buffer.concat(parts);
}

/** Length of the well-formed UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Buffer, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const b = bytes[i + offset];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // E0 excludes overlong forms, ED excludes UTF-16 surrogates.
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
