/**
 * How the gate makes each runner write machine-readable results, whatever the contract's `tests.run`
 * is, into the report directory it created empty for this run (`reportsDir`, exported to the command
 * as `$LOOPHOLE_REPORTS`). Only files the run writes there are read (rule 4 of the trust model); the
 * gate's own `files` are written there first and are never read as reports.
 *
 * - pytest: `PYTEST_ADDOPTS` (env, so `make test` works too) adds `--junitxml` with the xunit2
 *   family. PYTEST_ADDOPTS comes after ini `addopts`, so a `--junitxml` in pytest.ini cannot redirect
 *   the report; one on the command line can, and then no report appears: an error, never a pass.
 * - unittest: no machine-readable reporter exists and `xmlrunner` is not in Debian, so the gate
 *   writes a `sitecustomize.py` (unittest-support.ts) into `.loophole/python/` and puts that first on
 *   PYTHONPATH; it records every TestResult and writes `unittest-<pid>.xml` when a TextTestRunner run
 *   ends. A command that sets PYTHONPATH itself hides it: no report, an error.
 * - jest: `--json --outputFile` (jest's own format; jest-junit reports `test.todo` and `test.failing`
 *   as passes and is an extra package). Appended to the command, after `--` for `npm test`/`npm run`.
 * - vitest: its junit reporter next to the default one. vitest reports a failing `test.fails` as a
 *   pass in every built-in reporter; the marker scan reports added `test.fails`, and the default
 *   reporter's printed count of expected failures is compared with the base's (runner-summary.ts).
 * - mocha: the built-in xunit reporter (no extra package), plus `--forbid-only`.
 * - node:test: the junit reporter to a file and spec to stdout, through NODE_OPTIONS (Node ≥ 20.13).
 * - tape: TAP on stdout; the gate parses the complete stdout.
 * - go: `GOFLAGS=-json`, which `go test` honours (checked with Debian's golang-go 1.19) whatever the
 *   command line; stderr is merged so `FAIL pkg [build failed]` is seen. `tests.run` must not set
 *   GOFLAGS itself.
 * - cargo: libtest's plain output on stdout with stderr merged (it names the test binaries);
 *   `--no-fail-fast` is added to `cargo test` so one failing binary does not hide the others' tests.
 * - junit / tap: the command writes its own reports into `$LOOPHOLE_REPORTS`; the contract's
 *   `tests.reports` globs select them.
 *
 * `CI=true` is set for every preset, as on a CI runner: vitest then refuses `.only`, jest does not
 * write new snapshots.
 */
import type { Framework } from "../contract/types.js";
import { UNITTEST_SITECUSTOMIZE } from "./unittest-support.js";

export type ReportFormat = "junit" | "jest-json" | "tap" | "go-json" | "cargo";

export interface TestPreset {
  framework: Framework;
  /** Set for the test command (merge with the contract's env through `mergePresetEnv`). */
  env: Record<string, string>;
  /** The command the sandbox runs instead of `tests.run`. */
  wrap(command: string): string;
  parse: ReportFormat;
  /** Globs, relative to the report directory, of the files to parse (unless `stdout`). */
  reports: string[];
  /** Parse the complete stdout of the wrapped command (not the bounded log) instead of files. */
  stdout?: boolean;
  /** Files the gate writes into the report directory before the run, by relative path. */
  files?: Record<string, string>;
}

export interface PresetOptions {
  /** The contract's `tests.reports`, for the junit and tap frameworks. */
  reports?: readonly string[];
}

