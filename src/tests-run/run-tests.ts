/**
 * One run of the contract's `tests` in a sandbox session: the framework preset makes the runner
 * write machine-readable results into a report directory the gate created empty for this run; the
 * results are read back, refusing symlinks and anything present before, and parsed into an
 * inventory. A report that cannot be read makes the run unusable (`error`), never a pass.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { TestsSpec } from "../contract/types.js";
import { getErrorMessage } from "../core/errors.js";
import { createTempDir } from "../core/temp-dir.js";
import type { ParsedRun } from "../inventory/model.js";
import { parseRunOutput } from "../inventory/parse.js";
import { mergePresetEnv, testPreset } from "../inventory/presets.js";
import type { StepReport } from "../model/report.js";
import type { SandboxSession } from "../sandbox/types.js";
import { toStepReport } from "../verify/step-result.js";
import { readReportFiles } from "./report-files.js";
import { StdoutCapture } from "./stdout-capture.js";

export interface ReportsDir {
  /** Where the directory is on the host (the gate reads it there). */
  hostPath: string;
  /** Where the sandbox sees it (the same as hostPath for the host runtime). */
  sandboxPath: string;
}

export interface TestRun {
  step: StepReport;
  /** Undefined when no inventory could be read; `error` says why. */
  parsed: ParsedRun | undefined;
  error?: string;
  problems: string[];
}

export interface TestRunOptions {
  tests: TestsSpec;
  /** The contract's sandbox env, merged with the preset's. */
  env: Record<string, string>;
  reports: ReportsDir;
  /** Prefixes stripped from file paths so the same test has the same id on every side. */
  roots: string[];
  signal?: AbortSignal;
}

export async function runTests(session: SandboxSession, options: TestRunOptions): Promise<TestRun> {
  const { tests, reports } = options;
  const preset = testPreset(tests.framework, reports.sandboxPath, { reports: tests.reports });
  const ownFiles = Object.keys(preset.files ?? {});
  for (const [name, content] of Object.entries(preset.files ?? {})) {
    const target = join(reports.hostPath, name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  const command = preset.wrap(tests.run);
  await using scratch = await createTempDir("stdout");
  const capture = preset.stdout === true ? new StdoutCapture(scratch.path) : undefined;
  const result = await session.exec(command, {
    env: mergePresetEnv(options.env, preset),
    ...(tests.timeoutMs === undefined ? {} : { timeoutMs: tests.timeoutMs }),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(capture ? { onOutput: capture.push } : {}),
  });
  const step = toStepReport(`tests (${tests.framework})`, tests.run, result);
  if (result.error !== undefined) return { step, parsed: undefined, error: result.error, problems: [] };
  try {
    const scan = await readReportFiles(reports.hostPath, preset.reports, ownFiles);
    const stdout = capture ? await capture.text() : undefined;
    const parsed = parseRunOutput(
      preset.parse,
      stdout === undefined ? { files: scan.files } : { files: scan.files, stdout },
      { framework: tests.framework, roots: options.roots },
    );
    return { step, parsed, problems: [...scan.problems, ...parsed.inventory.problems] };
  } catch (error) {
    return { step, parsed: undefined, error: getErrorMessage(error), problems: [] };
  }
}
