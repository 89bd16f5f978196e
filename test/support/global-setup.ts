/**
 * Global setup of the integration project: a Docker engine and Podman must answer (the `npm test`
 * script runs scripts/provision.sh first, which installs and starts them when it can), and the
 * offline test images must exist. Tests are never skipped for want of either: setup fails with the
 * reason instead.
 */
import { getErrorMessage } from "../../src/core/errors.js";
import { runCaptured } from "../../src/core/process.js";
import { BUSYBOX_IMAGE, ensureTestImages } from "./images.js";
import { copyImageToPodman } from "./runtimes.js";

async function checkDocker(): Promise<void> {
  let detail: string;
  try {
    const result = await runCaptured("docker", ["info", "--format", "{{.ServerVersion}}"], {
      timeoutMs: 30_000,
    });
    if (result.exitCode === 0) return;
    detail = result.timedOut ? "no answer within 30s" : result.stderr.trim();
  } catch (error) {
    detail = getErrorMessage(error);
  }
  throw new Error(
    `The integration tests need a Docker engine, and none answers (docker info: ${detail}). Run \`npm test\` (scripts/ensure-docker.sh starts dockerd when run as root) or start Docker, then retry.`,
  );
}

async function checkPodman(): Promise<void> {
  let detail: string;
  try {
    const result = await runCaptured("podman", ["info", "--format", "{{.Host.OCIRuntime.Name}}"], {
      timeoutMs: 30_000,
    });
    if (result.exitCode === 0) return;
    detail = result.timedOut ? "no answer within 30s" : result.stderr.trim();
  } catch (error) {
    detail = getErrorMessage(error);
  }
  throw new Error(
    `The sandbox tests also run on Podman, and it does not answer (podman info: ${detail}). Run \`npm test\` as root (scripts/provision.sh installs it) or install podman and catatonit, then retry.`,
  );
}

export default async function setup(): Promise<void> {
  await Promise.all([checkDocker(), checkPodman()]);
  await ensureTestImages();
  // The sandbox tests that run on Podman use only the busybox image.
  await copyImageToPodman(BUSYBOX_IMAGE);
}
