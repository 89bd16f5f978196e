import { describe, expect, it } from "vitest";
import type { TamperingChange } from "./tampering.js";
import { collectSetupFiles, detectRunnerTampering, setupFilesIn } from "./tampering.js";

type Tree = Record<string, string>;

/** Runs the detector over two in-memory trees, deriving the change list from them. */
async function tamper(base: Tree, head: Tree, allow: string[] = []): Promise<string[]> {
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])];
  const changes: TamperingChange[] = paths
    .filter((p) => base[p] !== head[p])
    .map((path) => ({ path, status: base[path] === undefined ? "A" : head[path] === undefined ? "D" : "M" }));
  const read = (tree: Tree) => (path: string) => Promise.resolve(tree[path]);
  const findings = await detectRunnerTampering(changes, read(base), read(head), { allow });
  for (const f of findings) {
    expect(f.kind).toBe("runner-tampering");
    expect(f.severity).toBe("fail");
  }
  return findings.map((f) => f.message);
}

describe("detectRunnerTampering: Python", () => {
  it("flags any conftest.py, sitecustomize.py and .pth change", async () => {
    expect(await tamper({}, { "tests/conftest.py": "def pytest_runtest_makereport(): ..." })).toEqual([
      "tests/conftest.py added: pytest hooks and fixtures in conftest.py can rewrite, skip or deselect any test",
    ]);
    expect(await tamper({ "sitecustomize.py": "" }, {})).toHaveLength(1);
    expect(await tamper({}, { "lib/site-packages/evil.pth": "import x" })).toHaveLength(1);
  });

  it("flags pytest_plugins and load_tests added to or changed in a test module, not other edits", async () => {
    const module = "import unittest\n\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n";
    const plugins = 'pytest_plugins = [\n    "pkg.tests._force",\n]\n';
    const loadTests = "def load_tests(loader, tests, pattern):\n    return unittest.TestSuite()\n";
    expect(await tamper({ "tests/test_a.py": module }, { "tests/test_a.py": module + plugins })).toEqual([
      "tests/test_a.py adds pytest_plugins, which loads plugins whose hooks can rewrite any test's result",
    ]);
    expect(await tamper({ "pkg/test_b.py": module }, { "pkg/test_b.py": `${module}\n${loadTests}` })).toEqual(
      ["pkg/test_b.py adds a load_tests function, which decides which of the module's tests run"],
    );
    const narrowed = loadTests.replace("unittest.TestSuite()", "tests");
    expect(
      await tamper({ "tests/test_a.py": module + loadTests }, { "tests/test_a.py": module + narrowed }),
    ).toEqual([
      "tests/test_a.py changes a load_tests function, which decides which of the module's tests run",
    ]);
    // A new test beside an unchanged load_tests, or pytest_plugins outside test modules, says nothing.
    const more = `${module}    def test_b(self):\n        pass\n`;
    expect(
      await tamper({ "tests/test_a.py": module + loadTests }, { "tests/test_a.py": more + loadTests }),
    ).toEqual([]);
    expect(await tamper({}, { "pkg/app.py": plugins })).toEqual([]);
    // Multi-line forms: a changed entry or body line is seen wherever it sits.
    const tuple = (entry: string): string => `${module}pytest_plugins = (\n"a",\n${entry}\n)\n`;
    expect(
      await tamper({ "tests/test_a.py": tuple('"b",') }, { "tests/test_a.py": tuple('"evil",') }),
    ).toEqual([
      "tests/test_a.py changes pytest_plugins, which loads plugins whose hooks can rewrite any test's result",
    ]);
    const longDef = (body: string): string =>
      `${module}\ndef load_tests(\n    loader, tests, pattern\n):\n# narrowed below\n    return ${body}\n\n\ndef helper():\n    pass\n`;
    expect(
      await tamper(
        { "tests/test_a.py": longDef("tests") },
        { "tests/test_a.py": longDef("unittest.TestSuite()") },
      ),
    ).toEqual([
      "tests/test_a.py changes a load_tests function, which decides which of the module's tests run",
    ]);
  });

  it("names the pytest.ini key that changed", async () => {
    const base = { "pytest.ini": "[pytest]\n# comment\naddopts = -q\ntestpaths = tests\n" };
    expect(
      await tamper(base, {
        "pytest.ini": "[pytest]\naddopts = -q --deselect tests/test_io.py::test_utf8\ntestpaths = tests\n",
      }),
    ).toEqual(["pytest.ini [pytest] addopts changed: `-q` → `-q --deselect tests/test_io.py::test_utf8`"]);
    expect(
      await tamper(base, { "pytest.ini": "[pytest]\naddopts = -q\ntestpaths = tests\n# another comment\n" }),
    ).toEqual([]);
    expect(await tamper({}, { "pytest.ini": "" })).toEqual([
      "pytest.ini added: pytest's configuration file (rootdir, addopts, testpaths, plugins)",
    ]);
  });

  it("reads only the pytest sections of pyproject.toml, setup.cfg and tox.ini", async () => {
    const pyproject = (deps: string, addopts: string) =>
      `[project]\nname = "x"\ndependencies = [\n  ${deps}\n]\n\n[tool.pytest.ini_options]\naddopts = "${addopts}"\n`;
    expect(
      await tamper(
        { "pyproject.toml": pyproject('"requests>=2"', "-q") },
        { "pyproject.toml": pyproject('"requests>=3"', "-q") },
      ),
    ).toEqual([]);
    expect(
      await tamper(
        { "pyproject.toml": pyproject('"requests>=2"', "-q") },
        { "pyproject.toml": pyproject('"requests>=2"', "-q -k 'not io'") },
      ),
    ).toEqual(['pyproject.toml [tool.pytest.ini_options] addopts changed: `"-q"` → `"-q -k \'not io\'"`']);
    expect(
      await tamper(
        { "setup.cfg": "[metadata]\nname = x\n" },
        { "setup.cfg": "[metadata]\nname = y\n[tool:pytest]\naddopts = -x\n" },
      ),
    ).toEqual(["setup.cfg [tool:pytest] addopts added: `-x`"]);
    expect(
      await tamper(
        { "tox.ini": "[testenv]\ncommands = pytest\n" },
        { "tox.ini": "[testenv]\ncommands = pytest || true\n" },
      ),
    ).toEqual(["tox.ini [testenv] commands changed: `pytest` → `pytest || true`"]);
  });
});

