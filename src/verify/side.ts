/**
 * One side of the gate (the base, the head, or the head judged by the base suite) in the sandbox:
 * setup, then the tests (when the contract has them), then the hard verifiers (head only). Commands
 * of one image share one container, started once; a verifier with its own image gets its own
 * container with setup run there too, since setup often installs into the image. A timed-out command
 * kills its container, so the next command gets a fresh one with setup run again.
 */
import type { Contract, VerifierSpec } from "../contract/types.js";
import { formatDuration } from "../core/duration.js";
import type { Logger } from "../core/logger.js";
import { silentProgress, type Progress } from "../core/progress.js";
import { createTempDir } from "../core/temp-dir.js";
import { finding, type Finding } from "../model/finding.js";
import type { StepReport, VerifierReport } from "../model/report.js";
import type { ContainerRuntime, Mount, SandboxSession, SessionSpec } from "../sandbox/types.js";
import { runTests, type TestRun } from "../tests-run/run-tests.js";
import { skippedStep, toStepReport } from "./step-result.js";

export const WORKDIR = "/work";
export const REPORTS_PATH = "/loophole/reports";

export type SideName = "base" | "head" | "base-suite";

export interface SideOptions {
  side: SideName;
  runtime: ContainerRuntime;
  contract: Contract;
  /** The clean room of this side, on the host. */
  workspace: string;
  /** Settles when the clean room is fully written; the container may start before, nothing runs before. */
  workspaceReady?: Promise<void>;
  runTests: boolean;
  runVerifiers: boolean;
  labels: Record<string, string>;
  logger: Logger;
  progress?: Progress;
  signal?: AbortSignal;
}

export interface SideResult {
  side: SideName;
  setup: StepReport[];
  /** Set when setup failed: the name of the step. */
  setupFailed?: string;
  tests?: TestRun;
  verifiers: VerifierReport[];
  findings: Finding[];
  containersStarted: number;
}

export async function runSide(options: SideOptions): Promise<SideResult> {
  const { contract } = options;
  const result: SideResult = {
    side: options.side,
    setup: [],
    verifiers: [],
    findings: [],
    containersStarted: 0,
  };
  const defaultImage = contract.sandbox.image ?? "host";
  const groups = new Map<string, VerifierSpec[]>([[defaultImage, []]]);
  if (options.runVerifiers) {
    for (const verifier of contract.verifiers) {
      const image = verifier.image ?? defaultImage;
      groups.set(image, [...(groups.get(image) ?? []), verifier]);
    }
  }
  for (const [image, verifiers] of groups) {
    const withTests = image === defaultImage && options.runTests && contract.tests !== undefined;
    if (!withTests && verifiers.length === 0) continue;
    await runGroup(options, image, verifiers, withTests, result);
  }
  return result;
}

