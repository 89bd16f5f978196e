/**
 * The lines a diff adds, with their line numbers in the head file, from `git diff -U0` output: what
 * the static marker scan reads. Paths in `+++` headers are C-quoted by git when they hold unusual
 * bytes; they are unquoted back to the same lossless strings the rest of loophole uses.
 */
import { decodeGitPath } from "./path-bytes.js";

export interface AddedLine {
  path: string;
  line: number;
  text: string;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parseAddedLines(diff: Buffer): AddedLine[] {
  const out: AddedLine[] = [];
  let path: string | undefined;
  let next = 0;
  for (const raw of diff.toString("latin1").split("\n")) {
    if (raw.startsWith("+++ ")) {
      const name = raw.slice(4);
      path = name === "/dev/null" ? undefined : stripPrefix(unquote(name));
      continue;
    }
    if (raw.startsWith("--- ") || raw.startsWith("diff --git ")) continue;
    const hunk = HUNK.exec(raw);
    if (hunk) {
      next = Number(hunk[1]);
      continue;
    }
    if (path !== undefined && raw.startsWith("+")) {
      // latin1 kept every byte; decode the line's bytes as UTF-8 text now.
      out.push({ path, line: next, text: Buffer.from(raw.slice(1), "latin1").toString("utf8") });
      next++;
    }
  }
  return out;
}

function stripPrefix(name: string): string {
  return name.startsWith("b/") ? name.slice(2) : name;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** `"b/t\303\251st\tx"` → the path's bytes, decoded losslessly. Unquoted names pass through. */
function unquote(name: string): string {
  if (!name.startsWith('"')) return decodeGitPath(Buffer.from(name, "latin1"));
  const bytes: number[] = [];
  for (let i = 1; i < name.length - 1; i++) {
    const c = name[i] ?? "";
    if (c !== "\\") {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = name[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(name.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return decodeGitPath(Buffer.from(bytes));
}
