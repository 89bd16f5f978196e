// inferContract on small repositories written to temp dirs (node:fs only, nothing executed). Every
// result must pass parseContract, since `loophole init` writes it as the user's loophole.json.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import { createTempDir } from "../core/temp-dir.js";
import { inferContract, type InferredContract } from "./infer.js";
import { parseContract } from "./parse.js";
import { CONTRACT_SCHEMA_URL } from "./schema.js";
import type { Contract } from "./types.js";

async function infer(
  files: Record<string, string>,
  ignored: readonly string[] = [],
): Promise<InferredContract & { parsed: Contract }> {
  await using dir = await createTempDir("infer");
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir.path, path)), { recursive: true });
    await writeFile(join(dir.path, path), content);
  }
  const result = await inferContract(dir.path, { ignored });
  const parsed = parseContract(`${JSON.stringify(result.contract, null, 2)}\n`, "loophole.json");
  return { ...result, parsed };
}

const NETWORK_NOTE = /The setup steps download dependencies, but the sandbox has no network by default/;
const hasNote = (notes: string[], pattern: RegExp): boolean => notes.some((note) => pattern.test(note));

describe("inferContract: Node.js", () => {
  it("infers vitest, npm ci from the lockfile, runner configs and test globs", async () => {
    const result = await infer({
      "package.json": JSON.stringify({
        scripts: { test: "vitest run" },
        devDependencies: { vitest: "^3.0.0" },
      }),
      "package-lock.json": "{}",
      "vitest.config.ts": "export default {};",
      "src/a.ts": "",
      "src/a.test.ts": "",
      "test/b.test.ts": "",
      "node_modules/dep/x.test.js": "",
    });
    expect(Object.keys(result.contract)).toEqual([
      "$schema",
      "version",
      "goal",
      "protected",
      "sandbox",
      "setup",
      "tests",
    ]);
    expect(result.contract.$schema).toBe(CONTRACT_SCHEMA_URL);
    expect(result.contract.sandbox).toEqual({ image: "node:24-slim", env: { CI: "true" } });
    expect(result.contract.setup).toEqual([{ run: "npm ci" }]);
    expect(result.contract.tests).toEqual({ run: "npm test", framework: "vitest" });
    expect(result.parsed.protected).toEqual({
      frozen: ["loophole.json", ".github/**", "vitest.config.ts"],
      appendOnly: ["test/**", "**/*.test.ts"],
    });
    expect(result.parsed.sandbox.network).toEqual([]);
    expect(hasNote(result.notes, NETWORK_NOTE)).toBe(true);
    expect(hasNote(result.notes, /Detected Node\.js from package\.json, package-lock\.json/)).toBe(true);
  });

  it("reads the framework from the script first, then from the dependencies", async () => {
    const nodeTest = await infer({
      "package.json": JSON.stringify({ scripts: { test: "node --test test/" } }),
    });
    expect(nodeTest.contract.tests).toEqual({ run: "npm test", framework: "node" });
    // No dependencies and no lockfile: nothing to install.
    expect(nodeTest.contract.setup).toBeUndefined();
    expect(hasNote(nodeTest.notes, NETWORK_NOTE)).toBe(false);

    const jest = await infer({
      "package.json": JSON.stringify({
        scripts: { test: "node scripts/test.js" },
        devDependencies: { jest: "^29" },
      }),
      "jest.config.js": "",
    });
    expect(jest.contract.tests).toEqual({ run: "npm test", framework: "jest" });
    expect(jest.contract.setup).toEqual([{ run: "npm install" }]);
    expect(jest.parsed.protected.frozen).toContain("jest.config.js");
    expect(hasNote(jest.notes, /No lockfile found/)).toBe(true);
  });

  it("uses pnpm through corepack when pnpm-lock.yaml is there", async () => {
    const result = await infer({
      "package.json": JSON.stringify({ scripts: { test: "mocha" }, devDependencies: { mocha: "^10" } }),
      "pnpm-lock.yaml": "lockfileVersion: '9.0'",
      ".mocharc.json": "{}",
    });
    expect(result.contract.setup).toEqual([{ run: "corepack pnpm install --frozen-lockfile" }]);
    expect(result.contract.tests).toEqual({ run: "corepack pnpm test", framework: "mocha" });
    expect(result.parsed.protected.frozen).toContain(".mocharc.json");
  });

  it("makes an unrecognised test script a verifier, judged by exit code", async () => {
    const result = await infer({ "package.json": JSON.stringify({ scripts: { test: "./run-tests.sh" } }) });
    expect(result.contract.tests).toBeUndefined();
    expect(result.contract.verifiers).toEqual([{ name: "npm test", run: "npm test" }]);
    expect(hasNote(result.notes, /Could not tell which test framework "\.\/run-tests\.sh" uses/)).toBe(true);
  });

  it("ignores npm's placeholder test script", async () => {
    const result = await infer({
      "package.json": JSON.stringify({ scripts: { test: 'echo "Error: no test specified" && exit 1' } }),
    });
    expect(result.contract.tests).toBeUndefined();
    expect(result.parsed.verifiers.map((v) => v.name)).toEqual(["checks"]);
    expect(hasNote(result.notes, /placeholder that fails/)).toBe(true);
  });
});

