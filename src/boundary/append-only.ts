/**
 * The append-only rule for one file: the head version may add lines anywhere, but every line of the
 * base version must still be there, unchanged and in the same order. Lines are compared byte for
 * byte without their "\n" (so a "\r" is part of the line, and turning CRLF into LF changes every
 * line); a missing newline at the very end is not a change, so appending to a file that lacked one
 * is allowed. Binary files (a NUL byte or invalid UTF-8 on either side) may only grow at the end.
 */
import { isUtf8 } from "node:buffer";

export type AppendOnlyCheck =
  | { ok: true }
  /** `line` is a 1-based line of the head file (absent for binary files). */
  | { ok: false; line: number | undefined; description: string };

/** Above this many cells the line-level diff used to place a violation is not attempted. */
const MAX_DIFF_CELLS = 4_000_000;

export function checkAppendOnly(base: Buffer, head: Buffer): AppendOnlyCheck {
  if (isBinary(base) || isBinary(head)) {
    if (head.length >= base.length && head.subarray(0, base.length).equals(base)) return { ok: true };
    return {
      ok: false,
      line: undefined,
      description: "existing bytes were changed or removed (binary file)",
    };
  }
  const baseLines = splitLines(base.toString("utf8"));
  const headLines = splitLines(head.toString("utf8"));
  if (isSubsequence(baseLines, headLines)) return { ok: true };
  return locateViolation(baseLines, headLines);
}

function isBinary(content: Buffer): boolean {
  return content.includes(0) || !isUtf8(content);
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Greedy in-order matching decides exactly whether every base line survives. */
function isSubsequence(base: readonly string[], head: readonly string[]): boolean {
  let j = 0;
  for (const line of base) {
    while (j < head.length && head[j] !== line) j++;
    if (j === head.length) return false;
    j++;
  }
  return true;
}

/**
 * Finds where the first base line was lost, for the annotation: the common prefix and suffix are
 * set aside, and the middle gets a longest-common-subsequence diff that prefers reporting a
 * removal before an insertion, so a changed line is reported where the new text stands.
 */
function locateViolation(base: readonly string[], head: readonly string[]): AppendOnlyCheck {
  let prefix = 0;
  while (prefix < base.length && prefix < head.length && base[prefix] === head[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < base.length - prefix &&
    suffix < head.length - prefix &&
    base[base.length - 1 - suffix] === head[head.length - 1 - suffix]
  ) {
    suffix++;
  }
  const oldMid = base.slice(prefix, base.length - suffix);
  const newMid = head.slice(prefix, head.length - suffix);
  const found =
    oldMid.length * newMid.length <= MAX_DIFF_CELLS
      ? firstRemoval(oldMid, newMid)
      : { i: 0, j: 0, changed: true, lost: undefined };
  const headLine = Math.min(prefix + found.j + 1, Math.max(head.length, 1));
  const baseLine = prefix + found.i + 1;
  const what = found.changed ? "changed" : "removed";
  // The annotation sits on a head line; the number here is the base's, so it says so.
  const more =
    found.lost !== undefined && found.lost > 1
      ? `, and ${found.lost - 1} more of the base's ${found.lost === 2 ? "lines was" : "lines were"} changed or removed`
      : "";
  return {
    ok: false,
    line: headLine,
    description: `existing line ${baseLine} of the base was ${what}${more}`,
  };
}

/** The first base line the LCS leaves out: its index `i`, and the head index `j` where it fell. */
function firstRemoval(
  base: readonly string[],
  head: readonly string[],
): { i: number; j: number; changed: boolean; lost: number } {
  const n = base.length;
  const m = head.length;
  const width = m + 1;
  // lcs[i * width + j] = LCS length of base[i:] and head[j:]; min(n, m) <= 2000 fits 16 bits.
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        base[i] === head[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const lost = n - (lcs[0] ?? 0);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = lcs[i * width + j] ?? 0;
    if (base[i] === head[j] && here === (lcs[(i + 1) * width + j + 1] ?? 0) + 1) {
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) === here) {
      // Dropping base[i] loses nothing: it is the removed line. "Changed" when new text stands there.
      return { i, j, changed: (lcs[i * width + j + 1] ?? 0) === here, lost };
    } else {
      j++;
    }
  }
  return { i, j, changed: false, lost };
}
