import { _ as __addDisposableResource, a as __disposeResources } from './index.js';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { D as DEFAULT_CONTRACT_PATH } from './zod-schema.js';
import { C as ConfigurationError } from './errors.js';
import { f as abortOnSignals, D as DirectoryBaseCache } from './task-section.js';
import { t as taskBranchName, r as runLoop } from './run-loop.js';
import { c as canonicalReport } from './json.js';
import { s as stderrStatus, r as renderText } from './status-line.js';
import { p as parseCommandArgs, s as stringOption, o as oneOf } from './args.js';
import { d as defaultCacheDir } from './cache-dir.js';
import { e as exitCodeFor } from './exit-codes.js';
import { R as RUN_HELP } from './help.js';
import 'node:os';
import './temp-dir.js';
import 'node:fs';
import 'node:child_process';
import 'node:buffer';
import './_commonjsHelpers.js';
import './types.js';
import 'node:net';
import 'node:timers/promises';
import 'node:http';
import 'node:dns/promises';
import 'events';
import 'process';
import 'buffer';
import 'node:events';
import './parse.js';
import './version.js';
import 'node:util';

const RUNTIMES = ["docker", "podman", "host"];
async function runCommand(argv, io) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { values, positionals } = parseCommandArgs("run", argv, {
            repo: { type: "string" },
            base: { type: "string" },
            branch: { type: "string" },
            executor: { type: "string" },
            rounds: { type: "string" },
            contract: { type: "string" },
            runtime: { type: "string" },
            json: { type: "string" },
            transcripts: { type: "string" },
            verbose: { type: "boolean" },
            help: { type: "boolean", short: "h" },
        }, true);
        if (values.help === true) {
            io.stdout(RUN_HELP);
            return 0;
        }
        const task = positionals.join(" ").trim();
        if (task === "")
            throw new ConfigurationError('loophole run needs a task: loophole run "make the failing test in tests/test_parse.py pass"');
        const roundsText = stringOption(values, "rounds");
        const rounds = roundsText === undefined ? undefined : Number(roundsText);
        if (rounds !== undefined && (!Number.isInteger(rounds) || rounds < 1)) {
            throw new ConfigurationError(`--rounds must be a whole number of at least 1; got "${roundsText ?? ""}"`);
        }
        const runtime = oneOf("runtime", stringOption(values, "runtime"), RUNTIMES);
        const repoDir = resolve(io.cwd, stringOption(values, "repo") ?? ".");
        const { status: statusLine, logger } = stderrStatus(io, values.verbose === true);
        const status = __addDisposableResource(env_1, statusLine, false);
        const branch = stringOption(values, "branch") ?? taskBranchName(task, randomUUID().slice(0, 6));
        const executorRun = stringOption(values, "executor");
        const transcripts = stringOption(values, "transcripts");
        const interrupt = __addDisposableResource(env_1, abortOnSignals(logger), true);
        const result = await runLoop({
            repoDir,
            base: stringOption(values, "base") ?? "HEAD",
            branch,
            task,
            contractPath: stringOption(values, "contract") ?? DEFAULT_CONTRACT_PATH,
            runId: `cli-run-${randomUUID().slice(0, 8)}`,
            env: io.env,
            signal: interrupt.signal,
            ...(runtime ? { runtime } : {}),
            ...(executorRun !== undefined ? { executorRun } : {}),
            ...(rounds !== undefined ? { rounds } : {}),
            ...(transcripts !== undefined ? { transcriptDir: resolve(io.cwd, transcripts) } : {}),
        }, { logger, progress: status, baseCache: new DirectoryBaseCache(defaultCacheDir(io.env)) });
        const jsonPath = stringOption(values, "json");
        if (jsonPath !== undefined) {
            const json = { ...canonicalReport(result.report), branch: result.branch, rounds: result.rounds };
            await writeFile(resolve(io.cwd, jsonPath), `${JSON.stringify(json, null, 2)}\n`);
        }
        io.stdout(`${renderText(result.report, { color: io.isTTY && !io.env.NO_COLOR })}\n`);
        io.stdout(`\nbranch ${result.branch} at ${result.head.slice(0, 12)} after ${result.rounds} round(s); stopped: ${result.stopReason}\n`);
        return exitCodeFor(result.report.outcome);
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}

export { runCommand };
//# sourceMappingURL=run.js.map
