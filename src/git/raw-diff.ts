/**
 * Parser for `git diff --raw -z --no-renames --no-abbrev` output. Every path comes through as git
 * stored it (see path-bytes.ts), and anything unexpected is an error rather than a guess: a
 * misread diff would let a change slip past the protected-path check.
 *
 * Each record is `:<old mode> <new mode> <old sha> <new sha> <status>` NUL `<path>` NUL.
 */
import { GateError } from "../core/errors.js";
import { decodeGitPath } from "./path-bytes.js";

export type EntryType = "file" | "executable" | "symlink" | "submodule" | "absent";

export type ChangeStatus = "A" | "M" | "D" | "T" | "U" | "X";

export interface ChangedFile {
  /** A added, M modified (content or mode), D deleted, T type changed, U unmerged, X unknown. */
  status: ChangeStatus;
  path: string;
  oldMode: string;
  newMode: string;
  oldType: EntryType;
  newType: EntryType;
  oldSha: string;
  newSha: string;
}

const MODE = /^[0-7]{6}$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const STATUSES: ReadonlySet<string> = new Set<ChangeStatus>(["A", "M", "D", "T", "U", "X"]);

export function entryTypeOfMode(mode: string): EntryType {
  switch (mode) {
    case "000000":
      return "absent";
    // 100664 was written by very old git versions; git reads it as a regular file.
    case "100644":
    case "100664":
      return "file";
    case "100755":
      return "executable";
    case "120000":
      return "symlink";
    case "160000":
      return "submodule";
    default:
      throw new GateError(`git reported an unknown file mode ${JSON.stringify(mode)}`);
  }
}

export function parseRawDiff(output: Buffer): ChangedFile[] {
  const changes: ChangedFile[] = [];
  let pos = 0;
  while (pos < output.length) {
    if (output[pos] !== 0x3a /* ":" */) {
      throw malformed(`expected ":" at byte ${pos}`);
    }
    const headerEnd = output.indexOf(0, pos);
    if (headerEnd < 0) throw malformed("header without a NUL terminator");
    const header = output.toString("latin1", pos + 1, headerEnd);
    const pathEnd = output.indexOf(0, headerEnd + 1);
    if (pathEnd < 0) throw malformed(`path after ${JSON.stringify(header)} without a NUL terminator`);
    changes.push(parseRecord(header, output.subarray(headerEnd + 1, pathEnd)));
    pos = pathEnd + 1;
  }
  return changes;
}

function parseRecord(header: string, rawPath: Buffer): ChangedFile {
  const fields = header.split(" ");
  const [oldMode, newMode, oldSha, newSha, status] = fields;
  if (
    fields.length !== 5 ||
    oldMode === undefined ||
    newMode === undefined ||
    oldSha === undefined ||
    newSha === undefined ||
    status === undefined
  ) {
    throw malformed(`header ${JSON.stringify(header)} does not have five fields`);
  }
  if (status.startsWith("R") || status.startsWith("C")) {
    throw malformed(`rename or copy record ${JSON.stringify(header)}; the diff must use --no-renames`);
  }
  if (!isStatus(status)) throw malformed(`unknown status ${JSON.stringify(status)}`);
  if (!MODE.test(oldMode) || !MODE.test(newMode)) throw malformed(`bad modes in ${JSON.stringify(header)}`);
  if (!SHA.test(oldSha) || !SHA.test(newSha)) {
    throw malformed(`object names in ${JSON.stringify(header)} are not full hashes (--no-abbrev missing?)`);
  }
  if (rawPath.length === 0) throw malformed(`empty path after ${JSON.stringify(header)}`);
  return {
    status,
    path: decodeGitPath(rawPath),
    oldMode,
    newMode,
    oldType: entryTypeOfMode(oldMode),
    newType: entryTypeOfMode(newMode),
    oldSha,
    newSha,
  };
}

function isStatus(value: string): value is ChangeStatus {
  return STATUSES.has(value);
}

function malformed(detail: string): GateError {
  return new GateError(`could not parse git diff output: ${detail}`);
}