describe("inferContract: Python", () => {
  it("infers pytest, installs the test extra and freezes every conftest.py", async () => {
    const result = await infer({
      "pyproject.toml": [
        "[project]",
        'name = "demo"',
        "[project.optional-dependencies]",
        'docs = ["sphinx"]',
        'test = ["pytest>=8"]',
        "[tool.pytest.ini_options]",
        'addopts = "-q"',
      ].join("\n"),
      "src/demo/__init__.py": "",
      "tests/test_demo.py": "",
      "tests/conftest.py": "",
      "pytest.ini": "[pytest]",
    });
    expect(result.contract.sandbox).toEqual({ image: "python:3.12-slim", env: { CI: "true" } });
    expect(result.contract.setup).toEqual([{ run: 'pip install -e ".[test]"' }]);
    expect(result.contract.tests).toEqual({ run: "python -m pytest", framework: "pytest" });
    expect(result.parsed.protected).toEqual({
      frozen: ["loophole.json", ".github/**", "pytest.ini", "**/conftest.py"],
      appendOnly: ["tests/**"],
    });
    expect(hasNote(result.notes, NETWORK_NOTE)).toBe(true);
  });

  it("falls back to unittest and installs requirements files", async () => {
    const result = await infer({
      "requirements.txt": "requests\n",
      "requirements-dev.txt": "mypy\n",
      "tests/__init__.py": "",
      "tests/test_x.py": "",
      "pkg/mod_test.py": "",
    });
    expect(result.contract.setup).toEqual([
      { run: "pip install -r requirements-dev.txt -r requirements.txt" },
    ]);
    expect(result.contract.tests).toEqual({
      run: "python -m unittest discover -s tests -t .",
      framework: "unittest",
    });
    expect(result.parsed.protected.appendOnly).toEqual(["tests/**", "**/*_test.py"]);
  });

  it("installs pytest when the project uses it without declaring it", async () => {
    const result = await infer({ "setup.py": "from setuptools import setup\nsetup()", "conftest.py": "" });
    expect(result.contract.setup).toEqual([{ run: "pip install -e ." }, { run: "pip install pytest" }]);
    expect(result.contract.tests).toEqual({ run: "python -m pytest", framework: "pytest" });
    expect(hasNote(result.notes, /pytest is not declared/)).toBe(true);
  });
});

