/**
 * Runs the bring-your-own executor (an agent CLI) in the sandbox on a writable copy of the branch:
 * only the secrets the contract names (never the GitHub token), egress only to the contract's
 * hosts, a timeout, and a transcript kept in full in a file (for upload as an artifact) and bounded
 * in the report.
 */
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import type { Contract, ExecutorSpec } from "../contract/types.js";
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { createTempDir } from "../core/temp-dir.js";
import type { NetworkLog } from "../model/report.js";
import type { ContainerRuntime, ExecResult } from "../sandbox/types.js";
import { expandTaskCommand } from "./task-command.js";

export const TASK_DIR = "/loophole/task";
export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

export interface ExecutorRun {
  result: ExecResult;
  transcriptPath: string | undefined;
  containersStarted: number;
  network: NetworkLog;
}

export interface ExecutorOptions {
  runtime: ContainerRuntime;
  contract: Contract;
  executor: ExecutorSpec;
  workspace: string;
  task: string;
  round: number;
  timeoutMs: number;
  labels: Record<string, string>;
  /** Where transcripts go (one file per round); none kept when undefined. */
  transcriptDir: string | undefined;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  signal?: AbortSignal;
}

/** The executor's secrets from this process's environment; a missing one is a configuration error. */
export function executorSecrets(executor: ExecutorSpec, env: NodeJS.ProcessEnv): Record<string, string> {
  const secrets: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of executor.secrets) {
    const value = env[name];
    if (value === undefined || value === "") missing.push(name);
    else secrets[name] = value;
  }
  if (missing.length > 0) {
    throw new ConfigurationError(
      `The executor needs ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not set.`,
      [
        `In the workflow, pass ${missing.length === 1 ? "it" : "them"} to the loophole step through env:, e.g. ${missing[0] ?? "NAME"}: \${{ secrets.${missing[0] ?? "NAME"} }}`,
        "Only secrets named in executor.secrets reach the executor; nothing else of the runner's environment does.",
      ],
    );
  }
  return secrets;
}

export async function runExecutor(options: ExecutorOptions): Promise<ExecutorRun> {
  const { executor, contract } = options;
  await using taskDir = await createTempDir("task");
  await writeFile(join(taskDir.path, "task.md"), options.task);
  const hostPaths = options.runtime.hostPaths;
  const taskFile = hostPaths ? join(taskDir.path, "task.md") : `${TASK_DIR}/task.md`;
  const image = executor.image ?? contract.sandbox.image ?? "host";
  const session = await options.runtime.startSession({
    image,
    workspace: options.workspace,
    workdir: "/work",
    mounts: [{ hostPath: taskDir.path, containerPath: TASK_DIR, readonly: true }],
    env: {
      ...executor.env,
      ...executorSecrets(executor, options.env),
      LOOPHOLE_TASK_FILE: taskFile,
      LOOPHOLE_ROUND: String(options.round),
    },
    network: executor.network,
    cpus: contract.sandbox.cpus,
    memoryBytes: contract.sandbox.memoryBytes,
    pids: contract.sandbox.pids,
    timeoutMs: options.timeoutMs,
    labels: { ...options.labels, "dev.loophole.side": "executor" },
  });
  let transcript: Transcript | undefined;
  try {
    transcript = options.transcriptDir
      ? await Transcript.open(options.transcriptDir, options.round)
      : undefined;
    const command = expandTaskCommand(executor.run, options.task);
    options.logger.info(`executor (round ${options.round}): ${executor.run}`);
    const result = await session.exec(command, {
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(transcript ? { onOutput: transcript.push } : {}),
    });
    const network = session.networkLog?.() ?? { allowed: [], denied: [] };
    return {
      result,
      transcriptPath: await transcript?.close(),
      containersStarted: session.containersStarted,
      network,
    };
  } finally {
    await session[Symbol.asyncDispose]();
  }
}

/** The full executor output of one round, up to a bound, in a file the action can upload. */
class Transcript {
  #bytes = 0;
  private constructor(
    readonly path: string,
    private readonly stream: ReturnType<typeof createWriteStream>,
  ) {}

  static async open(dir: string, round: number): Promise<Transcript> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, `executor-round-${round}.log`);
    return new Transcript(path, createWriteStream(path, { mode: 0o600 }));
  }

  readonly push = (chunk: Buffer): void => {
    if (this.#bytes >= MAX_TRANSCRIPT_BYTES) return;
    const room = MAX_TRANSCRIPT_BYTES - this.#bytes;
    this.#bytes += chunk.length;
    this.stream.write(chunk.length > room ? chunk.subarray(0, room) : chunk);
    if (this.#bytes >= MAX_TRANSCRIPT_BYTES)
      this.stream.write(`\n… transcript truncated at ${MAX_TRANSCRIPT_BYTES} bytes\n`);
  };

  async close(): Promise<string> {
    this.stream.end();
    await once(this.stream, "close");
    return this.path;
  }
}
