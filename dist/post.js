import { dirname } from 'node:path';
import { f as getState } from './chunks/core.js';
import { g as getErrorMessage } from './chunks/errors.js';
import { b as removeTree, c as sweepTrash } from './chunks/temp-dir.js';
import { r as removeLabelledContainers, L as LABEL_RUN } from './chunks/types.js';
import { a as actionsLogger } from './chunks/actions-logger.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import './chunks/_commonjsHelpers.js';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'node:fs';
import 'node:fs/promises';
import 'node:child_process';
import 'node:os';

/**
 * The post step runs after the main step, also when the job was cancelled and the main step was
 * killed before it could clean up: it removes this run's containers (found by label) and its temp
 * directories, and sweeps old trash of earlier runs. It never fails the job.
 */
async function runPost() {
    const logger = actionsLogger();
    const runId = getState("run-id");
    if (runId === "")
        return;
    for (const binary of ["docker", "podman"]) {
        try {
            const removed = await removeLabelledContainers(binary, LABEL_RUN, runId);
            if (removed > 0)
                logger.info(`removed ${removed} leftover ${binary} container(s) of this run`);
        }
        catch (error) {
            // Most runners have only one of the two engines; a missing one is not worth a warning.
            logger.debug(`${binary}: ${getErrorMessage(error)}`);
        }
    }
    const tempRoot = getState("temp-root");
    if (tempRoot === "")
        return;
    await removeTree(tempRoot).catch((error) => logger.debug(getErrorMessage(error)));
    // On a self-hosted runner, trash whose removal a job's cleanup of orphan processes killed.
    await sweepTrash(dirname(tempRoot));
}

// Action post step (runs.post): removes containers and temp dirs a cancelled run left behind.
await runPost();
//# sourceMappingURL=post.js.map
