/** Session specs and container queries shared by the sandbox tests. */
import { randomBytes } from "node:crypto";
import { runCaptured } from "../../src/core/process.js";
import type { ContainerBinary } from "../../src/sandbox/cleanup.js";
import { LABEL_RUN, type SessionSpec } from "../../src/sandbox/types.js";
import { BUSYBOX_IMAGE } from "../support/images.js";

/** A run id of its own per test, so label queries never see another test's (or engineer's) containers. */
export function uniqueRunId(prefix: string): string {
  return `test-${prefix}-${randomBytes(4).toString("hex")}`;
}

export function sessionSpec(
  workspace: string,
  runId: string,
  overrides: Partial<SessionSpec> = {},
): SessionSpec {
  return {
    image: BUSYBOX_IMAGE,
    workspace,
    workdir: "/work",
    mounts: [],
    env: {},
    network: [],
    cpus: 1,
    memoryBytes: 256 * 1024 * 1024,
    pids: 128,
    timeoutMs: 120_000,
    labels: { [LABEL_RUN]: runId },
    ...overrides,
  };
}

/** Ids of every container (running or not) labelled with this run, asked of `cli`. */
export async function containersOfRun(runId: string, cli: ContainerBinary = "docker"): Promise<string[]> {
  const result = await runCaptured(cli, [
    "ps",
    "--all",
    "--quiet",
    "--filter",
    `label=${LABEL_RUN}=${runId}`,
  ]);
  if (result.exitCode !== 0) throw new Error(`${cli} ps failed: ${result.stderr}`);
  return result.stdout
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
}
