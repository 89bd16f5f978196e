import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { randomUUID } from "node:crypto";
import { DEFAULT_CONTRACT_PATH, type RuntimeKind } from "../../contract/types.js";
import { runGate } from "../../gate/gate.js";
import { renderJson } from "../../report/json.js";
import { renderMarkdown } from "../../report/markdown.js";
import { renderText } from "../../report/text.js";
import { oneOf, parseCommandArgs, stringOption } from "../args.js";
import { defaultBase, uncommittedWarning } from "../default-base.js";
import { exitCodeFor } from "../exit-codes.js";
import { CHECK_HELP } from "../help.js";
import type { CliIo } from "../io.js";
import { DirectoryBaseCache } from "../../gate/base-cache.js";
import { abortOnSignals } from "../../gate/interrupt.js";
import { defaultCacheDir } from "../cache-dir.js";
import { stderrStatus } from "../status-line.js";

const RUNTIMES = ["docker", "podman", "host"] as const satisfies readonly RuntimeKind[];
const FORMATS = ["text", "markdown", "json"] as const;

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
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
  using status = statusLine;

  const head = stringOption(values, "head") ?? "HEAD";
  const base = stringOption(values, "base") ?? (await defaultBase(repoDir, logger));
  const dirty = await uncommittedWarning(repoDir, head);
  if (dirty) logger.warning(dirty);

  await using interrupt = abortOnSignals(logger);
  const report = await runGate(
    {
      repoDir,
      head,
      base,
      contractPath: stringOption(values, "contract") ?? DEFAULT_CONTRACT_PATH,
      runId: `cli-${randomUUID().slice(0, 8)}`,
      signal: interrupt.signal,
      ...(runtime ? { runtime } : {}),
    },
    { logger, progress: status, baseCache: new DirectoryBaseCache(defaultCacheDir(io.env)) },
  );

  const jsonPath = stringOption(values, "json");
  if (jsonPath !== undefined) await writeFile(resolve(io.cwd, jsonPath), renderJson(report));
  const markdownPath = stringOption(values, "markdown");
  if (markdownPath !== undefined)
    await writeFile(resolve(io.cwd, markdownPath), `${renderMarkdown(report)}\n`);
  if (format === "json") io.stdout(renderJson(report));
  else if (format === "markdown") io.stdout(`${renderMarkdown(report)}\n`);
  else io.stdout(`${renderText(report, { color: io.isTTY && !io.env.NO_COLOR })}\n`);
  return exitCodeFor(report.outcome);
}
