/**
 * The container runtime on Docker or Podman, driven through their (identical) CLIs. Control commands
 * go through `runCaptured`; what untrusted code prints goes through `runBounded` (in the session).
 */
import { GateError, getErrorMessage } from "../core/errors.js";
import { formatDuration } from "../core/duration.js";
import { silentLogger, type Logger } from "../core/logger.js";
import { runCaptured } from "../core/process.js";
import { removeLabelledContainers, type ContainerBinary } from "./cleanup.js";
import { checkImageReference, clampCpus } from "./container-args.js";
import { ContainerSession } from "./container-session.js";
import { lastLines } from "./tool-output.js";
import type { ContainerRuntime, ImageInfo, SandboxSession, SessionSpec } from "./types.js";

const PING_TIMEOUT_MS = 30_000;
const INSPECT_TIMEOUT_MS = 30_000;
const PULL_TIMEOUT_MS = 15 * 60_000;

// `podman version` has no server part on a local engine; `info` answers on both kinds of setup.
const PING_ARGS: Record<ContainerBinary, string[]> = {
  docker: ["version", "--format", "{{.Server.Version}}"],
  podman: ["info", "--format", "{{.Version.Version}}"],
};
const CPU_COUNT_ARGS: Record<ContainerBinary, string[]> = {
  docker: ["info", "--format", "{{.NCPU}}"],
  podman: ["info", "--format", "{{.Host.CPUs}}"],
};

export class ContainerCli implements ContainerRuntime {
  readonly kind: ContainerBinary;
  /** Mount targets are container paths (see HostRuntime, where they are host paths). */
  readonly hostPaths = false;
  readonly #logger: Logger;
  #hostCpus: Promise<number | undefined> | undefined;

  constructor(binary: ContainerBinary, logger: Logger = silentLogger) {
    this.kind = binary;
    this.#logger = logger;
  }

  async ping(): Promise<void> {
    let detail: string;
    try {
      const result = await runCaptured(this.kind, PING_ARGS[this.kind], { timeoutMs: PING_TIMEOUT_MS });
      if (result.exitCode === 0) return;
      detail = result.timedOut
        ? `no answer within ${formatDuration(PING_TIMEOUT_MS)}`
        : lastLines(result.stderr, 3);
    } catch (error) {
      detail = getErrorMessage(error);
    }
    throw new GateError(
      [
        `The container runtime (${this.kind}) does not answer: ${detail}.`,
        `Start ${this.kind === "docker" ? "Docker" : "Podman"} and retry (GitHub's Linux runners have Docker preinstalled).`,
        "To run without a container instead, opt in explicitly with `--runtime host`: untrusted code then runs directly on this machine, with its network, and the report says so.",
      ].join(" "),
    );
  }

  async ensureImage(image: string): Promise<ImageInfo> {
    checkImageReference(image);
    const present = await this.#inspectImage(image);
    if (present !== undefined) return present;
    this.#logger.info(`Pulling ${image} …`);
    const pulled = await runCaptured(this.kind, ["pull", "--quiet", image], { timeoutMs: PULL_TIMEOUT_MS });
    if (pulled.exitCode !== 0) {
      const why = pulled.timedOut
        ? `no result within ${formatDuration(PULL_TIMEOUT_MS)}`
        : lastLines(pulled.stderr, 4);
      throw new GateError(`The image ${image} is not present and could not be pulled: ${why}`);
    }
    const pulledInfo = await this.#inspectImage(image);
    if (pulledInfo === undefined)
      throw new GateError(`The image ${image} was pulled but cannot be inspected.`);
    return pulledInfo;
  }

  async startSession(spec: SessionSpec): Promise<SandboxSession> {
    checkImageReference(spec.image);
    const cpus = clampCpus(spec.cpus, await this.#cpuCount());
    if (cpus !== spec.cpus) this.#logger.debug(`cpus ${spec.cpus} lowered to the engine's ${cpus}`);
    return ContainerSession.start(this.kind, { ...spec, cpus }, this.#logger);
  }

  /** Removes labelled containers, then labelled (egress) networks; returns the container count. */
  removeLabelled(label: string, value?: string): Promise<number> {
    return removeLabelledContainers(this.kind, label, value);
  }

  async #inspectImage(image: string): Promise<ImageInfo | undefined> {
    const result = await runCaptured(this.kind, ["image", "inspect", "--format", "{{.Id}}", image], {
      timeoutMs: INSPECT_TIMEOUT_MS,
    });
    const id = result.stdout.toString("utf8").trim();
    if (result.exitCode !== 0 || id === "") return undefined;
    // Podman prints the bare digest where Docker prints `sha256:…`; provenance and cache keys use one form.
    return { reference: image, id: /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id };
  }

  /** The engine host's CPU count, asked once: `--cpus` above it is an error, not a no-op. */
  #cpuCount(): Promise<number | undefined> {
    this.#hostCpus ??= runCaptured(this.kind, CPU_COUNT_ARGS[this.kind], { timeoutMs: PING_TIMEOUT_MS }).then(
      (result) => {
        const count = Number(result.stdout.toString("utf8").trim());
        return result.exitCode === 0 && Number.isFinite(count) && count > 0 ? count : undefined;
      },
      () => undefined,
    );
    return this.#hostCpus;
  }
}
