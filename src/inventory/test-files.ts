/**
 * Which paths are test files, by the conventions the supported runners use by default. Used by the
 * marker scan, which only reads lines added to test files (a `.skip(` in application code is not a
 * test being skipped).
 */

const TEST_DIRECTORIES = new Set(["test", "tests", "__tests__", "spec", "specs", "testing", "e2e"]);
const JS_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

export type TestLanguage = "python" | "js" | "go" | "rust";

export function languageOf(path: string): TestLanguage | undefined {
  if (path.endsWith(".py")) return "python";
  if (JS_EXTENSION.test(path)) return "js";
  if (path.endsWith(".go")) return "go";
  if (path.endsWith(".rs")) return "rust";
  return undefined;
}

/**
 * `test_*.py`, `*_test.py`, `conftest.py`; `*.test.*`, `*.spec.*`; `*_test.go`; any source file under
 * a `test`/`tests`/`__tests__`/`spec` directory. Rust unit tests live in `#[cfg(test)]` modules of any
 * `.rs` file, which a single line cannot reveal, so every `.rs` file counts for Rust markers.
 */
export function isTestFile(path: string): boolean {
  const language = languageOf(path);
  if (language === undefined) return false;
  if (language === "rust") return true;
  const segments = path.split("/");
  const name = segments.at(-1) ?? "";
  if (segments.slice(0, -1).some((segment) => TEST_DIRECTORIES.has(segment))) return true;
  switch (language) {
    case "python":
      return /^test_.*\.py$/.test(name) || /_test\.py$/.test(name) || name === "conftest.py";
    case "js":
      return /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(name);
    case "go":
      return name.endsWith("_test.go");
  }
}
