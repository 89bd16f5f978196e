/**
 * One rule per kind of file that decides which tests run or how their results are reported. Each
 * rule says what changed in words a reviewer can check; changes that cannot affect the test run (a
 * dependency bump in package.json or pyproject.toml, a comment in pytest.ini) say nothing.
 */
import type { KeyChange } from "./config-text.js";
import { diffSections, objectAfterKey, parseIni, parseMakeTargets, parseToml, show } from "./config-text.js";
import { isTestFile } from "./test-files.js";

export interface FileChange {
  path: string;
  status: "added" | "deleted" | "modified";
  base: string | undefined;
  head: string | undefined;
}

export interface RuleContext {
  /** Setup and hook files named by the base tree's jest/vitest/mocha configuration. */
  setupFiles: ReadonlySet<string>;
}

export interface RunnerRule {
  applies: (path: string, context: RuleContext) => boolean;
  inspect: (change: FileChange, context: RuleContext) => string[];
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function whole(change: FileChange, what: string): string[] {
  if (change.base === change.head) return [];
  return [`${change.path} ${change.status === "modified" ? "changed" : change.status}: ${what}`];
}

function keyMessages(path: string, changes: readonly KeyChange[]): string[] {
  return changes.map((c) => {
    const where = c.section === "" ? c.key : `[${c.section}] ${c.key}`;
    if (c.before === undefined) return `${path} ${where} added: ${show(c.after)}`;
    if (c.after === undefined) return `${path} ${where} removed (was ${show(c.before)})`;
    return `${path} ${where} changed: ${show(c.before)} → ${show(c.after)}`;
  });
}

const pythonHooks: RunnerRule = {
  applies: (path) =>
    ["conftest.py", "sitecustomize.py", "usercustomize.py"].includes(baseName(path)) || path.endsWith(".pth"),
  inspect: (change) =>
    whole(
      change,
      baseName(change.path) === "conftest.py"
        ? "pytest hooks and fixtures in conftest.py can rewrite, skip or deselect any test"
        : "Python runs this at start-up, so it can patch the test framework",
    ),
};

/** Where a top-level `pytest_plugins` assignment starts (also `pytest_plugins: list = …`). */
const PYTEST_PLUGINS = /^pytest_plugins\b/m;
/** Where a top-level `def load_tests` starts. */
const LOAD_TESTS = /^(?:async[ \t]+)?def[ \t]+load_tests\b/m;

/**
 * The whole top-level statement that starts where `pattern` matches: its first line, every line
 * while brackets are open or a line ends in a backslash, then (for a `def`) the indented body.
 * Comment and blank lines inside count, so editing any part of it is a change.
 */
function statement(text: string | undefined, pattern: RegExp): string | undefined {
  if (text === undefined) return undefined;
  const start = pattern.exec(text);
  if (start === null) return undefined;
  const lines = text.slice(start.index).split("\n");
  const taken: string[] = [];
  let depth = 0;
  let continued = false;
  for (const [i, line] of lines.entries()) {
    const code = line.replace(/#.*$/, "");
    const open = depth > 0 || continued;
    if (i > 0 && !open && line !== "" && !/^[ \t#]/.test(line)) break;
    taken.push(line);
    for (const ch of code) depth += "([{".includes(ch) ? 1 : ")]}".includes(ch) ? -1 : 0;
    depth = Math.max(depth, 0);
    continued = code.trimEnd().endsWith("\\");
  }
  return taken.join("\n").trimEnd();
}

/**
 * Python test modules that load plugins or pick their own tests: `pytest_plugins` loads a module
 * whose hooks can rewrite any test's result (the same power as a conftest.py, from a file that
 * looks like a test), and unittest's `load_tests` decides which of the module's tests run.
 */
const pythonTestModule: RunnerRule = {
  applies: (path) => path.endsWith(".py") && baseName(path) !== "conftest.py" && isTestFile(path),
  inspect: (change) => {
    const messages: string[] = [];
    const checks = [
      [PYTEST_PLUGINS, "pytest_plugins, which loads plugins whose hooks can rewrite any test's result"],
      [LOAD_TESTS, "a load_tests function, which decides which of the module's tests run"],
    ] as const;
    for (const [pattern, what] of checks) {
      const before = statement(change.base, pattern);
      const after = statement(change.head, pattern);
      if (after === undefined || after === before) continue;
      messages.push(`${change.path} ${before === undefined ? "adds" : "changes"} ${what}`);
    }
    return messages;
  },
};

function iniRule(names: readonly string[], wanted: (section: string) => boolean, toml = false): RunnerRule {
  return {
    applies: (path) => names.includes(baseName(path)),
    inspect: (change) => {
      const parse = toml ? parseToml : parseIni;
      const changes = diffSections(parse(change.base ?? ""), parse(change.head ?? ""), wanted);
      return keyMessages(change.path, changes);
    },
  };
}

const pytestIniKeys = iniRule(["pytest.ini", ".pytest.ini"], () => true);
const pytestIni: RunnerRule = {
  applies: pytestIniKeys.applies,
  // Adding or deleting the file moves pytest's rootdir and config discovery, even when it is empty.
  inspect: (change, context) =>
    change.status === "modified"
      ? pytestIniKeys.inspect(change, context)
      : whole(change, "pytest's configuration file (rootdir, addopts, testpaths, plugins)"),
};
const toxIni = iniRule(["tox.ini"], (s) => s === "pytest" || s === "tox" || s.startsWith("testenv"));
const setupCfg = iniRule(["setup.cfg"], (s) => s === "tool:pytest");
const pyproject = iniRule(
  ["pyproject.toml"],
  (s) => s === "tool.pytest" || s.startsWith("tool.pytest.") || s === "tool.tox" || s.startsWith("tool.tox."),
  true,
);

const JS_CONFIG = [
  /^(?:jest|vitest)\.config\.[cm]?[jt]s(?:on)?$/,
  /^vitest\.(?:workspace|projects)\.[cm]?[jt]s(?:on)?$/,
  /^\.mocharc(?:\.(?:[cm]?js|json|jsonc|ya?ml))?$/,
  /^karma\.conf\.[cm]?[jt]s$/,
  /^ava\.config\.[cm]?[jt]s$/,
];

const jsConfig: RunnerRule = {
  applies: (path) => JS_CONFIG.some((pattern) => pattern.test(baseName(path))),
  inspect: (change) => whole(change, "test runner configuration (selection, setup files, reporters)"),
};

const viteConfig: RunnerRule = {
  applies: (path) => /^vite\.config\.[cm]?[jt]s$/.test(baseName(path)),
  inspect: (change) => {
    const before = change.base === undefined ? undefined : objectAfterKey(change.base, "test");
    const after = change.head === undefined ? undefined : objectAfterKey(change.head, "test");
    if (before === after) return [];
    return [`${change.path}: vitest's \`test\` options changed: ${show(before)} → ${show(after)}`];
  },
};

const setupFile: RunnerRule = {
  applies: (path, context) => context.setupFiles.has(path),
  inspect: (change) => whole(change, "a setup file the base test configuration loads before every test file"),
};

/** Scripts that run tests, and the scripts they call (`npm run x`, `run-s x y`), transitively. */
export function testScriptNames(scripts: Readonly<Record<string, string>>): Set<string> {
  const names = new Set(Object.keys(scripts).filter((name) => /^(?:pre|post)?test(?:$|:)/.test(name)));
  const queue = [...names];
  while (queue.length > 0) {
    const script = scripts[queue.pop() ?? ""] ?? "";
    const called = [
      ...[...script.matchAll(/\b(?:npm|pnpm|yarn|bun)(?:\s+run(?:-script)?)?\s+([\w:.-]+)/g)].map(
        (m) => m[1],
      ),
      ...[...script.matchAll(/\b(?:run-s|run-p|npm-run-all)((?:\s+[\w:.*-]+)+)/g)].flatMap((m) =>
        (m[1] ?? "").trim().split(/\s+/),
      ),
    ];
    for (const name of called) {
      if (name !== undefined && name in scripts && !names.has(name)) {
        names.add(name);
        queue.push(name);
      }
    }
  }
  return names;
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined | "invalid" {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : "invalid";
  } catch {
    return "invalid";
  }
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) if (typeof entry === "string") out[key] = entry;
  return out;
}

const packageJson: RunnerRule = {
  applies: (path) => baseName(path) === "package.json",
  inspect: (change) => {
    const base = parseJsonObject(change.base);
    const head = parseJsonObject(change.head);
    if (base === "invalid" || head === "invalid") {
      return change.base === change.head
        ? []
        : [
            `${change.path} is not valid JSON at ${head === "invalid" ? "head" : "base"}; its test scripts could not be compared`,
          ];
    }
    const messages: string[] = [];
    const before = stringRecord(base?.scripts);
    const after = stringRecord(head?.scripts);
    const names = new Set([...testScriptNames(before), ...testScriptNames(after)]);
    for (const name of [...names].sort()) {
      if (before[name] === after[name]) continue;
      messages.push(`${change.path} scripts.${name} changed: ${show(before[name])} → ${show(after[name])}`);
    }
    for (const key of ["jest", "mocha", "ava", "c8", "nyc"]) {
      const a = JSON.stringify(base?.[key]);
      const b = JSON.stringify(head?.[key]);
      if (a !== b) messages.push(`${change.path} "${key}" configuration changed: ${show(a)} → ${show(b)}`);
    }
    return messages;
  },
};

const TEST_TARGET = /^(?:tests?|check|unittest|integration)(?:$|[-_:/.])/;

function testRecipes(text: string | undefined): Map<string, string> {
  const targets = parseMakeTargets(text ?? "");
  const wanted = [...targets.keys()].filter((name) => TEST_TARGET.test(name));
  const out = new Map<string, string>();
  const queue = [...wanted];
  while (queue.length > 0) {
    const name = queue.pop() ?? "";
    const target = targets.get(name);
    if (target === undefined || out.has(name)) continue;
    out.set(name, `${target.prerequisites.join(" ")}\n${target.recipe}`);
    queue.push(...target.prerequisites);
  }
  return out;
}

const makefile: RunnerRule = {
  applies: (path) => ["Makefile", "makefile", "GNUmakefile"].includes(baseName(path)) || path.endsWith(".mk"),
  inspect: (change) => {
    const before = testRecipes(change.base);
    const after = testRecipes(change.head);
    const messages: string[] = [];
    for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      if (before.get(name) === after.get(name)) continue;
      messages.push(
        `${change.path} target ${name} changed: ${show(before.get(name))} → ${show(after.get(name))}`,
      );
    }
    return messages;
  },
};

function buildConstraints(text: string | undefined): string {
  return (text ?? "")
    .split(/\r?\n/)
    .filter((line) => /^\s*\/\/\s*(?:go:build|\+build)\b/.test(line))
    .map((line) => line.trim())
    .join("\n");
}

const TEST_MAIN = /^func\s+TestMain\s*\(/m;

const goTestFile: RunnerRule = {
  applies: (path) => path.endsWith("_test.go"),
  inspect: (change) => {
    const messages: string[] = [];
    if (change.status === "modified") {
      const before = buildConstraints(change.base);
      const after = buildConstraints(change.head);
      if (before !== after) {
        messages.push(
          `${change.path} build constraints changed: ${show(before || undefined)} → ${show(after || undefined)}`,
        );
      }
    }
    if (change.head !== undefined && TEST_MAIN.test(change.head) && !TEST_MAIN.test(change.base ?? "")) {
      messages.push(`${change.path} adds a TestMain, which decides whether the package's tests run at all`);
    }
    return messages;
  },
};

const goWork: RunnerRule = {
  applies: (path) => baseName(path) === "go.work",
  inspect: (change) => whole(change, "go.work decides which modules `go test ./...` sees"),
};

const CARGO_TARGET_KEYS = new Set(["test", "harness", "doctest"]);

const cargoToml: RunnerRule = {
  applies: (path) => baseName(path) === "Cargo.toml",
  inspect: (change) => {
    const changes = diffSections(parseToml(change.base ?? ""), parseToml(change.head ?? ""), (s) =>
      /^(?:lib|package|test\[\d+\]|bin\[\d+\]|bench\[\d+\]|example\[\d+\])$/.test(s),
    );
    const relevant = changes.filter((c) => {
      if (c.section === "package") return c.key === "autotests";
      if (c.section.startsWith("test[")) return true;
      return CARGO_TARGET_KEYS.has(c.key);
    });
    return keyMessages(change.path, relevant);
  },
};

const cargoConfig: RunnerRule = {
  applies: (path) => /(?:^|\/)\.cargo\/config(?:\.toml)?$/.test(path),
  inspect: (change) =>
    whole(change, "cargo configuration can set rustflags, cfgs and the test runner itself"),
};

export const RUNNER_RULES: readonly RunnerRule[] = [
  pythonHooks,
  pythonTestModule,
  pytestIni,
  toxIni,
  setupCfg,
  pyproject,
  jsConfig,
  viteConfig,
  setupFile,
  packageJson,
  makefile,
  goTestFile,
  goWork,
  cargoToml,
  cargoConfig,
];
