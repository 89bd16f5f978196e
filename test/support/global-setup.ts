/**
 * Global setup of the integration project: a Docker engine and Podman must answer (the `npm test`
 * script runs scripts/provision.sh first, which installs and starts them when it can), and the
 * offline test images must exist. Tests are never skipped for want of either: setup fails with the
 * reason instead.
 */
import { getErrorMessage } from "../../src/core/errors.js";
import { runCaptured } from "../../src/core/process.js";
import { BUSYBOX_IMAGE, ensureTestImages } from "./images.js";
import type { ContainerBinary } from "../../src/sandbox/cleanup.js";
import { copyImageToPodman } from "./runtimes.js";

/** `cli info` must answer; otherwise the run fails with `advice`. */
async function checkRuntime(
  cli: ContainerBinary,
  format: string,
  advice: (detail: string) => string,
): Promise<void> {
  let detail: string;
  try {
    const result = await runCaptured(cli, ["info", "--format", format], { timeoutMs: 30_000 });
    if (result.exitCode === 0) return;
    detail = result.timedOut ? "no answer within 30s" : result.stderr.trim();
  } catch (error) {
    detail = getErrorMessage(error);
  }
  throw new Error(advice(detail));
}

export default async function setup(): Promise<void> {
  await Promise.all([
    checkRuntime(
      "docker",
      "{{.ServerVersion}}",
      (detail) =>
        `The integration tests need a Docker engine, and none answers (docker info: ${detail}). Run \`npm test\` (scripts/provision.sh starts dockerd when run as root) or start Docker, then retry.`,
    ),
    checkRuntime(
      "podman",
      "{{.Host.OCIRuntime.Name}}",
      (detail) =>
        `The sandbox tests also run on Podman, and it does not answer (podman info: ${detail}). Run \`npm test\` as root (scripts/provision.sh installs it) or install podman and catatonit, then retry.`,
    ),
  ]);
  await ensureTestImages();
  // The sandbox tests that run on Podman use only the busybox image.
  await copyImageToPodman(BUSYBOX_IMAGE);
}
