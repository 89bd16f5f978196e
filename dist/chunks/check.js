import { G as Git, _ as __addDisposableResource, a as __disposeResources } from './index.js';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { D as DEFAULT_CONTRACT_PATH } from './zod-schema.js';
import { f as abortOnSignals, g as runGate, D as DirectoryBaseCache } from './task-section.js';
import { r as renderJson } from './json.js';
import { r as renderMarkdown } from './markdown.js';
import { s as stderrStatus, r as renderText } from './status-line.js';
import { p as parseCommandArgs, o as oneOf, s as stringOption } from './args.js';
import { C as ConfigurationError } from './errors.js';
import { e as exitCodeFor } from './exit-codes.js';
import { C as CHECK_HELP } from './help.js';
import { d as defaultCacheDir } from './cache-dir.js';
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

const CANDIDATES = ["origin/HEAD", "main", "master", "origin/main", "origin/master"];
/** The base a developer most likely means when they give none: the upstream default branch. */
async function defaultBase(repoDir, logger) {
    const git = await Git.open(repoDir);
    for (const ref of CANDIDATES) {
        if (await git.commitExists(ref)) {
            logger.info(`base: ${ref} (pass --base to choose another)`);
            return ref;
        }
    }
    throw new ConfigurationError("No base to judge against: none of origin/HEAD, main, master exists.", [
        "Pass --base REF (for example --base origin/develop).",
    ]);
}
/** A note when the work tree has changes the gate will not see (it checks commits only). */
async function uncommittedWarning(repoDir, head) {
    if (head !== "HEAD")
        return undefined;
    const git = await Git.open(repoDir);
    const dirty = await git.hasUncommittedChanges();
    return dirty ? "the work tree has uncommitted changes; only committed content is checked" : undefined;
}

const RUNTIMES = ["docker", "podman", "host"];
const FORMATS = ["text", "markdown", "json"];
async function checkCommand(argv, io) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { values } = parseCommandArgs("check", argv, {
            repo: { type: "string" },
            base: { type: "string" },
            head: { type: "string" },
            contract: { type: "string" },
            runtime: { type: "string" },
            json: { type: "string" },
            markdown: { type: "string" },
            format: { type: "string" },
            verbose: { type: "boolean" },
            help: { type: "boolean", short: "h" },
        });
        if (values.help === true) {
            io.stdout(CHECK_HELP);
            return 0;
        }
        const runtime = oneOf("runtime", stringOption(values, "runtime"), RUNTIMES);
        const format = oneOf("format", stringOption(values, "format"), FORMATS) ?? "text";
        const repoDir = resolve(io.cwd, stringOption(values, "repo") ?? ".");
        const { status: statusLine, logger } = stderrStatus(io, values.verbose === true);
        const status = __addDisposableResource(env_1, statusLine, false);
        const head = stringOption(values, "head") ?? "HEAD";
        const base = stringOption(values, "base") ?? (await defaultBase(repoDir, logger));
        const dirty = await uncommittedWarning(repoDir, head);
        if (dirty)
            logger.warning(dirty);
        const interrupt = __addDisposableResource(env_1, abortOnSignals(logger), true);
        const report = await runGate({
            repoDir,
            head,
            base,
            contractPath: stringOption(values, "contract") ?? DEFAULT_CONTRACT_PATH,
            runId: `cli-${randomUUID().slice(0, 8)}`,
            signal: interrupt.signal,
            ...(runtime ? { runtime } : {}),
        }, { logger, progress: status, baseCache: new DirectoryBaseCache(defaultCacheDir(io.env)) });
        const jsonPath = stringOption(values, "json");
        if (jsonPath !== undefined)
            await writeFile(resolve(io.cwd, jsonPath), renderJson(report));
        const markdownPath = stringOption(values, "markdown");
        if (markdownPath !== undefined)
            await writeFile(resolve(io.cwd, markdownPath), `${renderMarkdown(report)}\n`);
        if (format === "json")
            io.stdout(renderJson(report));
        else if (format === "markdown")
            io.stdout(`${renderMarkdown(report)}\n`);
        else
            io.stdout(`${renderText(report, { color: io.isTTY && !io.env.NO_COLOR })}\n`);
        return exitCodeFor(report.outcome);
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

export { checkCommand };
//# sourceMappingURL=check.js.map