async function runGroup(
  options: SideOptions,
  image: string,
  verifiers: VerifierSpec[],
  withTests: boolean,
  result: SideResult,
): Promise<void> {
  const { logger, contract } = options;
  const prefix = options.side === "head" ? "" : `[${options.side}] `;
  await using reports = withTests ? await createTempDir("reports") : undefined;
  const reportsSandboxPath = options.runtime.hostPaths ? (reports?.path ?? "") : REPORTS_PATH;
  const mounts: Mount[] = reports
    ? [{ hostPath: reports.path, containerPath: REPORTS_PATH, readonly: false }]
    : [];
  let session: SandboxSession | undefined;
  let setupFailed = false;

  const open = async (): Promise<SandboxSession | undefined> => {
    if (setupFailed) return undefined;
    const started = await options.runtime.startSession(sessionSpec(options, image, mounts));
    try {
      await options.workspaceReady;
    } catch (error) {
      await started[Symbol.asyncDispose]();
      throw error;
    }
    for (const step of contract.setup) {
      logger.info(`${prefix}setup "${step.name}": ${step.run}`);
      const run = await tracked(options, `${options.side} setup: ${step.name}`, () =>
        started.exec(step.run, {
          ...(step.timeoutMs === undefined ? {} : { timeoutMs: step.timeoutMs }),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
      const report = toStepReport(`${prefix}${step.name}`, step.run, run);
      result.setup.push(report);
      if (report.status !== "pass") {
        setupFailed = true;
        result.setupFailed = step.name;
        result.containersStarted += started.containersStarted;
        await started[Symbol.asyncDispose]();
        if (options.side === "head") {
          const how = report.status === "timeout" ? "timed out" : `failed (exit ${String(report.exitCode)})`;
          result.findings.push(
            finding(
              "setup-failed",
              "fail",
              `setup step "${step.name}" ${how} in image ${image}; what follows it did not run`,
            ),
          );
        }
        return undefined;
      }
    }
    return started;
  };
  const close = async (): Promise<void> => {
    if (!session) return;
    result.containersStarted += session.containersStarted;
    await session[Symbol.asyncDispose]();
    session = undefined;
  };

  try {
    if (withTests && contract.tests && reports) {
      session = await open();
      if (session) {
        logger.info(`${prefix}tests (${contract.tests.framework}): ${contract.tests.run}`);
        const testSession = session;
        const tests = contract.tests;
        result.tests = await tracked(options, `${options.side} tests`, () =>
          runTests(testSession, {
            tests,
            env: contract.sandbox.env,
            reports: { hostPath: reports.path, sandboxPath: reportsSandboxPath },
            roots: [`${options.runtime.hostPaths ? options.workspace : WORKDIR}/`],
            ...(options.signal ? { signal: options.signal } : {}),
          }),
        );
        logger.info(
          `${prefix}tests: ${result.tests.step.status} in ${formatDuration(result.tests.step.durationMs)}`,
        );
        if (result.tests.step.status === "timeout") await close();
      }
    }
    for (const verifier of verifiers) {
      if (options.signal?.aborted) {
        result.verifiers.push({ ...skippedStep(verifier.name, verifier.run, "cancelled"), image });
        continue;
      }
      const reused = reuseTestRun(verifier, result.tests, withTests);
      if (reused) {
        result.verifiers.push({ ...reused, name: verifier.name, image });
        result.findings.push(...verifierFindings(reused, verifier.name));
        continue;
      }
      session ??= await open();
      if (!session) {
        result.verifiers.push({
          ...skippedStep(verifier.name, verifier.run, `setup step "${result.setupFailed ?? "?"}" failed`),
          image,
        });
        continue;
      }
      logger.info(`verifier "${verifier.name}": ${verifier.run}`);
      const verifierSession = session;
      const run = await tracked(options, `verifier: ${verifier.name}`, () =>
        verifierSession.exec(verifier.run, {
          env: verifier.env,
          ...(verifier.timeoutMs === undefined ? {} : { timeoutMs: verifier.timeoutMs }),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
      const step = { ...toStepReport(verifier.name, verifier.run, run), image };
      result.verifiers.push(step);
      logger.info(`verifier "${verifier.name}": ${step.status} in ${formatDuration(step.durationMs)}`);
      result.findings.push(...verifierFindings(step, verifier.name));
      if (run.timedOut) await close();
    }
  } finally {
    await close();
  }
}

/** Shows `label` as running while `fn` runs. */
async function tracked<T>(options: SideOptions, label: string, fn: () => Promise<T>): Promise<T> {
  const progress = options.progress ?? silentProgress;
  progress.start(label, label);
  let ok = false;
  try {
    const value = await fn();
    ok = true;
    return value;
  } finally {
    progress.end(label, ok ? "ok" : "failed");
  }
}

/**
 * A verifier whose command is exactly the tests command, in the same image, already ran: its
 * result is the test run's (running the suite twice on the same tree would only cost time).
 */
function reuseTestRun(
  verifier: VerifierSpec,
  tests: TestRun | undefined,
  sameSession: boolean,
): StepReport | undefined {
  if (!sameSession || tests === undefined || tests.step.command !== verifier.run) return undefined;
  if (Object.keys(verifier.env).length > 0 || verifier.timeoutMs !== undefined) return undefined;
  return {
    ...tests.step,
    reason: tests.step.reason ?? "same command as the tests run; its result is reused",
  };
}

function sessionSpec(options: SideOptions, image: string, mounts: Mount[]): SessionSpec {
  const { sandbox } = options.contract;
  return {
    image,
    workspace: options.workspace,
    workdir: WORKDIR,
    mounts,
    env: { ...sandbox.env },
    network: sandbox.network,
    cpus: sandbox.cpus,
    memoryBytes: sandbox.memoryBytes,
    pids: sandbox.pids,
    timeoutMs: sandbox.timeoutMs,
    labels: { ...options.labels, "dev.loophole.side": options.side },
  };
}

export function verifierFindings(step: StepReport, name: string): Finding[] {
  switch (step.status) {
    case "pass":
    case "skipped":
      return [];
    case "timeout":
      return [
        finding(
          "verifier-failed",
          "fail",
          `verifier "${name}" timed out after ${formatDuration(step.durationMs)}`,
        ),
      ];
    case "fail":
      return [
        finding(
          "verifier-failed",
          "fail",
          `verifier "${name}" failed with exit code ${String(step.exitCode)}`,
        ),
      ];
    case "error":
      return [
        finding(
          "verifier-error",
          "fail",
          `verifier "${name}" could not be run: ${step.reason ?? "unknown error"}`,
        ),
      ];
  }
}
