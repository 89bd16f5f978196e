/**
 * What the gate needs from a container runtime. Docker and Podman implement it with the same CLI
 * flags; the host runtime (explicit opt-in) runs commands directly and is named in the report's
 * not-proven section.
 */
import type { RuntimeKind } from "../contract/types.js";
import type { NetworkLog } from "../model/report.js";

export interface Mount {
  hostPath: string;
  containerPath: string;
  readonly: boolean;
}

export interface SessionSpec {
  image: string;
  /** Host directory mounted read-write at `workdir` (the clean room). */
  workspace: string;
  workdir: string;
  mounts: Mount[];
  /** The complete environment inside the sandbox: nothing of the runner's is added. */
  env: Record<string, string>;
  /** Hosts allowed through the egress proxy; empty means network "none". */
  network: string[];
  cpus: number;
  memoryBytes: number;
  pids: number;
  /** Wall-clock limit for the whole session; past it every running command is killed. */
  timeoutMs: number;
  /** Labels every container carries, so cleanup can find leftovers of this run. */
  labels: Record<string, string>;
}

export interface ExecOptions {
  timeoutMs?: number;
  /** Extra variables for this command only. */
  env?: Record<string, string>;
  signal?: AbortSignal;
  /** Live output, for progress display; the result keeps a bounded copy either way. */
  onOutput?: (chunk: Buffer) => void;
}

export interface ExecResult {
  /** null when the command was killed (timeout, cancel) or could not be started. */
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** stdout and stderr interleaved, bounded (head and tail kept). */
  output: string;
  outputBytes: number;
  /** Set when the runtime itself failed (not the command). */
  error?: string;
}

export interface SandboxSession extends AsyncDisposable {
  readonly image: string;
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** How many containers this session has started so far (a killed one is replaced). */
  readonly containersStarted: number;
  /** The egress proxy's decisions so far, for sessions with a network allowlist. */
  networkLog?(): NetworkLog;
}

export interface ImageInfo {
  reference: string;
  /** The image id (sha256:…), for provenance and cache keys. */
  id: string;
}

export interface ContainerRuntime {
  readonly kind: RuntimeKind;
  /** True when commands run on the host, so mount paths inside "the sandbox" are host paths. */
  readonly hostPaths: boolean;
  /** Throws GateError with advice when the runtime does not answer. */
  ping(): Promise<void>;
  /** Pulls when missing; throws GateError naming the image when it cannot be had. */
  ensureImage(image: string): Promise<ImageInfo>;
  startSession(spec: SessionSpec): Promise<SandboxSession>;
  /** Removes every container carrying `label=value` (post step, signal handlers). */
  removeLabelled(label: string, value?: string): Promise<number>;
}

export const LABEL_RUN = "dev.loophole.run";
export const LABEL_PID = "dev.loophole.pid";
