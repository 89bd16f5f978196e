import { randomUUID } from "node:crypto";
import type { RuntimeKind } from "../../contract/types.js";
import { getErrorMessage } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import { createTempDir } from "../../core/temp-dir.js";
import { runGate } from "../../gate/gate.js";
import { abortOnSignals } from "../../gate/interrupt.js";
import type { Outcome } from "../../model/report.js";
import { renderText } from "../../report/text.js";
import { createRuntime } from "../../sandbox/select.js";
import { oneOf, parseCommandArgs, stringOption } from "../args.js";
import { buildDemoRepo } from "../demo/demo-repo.js";
import { BASE_FILES, DEMO_IMAGE, EARLY_EXIT_CHANGE, HONEST_CHANGE, NAIVE_CHANGE } from "../demo/scenario.js";
import { DEMO_HELP } from "../help.js";
import type { CliIo } from "../io.js";
import { stderrStatus } from "../status-line.js";

const RUNTIMES = ["docker", "podman", "host"] as const satisfies readonly RuntimeKind[];

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("demo", argv, {
    runtime: { type: "string" },
    keep: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help === true) {
    io.stdout(DEMO_HELP);
    return 0;
  }
  const { status: statusLine, logger } = stderrStatus(io, values.verbose === true);
  using status = statusLine;
  const runtime = oneOf("runtime", stringOption(values, "runtime"), RUNTIMES) ?? (await pickRuntime(logger));

  const created = await createTempDir("demo");
  // --keep leaves the repository for the user to explore; otherwise it goes on every exit path.
  await using repo =
    values.keep === true ? { path: created.path, [Symbol.asyncDispose]: () => Promise.resolve() } : created;
  await buildDemoRepo(repo.path, BASE_FILES, {
    "agent/naive": { files: NAIVE_CHANGE, message: "Fix failing test" },
    "agent/early-exit": { files: EARLY_EXIT_CHANGE, message: "slugify: flush pending work" },
    "agent/honest": { files: HONEST_CHANGE, message: "slugify: collapse punctuation and trim dashes" },
  });
  if (values.keep === true) io.stderr(`demo repository kept at ${repo.path} (it is removed otherwise)\n`);

  const scenarios: { title: string; branch: string; expected: Outcome }[] = [
    {
      title: "A naive agent edits the failing test until it agrees with the bug",
      branch: "agent/naive",
      expected: "fail",
    },
    {
      title: "A sly agent leaves the tests alone but ends the test process early, so node --test exits 0",
      branch: "agent/early-exit",
      expected: "fail",
    },
    { title: "An honest agent fixes the code", branch: "agent/honest", expected: "pass" },
  ];
  // Ctrl-C stops the gate, which removes its containers; the demo repository goes with `repo`.
  await using interrupt = abortOnSignals(logger);
  const results: string[] = [];
  let allAsExpected = true;
  for (const scenario of scenarios) {
    io.stdout(`\n━━ ${scenario.title} (${scenario.branch}) ━━\n\n`);
    const report = await runGate(
      {
        repoDir: repo.path,
        base: "main",
        head: scenario.branch,
        contractPath: "loophole.json",
        runtime,
        runId: `demo-${randomUUID().slice(0, 8)}`,
        signal: interrupt.signal,
      },
      { logger, progress: status },
    );
    io.stdout(`${renderText(report, { color: io.isTTY && !io.env.NO_COLOR })}\n`);
    const ok = report.outcome === scenario.expected;
    allAsExpected &&= ok;
    results.push(`${ok ? "✓" : "✗"} ${scenario.branch}: ${report.outcome} (expected ${scenario.expected})`);
  }
  io.stdout(`\n━━ demo summary (runtime: ${runtime}) ━━\n${results.join("\n")}\n`);
  return allAsExpected ? 0 : 1;
}

/** Docker when it answers and the demo image can be had; otherwise the host runtime, saying so. */
async function pickRuntime(logger: Logger): Promise<RuntimeKind> {
  try {
    const docker = createRuntime("docker", logger);
    await docker.ping();
    await docker.ensureImage(DEMO_IMAGE);
    logger.info(`runtime: docker (image ${DEMO_IMAGE})`);
    return "docker";
  } catch (error) {
    logger.warning(
      `no usable container runtime (${getErrorMessage(error).split("\n")[0] ?? ""}); the demo falls back to the host runtime: the verifiers run on this machine WITHOUT isolation, and the report says so. Pass --runtime docker to insist.`,
    );
    return "host";
  }
}
