/**
 * The host "runtime": an explicit opt-in (`--runtime host`) for machines without a container
 * engine. Commands run as `/bin/sh -c` directly in the workspace, so there is no isolation beyond a
 * restricted environment and time limits; the report names this in its not-proven section.
 *
 * - Environment: only the contract's variables, plus PATH (this process's, unless the contract sets
 *   one) and HOME (a fresh temp dir per session). Nothing else of this process leaks through.
 * - Paths: there is no container, so `workdir` and `mounts` are ignored and commands see host paths
 *   (`hostPaths` is true). Callers that point a command at a mounted directory (such as a reports
 *   directory) must pass the host path for this runtime.
 * - Network: not restricted.
 * - Time limits and cancellation kill the command's whole process group (a command that starts its
 *   own session with `setsid` escapes that).
 */
import { access, constants } from "node:fs/promises";
import { getErrorMessage, GateError } from "../core/errors.js";
import { silentLogger, type Logger } from "../core/logger.js";
import { runBounded } from "../core/process.js";
import { createTempDir, type TempDir } from "../core/temp-dir.js";
import { registerCleanup } from "./cleanup.js";
import { fromBounded, runtimeFailure, sessionExpired } from "./results.js";
import { commandTimeout } from "./time-limit.js";
import type {
  ContainerRuntime,
  ExecOptions,
  ExecResult,
  ImageInfo,
  SandboxSession,
  SessionSpec,
} from "./types.js";

const SHELL = "/bin/sh";
const FALLBACK_PATH = "/usr/local/bin:/usr/bin:/bin";

export class HostRuntime implements ContainerRuntime {
  readonly kind = "host";
  /** Mount targets are not translated: commands see host paths. */
  readonly hostPaths = true;
  readonly #logger: Logger;

  constructor(logger: Logger = silentLogger) {
    this.#logger = logger;
  }

  async ping(): Promise<void> {
    try {
      await access(SHELL, constants.X_OK);
    } catch (error) {
      throw new GateError(`The host runtime needs ${SHELL}: ${getErrorMessage(error)}`);
    }
  }

  ensureImage(_image: string): Promise<ImageInfo> {
    return Promise.resolve({ reference: "host", id: "host" });
  }

  async startSession(spec: SessionSpec): Promise<SandboxSession> {
    this.#logger.debug(`host runtime: commands run unsandboxed in ${spec.workspace}`);
    return new HostSession(spec, await createTempDir("home"));
  }

  /** Nothing outlives a host session: its processes die with their group. */
  removeLabelled(_label: string, _value?: string): Promise<number> {
    return Promise.resolve(0);
  }
}

class HostSession implements SandboxSession {
  readonly image = "host";
  /** No containers on the host. */
  readonly containersStarted = 0;
  readonly #spec: SessionSpec;
  readonly #home: TempDir;
  readonly #deadline: number;
  // Aborted on dispose and on a terminating signal, so no command outlives the session.
  readonly #stop = new AbortController();
  readonly #unregister: () => void;
  #disposed = false;

  constructor(spec: SessionSpec, home: TempDir) {
    this.#spec = spec;
    this.#home = home;
    this.#deadline = performance.now() + spec.timeoutMs;
    // A second Ctrl-C exits without unwinding: the commands stop and their HOME goes with them.
    this.#unregister = registerCleanup(`host commands in ${spec.workspace} (HOME ${home.path})`, async () => {
      this.#stop.abort();
      await home[Symbol.asyncDispose]();
    });
  }

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.#disposed) throw new Error("exec called on a sandbox session that was already disposed");
    const timeoutMs = commandTimeout(options.timeoutMs, this.#deadline, performance.now());
    if (timeoutMs <= 0) return sessionExpired();
    const env = {
      PATH: process.env["PATH"] ?? FALLBACK_PATH,
      HOME: this.#home.path,
      ...this.#spec.env,
      ...options.env,
    };
    const signal =
      options.signal === undefined ? this.#stop.signal : AbortSignal.any([options.signal, this.#stop.signal]);
    try {
      const result = await runBounded(SHELL, ["-c", command], {
        cwd: this.#spec.workspace,
        env,
        timeoutMs,
        signal,
        ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
      });
      return fromBounded(result);
    } catch (error) {
      return runtimeFailure(getErrorMessage(error), 0);
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#stop.abort();
    this.#unregister();
    await this.#home[Symbol.asyncDispose]();
  }
}
