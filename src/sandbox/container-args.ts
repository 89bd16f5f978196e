/**
 * The container CLI's argument lists, as plain functions of data so the isolation flags can be read
 * (and unit-tested) in one place. Docker and Podman take the same flags.
 *
 * The container's main process is `/bin/sh -c 'sleep N'`: images need `/bin/sh` and `sleep`. Each
 * command then runs through `exec`. N outlasts the session's time limit a little, so a container
 * whose gate process was killed outright still stops (and `--rm` removes it) on its own.
 */
import { isAbsolute } from "node:path";
import { GateError } from "../core/errors.js";
import type { Mount, SessionSpec } from "./types.js";

export const DEFAULT_WORKDIR = "/work";

/** Grace beyond the session limit for the in-container sleep; the gate's own timer fires first. */
export const SLEEP_GRACE_SECONDS = 60;

export interface RunArgsInput {
  name: string;
  spec: Pick<SessionSpec, "image" | "workspace" | "workdir" | "mounts" | "cpus" | "memoryBytes" | "pids">;
  /** Labels as they should appear on the container (the session adds run and pid). */
  labels: Readonly<Record<string, string>>;
  envFile: string;
  /** The runner's uid:gid, so files written in the workspace are not left root-owned. */
  user: { uid: number; gid: number } | undefined;
  sleepSeconds: number;
  /** The session's egress network (see egress.ts); without it the container has no network at all. */
  egress?: { network: string; dns: string } | undefined;
}

export function buildRunArgs(input: RunArgsInput): string[] {
  const { spec } = input;
  const workdir = spec.workdir === "" ? DEFAULT_WORKDIR : spec.workdir;
  const memory = String(Math.floor(spec.memoryBytes));
  const labels = Object.entries(input.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([key, value]) => ["--label", `${key}=${value}`]);
  return [
    "run",
    "--detach",
    "--rm",
    "--init",
    "--pull",
    "never",
    "--name",
    input.name,
    ...networkArgs(input.egress),
    "--cap-drop",
    "ALL",
    "--security-opt",
    "no-new-privileges",
    "--pids-limit",
    String(Math.floor(spec.pids)),
    "--memory",
    memory,
    // Equal to --memory: no swap on top of the limit.
    "--memory-swap",
    memory,
    "--cpus",
    formatCpus(spec.cpus),
    ...(input.user === undefined ? [] : ["--user", `${input.user.uid}:${input.user.gid}`]),
    "--log-driver",
    "none",
    // exec: build tools (go, cargo, pytest plugins) run binaries they write to /tmp. The tmpfs is
    // charged to the container's memory limit; `size` only makes the bound explicit.
    "--tmpfs",
    `/tmp:rw,exec,nosuid,nodev,mode=1777,size=${memory}`,
    "--env-file",
    input.envFile,
    "--mount",
    bindMount({ hostPath: spec.workspace, containerPath: workdir, readonly: false }),
    ...spec.mounts.flatMap((mount) => ["--mount", bindMount(mount)]),
    "--workdir",
    workdir,
    ...labels,
    "--entrypoint",
    "/bin/sh",
    checkImageReference(spec.image),
    "-c",
    `sleep ${Math.max(1, Math.ceil(input.sleepSeconds))}`,
  ];
}

/** `--network none`, or the internal egress network with a DNS server that answers nothing. */
function networkArgs(egress: RunArgsInput["egress"]): string[] {
  if (egress === undefined) return ["--network", "none"];
  return ["--network", egress.network, "--dns", egress.dns];
}

export interface ExecArgsInput {
  name: string;
  workdir: string;
  envFile: string | undefined;
  command: string;
}

/** `exec -i`: stdin is attached and closed at once, so a command reading it sees EOF, not a hang. */
export function buildExecArgs(input: ExecArgsInput): string[] {
  return [
    "exec",
    "--interactive",
    ...(input.envFile === undefined ? [] : ["--env-file", input.envFile]),
    "--workdir",
    input.workdir === "" ? DEFAULT_WORKDIR : input.workdir,
    input.name,
    "/bin/sh",
    "-c",
    input.command,
  ];
}

/** `loophole-<run>-<n>`, reduced to the characters container names allow. */
export function containerName(runId: string, n: number): string {
  const safe = runId.replace(/[^a-zA-Z0-9_.-]+/g, "-").slice(0, 48);
  return `loophole-${safe === "" ? "run" : safe}-${n}`;
}

/**
 * `--mount` is a comma-separated list, and Podman does not honour Docker's CSV quoting, so paths
 * holding a comma (or a line break) are refused instead of being split into other options.
 */
export function bindMount(mount: Mount): string {
  for (const path of [mount.hostPath, mount.containerPath]) {
    if (!isAbsolute(path) || /[,\n\r\0]/.test(path)) {
      throw new GateError(
        `Cannot mount ${JSON.stringify(path)} into the sandbox: mount paths must be absolute and must not contain commas or line breaks.`,
      );
    }
  }
  const readonly = mount.readonly ? ",readonly" : "";
  return `type=bind,source=${mount.hostPath},target=${mount.containerPath}${readonly}`;
}

/** An image reference is the one positional argument before the command: it must not read as a flag. */
export function checkImageReference(image: string): string {
  if (image === "" || image.startsWith("-") || /\s/.test(image)) {
    throw new GateError(`${JSON.stringify(image)} is not a container image reference.`);
  }
  return image;
}

/** The CLI rejects more CPUs than the engine's host has; a limit above that is no limit anyway. */
export function clampCpus(requested: number, available: number | undefined): number {
  if (available === undefined || available <= 0) return requested;
  return Math.min(requested, available);
}

function formatCpus(cpus: number): string {
  // Two decimals is the CLI's own resolution (0.01 CPU).
  return String(Math.max(0.01, Math.round(cpus * 100) / 100));
}
