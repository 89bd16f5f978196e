/**
 * Global setup of the integration project: a Docker engine must answer (the `npm test` script runs
 * scripts/ensure-docker.sh first, which starts one when it can), and the offline test images must
 * exist. Tests are never skipped for want of either: setup fails with the reason instead.
 */
import { getErrorMessage } from "../../src/core/errors.js";
import { runCaptured } from "../../src/core/process.js";
import { ensureTestImages } from "./images.js";

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

export default async function setup(): Promise<void> {
  await checkDocker();
  await ensureTestImages();
}
