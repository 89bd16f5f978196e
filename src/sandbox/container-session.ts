/**
 * One sandbox session on Docker or Podman: a long-lived container that every command of the session
 * runs in through `exec` (setup, tests and verifiers of one side share it, which is much faster than
 * a container per command).
 *
 * Killing the `exec` client does not stop the process inside the container, so a command that runs
 * out of time (or is cancelled) is stopped by removing the whole container. The workspace lives on
 * the host, so the next command gets a fresh container over the same files.
 *
 * With a host allowlist (`spec.network`), the session also owns its egress (egress.ts): an internal
 * network every container of the session joins, and the proxy on its gateway. It is set up before
 * the first container and torn down after the last one.
 */
import { randomBytes } from "node:crypto";
import { getErrorMessage, GateError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { runBounded, runCaptured } from "../core/process.js";
import { createTempDir, type TempDir } from "../core/temp-dir.js";
import { registerCleanup, removeContainer, type ContainerBinary } from "./cleanup.js";
import {
  buildExecArgs,
  buildRunArgs,
  containerName,
  DEFAULT_WORKDIR,
  SLEEP_GRACE_SECONDS,
} from "./container-args.js";
import { EGRESS_DNS, openEgress, type SessionEgress } from "./egress.js";
import type { EgressLog } from "./egress-log.js";
import { removeEnvFile, writeEnvFile } from "./env-file.js";
import { cancelledBeforeStart, fromBounded, runtimeFailure, sessionExpired } from "./results.js";
import { commandTimeout } from "./time-limit.js";
import { lastLines } from "./tool-output.js";
import {
  LABEL_PID,
  LABEL_RUN,
  type ExecOptions,
  type ExecResult,
  type SandboxSession,
  type SessionSpec,
} from "./types.js";

const START_TIMEOUT_MS = 120_000;
const INSPECT_TIMEOUT_MS = 30_000;

// Process-wide, so containers of different sessions in one run never share a name.
let containerCounter = 0;

interface Container {
  readonly name: string;
  alive: boolean;
  /** Why the gate removed it, for commands that were running in it at the time. */
  stopReason: string | undefined;
  readonly unregister: () => void;
}

export class ContainerSession implements SandboxSession {
  readonly image: string;
  readonly #binary: ContainerBinary;
  readonly #spec: SessionSpec;
  readonly #logger: Logger;
  readonly #runId: string;
  readonly #labels: Record<string, string>;
  readonly #deadline: number;
  readonly #envDir: TempDir;
  readonly #unregisterEnvDir: () => void;
  #current: Promise<Container> | undefined;
  #egress: SessionEgress | undefined;
  #started = 0;
  #disposed = false;

  private constructor(binary: ContainerBinary, spec: SessionSpec, logger: Logger, envDir: TempDir) {
    this.image = spec.image;
    this.#binary = binary;
    this.#spec = spec;
    this.#logger = logger;
    this.#envDir = envDir;
    // Env files can hold an executor's secrets while a command starts: a second Ctrl-C, which exits
    // without unwinding, removes them too.
    this.#unregisterEnvDir = registerCleanup(`env files ${envDir.path}`, async () => {
      await envDir[Symbol.asyncDispose]();
    });
    this.#deadline = performance.now() + spec.timeoutMs;
    this.#runId = spec.labels[LABEL_RUN] ?? randomBytes(4).toString("hex");
    this.#labels = { ...spec.labels, [LABEL_RUN]: this.#runId, [LABEL_PID]: String(process.pid) };
  }

  /** Starts the first container at once, so a broken image or engine fails here, not mid-run. */
  static async start(binary: ContainerBinary, spec: SessionSpec, logger: Logger): Promise<ContainerSession> {
    const session = new ContainerSession(binary, spec, logger, await createTempDir("env"));
    try {
      if (spec.network.length > 0) {
        session.#egress = await openEgress(binary, {
          runId: session.#runId,
          allowlist: spec.network,
          labels: session.#labels,
          logger,
        });
      }
      session.#current = session.#startContainer();
      await session.#current;
    } catch (error) {
      await session[Symbol.asyncDispose]();
      throw error;
    }
    return session;
  }

  get containersStarted(): number {
    return this.#started;
  }

  /** The egress proxy's decisions (also after dispose); empty without a network allowlist. */
  networkLog(): EgressLog {
    return this.#egress?.log() ?? { allowed: [], denied: [], omitted: 0 };
  }

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.#disposed) throw new Error("exec called on a sandbox session that was already disposed");
    // Neither a spent session nor an already-cancelled caller is worth starting a container for.
    if (options.signal?.aborted === true) return cancelledBeforeStart();
    if (commandTimeout(options.timeoutMs, this.#deadline, performance.now()) <= 0) return sessionExpired();
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    let container: Container;
    try {
      container = await this.#container();
    } catch (error) {
      return runtimeFailure(getErrorMessage(error), elapsed());
    }
    // Measured again: starting a replacement container took some of the session's time.
    const timeoutMs = commandTimeout(options.timeoutMs, this.#deadline, performance.now());
    if (timeoutMs <= 0) return sessionExpired();
    const env = options.env ?? {};
    const envFile = Object.keys(env).length > 0 ? await writeEnvFile(this.#envDir.path, env) : undefined;
    let result;
    try {
      const args = buildExecArgs({ name: container.name, workdir: this.#spec.workdir, envFile, command });
      result = await runBounded(this.#binary, args, {
        timeoutMs,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
      });
    } catch (error) {
      return runtimeFailure(getErrorMessage(error), elapsed());
    } finally {
      if (envFile !== undefined) await removeEnvFile(envFile);
    }
    if (result.timedOut || result.aborted) {
      const why = result.timedOut ? "a command in it timed out" : "a command in it was cancelled";
      await this.#remove(container, why);
      return fromBounded(result);
    }
    // A non-zero code is normally the command's own, unless the container itself went away (the
    // engine stopped, another command's timeout removed it): then the code is the client's.
    if (result.exitCode !== 0 && !(await this.#isRunning(container))) {
      container.alive = false;
      container.unregister();
      const reason = container.stopReason ?? "it stopped or vanished";
      return runtimeFailure(
        `the container ${container.name} ended while the command ran: ${reason}`,
        result.durationMs,
        result,
      );
    }
    return fromBounded(result);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    const container = await this.#current?.catch(() => undefined);
    if (container?.alive === true) await this.#remove(container, "the session ended");
    // After the container: an engine refuses to remove a network that still has one attached.
    try {
      await this.#egress?.[Symbol.asyncDispose]();
    } finally {
      this.#unregisterEnvDir();
      await this.#envDir[Symbol.asyncDispose]();
    }
  }

  /** The live container, starting a fresh one when the last was removed. */
  async #container(): Promise<Container> {
    for (;;) {
      const current = this.#current;
      const container = await current?.catch(() => undefined);
      // Another exec replaced it while we waited: look again rather than start a second one.
      if (this.#current !== current) continue;
      if (container?.alive === true) return container;
      this.#current = this.#startContainer();
      return this.#current;
    }
  }

  async #startContainer(): Promise<Container> {
    const name = containerName(this.#runId, ++containerCounter);
    // Registered before `run`, so a signal arriving mid-start still removes it.
    const unregister = registerCleanup(`container ${name}`, () =>
      removeContainer(this.#binary, name, this.#logger),
    );
    const remainingSeconds = Math.max(0, this.#deadline - performance.now()) / 1000;
    // The proxy variables come last: a contract value cannot point the sandbox around the proxy
    // (it could not get out anyway, but its tools would then fail in a confusing way).
    const envFile = await writeEnvFile(this.#envDir.path, {
      HOME: "/tmp",
      ...this.#spec.env,
      ...this.#egress?.env,
    });
    let result;
    try {
      result = await runCaptured(
        this.#binary,
        buildRunArgs({
          name,
          spec: { ...this.#spec, workdir: this.#spec.workdir === "" ? DEFAULT_WORKDIR : this.#spec.workdir },
          labels: this.#labels,
          envFile,
          user: runnerUser(),
          sleepSeconds: remainingSeconds + SLEEP_GRACE_SECONDS,
          egress: this.#egress === undefined ? undefined : { network: this.#egress.network, dns: EGRESS_DNS },
        }),
        { timeoutMs: START_TIMEOUT_MS },
      );
    } catch (error) {
      unregister();
      throw error;
    } finally {
      await removeEnvFile(envFile);
    }
    const failure =
      result.exitCode === 0
        ? await this.#probe(name)
        : startFailure(this.#binary, this.image, result.stderr, result.timedOut);
    if (failure !== undefined) {
      // A start that timed out may still create the container later: remove it either way.
      await removeContainer(this.#binary, name, this.#logger);
      unregister();
      throw new GateError(failure);
    }
    this.#started += 1;
    this.#logger.debug(`started container ${name} from ${this.image}`);
    return { name, alive: true, stopReason: undefined, unregister };
  }

  /**
   * `run --detach` succeeds even when the image has no /bin/sh or sleep (the init process starts,
   * then its child fails), so one quick exec confirms the container is up and can run commands.
   */
  async #probe(name: string): Promise<string | undefined> {
    const probe = await runCaptured(
      this.#binary,
      ["exec", name, "/bin/sh", "-c", "command -v sleep >/dev/null"],
      {
        timeoutMs: START_TIMEOUT_MS,
      },
    );
    if (probe.exitCode === 0) return undefined;
    const detail = probe.timedOut ? "no answer" : lastLines(probe.stderr, 2);
    return `The sandbox container from ${this.image} did not come up (${detail}). Images need /bin/sh and sleep: loophole keeps the container alive with sleep and runs every command through /bin/sh.`;
  }

  async #remove(container: Container, reason: string): Promise<void> {
    container.alive = false;
    container.stopReason ??= `the gate removed it because ${reason}`;
    await removeContainer(this.#binary, container.name, this.#logger);
    container.unregister();
  }

  async #isRunning(container: Container): Promise<boolean> {
    if (!container.alive) return false;
    try {
      const result = await runCaptured(
        this.#binary,
        ["inspect", "--format", "{{.State.Running}}", container.name],
        {
          timeoutMs: INSPECT_TIMEOUT_MS,
        },
      );
      return result.exitCode === 0 && result.stdout.toString("utf8").trim() === "true";
    } catch {
      return false;
    }
  }
}

function runnerUser(): { uid: number; gid: number } | undefined {
  // Not available on Windows, where there is no uid to match.
  if (process.getuid === undefined || process.getgid === undefined) return undefined;
  return { uid: process.getuid(), gid: process.getgid() };
}

function startFailure(binary: ContainerBinary, image: string, stderr: string, timedOut: boolean): string {
  if (timedOut)
    return `${binary} did not start a container from ${image} within ${START_TIMEOUT_MS / 1000}s.`;
  return `Could not start a sandbox container from ${image}: ${lastLines(stderr, 3)}.`;
}
