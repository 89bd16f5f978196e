/**
 * Runner tampering (cheat catalogue C1–C3, H1): a diff that changes what decides which tests run or
 * how their results are reported. The gate runs the contract's own `tests.run`, but that command
 * still reads the head tree's configuration: pytest.ini addopts, a new conftest.py, package.json
 * `scripts.test`, a jest setup file, a Makefile `test` recipe, a TestMain, `[lib] test = false`.
 *
 * Every finding is `runner-tampering`, severity fail, naming exactly what changed. Paths matching
 * the contract's `tests.allowRunnerChanges` globs are not checked.
 */
import { compileGlobs } from "../boundary/globs.js";
import type { Finding } from "../model/finding.js";
import { finding } from "../model/finding.js";
import type { FileChange, RuleContext } from "./tampering-rules.js";
import { RUNNER_RULES } from "./tampering-rules.js";

export interface TamperingChange {
  path: string;
  /** git's letter (A, M, D, T…) or a word (added, modified, deleted). */
  status: string;
}

/** Reads a file of the base or head tree; undefined when it does not exist there. */
export type ReadBlob = (path: string) => Promise<string | undefined>;

export interface TamperingOptions {
  /** The contract's `tests.allowRunnerChanges`. */
  allow: readonly string[];
}

export async function detectRunnerTampering(
  changes: readonly TamperingChange[],
  readBase: ReadBlob,
  readHead: ReadBlob,
  options: TamperingOptions,
): Promise<Finding[]> {
  const allowed = compileGlobs(options.allow);
  const context: RuleContext = { setupFiles: await collectSetupFiles(readBase) };
  const findings: Finding[] = [];
  for (const change of changes) {
    if (allowed(change.path)) continue;
    const rules = RUNNER_RULES.filter((rule) => rule.applies(change.path, context));
    if (rules.length === 0) continue;
    const status = statusWord(change.status);
    const file: FileChange = {
      path: change.path,
      status,
      base: status === "added" ? undefined : await readBase(change.path),
      head: status === "deleted" ? undefined : await readHead(change.path),
    };
    for (const rule of rules) {
      for (const message of rule.inspect(file, context)) {
        findings.push(finding("runner-tampering", "fail", message, { path: change.path }));
      }
    }
  }
  return findings;
}

function statusWord(status: string): FileChange["status"] {
  const s = status.toLowerCase();
  if (s === "a" || s.startsWith("add")) return "added";
  if (s === "d" || s.startsWith("del")) return "deleted";
  return "modified";
}

/** Root-level configuration that can name setup files (best effort: monorepo packages are not read). */
export const SETUP_SOURCES = [
  "package.json",
  ...["js", "cjs", "mjs", "ts", "cts", "mts", "json"].map((ext) => `jest.config.${ext}`),
  ...["js", "cjs", "mjs", "ts", "cts", "mts"].flatMap((ext) => [
    `vitest.config.${ext}`,
    `vite.config.${ext}`,
  ]),
  ...[
    ".mocharc",
    ".mocharc.json",
    ".mocharc.jsonc",
    ".mocharc.yml",
    ".mocharc.yaml",
    ".mocharc.js",
    ".mocharc.cjs",
  ],
];

const SETUP_KEYS = ["setupFiles", "setupFilesAfterEnv", "globalSetup", "globalTeardown", "require", "file"];

/** Setup and hook files named by the base configuration (`setupFilesAfterEnv: ['./t/setup.js']`). */
export async function collectSetupFiles(readBase: ReadBlob): Promise<Set<string>> {
  const files = new Set<string>();
  for (const source of SETUP_SOURCES) {
    const text = await readBase(source);
    if (text === undefined) continue;
    for (const path of setupFilesIn(text)) files.add(path);
  }
  return files;
}

export function setupFilesIn(text: string): string[] {
  const found: string[] = [];
  for (const key of SETUP_KEYS) {
    const pattern = new RegExp(
      `["']?\\b${key}["']?\\s*[:=]\\s*(?:-\\s+)?(\\[[^\\]]*\\]|"[^"]*"|'[^']*'|\`[^\`]*\`|[^\\s,}]+)`,
      "g",
    );
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? "";
      const literals = [...value.matchAll(/["'`]([^"'`]+)["'`]/g)].map((m) => m[1] ?? "");
      for (const literal of literals.length > 0 ? literals : value.split(/[\s,[\]-]+/)) {
        const path = asRelativePath(literal);
        if (path !== undefined) found.push(path);
      }
    }
  }
  return found;
}

function asRelativePath(value: string): string | undefined {
  const trimmed = value.trim();
  const fileLike = /^(?:\.\.?\/|<rootDir>\/)/.test(trimmed) || /\.[cm]?[jt]sx?$/.test(trimmed);
  if (!fileLike) return undefined;
  let path = trimmed.replace(/^<rootDir>\//, "");
  while (path.startsWith("./")) path = path.slice(2);
  if (path.startsWith("../") || path === "") return undefined;
  return path;
}
