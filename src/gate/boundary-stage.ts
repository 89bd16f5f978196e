/**
 * Everything decided from the diff alone, before any untrusted code runs: protected paths, runner
 * tampering and test markers; which approvals apply; and, from what is left, which paths each
 * clean room takes from the base.
 *
 * - The head's own run: unapproved protected-path violations and tampered runner configuration are
 *   reset to base (package.json: the base's scripts and runner keys merged into the head's file),
 *   so a tampered configuration cannot hide tests even where detection missed it.
 * - The base-suite run: additionally every changed path under the contract's test globs (frozen and
 *   appendOnly) is reset and files the change added there are removed: the base's tests judge the
 *   head's code, whatever the change's own test files do.
 */
import { compileGlobs } from "../boundary/globs.js";
import { checkProtectedPaths } from "../boundary/protected-paths.js";
import type { Contract } from "../contract/types.js";
import { getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { Git } from "../git/git.js";
import type { IndexEdit } from "../git/index-edits.js";
import type { ChangedFile } from "../git/raw-diff.js";
import { mayHoldMarkers, scanMarkers } from "../inventory/markers.js";
import { detectRunnerTampering, SETUP_SOURCES } from "../inventory/tampering.js";
import type { Finding } from "../model/finding.js";
import { mergePackageJson } from "./package-json-merge.js";

export interface BoundaryInput {
  git: Git;
  contract: Contract;
  contractPath: string;
  base: string;
  head: string;
  logger: Logger;
  /** Marks findings a user with write access approved (the GitHub surface supplies it). */
  approve?: (findings: Finding[]) => Promise<Finding[]>;
}

export interface BoundaryOutcome {
  changes: ChangedFile[];
  findings: Finding[];
  /** Paths the head's clean room takes from base. */
  headRestores: string[];
  /** Composed files for the head's clean room (merged package.json). */
  headEdits: IndexEdit[];
  /** Further paths the base-suite clean room takes from base; empty when that run would equal the head's. */
  suiteRestores: string[];
  /** What the report says about configuration taken from base. */
  notes: string[];
}

export async function runBoundary(input: BoundaryInput): Promise<BoundaryOutcome> {
  const { git, contract, base, head, logger } = input;
  const changes = await git.diff(base, head);
  logger.info(`${changes.length} changed path${changes.length === 1 ? "" : "s"}`);
  const readBlobById = (sha: string): Promise<Buffer> => git.readBlobById(sha);
  // The three checks are independent; on a large diff they overlap instead of adding up.
  const [protectedResult, tampering, markers] = await Promise.all([
    checkProtectedPaths(
      changes,
      {
        contractPath: input.contractPath,
        frozen: contract.protected.frozen,
        appendOnly: contract.protected.appendOnly,
      },
      readBlobById,
    ),
    (async () =>
      detectRunnerTampering(
        changes.map((c) => ({ path: c.path, status: c.status })),
        await cachedReader(git, base, SETUP_SOURCES),
        await cachedReader(git, head, []),
        { allow: contract.tests?.allowRunnerChanges ?? [] },
      ))(),
    scanAddedLines(git, base, head, changes, contract, logger),
  ]);
  const found = [...protectedResult.findings, ...tampering, ...markers];
  const findings = input.approve ? await input.approve(found) : found;

  const approved = new Set(findings.filter((f) => f.approved && f.path !== undefined).map((f) => f.path));
  const blockedPaths = new Set(
    findings.filter((f) => !f.approved && f.path !== undefined).map((f) => f.path),
  );
  const isApproved = (path: string): boolean => approved.has(path) && !blockedPaths.has(path);

  const headRestores = new Set(protectedResult.restore.filter((p) => !isApproved(p)));
  const headEdits: IndexEdit[] = [];
  const notes: string[] = [];
  const tampered = [
    ...new Set(findings.filter((f) => f.kind === "runner-tampering" && !f.approved).map((f) => f.path ?? "")),
  ];
  for (const path of tampered.filter((p) => p !== "")) {
    const edit =
      path === "package.json" || path.endsWith("/package.json")
        ? await mergedPackageJson(git, base, head, path)
        : undefined;
    if (edit) headEdits.push(edit);
    else headRestores.add(path);
    notes.push(
      `${path}: the head's tests ran with the base's runner configuration (if the change is intended: approve it, or list the path in the contract's tests.allowRunnerChanges)`,
    );
  }

  // The report's reader sees the head's tests fail where the head's own files pass: say why.
  const restoredProtected = protectedResult.restore.filter(
    (p) => headRestores.has(p) && !tampered.includes(p),
  );
  if (restoredProtected.length > 0) {
    const shown = restoredProtected.slice(0, 5).join(", ");
    const more = restoredProtected.length > 5 ? ` and ${restoredProtected.length - 5} more` : "";
    notes.push(
      `Taken from the base before anything ran, because the change broke their protection: ${shown}${more}. The head's tests and verifiers ran with those base versions.`,
    );
  }

  const testGlobs = compileGlobs([...contract.protected.frozen, ...contract.protected.appendOnly]);
  const suiteRestores = changes
    .map((c) => c.path)
    .filter((p) => testGlobs(p) && !headRestores.has(p) && !headEdits.some((e) => e.path === p));
  return { changes, findings, headRestores: [...headRestores], headEdits, suiteRestores, notes };
}

/**
 * Reads files of one commit, looking up `prefetch` (the configuration files the tampering check
 * always asks for, most of which do not exist) in a single git call instead of one per name.
 */
async function cachedReader(
  git: Git,
  commit: string,
  prefetch: readonly string[],
): Promise<(path: string) => Promise<string | undefined>> {
  const known = await git.entriesAt(commit, prefetch);
  const cache = new Map<string, Promise<string | undefined>>();
  return (path) => {
    let hit = cache.get(path);
    if (hit === undefined) {
      const entry = known.get(path);
      hit =
        prefetch.includes(path) && entry === undefined
          ? Promise.resolve(undefined)
          : entry !== undefined
            ? git.readBlobById(entry.sha).then((b) => b.toString("utf8"))
            : git.readBlob(commit, path).then((b) => b?.toString("utf8"));
      cache.set(path, hit);
    }
    return hit;
  };
}

async function mergedPackageJson(
  git: Git,
  base: string,
  head: string,
  path: string,
): Promise<IndexEdit | undefined> {
  const [before, after] = await Promise.all([git.entryAt(base, path), git.readBlob(head, path)]);
  if (before === undefined || after === undefined) return undefined;
  const merged = mergePackageJson(
    (await git.readBlobById(before.sha)).toString("utf8"),
    after.toString("utf8"),
  );
  if (merged === undefined) return undefined;
  const sha = await git.writeBlob(Buffer.from(merged));
  return { path, entry: { mode: before.mode, sha } };
}

async function scanAddedLines(
  git: Git,
  base: string,
  head: string,
  changes: readonly ChangedFile[],
  contract: Contract,
  logger: Logger,
): Promise<Finding[]> {
  try {
    const paths = changes
      .filter((c) => c.status === "A" || c.status === "M")
      .map((c) => c.path)
      .filter(mayHoldMarkers);
    const added = await git.addedLines(base, head, { paths });
    return scanMarkers(added, { allowNewSkips: contract.tests?.allowNewSkips ?? false });
  } catch (error) {
    // The markers are a static hint; the inventory comparison still sees skips at run time.
    logger.warning(`the skip/focus marker scan was skipped: ${getErrorMessage(error)}`);
    return [];
  }
}
