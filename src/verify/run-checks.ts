/**
 * Runs the contract's setup steps and hard verifiers in the sandbox, on the clean room. Verifiers
 * that share an image share one container (setup runs once in it); a verifier with its own image
 * gets its own session, with setup run there too, since setup often installs into the image.
 */
import type { Contract, VerifierSpec } from "../contract/types.js";
import { formatDuration } from "../core/duration.js";
import type { Logger } from "../core/logger.js";
import { finding, type Finding } from "../model/finding.js";
import type { StepReport, VerifierReport } from "../model/report.js";
import type { ContainerRuntime, SandboxSession, SessionSpec } from "../sandbox/types.js";
import { skippedStep, toStepReport } from "./step-result.js";

export interface ChecksResult {
  setup: StepReport[];
  verifiers: VerifierReport[];
  findings: Finding[];
  containersStarted: number;
}

export interface ChecksOptions {
  runtime: ContainerRuntime;
  contract: Contract;
  /** The clean room on the host. */
  workspace: string;
  labels: Record<string, string>;
  logger: Logger;
  signal?: AbortSignal;
}

export const WORKDIR = "/work";

export async function runChecks(options: ChecksOptions): Promise<ChecksResult> {
  const { contract } = options;
  const result: ChecksResult = { setup: [], verifiers: [], findings: [], containersStarted: 0 };
  const defaultImage = contract.sandbox.image ?? "host";
  const groups = new Map<string, VerifierSpec[]>();
  for (const verifier of contract.verifiers) {
    const image = verifier.image ?? defaultImage;
    groups.set(image, [...(groups.get(image) ?? []), verifier]);
  }
  for (const [image, verifiers] of groups) {
    await runGroup(options, image, verifiers, result);
  }
  return result;
}

function sessionSpec(options: ChecksOptions, image: string): SessionSpec {
  const { sandbox } = options.contract;
  return {
    image,
    workspace: options.workspace,
    workdir: WORKDIR,
    mounts: [],
    env: { ...sandbox.env },
    network: sandbox.network,
    cpus: sandbox.cpus,
    memoryBytes: sandbox.memoryBytes,
    pids: sandbox.pids,
    timeoutMs: sandbox.timeoutMs,
    labels: options.labels,
  };
}

async function runGroup(
  options: ChecksOptions,
  image: string,
  verifiers: VerifierSpec[],
  result: ChecksResult,
): Promise<void> {
  const { logger } = options;
  let session: SandboxSession | undefined;
  const open = async (): Promise<SandboxSession> => {
    const started = await options.runtime.startSession(sessionSpec(options, image));
    const setupFailure = await runSetup(started, options, result);
    if (setupFailure !== undefined) {
      await started[Symbol.asyncDispose]();
      result.containersStarted += started.containersStarted;
      throw new SetupFailed(setupFailure);
    }
    return started;
  };
  try {
    for (const verifier of verifiers) {
      if (options.signal?.aborted) {
        result.verifiers.push({ ...skippedStep(verifier.name, verifier.run, "cancelled"), image });
        continue;
      }
      try {
        session ??= await open();
      } catch (error) {
        if (!(error instanceof SetupFailed)) throw error;
        for (const rest of verifiers.slice(verifiers.indexOf(verifier))) {
          result.verifiers.push({
            ...skippedStep(rest.name, rest.run, `setup step "${error.step}" failed`),
            image,
          });
        }
        return;
      }
      logger.info(`verifier "${verifier.name}": ${verifier.run}`);
      const execOptions: Parameters<SandboxSession["exec"]>[1] = { env: verifier.env };
      if (verifier.timeoutMs !== undefined) execOptions.timeoutMs = verifier.timeoutMs;
      if (options.signal) execOptions.signal = options.signal;
      const run = await session.exec(verifier.run, execOptions);
      const step = { ...toStepReport(verifier.name, verifier.run, run), image };
      result.verifiers.push(step);
      logger.info(`verifier "${verifier.name}": ${step.status} in ${formatDuration(step.durationMs)}`);
      result.findings.push(...verifierFindings(step));
      if (run.timedOut) {
        // The timed-out container was killed, and whatever setup installed inside it went with it:
        // the next verifier gets a fresh session with setup run again.
        result.containersStarted += session.containersStarted;
        await session[Symbol.asyncDispose]();
        session = undefined;
      }
    }
  } finally {
    if (session) {
      result.containersStarted += session.containersStarted;
      await session[Symbol.asyncDispose]();
    }
  }
}

class SetupFailed extends Error {
  constructor(readonly step: string) {
    super(`setup step "${step}" failed`);
  }
}

/** Returns the name of the failing setup step, if any. */
async function runSetup(
  session: SandboxSession,
  options: ChecksOptions,
  result: ChecksResult,
): Promise<string | undefined> {
  for (const step of options.contract.setup) {
    options.logger.info(`setup "${step.name}": ${step.run}`);
    const execOptions: Parameters<SandboxSession["exec"]>[1] = {};
    if (step.timeoutMs !== undefined) execOptions.timeoutMs = step.timeoutMs;
    if (options.signal) execOptions.signal = options.signal;
    const run = await session.exec(step.run, execOptions);
    const report = toStepReport(step.name, step.run, run);
    result.setup.push(report);
    if (report.status !== "pass") {
      result.findings.push(
        finding(
          "setup-failed",
          "fail",
          `setup step "${step.name}" ${report.status === "timeout" ? "timed out" : `failed (exit ${String(report.exitCode)})`} in image ${session.image}; the verifiers after it did not run`,
        ),
      );
      return step.name;
    }
  }
  return undefined;
}

function verifierFindings(step: VerifierReport): Finding[] {
  switch (step.status) {
    case "pass":
    case "skipped":
      return [];
    case "timeout":
      return [
        finding(
          "verifier-failed",
          "fail",
          `verifier "${step.name}" timed out after ${formatDuration(step.durationMs)}`,
        ),
      ];
    case "fail":
      return [
        finding(
          "verifier-failed",
          "fail",
          `verifier "${step.name}" failed with exit code ${String(step.exitCode)}`,
        ),
      ];
    case "error":
      return [
        finding(
          "verifier-error",
          "fail",
          `verifier "${step.name}" could not be run: ${step.reason ?? "unknown error"}`,
        ),
      ];
  }
}
