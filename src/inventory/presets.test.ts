import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "../contract/types.js";
import { addNoFailFast, appendArguments, mergePresetEnv, mergeStderr, testPreset } from "./presets.js";
import { UNITTEST_SITECUSTOMIZE } from "./unittest-support.js";

const DIR = "/loophole/reports";

describe("testPreset", () => {
  it("has a preset for every framework the contract accepts, each exporting the report directory", () => {
    for (const framework of FRAMEWORKS) {
      const preset = testPreset(framework, `${DIR}/`);
      expect(preset.framework).toBe(framework);
      expect(preset.env.LOOPHOLE_REPORTS).toBe(DIR);
      expect(preset.env.CI).toBe("true");
      expect(preset.stdout === true || preset.reports.length > 0).toBe(true);
    }
  });

  it("pytest: JUnit through PYTEST_ADDOPTS, whatever the command", () => {
    const preset = testPreset("pytest", DIR);
    expect(preset.env.PYTEST_ADDOPTS).toBe(
      `--junitxml=${DIR}/pytest.xml -o junit_family=xunit2 -p no:cacheprovider`,
    );
    expect(preset.wrap("make test")).toBe("make test");
    expect(preset.reports).toEqual(["pytest.xml"]);
    expect(testPreset("pytest", "/tmp/my reports").env.PYTEST_ADDOPTS).toContain(
      '--junitxml="/tmp/my reports/pytest.xml"',
    );
  });

  it("unittest: the recorder is written as sitecustomize.py first on PYTHONPATH", () => {
    const preset = testPreset("unittest", DIR);
    expect(preset.env.PYTHONPATH).toBe(`${DIR}/.loophole/python`);
    expect(preset.files).toEqual({ ".loophole/python/sitecustomize.py": UNITTEST_SITECUSTOMIZE });
    expect(preset.reports).toEqual(["unittest-*.xml"]);
    expect(UNITTEST_SITECUSTOMIZE).toContain('"unittest-%d.xml" % os.getpid()');
    expect(UNITTEST_SITECUSTOMIZE).toContain("\\u0009");
  });

  it("jest, vitest and mocha: reporter arguments appended to the command", () => {
    expect(testPreset("jest", DIR).wrap("npx jest")).toBe(`npx jest --json --outputFile=${DIR}/jest.json`);
    expect(testPreset("jest", DIR).parse).toBe("jest-json");
    expect(testPreset("vitest", DIR).wrap("npm test")).toBe(
      `npm test -- --reporter=default --reporter=junit --outputFile.junit=${DIR}/vitest.xml`,
    );
    expect(testPreset("mocha", DIR).wrap("npx mocha 'test/**/*.spec.js'")).toBe(
      `npx mocha 'test/**/*.spec.js' --reporter xunit --reporter-option output=${DIR}/mocha.xml --forbid-only`,
    );
  });

  it("node:test: reporters through NODE_OPTIONS", () => {
    const preset = testPreset("node", DIR);
    expect(preset.env.NODE_OPTIONS).toBe(
      `--test-reporter=junit --test-reporter-destination=${DIR}/node.xml --test-reporter=spec --test-reporter-destination=stdout`,
    );
    expect(preset.wrap("npm test")).toBe("npm test");
  });

  it("go and cargo: stdout with stderr merged; cargo does not stop at the first failing binary", () => {
    const go = testPreset("go", DIR);
    expect(go.env.GOFLAGS).toBe("-json");
    expect(go.stdout).toBe(true);
    expect(go.wrap("go test ./...")).toBe("{\ngo test ./...\n} 2>&1");
    const cargo = testPreset("cargo", DIR);
    expect(cargo.wrap("cargo test --workspace")).toBe("{\ncargo test --no-fail-fast --workspace\n} 2>&1");
    expect(cargo.parse).toBe("cargo");
  });

  it("junit and tap: the contract's report globs, or every file", () => {
    expect(testPreset("junit", DIR, { reports: ["out/*.xml"] }).reports).toEqual(["out/*.xml"]);
    expect(testPreset("junit", DIR, { reports: [] }).reports).toEqual(["**/*.xml"]);
    expect(testPreset("tap", DIR).reports).toEqual(["**/*"]);
    expect(testPreset("tape", DIR).stdout).toBe(true);
  });
});

describe("command helpers", () => {
  it("appendArguments passes arguments through npm with --, once", () => {
    expect(appendArguments("npm test", ["--x"])).toBe("npm test -- --x");
    expect(appendArguments("npm run test:unit", ["--x"])).toBe("npm run test:unit -- --x");
    expect(appendArguments("npm test -- --runInBand", ["--x"])).toBe("npm test -- --runInBand --x");
    expect(appendArguments("pnpm test", ["--x"])).toBe("pnpm test --x");
    expect(appendArguments("cd web && npm test", ["--x"])).toBe("cd web && npm test -- --x");
    expect(appendArguments("npx jest", ["--outputFile=/a b/c.json"])).toBe(
      "npx jest '--outputFile=/a b/c.json'",
    );
  });

  it("mergeStderr keeps a trailing comment or background operator harmless", () => {
    expect(mergeStderr("go test ./... # all")).toBe("{\ngo test ./... # all\n} 2>&1");
  });

  it("addNoFailFast adds the flag to each cargo test, once", () => {
    expect(addNoFailFast("cargo test && cargo +nightly test -p x")).toBe(
      "cargo test --no-fail-fast && cargo +nightly test --no-fail-fast -p x",
    );
    expect(addNoFailFast("cargo test --no-fail-fast")).toBe("cargo test --no-fail-fast");
    expect(addNoFailFast("make test")).toBe("make test");
  });

  it("mergePresetEnv extends option variables instead of replacing them", () => {
    const preset = testPreset("pytest", DIR);
    const merged = mergePresetEnv({ PYTEST_ADDOPTS: "-p xdist", TZ: "UTC" }, preset);
    expect(merged.PYTEST_ADDOPTS).toBe(`-p xdist ${preset.env.PYTEST_ADDOPTS ?? ""}`);
    expect(merged.TZ).toBe("UTC");
    expect(mergePresetEnv({ PYTHONPATH: "src" }, testPreset("unittest", DIR)).PYTHONPATH).toBe(
      `${DIR}/.loophole/python:src`,
    );
    expect(mergePresetEnv({ CI: "false" }, preset).CI).toBe("true");
  });
});
