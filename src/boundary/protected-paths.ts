/**
 * The protected-path check: which changes of the diff the contract forbids, and which paths the
 * clean room must reset to base before verifiers run. Pure apart from reading blobs, which the
 * caller injects (`readBlob`), so it is tested without git.
 *
 * Always protected, whatever the contract says: the contract file itself (the gate reads it from
 * base, so an edit is reported as `contract-changed` and ignored) and `.github/workflows/` (a PR
 * must not rewrite the workflow that runs the gate). When a path is both frozen and append-only,
 * frozen wins.
 */
import { finding } from "../model/finding.js";
import type { Finding } from "../model/finding.js";
import type { ChangedFile, EntryType } from "../git/raw-diff.js";
import { checkAppendOnly } from "./append-only.js";
import { compileGlobRules } from "./globs.js";

export interface ProtectionRules {
  /** Globs (see globs.ts) whose paths may not change at all. */
  frozen: readonly string[];
  /** Globs whose existing files may only gain lines; new files are allowed. */
  appendOnly: readonly string[];
  /** The contract's path in the repository, such as "loophole.json". */
  contractPath: string;
}

/** Reads a blob by object name (Git#readBlobById). */
export type ReadBlob = (sha: string) => Promise<Buffer>;

export interface ProtectedPathsResult {
  findings: Finding[];
  /** Paths the clean room resets to their base state (base content, or removal), sorted. */
  restore: string[];
}

const ALWAYS_FROZEN = ["/.github/workflows/"];

export async function checkProtectedPaths(
  changes: readonly ChangedFile[],
  rules: ProtectionRules,
  readBlob: ReadBlob,
): Promise<ProtectedPathsResult> {
  const contractPath = rules.contractPath.replace(/^(?:\.\/)+|^\/+/, "");
  const alwaysFrozen = compileGlobRules(ALWAYS_FROZEN);
  const frozen = compileGlobRules(rules.frozen);
  const appendOnly = compileGlobRules(rules.appendOnly);
  const findings: Finding[] = [];
  const restore = new Set<string>();

  for (const change of changes) {
    const { path } = change;
    if (path === contractPath) {
      findings.push(contractFinding(change));
      restore.add(path);
      continue;
    }
    const frozenBy = alwaysFrozen(path) ?? frozen(path);
    if (frozenBy !== undefined) {
      const why = frozenBy === ALWAYS_FROZEN[0] ? "workflows are always frozen" : `frozen by "${frozenBy}"`;
      findings.push(
        finding("protected-path", "fail", `${path}: ${describeChange(change)} (${why})`, { path }),
      );
      restore.add(path);
      continue;
    }
    const appendOnlyBy = appendOnly(path);
    if (appendOnlyBy === undefined) continue;
    const violation = await appendOnlyViolation(change, readBlob);
    if (violation === undefined) continue;
    findings.push(
      finding(
        "protected-path",
        "fail",
        `${path}: ${violation.description} (append-only by "${appendOnlyBy}")`,
        {
          path,
          ...(violation.line === undefined ? {} : { line: violation.line }),
        },
      ),
    );
    restore.add(path);
  }
  return { findings, restore: [...restore].sort(compareCodeUnits) };
}

function contractFinding(change: ChangedFile): Finding {
  const what = change.status === "A" ? "added by this change" : describeChange(change);
  return finding(
    "contract-changed",
    "fail",
    `${change.path}: ${what}; the gate used the base version of the contract and ignored the edit`,
    { path: change.path },
  );
}

async function appendOnlyViolation(
  change: ChangedFile,
  readBlob: ReadBlob,
): Promise<{ description: string; line?: number } | undefined> {
  if (change.status === "A") return undefined;
  const regular = (type: EntryType): boolean => type === "file" || type === "executable";
  if (change.status !== "M" || change.oldMode !== change.newMode || !regular(change.oldType)) {
    return { description: describeChange(change) };
  }
  const [base, head] = await Promise.all([readBlob(change.oldSha), readBlob(change.newSha)]);
  const check = checkAppendOnly(base, head);
  if (check.ok) return undefined;
  return check.line === undefined ? { description: check.description } : check;
}

const TYPE_NAMES: Record<EntryType, string> = {
  file: "a regular file",
  executable: "an executable file",
  symlink: "a symlink",
  submodule: "a submodule",
  absent: "nothing",
};

/** What happened to a path, in words: "deleted", "mode changed 100644 → 100755", … */
export function describeChange(change: ChangedFile): string {
  switch (change.status) {
    case "A":
      return change.newType === "file" || change.newType === "executable"
        ? "added"
        : `added (${TYPE_NAMES[change.newType]})`;
    case "D":
      return "deleted";
    case "T":
      return `replaced by ${TYPE_NAMES[change.newType]}`;
    case "M": {
      const parts: string[] = [];
      if (change.oldSha !== change.newSha) parts.push(modifiedWord(change.newType));
      if (change.oldMode !== change.newMode) parts.push(`mode changed ${change.oldMode} → ${change.newMode}`);
      return parts.length > 0 ? parts.join(" and ") : "modified";
    }
    case "U":
      return "left unmerged";
    case "X":
      return "changed (git reported an unknown change)";
  }
}

function modifiedWord(type: EntryType): string {
  if (type === "symlink") return "symlink target changed";
  if (type === "submodule") return "submodule commit changed";
  return "modified";
}

/** Sorting by UTF-16 code units, not locale, so the order is the same on every machine. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