describe("detectRunnerTampering: JavaScript", () => {
  const pkg = (scripts: Record<string, string>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ name: "x", scripts, ...extra }, null, 2);

  it("compares package.json test scripts key by key", async () => {
    expect(
      await tamper(
        { "package.json": pkg({ test: "jest" }) },
        { "package.json": pkg({ test: "jest --passWithNoTests" }) },
      ),
    ).toEqual(["package.json scripts.test changed: `jest` → `jest --passWithNoTests`"]);
    expect(
      await tamper(
        { "package.json": pkg({ test: "jest", build: "tsc" }) },
        { "package.json": pkg({ test: "jest", build: "tsc -b" }, { dependencies: { a: "2" } }) },
      ),
    ).toEqual([]);
  });

  it("follows scripts the test script calls, and pre/post hooks", async () => {
    const base = pkg({ test: "npm run unit && run-s lint", unit: "vitest run", lint: "eslint ." });
    const head = pkg({
      test: "npm run unit && run-s lint",
      unit: "vitest run || true",
      lint: "true",
      posttest: "exit 0",
    });
    expect(await tamper({ "package.json": base }, { "package.json": head })).toEqual([
      "package.json scripts.lint changed: `eslint .` → `true`",
      "package.json scripts.posttest changed: (absent) → `exit 0`",
      "package.json scripts.unit changed: `vitest run` → `vitest run || true`",
    ]);
  });

  it("flags the jest key of package.json and unparsable package.json", async () => {
    const base = pkg({ test: "jest" }, { jest: { testPathIgnorePatterns: ["/node_modules/"] } });
    const head = pkg(
      { test: "jest" },
      { jest: { testPathIgnorePatterns: ["/node_modules/", "io.test.js"] } },
    );
    expect(await tamper({ "package.json": base }, { "package.json": head })).toEqual([
      'package.json "jest" configuration changed: `{"testPathIgnorePatterns":["/node_modules/"]}` → `{"testPathIgnorePatterns":["/node_modules/","io.test.js"]}`',
    ]);
    expect(await tamper({ "package.json": base }, { "package.json": "{ not json" })).toEqual([
      "package.json is not valid JSON at head; its test scripts could not be compared",
    ]);
  });

  it("flags runner config files, vitest options in vite.config and base-named setup files", async () => {
    expect(
      await tamper(
        { "jest.config.js": "module.exports = {}" },
        { "jest.config.js": "module.exports = { bail: 1 }" },
      ),
    ).toEqual(["jest.config.js changed: test runner configuration (selection, setup files, reporters)"]);
    expect(await tamper({}, { ".mocharc.json": '{"ignore": ["test/io.spec.js"]}' })).toHaveLength(1);
    const vite = (test: string) => `export default defineConfig({\n  plugins: [react()],\n  ${test}\n});\n`;
    expect(
      await tamper(
        { "vite.config.ts": vite("test: { exclude: ['a'] },") },
        {
          "vite.config.ts": vite("test: { exclude: ['a', 'io.test.ts'] },").replace(
            "react()",
            "react(), svg()",
          ),
        },
      ),
    ).toEqual([
      "vite.config.ts: vitest's `test` options changed: `test: { exclude: ['a'] }` → `test: { exclude: ['a', 'io.test.ts'] }`",
    ]);
    expect(
      await tamper(
        { "vite.config.ts": vite("") },
        { "vite.config.ts": vite("").replace("react()", "react(), svg()") },
      ),
    ).toEqual([]);
    const config = "module.exports = { setupFilesAfterEnv: ['<rootDir>/t/setup.js'] };";
    expect(
      await tamper(
        { "jest.config.js": config, "t/setup.js": "" },
        { "jest.config.js": config, "t/setup.js": "expect.extend({ toBe: () => ({ pass: true }) })" },
      ),
    ).toEqual(["t/setup.js changed: a setup file the base test configuration loads before every test file"]);
  });
});

