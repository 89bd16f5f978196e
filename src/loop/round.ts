/**
 * One round of task mode: a writable copy of the branch → the executor → the action computes the
 * change itself from the files (whatever the agent did with git), puts back edits to protected
 * paths, and commits what is left as a checkpoint. No change is recorded as such, not committed.
 */
import { checkProtectedPaths } from "../boundary/protected-paths.js";
import { restoreEdits } from "../cleanroom/clean-room.js";
import { createTempDir } from "../core/temp-dir.js";
import type { Git } from "../git/git.js";
import type { GitWriter } from "../git/git-writer.js";
import { finding, type Finding } from "../model/finding.js";
import type { NetworkLog } from "../model/report.js";
import type { ExecResult } from "../sandbox/types.js";
import { checkpointMessage } from "./checkpoint.js";
import { runExecutor, type ExecutorOptions } from "./executor.js";
import { prepareWorkspace } from "./workspace.js";

/** What the executor needs (it runs in a workspace the round makes), and what the round adds. */
export interface RoundInput extends Omit<ExecutorOptions, "workspace" | "task"> {
  git: Git;
  writer: GitWriter;
  contractPath: string;
  /** The trusted base: protected paths are put back to their state here. */
  base: string;
  /** The branch's current commit; the round starts from its tree. */
  current: string;
  branchRef: string;
  /** The executor's task: the task with the previous rounds' feedback. */
  taskText: string;
  task: string;
}

export interface RoundOutput {
  /** The new checkpoint, or undefined when nothing changed. */
  commit: string | undefined;
  reverted: string[];
  findings: Finding[];
  executor: ExecResult;
  transcriptPath: string | undefined;
  containersStarted: number;
  network: NetworkLog;
}

export async function runRound(input: RoundInput): Promise<RoundOutput> {
  const { git, writer, logger } = input;
  await using workspace = await createTempDir("workspace");
  await prepareWorkspace(git, input.current, workspace.path);
  const run = await runExecutor({
    runtime: input.runtime,
    contract: input.contract,
    executor: input.executor,
    workspace: workspace.path,
    task: input.taskText,
    round: input.round,
    timeoutMs: input.timeoutMs,
    labels: input.labels,
    transcriptDir: input.transcriptDir,
    env: input.env,
    logger,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const base = {
    executor: run.result,
    transcriptPath: run.transcriptPath,
    containersStarted: run.containersStarted,
    network: run.network,
  };
  if (input.signal?.aborted) return { commit: undefined, reverted: [], findings: [], ...base };

  const tree = await writer.snapshot(workspace.path);
  const currentTree = await writer.treeOf(input.current);
  if (tree === currentTree) {
    return { commit: undefined, reverted: [], findings: [noChange(input.round, run.result)], ...base };
  }
  // A candidate commit (no ref points at it) lets git diff it against the base like any commit.
  const candidate = await writer.commitTree(
    tree,
    [input.current],
    checkpointMessage(input.task, input.round),
  );
  // Against the merge base, as the gate diffs: when the base branch moved since this branch was
  // made, its own changes to protected files must not look like the agent's edits.
  const diffBase = await git.mergeBase(input.base, input.current);
  const changes = await git.diff(diffBase, candidate);
  const { contract } = input;
  const guard = await checkProtectedPaths(
    changes,
    {
      contractPath: input.contractPath,
      frozen: contract.protected.frozen,
      appendOnly: contract.protected.appendOnly,
    },
    (sha) => git.readBlobById(sha),
  );
  const restores = await restoreEdits(git, candidate, { from: diffBase, paths: guard.restore });
  const findings = guard.findings.map((f) =>
    finding(
      "protected-edit-reverted",
      "warn",
      `round ${input.round}: ${f.message}; the edit was put back`,
      f.path === undefined ? {} : { path: f.path },
    ),
  );
  const finalTree = restores.edits.length === 0 ? tree : await writer.editTree(candidate, restores.edits);
  if (finalTree === currentTree) {
    logger.info(`round ${input.round}: only protected paths changed, and they were put back`);
    return {
      commit: undefined,
      reverted: restores.restored,
      findings: [...findings, noChange(input.round, run.result)],
      ...base,
    };
  }
  const commit =
    finalTree === tree
      ? candidate
      : await writer.commitTree(finalTree, [input.current], checkpointMessage(input.task, input.round));
  await writer.updateRef(input.branchRef, commit, input.current);
  logger.info(
    `round ${input.round}: checkpoint ${commit.slice(0, 12)}${restores.restored.length > 0 ? `, put back ${restores.restored.join(", ")}` : ""}`,
  );
  return { commit, reverted: restores.restored, findings, ...base };
}

function noChange(round: number, result: ExecResult): Finding {
  const how = result.timedOut
    ? "timed out"
    : result.exitCode === 0
      ? "exited 0"
      : `exited ${String(result.exitCode)}`;
  return finding(
    "no-change",
    "warn",
    `round ${round}: the executor ${how} without changing anything; that is not done`,
  );
}
