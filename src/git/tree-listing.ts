/**
 * Parser for `git ls-tree -z --full-tree` output: one record per blob, symlink or submodule, each
 * `<mode> <type> <sha>` TAB `<path>` NUL. Tree records (listed without `-r`) are skipped: a
 * directory is implied by the paths under it.
 */
import { GateError } from "../core/errors.js";
import { entryTypeOfMode } from "./raw-diff.js";
import type { EntryType } from "./raw-diff.js";
import { decodeGitPath } from "./path-bytes.js";

export interface TreeEntry {
  path: string;
  mode: string;
  type: Exclude<EntryType, "absent">;
  sha: string;
}

const HEADER = /^([0-7]{6}) (blob|commit|tree) ([0-9a-f]{40}|[0-9a-f]{64})$/;

export function parseTreeListing(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < output.length) {
    const end = output.indexOf(0, pos);
    if (end < 0) throw malformed(`record at byte ${pos} has no NUL terminator`);
    const tab = output.indexOf(0x09, pos);
    if (tab < 0 || tab > end) throw malformed(`record at byte ${pos} has no tab`);
    const header = output.toString("latin1", pos, tab);
    const match = HEADER.exec(header);
    const [, mode, kind, sha] = match ?? [];
    if (mode === undefined || sha === undefined)
      throw malformed(`unexpected record ${JSON.stringify(header)}`);
    pos = end + 1;
    if (kind === "tree") continue;
    const type = entryTypeOfMode(mode);
    if (type === "absent") throw malformed(`entry with mode 000000 in ${JSON.stringify(header)}`);
    entries.push({ path: decodeGitPath(output.subarray(tab + 1, end)), mode, type, sha });
  }
  return entries;
}

function malformed(detail: string): GateError {
  return new GateError(`could not parse git ls-tree output: ${detail}`);
}