describe("detectRunnerTampering: Make, Go, Rust", () => {
  it("compares the recipes of test targets and what they depend on", async () => {
    const base = "build:\n\tgo build ./...\n\ntest: unit\n\nunit:\n\tpytest\n";
    expect(
      await tamper({ Makefile: base }, { Makefile: base.replace("\tpytest", "\tpytest | tee log") }),
    ).toEqual(["Makefile target unit changed: `pytest` → `pytest | tee log`"]);
    expect(await tamper({ Makefile: base }, { Makefile: base.replace("go build", "go build -v") })).toEqual(
      [],
    );
  });

  it("flags changed build constraints and a new TestMain in Go test files", async () => {
    const base = 'package p\n\nimport "testing"\n\nfunc TestA(t *testing.T) {}\n';
    expect(await tamper({ "p/a_test.go": base }, { "p/a_test.go": `//go:build ignore\n\n${base}` })).toEqual([
      "p/a_test.go build constraints changed: (absent) → `//go:build ignore`",
    ]);
    expect(
      await tamper(
        { "p/a_test.go": base },
        { "p/a_test.go": base, "p/main_test.go": "package p\nfunc TestMain(m *testing.M) { os.Exit(0) }\n" },
      ),
    ).toEqual(["p/main_test.go adds a TestMain, which decides whether the package's tests run at all"]);
    expect(await tamper({}, { "go.work": "go 1.22\nuse ./a\n" })).toHaveLength(1);
  });

  it("reads Cargo.toml test settings, not dependency changes", async () => {
    const toml = (deps: string, lib: string) =>
      `[package]\nname = "x"\n\n[dependencies]\nserde = "${deps}"\n\n[lib]\n${lib}\n`;
    expect(
      await tamper(
        { "Cargo.toml": toml("1", 'path = "src/lib.rs"') },
        { "Cargo.toml": toml("2", 'path = "src/lib.rs"') },
      ),
    ).toEqual([]);
    expect(
      await tamper(
        { "Cargo.toml": toml("1", 'path = "src/lib.rs"') },
        { "Cargo.toml": toml("1", 'path = "src/lib.rs"\ntest = false') },
      ),
    ).toEqual(["Cargo.toml [lib] test added: `false`"]);
    expect(
      await tamper(
        { "Cargo.toml": '[package]\nname = "x"\n' },
        {
          "Cargo.toml":
            '[package]\nname = "x"\nautotests = false\n\n[[test]]\nname = "api"\nharness = false\n',
        },
      ),
    ).toEqual([
      "Cargo.toml [package] autotests added: `false`",
      'Cargo.toml [test[1]] name added: `"api"`',
      "Cargo.toml [test[1]] harness added: `false`",
    ]);
    expect(
      await tamper({}, { ".cargo/config.toml": '[target.x86_64-unknown-linux-gnu]\nrunner = "true"\n' }),
    ).toHaveLength(1);
  });
});

describe("detectRunnerTampering options", () => {
  it("skips paths the contract allows", async () => {
    expect(await tamper({}, { "tests/conftest.py": "x" }, ["tests/conftest.py"])).toEqual([]);
    expect(await tamper({}, { "tests/conftest.py": "x" }, ["docs/"])).toHaveLength(1);
  });

  it("ignores files that do not decide how tests run", async () => {
    expect(await tamper({ "src/app.py": "a" }, { "src/app.py": "b", "README.md": "x" })).toEqual([]);
  });
});

describe("setup files named by the base configuration", () => {
  it("finds them in jest, vitest and mocha configuration", async () => {
    expect(
      setupFilesIn(
        "setupFiles: ['./a.js', '<rootDir>/b.ts'], globalSetup: './g.js', require: 'ts-node/register'",
      ),
    ).toEqual(["a.js", "b.ts", "g.js"]);
    expect(setupFilesIn("require:\n  - ./t/hooks.js\n")).toEqual(["t/hooks.js"]);
    const files = await collectSetupFiles((path) =>
      Promise.resolve(
        path === "package.json"
          ? JSON.stringify({ jest: { setupFilesAfterEnv: ["./jest.setup.js"] } })
          : undefined,
      ),
    );
    expect([...files]).toEqual(["jest.setup.js"]);
  });
});
