/**
 * The container runtimes the sandbox tests run on. Both are provisioned (scripts/provision.sh) and
 * checked in the global setup; a missing one fails the run rather than skipping its tests.
 * Test images are built with Docker and copied into Podman's store (`docker save | podman load`).
 */
import { runCaptured } from "../../src/core/process.js";
import type { ContainerBinary } from "../../src/sandbox/cleanup.js";

export const CONTAINER_RUNTIMES: readonly ContainerBinary[] = ["docker", "podman"];

export async function imageExistsIn(cli: ContainerBinary, name: string): Promise<boolean> {
  const result = await runCaptured(cli, ["image", "inspect", "--format", "{{.Id}}", name], {
    timeoutMs: 30_000,
  });
  return result.exitCode === 0;
}

/** Copies a Docker image into Podman's store, unless Podman has it already. */
export async function copyImageToPodman(name: string): Promise<void> {
  if (await imageExistsIn("podman", name)) return;
  const copied = await runCaptured("sh", ["-c", 'docker save "$1" | podman load --quiet', "sh", name], {
    timeoutMs: 10 * 60_000,
  });
  if (copied.exitCode !== 0 || !(await imageExistsIn("podman", name))) {
    throw new Error(`copying ${name} from Docker to Podman failed: ${copied.stderr.trim()}`);
  }
}