export function testPreset(
  framework: Framework,
  reportsDir: string,
  options: PresetOptions = {},
): TestPreset {
  const dir = reportsDir.replace(/\/+$/, "");
  const base = { LOOPHOLE_REPORTS: dir, CI: "true" };
  const same = (command: string): string => command;
  switch (framework) {
    case "pytest":
      return {
        framework,
        env: {
          ...base,
          PYTEST_ADDOPTS: `--junitxml=${quoteOption(`${dir}/pytest.xml`)} -o junit_family=xunit2 -p no:cacheprovider`,
        },
        wrap: same,
        parse: "junit",
        reports: ["pytest.xml"],
      };
    case "unittest":
      return {
        framework,
        env: { ...base, PYTHONPATH: `${dir}/.loophole/python`, PYTHONDONTWRITEBYTECODE: "1" },
        wrap: same,
        parse: "junit",
        reports: ["unittest-*.xml"],
        files: { ".loophole/python/sitecustomize.py": UNITTEST_SITECUSTOMIZE },
      };
    case "jest":
      return {
        framework,
        env: base,
        wrap: (command) => appendArguments(command, ["--json", `--outputFile=${dir}/jest.json`]),
        parse: "jest-json",
        reports: ["jest.json"],
      };
    case "vitest":
      return {
        framework,
        env: base,
        wrap: (command) =>
          appendArguments(command, [
            "--reporter=default",
            "--reporter=junit",
            `--outputFile.junit=${dir}/vitest.xml`,
          ]),
        parse: "junit",
        reports: ["vitest.xml"],
      };
    case "mocha":
      return {
        framework,
        env: base,
        wrap: (command) =>
          appendArguments(command, [
            "--reporter",
            "xunit",
            "--reporter-option",
            `output=${dir}/mocha.xml`,
            "--forbid-only",
          ]),
        parse: "junit",
        reports: ["mocha.xml"],
      };
    case "node":
      return {
        framework,
        env: {
          ...base,
          NODE_OPTIONS: [
            "--test-reporter=junit",
            `--test-reporter-destination=${quoteOption(`${dir}/node.xml`)}`,
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
          ].join(" "),
        },
        wrap: same,
        parse: "junit",
        reports: ["node.xml"],
      };
    case "tape":
      return { framework, env: base, wrap: same, parse: "tap", reports: [], stdout: true };
    case "go":
      return {
        framework,
        env: { ...base, GOFLAGS: "-json" },
        wrap: mergeStderr,
        parse: "go-json",
        reports: [],
        stdout: true,
      };
    case "cargo":
      return {
        framework,
        env: { ...base, CARGO_TERM_COLOR: "never" },
        wrap: (command) => mergeStderr(addNoFailFast(command)),
        parse: "cargo",
        reports: [],
        stdout: true,
      };
    case "junit":
      return {
        framework,
        env: base,
        wrap: same,
        parse: "junit",
        reports: nonEmpty(options.reports, ["**/*.xml"]),
      };
    case "tap":
      return { framework, env: base, wrap: same, parse: "tap", reports: nonEmpty(options.reports, ["**/*"]) };
  }
}

function nonEmpty(globs: readonly string[] | undefined, fallback: string[]): string[] {
  return globs !== undefined && globs.length > 0 ? [...globs] : fallback;
}

/** Variables whose existing value the preset extends rather than replaces, and their separators. */
const JOINED: Readonly<Record<string, string>> = {
  PYTEST_ADDOPTS: " ",
  NODE_OPTIONS: " ",
  GOFLAGS: " ",
  PYTHONPATH: ":",
};

/**
 * The contract's env plus the preset's. For PYTEST_ADDOPTS, NODE_OPTIONS, GOFLAGS and PYTHONPATH both
 * values are kept, the preset's last (pytest and node let the last option win) or first on
 * PYTHONPATH (so the recorder's sitecustomize is the one imported).
 */
export function mergePresetEnv(
  contractEnv: Readonly<Record<string, string>>,
  preset: TestPreset,
): Record<string, string> {
  const merged: Record<string, string> = { ...contractEnv };
  for (const [name, value] of Object.entries(preset.env)) {
    const existing = contractEnv[name];
    const separator = JOINED[name];
    if (existing === undefined || existing === "" || separator === undefined) merged[name] = value;
    else
      merged[name] =
        name === "PYTHONPATH" ? `${value}${separator}${existing}` : `${existing}${separator}${value}`;
  }
  return merged;
}

/**
 * Adds arguments to the runner invocation at the end of `command`. `npm test` / `npm run x` need
 * `--` to pass them on; yarn, pnpm and bun pass trailing arguments to the script as they are. In a
 * compound command (`a && b`) they reach the last command only, so `tests.run` should be one runner
 * invocation.
 */
export function appendArguments(command: string, args: readonly string[]): string {
  const trimmed = command.trimEnd();
  const quoted = args.map(shellQuote).join(" ");
  const npmScript = /(?:^|[;&|(]\s*)npm\s+(?:test|t|tst|run(?:-script)?\s+\S+)(?:\s+[^;&|]*)?$/.test(trimmed);
  if (npmScript && !/\s--(?:\s|$)/.test(trimmed)) return `${trimmed} -- ${quoted}`;
  return `${trimmed} ${quoted}`;
}

/** Runs the command with stderr merged into stdout; the newlines keep a trailing `&` or comment harmless. */
export function mergeStderr(command: string): string {
  return `{\n${command}\n} 2>&1`;
}

/** `cargo test` → `cargo test --no-fail-fast` (every occurrence, unless already there). */
export function addNoFailFast(command: string): string {
  if (command.includes("--no-fail-fast")) return command;
  return command.replace(/\bcargo(\s+\+\S+)?\s+test\b/g, (match) => `${match} --no-fail-fast`);
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'"'"'`)}'`;
}

/** NODE_OPTIONS and PYTEST_ADDOPTS split on spaces but honour double quotes. */
function quoteOption(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replaceAll('"', '\\"')}"` : value;
}
