/**
 * The post step runs after the main step, also when the job was cancelled and the main step was
 * killed before it could clean up: it removes this run's containers (found by label) and its temp
 * directories, and sweeps old trash of earlier runs. It never fails the job.
 */
import { dirname } from "node:path";
import * as core from "@actions/core";
import { getErrorMessage } from "../core/errors.js";
import { removeTree, sweepTrash } from "../core/temp-dir.js";
import { removeLabelledContainers, type ContainerBinary } from "../sandbox/cleanup.js";
import { LABEL_RUN } from "../sandbox/types.js";
import { actionsLogger } from "./actions-logger.js";

export async function runPost(): Promise<void> {
  const logger = actionsLogger();
  const runId = core.getState("run-id");
  if (runId === "") return;
  for (const binary of ["docker", "podman"] satisfies ContainerBinary[]) {
    try {
      const removed = await removeLabelledContainers(binary, LABEL_RUN, runId);
      if (removed > 0) logger.info(`removed ${removed} leftover ${binary} container(s) of this run`);
    } catch (error) {
      // Most runners have only one of the two engines; a missing one is not worth a warning.
      logger.debug(`${binary}: ${getErrorMessage(error)}`);
    }
  }
  const tempRoot = core.getState("temp-root");
  if (tempRoot === "") return;
  await removeTree(tempRoot).catch((error: unknown) => logger.debug(getErrorMessage(error)));
  // On a self-hosted runner, trash whose removal a job's cleanup of orphan processes killed.
  await sweepTrash(dirname(tempRoot));
}
