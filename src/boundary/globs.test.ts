import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import { compileGlobRules, compileGlobs } from "./globs.js";

function matches(patterns: string[], paths: string[]): string[] {
  const match = compileGlobs(patterns);
  return paths.filter(match);
}

describe("compileGlobs", () => {
  it("matches a pattern without a slash at any depth", () => {
    expect(
      matches(["conftest.py"], ["conftest.py", "a/b/conftest.py", "a/conftest.pyc", "xconftest.py"]),
    ).toEqual(["conftest.py", "a/b/conftest.py"]);
    expect(matches(["*.snap"], ["x.snap", "deep/er/y.snap", "y.snap.bak"])).toEqual([
      "x.snap",
      "deep/er/y.snap",
    ]);
  });

  it("anchors a pattern with a leading or inner slash to the root", () => {
    expect(matches(["/setup.cfg"], ["setup.cfg", "pkg/setup.cfg"])).toEqual(["setup.cfg"]);
    expect(
      matches(["tests/unit/*.py"], ["tests/unit/a.py", "src/tests/unit/a.py", "tests/unit/x/a.py"]),
    ).toEqual(["tests/unit/a.py"]);
  });

  it("matches everything under a directory, and the directory's own name", () => {
    const paths = ["tests", "tests/a.py", "tests/x/y/z.py", "tests.py", "testsuite/a.py", "src/tests/a.py"];
    expect(matches(["tests/"], paths)).toEqual(["tests", "tests/a.py", "tests/x/y/z.py", "src/tests/a.py"]);
    expect(matches(["/tests/"], paths)).toEqual(["tests", "tests/a.py", "tests/x/y/z.py"]);
    expect(matches(["tests/**"], paths)).toEqual(["tests", "tests/a.py", "tests/x/y/z.py"]);
    expect(matches(["tests"], paths)).toEqual(["tests", "tests/a.py", "tests/x/y/z.py", "src/tests/a.py"]);
  });

  it("keeps * within one directory level and lets ** cross levels", () => {
    expect(matches(["src/*.py"], ["src/a.py", "src/x/a.py"])).toEqual(["src/a.py"]);
    expect(matches(["src/**/test_*.py"], ["src/test_a.py", "src/x/y/test_b.py", "src/x/b.py"])).toEqual([
      "src/test_a.py",
      "src/x/y/test_b.py",
    ]);
    expect(matches(["**/fixtures/"], ["fixtures/a", "a/b/fixtures/c.json", "a/fixturesx/c"])).toEqual([
      "fixtures/a",
      "a/b/fixtures/c.json",
    ]);
  });

  it("matches dotfiles and dot-directories", () => {
    expect(matches(["*.yml"], [".pre-commit.yml", ".github/x.yml"])).toEqual([
      ".pre-commit.yml",
      ".github/x.yml",
    ]);
    expect(matches(["/.github/"], [".github/workflows/ci.yml"])).toEqual([".github/workflows/ci.yml"]);
  });

  it("lets the last matching pattern win, negations included", () => {
    const patterns = ["tests/", "!tests/generated/", "tests/generated/keep.py"];
    expect(
      matches(patterns, [
        "tests/a.py",
        "tests/generated/x.py",
        "tests/generated/keep.py",
        "tests/generatedx.py",
      ]),
    ).toEqual(["tests/a.py", "tests/generated/keep.py", "tests/generatedx.py"]);
    expect(matches(["!tests/a.py", "tests/"], ["tests/a.py"])).toEqual(["tests/a.py"]);
  });

  it("supports classes, braces and escapes, but not extglobs", () => {
    expect(matches(["test_[ab].py"], ["test_a.py", "test_c.py"])).toEqual(["test_a.py"]);
    expect(matches(["*.{yml,yaml}"], ["a.yml", "b.yaml", "c.json"])).toEqual(["a.yml", "b.yaml"]);
    expect(matches(["a\\*b"], ["a*b", "axb"])).toEqual(["a*b"]);
    expect(matches(["\\!important"], ["!important", "important"])).toEqual(["!important"]);
    expect(matches(["+(a|b)"], ["a", "+(a|b)"])).toEqual(["+(a|b)"]);
    expect(matches(["tests/a|b"], ["b", "tests/a", "tests/a|b"])).toEqual(["tests/a|b"]);
    expect(matches(["(x)"], ["x", "(x)", "d/(x)"])).toEqual(["(x)", "d/(x)"]);
  });

  it("matches names with spaces, quotes, newlines and non-ASCII characters", () => {
    expect(
      matches(["tests/**"], ['tests/a b/"q".py', "tests/new\nline/x.py", "tests/\u2028/y"]),
    ).toHaveLength(3);
    expect(matches(["*.py"], ["dir\nwith newline/x.py", "日本/テスト.py", "x\udcff.py"])).toHaveLength(3);
    expect(matches(["new\nline"], ["a/new\nline", "newline"])).toEqual(["a/new\nline"]);
  });

  it("is case-sensitive", () => {
    expect(matches(["Tests/"], ["tests/a.py", "Tests/a.py"])).toEqual(["Tests/a.py"]);
  });

  it("matches nothing when there are no patterns", () => {
    expect(matches([], ["a", "b/c"])).toEqual([]);
  });

  it.each(["", "!", "/", "./tests", "tests/../src", "a//b", "tests/./x", "a\0b", "src/{a,b"])(
    "rejects the invalid pattern %j, naming it",
    (pattern) => {
      expect(() => compileGlobs(["ok", pattern])).toThrow(ConfigurationError);
      expect(() => compileGlobs([pattern])).toThrow(JSON.stringify(pattern));
    },
  );
});

describe("compileGlobRules", () => {
  it("names the deciding pattern, or undefined when a negation decides", () => {
    const decide = compileGlobRules(["tests/", "*.snap", "!tests/tmp/"]);
    expect(decide("tests/a.py")).toBe("tests/");
    expect(decide("tests/x.snap")).toBe("*.snap");
    expect(decide("tests/tmp/x.snap")).toBeUndefined();
    expect(decide("src/a.py")).toBeUndefined();
  });
});
