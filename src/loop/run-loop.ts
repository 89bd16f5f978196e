/**
 * Task mode: round = executor in the sandbox → the action's checkpoint commit → the gate on that
 * commit in a fresh clean room → feedback, until the gate passes or a stop rule says more rounds
 * will not help. The contract's checks, run where the agent never was, are the only way out.
 */
import type { ExecutorSpec, RuntimeKind } from "../contract/types.js";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { Progress } from "../core/progress.js";
import { MemoryBaseCache } from "../gate/base-cache.js";
import { readBaseContract } from "../gate/base-contract.js";
import { runGate } from "../gate/gate.js";
import type { BaseCache } from "../gate/base-cache.js";
import { Git } from "../git/git.js";
import { GitWriter } from "../git/git-writer.js";
import type { Finding } from "../model/finding.js";
import type { NetworkLog, Report, RoundReport, StopReason } from "../model/report.js";
import { createRuntime } from "../sandbox/select.js";
import { LABEL_RUN, type ContainerRuntime } from "../sandbox/types.js";
import { lastRound } from "./checkpoint.js";
import { failingKeys, feedbackDigest } from "./feedback.js";
import { runRound } from "./round.js";
import { stopReason, type RoundSummary } from "./stop-rules.js";
import { taskText } from "./task-command.js";

export interface LoopRequest {
  repoDir: string;
  /** The trusted base: the contract is read from it and the branch starts there. */
  base: string;
  branch: string;
  task: string;
  contractPath: string;
  runId: string;
  runtime?: RuntimeKind;
  /** CLI overrides of the contract's executor command and round budget. */
  executorRun?: string;
  rounds?: number;
  transcriptDir?: string;
  /** Where the executor's secrets are read from. */
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Called after each checkpoint (the action pushes it, so a cancelled job loses no round). */
  onCheckpoint?: (commit: string, round: number) => Promise<void>;
}

export interface LoopDeps {
  logger: Logger;
  createRuntime?: (kind: RuntimeKind) => ContainerRuntime;
  baseCache?: BaseCache;
  progress?: Progress;
}

export interface LoopResult {
  report: Report;
  branch: string;
  /** The branch's last commit (the base when no round changed anything). */
  head: string;
  rounds: number;
  stopReason: StopReason;
}

