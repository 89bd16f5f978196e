import { describe, expect, it } from "vitest";
import type { AddedLine } from "./markers.js";
import { scanMarkers } from "./markers.js";
import { isTestFile } from "./test-files.js";

function scan(path: string, ...texts: string[]) {
  const lines: AddedLine[] = texts.map((text, i) => ({ path, line: i + 1, text }));
  return scanMarkers(lines).map((f) => `${f.kind} ${f.severity} ${f.path ?? ""}:${f.line ?? 0}`);
}

describe("scanMarkers", () => {
  it("finds pytest and unittest skip and xfail markers", () => {
    const found = scan(
      "tests/test_api.py",
      '@pytest.mark.skip(reason="flaky")',
      "@pytest.mark.skipif(sys.platform == 'linux', reason='x')",
      "@pytest.mark.xfail(run=False)",
      "    pytest.skip('no network')",
      "    raise unittest.SkipTest('later')",
      '@unittest.skip("pre-existing")',
      "@unittest.expectedFailure",
      "        self.skipTest('x')",
      "pytestmark = pytest.mark.skip",
      "def test_ok(): assert parse('-1') == -1",
    );
    expect(found).toHaveLength(9);
    expect(found[0]).toBe("skip-marker fail tests/test_api.py:1");
  });

  it("finds JS skip, todo, failing and focus markers", () => {
    const found = scan(
      "src/parse.test.ts",
      "it.skip('x', () => {})",
      "xit('x', () => {})",
      "describe.skip('group', () => {})",
      "test.todo('later')",
      "test.failing('known', () => {})",
      "test.fails('known', () => {})",
      "it.skipIf(true)('x', () => {})",
      "  this.skip();",
      "test('x', { skip: true }, () => {})",
      "test('x', { todo: 'soon' }, () => {})",
      "it.only('x', () => {})",
      "fdescribe('x', () => {})",
      "test('x', { only: true }, () => {})",
      "test('x', { skip: false }, () => {})",
      "// it.skip('commented out')",
      "expect(skip).toBe(true)",
    );
    expect(found.filter((f) => f.startsWith("skip-marker"))).toHaveLength(10);
    expect(found.filter((f) => f.startsWith("focus-marker"))).toEqual([
      "focus-marker fail src/parse.test.ts:11",
      "focus-marker fail src/parse.test.ts:12",
      "focus-marker fail src/parse.test.ts:13",
    ]);
  });

  it("finds Go skips and a build constraint that drops a test file", () => {
    expect(
      scan("pkg/parse_test.go", '\tt.Skip("TODO")', "\tt.SkipNow()", "//go:build ignore", "// t.Skip()"),
    ).toEqual([
      "skip-marker fail pkg/parse_test.go:1",
      "skip-marker fail pkg/parse_test.go:2",
      "skip-marker fail pkg/parse_test.go:3",
    ]);
  });

  it("finds Rust ignore, should_panic and compiled-out test modules in any .rs file", () => {
    expect(
      scan(
        "src/lib.rs",
        "    #[ignore]",
        "    #[should_panic]",
        "#[cfg(any())]",
        "#[cfg(test)]",
        "#[cfg(not(test))]",
      ),
    ).toEqual([
      "skip-marker fail src/lib.rs:1",
      "skip-marker fail src/lib.rs:2",
      "skip-marker fail src/lib.rs:3",
      "skip-marker fail src/lib.rs:5",
    ]);
  });

  it("finds doctest fences marked no_run, ignore, should_panic or compile_fail in Rust doc comments", () => {
    expect(
      scan(
        "src/lib.rs",
        "/// ```no_run",
        "//! ```rust,ignore",
        "/// ```",
        "/// ```rust no_run",
        "/// ~~~should_panic",
        "/// ```compile_fail",
        "/// ```rust",
        "// ```no_run in a plain comment",
      ),
    ).toEqual([
      "skip-marker fail src/lib.rs:1",
      "skip-marker fail src/lib.rs:2",
      "skip-marker fail src/lib.rs:4",
      "skip-marker fail src/lib.rs:5",
      "skip-marker fail src/lib.rs:6",
    ]);
  });

  it("finds --test-only in scripts and CI files", () => {
    expect(scan("package.json", '    "test": "node --test --test-only"')).toEqual([
      "focus-marker fail package.json:1",
    ]);
    expect(scan(".github/workflows/ci.yml", "      - run: node --test --test-only")).toEqual([
      "focus-marker fail .github/workflows/ci.yml:1",
    ]);
  });

  it("ignores markers outside test files", () => {
    expect(scan("src/app.py", "pytest.skip('x')")).toEqual([]);
    expect(scan("src/router.js", "router.only(x); it.skip('y')")).toEqual([]);
    expect(scan("README.md", "use it.skip to skip")).toEqual([]);
  });

  it("downgrades skip markers, not focus markers, when the contract allows new skips", () => {
    const lines: AddedLine[] = [
      { path: "a.test.js", line: 1, text: "it.skip('x')" },
      { path: "a.test.js", line: 2, text: "it.only('y')" },
    ];
    expect(scanMarkers(lines, { allowNewSkips: true }).map((f) => f.severity)).toEqual(["warn", "fail"]);
  });
});

describe("isTestFile", () => {
  it("follows the runners' naming conventions", () => {
    const yes = [
      "test_x.py",
      "a/x_test.py",
      "conftest.py",
      "tests/helpers.py",
      "src/x.test.ts",
      "src/x.spec.mjs",
      "src/__tests__/x.js",
      "pkg/x_test.go",
      "tests/api.rs",
      "src/lib.rs",
    ];
    const no = ["src/x.py", "src/testing_utils.go", "src/latest.js", "docs/test.md", "x_test.txt"];
    expect(yes.filter((p) => !isTestFile(p))).toEqual([]);
    expect(no.filter((p) => isTestFile(p))).toEqual([]);
  });
});