describe("inferContract: Go and Rust", () => {
  it("infers go test and downloads modules", async () => {
    const result = await infer({
      "go.mod": "module example.com/demo\n\ngo 1.22\n\nrequire github.com/x/y v1.0.0\n",
      "go.sum": "",
      "pkg/a.go": "",
      "pkg/a_test.go": "",
      "pkg/testdata/golden.txt": "",
    });
    expect(result.contract.sandbox).toEqual({ image: "golang:1.24", env: { CI: "true" } });
    expect(result.contract.setup).toEqual([{ run: "go mod download" }]);
    expect(result.contract.tests).toEqual({ run: "go test ./...", framework: "go" });
    expect(result.parsed.protected.appendOnly).toEqual(["**/testdata/**", "**/*_test.go"]);
  });

  it("needs no download with vendored modules, and follows a newer go directive", async () => {
    const result = await infer({
      "go.mod": "module m\n\ngo 1.25.1\n\nrequire github.com/x/y v1.0.0\n",
      "vendor/modules.txt": "",
      "main_test.go": "",
    });
    expect(result.contract.sandbox).toMatchObject({ image: "golang:1.25" });
    expect(result.contract.setup).toBeUndefined();
    expect(hasNote(result.notes, NETWORK_NOTE)).toBe(false);
    expect(hasNote(result.notes, /vendor\/modules\.txt found/)).toBe(true);
  });

  it("infers cargo test and fetches the locked dependencies", async () => {
    const result = await infer({
      "Cargo.toml": '[package]\nname = "demo"\n\n[dependencies]\nserde = "1"\n',
      "Cargo.lock": "",
      "src/lib.rs": "",
      "tests/it.rs": "",
    });
    expect(result.contract.sandbox).toEqual({ image: "rust:1", env: { CI: "true" } });
    expect(result.contract.setup).toEqual([{ run: "cargo fetch --locked" }]);
    expect(result.contract.tests).toEqual({ run: "cargo test", framework: "cargo" });
    expect(result.parsed.protected.appendOnly).toEqual(["tests/**"]);
  });

  it("builds on no file git ignores: an ignored Cargo.lock is not there for the gate", async () => {
    const files = {
      "Cargo.toml": '[package]\nname = "demo"\n',
      "Cargo.lock": "",
      "src/lib.rs": "",
      "target/debug/.fingerprint": "",
      "gen/tests/it.rs": "",
    };
    const result = await infer(files, ["Cargo.lock", "gen/"]);
    expect(result.contract.setup).toBeUndefined();
    expect(result.notes.join("\n")).not.toContain("Cargo.lock");
    expect(result.parsed.protected.appendOnly).not.toContain("gen/tests/**");
  });
});

describe("inferContract: Makefile, mixed and empty repositories", () => {
  it("adds a make test verifier, freezes the Makefile and picks an image with make", async () => {
    const result = await infer({
      Makefile: "lint:\n\truff .\n\ntest: lint\n\tpytest\n",
      "pyproject.toml": '[project]\nname = "x"\ndependencies = ["pytest"]\n',
    });
    expect(result.contract.verifiers).toEqual([{ name: "make test", run: "make test" }]);
    expect(result.parsed.protected.frozen).toContain("Makefile");
    expect(result.contract.sandbox).toMatchObject({ image: "python:3.12" });
    expect(hasNote(result.notes, /"python:3\.12-slim" has no make/)).toBe(true);
  });

  it("uses a toolchain image with make when the Makefile is all there is", async () => {
    const result = await infer({ Makefile: "TEST := x\ncheck test:\n\t./check.sh\n" });
    expect(result.contract.sandbox).toEqual({ image: "buildpack-deps:bookworm" });
    expect(result.contract.verifiers).toEqual([{ name: "make test", run: "make test" }]);
    expect(result.contract.tests).toBeUndefined();
  });

  it("does not mistake a variable for a test target", async () => {
    const result = await infer({ Makefile: "test := 1\ntests:\n\ttrue\n" });
    expect(result.parsed.verifiers.map((v) => v.name)).toEqual(["checks"]);
  });

  it("leads with the ecosystem that has tests and mentions the others", async () => {
    const result = await infer({
      "package.json": JSON.stringify({ devDependencies: { prettier: "^3" } }),
      "pyproject.toml": "[project]\nname = 'x'\n[tool.pytest.ini_options]\n",
      "Cargo.toml": "[package]\nname = 'y'\n",
    });
    expect(result.contract.tests).toEqual({ run: "python -m pytest", framework: "pytest" });
    expect(hasNote(result.notes, /^Also found Node\.js \(package\.json\)/)).toBe(true);
    expect(
      hasNote(result.notes, /^Also found Rust \(Cargo\.toml\).*"cargo test" with "image": "rust:1"/),
    ).toBe(true);
  });

  it("writes a placeholder that fails when it recognises nothing", async () => {
    const result = await infer({ "README.md": "# hi" });
    expect(result.contract.sandbox).toEqual({ image: "buildpack-deps:bookworm" });
    expect(result.parsed.verifiers).toHaveLength(1);
    expect(result.parsed.verifiers[0]?.run).toMatch(/exit 1$/);
    expect(result.parsed.protected).toEqual({ frozen: ["loophole.json", ".github/**"], appendOnly: [] });
    expect(hasNote(result.notes, /No package\.json, pyproject\.toml/)).toBe(true);
  });

  it("refuses a path that is not a directory", async () => {
    await expect(inferContract("/nonexistent/loophole-repo")).rejects.toBeInstanceOf(ConfigurationError);
  });
});