export async function runLoop(request: LoopRequest, deps: LoopDeps): Promise<LoopResult> {
  const { logger } = deps;
  const started = performance.now();
  const git = await Git.open(request.repoDir, logger);
  const writer = new GitWriter(git);
  const base = await git.resolveCommit(request.base);
  const loaded = await readBaseContract(git, base, base, request.contractPath);
  if (!loaded.ok) throw loaded.error;
  const { contract } = loaded.value;
  const executor = executorFor(contract.executor, request.executorRun);
  const budget = { rounds: request.rounds ?? contract.budget.rounds, timeMs: contract.budget.timeMs };

  const branchRef = `refs/heads/${request.branch}`;
  let current: string;
  if (await writer.refExists(branchRef)) {
    current = await git.resolveCommit(branchRef);
    logger.info(`continuing ${request.branch} from ${current.slice(0, 12)}`);
  } else {
    await writer.updateRef(branchRef, base, undefined);
    current = base;
    logger.info(`created ${request.branch} at the base ${base.slice(0, 12)}`);
  }
  const firstRound = (await lastRound(writer, current)) + 1;

  const kind = request.runtime ?? contract.sandbox.runtime;
  const runtime = (deps.createRuntime ?? ((k: RuntimeKind) => createRuntime(k, logger)))(kind);
  await runtime.ping();
  const image = executor.image ?? contract.sandbox.image;
  if (!runtime.hostPaths && image !== undefined) await runtime.ensureImage(image);

  const baseCache = deps.baseCache ?? new MemoryBaseCache();
  const gateDeps = {
    logger,
    baseCache,
    ...(deps.createRuntime ? { createRuntime: deps.createRuntime } : {}),
  };
  const gate = (head: string): Promise<Report> =>
    runGate(
      {
        repoDir: request.repoDir,
        base,
        head,
        contractPath: request.contractPath,
        runId: request.runId,
        ...(request.runtime ? { runtime: request.runtime } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      },
      gateDeps,
    );

  const history: RoundSummary[] = [];
  const rounds: RoundReport[] = [];
  const roundFindings: Finding[] = [];
  const network: NetworkLog = { allowed: [], denied: [] };
  let report: Report | undefined;
  let feedback: string | undefined;
  let lastOutput = "";
  let reason: StopReason | undefined;
  for (let round = firstRound; ; round++) {
    const elapsed = performance.now() - started;
    reason = request.signal?.aborted === true ? "cancelled" : stopReason(history, budget, elapsed);
    if (reason !== undefined) break;
    const label = `round ${round}: executor`;
    deps.progress?.start(label, label);
    const output = await runRound({
      git,
      writer,
      contract,
      executor,
      contractPath: request.contractPath,
      runtime,
      base,
      current,
      branchRef,
      round,
      task: request.task,
      taskText: taskText({ task: request.task, round: round - firstRound + 1, feedback }),
      timeoutMs: Math.max(1000, Math.min(executor.timeoutMs, budget.timeMs - elapsed)),
      labels: { [LABEL_RUN]: request.runId },
      transcriptDir: request.transcriptDir,
      env: request.env,
      logger,
      ...(request.signal ? { signal: request.signal } : {}),
    }).finally(() => deps.progress?.end(label, "ok"));
    mergeNetwork(network, output.network);
    lastOutput = output.executor.output;
    roundFindings.push(...output.findings);
    if (request.signal?.aborted === true) {
      reason = "cancelled";
      break;
    }
    if (output.commit !== undefined) {
      current = output.commit;
      await request.onCheckpoint?.(current, round);
      report = await gate(current);
    } else {
      report ??= await gate(current);
    }
    const noChange = output.commit === undefined;
    feedback = feedbackDigest(report, { reverted: output.reverted, noChange });
    const failing = failingKeys(report);
    history.push({ outcome: report.outcome, noChange, failing });
    rounds.push({
      round,
      commit: output.commit ?? null,
      outcome: report.outcome,
      executor: {
        exitCode: output.executor.exitCode,
        timedOut: output.executor.timedOut,
        durationMs: output.executor.durationMs,
        outputBytes: output.executor.outputBytes,
      },
      reverted: output.reverted,
      noChange,
      failing: failing.slice(0, 50),
    });
    logger.info(`round ${round}: ${report.outcome}${noChange ? " (no change)" : ""}`);
    if (report.outcome === "error") {
      reason = "error";
      break;
    }
  }
  report ??= await gate(current);
  const final: Report = {
    ...report,
    findings: [...report.findings, ...roundFindings],
    task: {
      task: request.task,
      branch: request.branch,
      rounds,
      stopReason: reason,
      lastOutputTail: lastOutput.slice(-4000),
      network,
    },
  };
  return { report: final, branch: request.branch, head: current, rounds: rounds.length, stopReason: reason };
}

function executorFor(spec: ExecutorSpec | undefined, run: string | undefined): ExecutorSpec {
  if (spec === undefined && run === undefined) {
    throw new ConfigurationError("The contract has no executor section, so there is no agent to run.", [
      'Add one to loophole.json on the base branch, e.g. "executor": { "run": "claude -p {task} --permission-mode bypassPermissions", "secrets": ["ANTHROPIC_API_KEY"], "network": ["api.anthropic.com"] }',
      'or, with the CLI, pass --executor "<command>".',
    ]);
  }
  const base: ExecutorSpec = spec ?? {
    run: run ?? "",
    image: undefined,
    secrets: [],
    network: [],
    timeoutMs: 60 * 60_000,
    env: {},
  };
  return run === undefined ? base : { ...base, run };
}

function mergeNetwork(into: NetworkLog, from: NetworkLog): void {
  for (const list of ["allowed", "denied"] as const) {
    for (const entry of from[list]) {
      const existing = into[list].find((e) => e.host === entry.host && e.port === entry.port);
      if (existing) existing.count += entry.count;
      else into[list].push({ ...entry });
    }
  }
}
