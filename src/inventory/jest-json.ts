/**
 * Jest's own `--json --outputFile=…` results (vitest's json reporter writes the same shape). Used for
 * jest instead of jest-junit because jest-junit reports `test.todo` and a failing `test.failing` as
 * passes, and jest's JSON marks them (`status: "todo"`, `failing: true`); it also needs no extra
 * package in the project.
 *
 * A test file that failed outside any test (it could not be imported, a hook threw) becomes a pseudo
 * test `file::(file)` with status `error`, so the inventory agrees with the exit code.
 */
import { z } from "zod";
import { GateError } from "../core/errors.js";
import type { IdOptions } from "./builder.js";
import { DEFAULT_ROOTS, InventoryBuilder, normalizeFile } from "./builder.js";
import type { ReportFile } from "./junit.js";
import type { ParsedRun, TestStatus } from "./model.js";

const assertionSchema = z.object({
  ancestorTitles: z.array(z.string()).default([]),
  title: z.string(),
  status: z.string(),
  failing: z.boolean().optional(),
  duration: z.number().nullish(),
  failureMessages: z.array(z.string()).nullish(),
});

const fileSchema = z.object({
  name: z.string(),
  status: z.string().optional(),
  message: z.string().optional(),
  assertionResults: z.array(assertionSchema).default([]),
});

const resultsSchema = z.object({
  numTotalTests: z.number().optional(),
  wasInterrupted: z.boolean().optional(),
  testResults: z.array(fileSchema),
});

export interface JestJsonOptions extends IdOptions {
  framework?: string;
}

export function parseJestJson(report: ReportFile, options: JestJsonOptions = {}): ParsedRun {
  let raw: unknown;
  try {
    raw = JSON.parse(report.content);
  } catch (error) {
    throw new GateError(`${report.name}: not valid JSON`, { cause: error });
  }
  const parsed = resultsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? "" : ` (${issue.path.join(".")}: ${issue.message})`;
    throw new GateError(`${report.name}: not a jest/vitest JSON result${where}`);
  }
  const results = parsed.data;
  const roots = options.roots ?? DEFAULT_ROOTS;
  const builder = new InventoryBuilder(options.framework ?? "jest");
  let assertions = 0;
  for (const file of results.testResults) {
    const path = normalizeFile(file.name, roots);
    let failing = false;
    for (const test of file.assertionResults) {
      assertions += 1;
      const status = statusOf(test.status, test.failing === true);
      if (status === undefined)
        builder.problem(`${report.name}: unknown status "${test.status}" read as error`);
      const final = status ?? "error";
      if (final === "failed") failing = true;
      builder.add({
        file: path,
        suite: test.ancestorTitles.join(" > "),
        name: test.title,
        status: final,
        message: test.failureMessages?.join("\n"),
        durationMs: test.duration ?? undefined,
      });
    }
    if (file.status === "failed" && !failing) {
      const message =
        file.message !== undefined && file.message !== "" ? file.message : "the test file failed";
      builder.add({ file: path, name: "(file)", status: "error", message });
    }
  }
  const incomplete: string[] = [];
  if (results.wasInterrupted === true) incomplete.push(`${report.name}: the run was interrupted`);
  const declared = results.numTotalTests;
  if (declared !== undefined && declared !== assertions) {
    incomplete.push(`${report.name}: ${declared} tests counted but ${assertions} test results listed`);
  }
  const facts = { seen: builder.size, incomplete };
  return { inventory: builder.build(), facts: declared === undefined ? facts : { declared, ...facts } };
}

/**
 * jest: passed, failed, pending (skip), todo, disabled, focused; `failing: true` marks test.failing,
 * whose expected failure jest reports as "passed". vitest adds "skipped".
 */
function statusOf(status: string, failing: boolean): TestStatus | undefined {
  switch (status) {
    case "passed":
    case "focused":
      return failing ? "xfail" : "passed";
    case "failed":
      return "failed";
    case "pending":
    case "skipped":
    case "disabled":
      return "skipped";
    case "todo":
      return "xfail";
    default:
      return undefined;
  }
}
