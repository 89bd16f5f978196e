import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { randomUUID } from "node:crypto";
import { DEFAULT_CONTRACT_PATH, type RuntimeKind } from "../../contract/types.js";
import { ConfigurationError } from "../../core/errors.js";
import { DirectoryBaseCache } from "../../gate/base-cache.js";
import { abortOnSignals } from "../../gate/interrupt.js";
import { taskBranchName } from "../../loop/branch-name.js";
import { runLoop } from "../../loop/run-loop.js";
import { canonicalReport } from "../../report/json.js";
import { renderText } from "../../report/text.js";
import { oneOf, parseCommandArgs, stringOption } from "../args.js";
import { defaultCacheDir } from "../cache-dir.js";
import { exitCodeFor } from "../exit-codes.js";
import { RUN_HELP } from "../help.js";
import type { CliIo } from "../io.js";
import { stderrStatus } from "../status-line.js";

const RUNTIMES = ["docker", "podman", "host"] as const satisfies readonly RuntimeKind[];

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "run",
    argv,
    {
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
    },
    true,
  );
  if (values.help === true) {
    io.stdout(RUN_HELP);
    return 0;
  }
  const task = positionals.join(" ").trim();
  if (task === "")
    throw new ConfigurationError(
      'loophole run needs a task: loophole run "make the failing test in tests/test_parse.py pass"',
    );
  const roundsText = stringOption(values, "rounds");
  const rounds = roundsText === undefined ? undefined : Number(roundsText);
  if (rounds !== undefined && (!Number.isInteger(rounds) || rounds < 1)) {
    throw new ConfigurationError(`--rounds must be a whole number of at least 1; got "${roundsText ?? ""}"`);
  }
  const runtime = oneOf("runtime", stringOption(values, "runtime"), RUNTIMES);
  const repoDir = resolve(io.cwd, stringOption(values, "repo") ?? ".");
  const { status: statusLine, logger } = stderrStatus(io, values.verbose === true);
  using status = statusLine;
  const branch = stringOption(values, "branch") ?? taskBranchName(task, randomUUID().slice(0, 6));
  const executorRun = stringOption(values, "executor");
  const transcripts = stringOption(values, "transcripts");

  await using interrupt = abortOnSignals(logger);
  const result = await runLoop(
    {
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
    },
    { logger, progress: status, baseCache: new DirectoryBaseCache(defaultCacheDir(io.env)) },
  );
  const jsonPath = stringOption(values, "json");
  if (jsonPath !== undefined) {
    const json = { ...canonicalReport(result.report), branch: result.branch, rounds: result.rounds };
    await writeFile(resolve(io.cwd, jsonPath), `${JSON.stringify(json, null, 2)}\n`);
  }
  io.stdout(`${renderText(result.report, { color: io.isTTY && !io.env.NO_COLOR })}\n`);
  io.stdout(
    `\nbranch ${result.branch} at ${result.head.slice(0, 12)} after ${result.rounds} round(s); stopped: ${result.stopReason}\n`,
  );
  return exitCodeFor(result.report.outcome);
}
