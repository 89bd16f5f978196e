/**
 * The unittest preset's recorder (`sitecustomize.py`) with the real Python of the runner image: what
 * ids doctest cases get, and what a failure's one-line message says.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir } from "../../src/core/temp-dir.js";
import { parseJUnit } from "../../src/inventory/junit.js";
import { UNITTEST_SITECUSTOMIZE } from "../../src/inventory/unittest-support.js";
import { RUNNERS_IMAGE } from "../support/runner-images.js";

const TEST_MODULE = `import doctest
import unittest


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocFileSuite("../docs/usage.rst", "../docs/more/usage.rst"))
    return tests


class Paths(unittest.TestCase):
    def test_listing(self):
        self.assertEqual("one\\ntwo\\nthree\\n", "one\\ntwo\\nthrees\\n")
`;

const DOCTEST = (result: string): string => `Adding::\n\n    >>> 1 + 1\n    ${result}\n`;

/** Runs `python3 -m unittest` in the runner image with the recorder, and parses what it wrote. */
async function record(files: Record<string, string>): Promise<ReturnType<typeof parseJUnit>> {
  await using dir = await createTempDir("unittest-recorder");
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir.path, path, ".."), { recursive: true });
    await writeFile(join(dir.path, path), content);
  }
  await mkdir(join(dir.path, ".loophole/python"), { recursive: true });
  await mkdir(join(dir.path, "reports"));
  await writeFile(join(dir.path, ".loophole/python/sitecustomize.py"), UNITTEST_SITECUSTOMIZE);
  const user = `${String(process.getuid?.() ?? 0)}:${String(process.getgid?.() ?? 0)}`;
  const result = await runCaptured(
    "docker",
    [
      "run",
      "--rm",
      "--network=none",
      `--user=${user}`,
      `--volume=${dir.path}:/work`,
      "--workdir=/work",
      "--env=PYTHONPATH=/work/.loophole/python",
      "--env=LOOPHOLE_REPORTS=/work/reports",
      "--env=HOME=/tmp",
      RUNNERS_IMAGE,
      "python3",
      "-m",
      "unittest",
      "discover",
      "-s",
      "tests",
    ],
    { timeoutMs: 120_000 },
  );
  const names = await readdir(join(dir.path, "reports"));
  expect(names, result.stderr).toHaveLength(1);
  const reports = await Promise.all(
    names.map(async (name) => ({ name, content: await readFile(join(dir.path, "reports", name), "utf8") })),
  );
  return parseJUnit(reports, { framework: "unittest" });
}

describe("the unittest recorder", () => {
  it("names doctest cases by their file, so swapping one doctest file for another changes the ids", async () => {
    const parsed = await record({
      "tests/test_paths.py": TEST_MODULE,
      "docs/usage.rst": DOCTEST("2"),
      "docs/more/usage.rst": DOCTEST("3"),
    });
    const tests = [...parsed.inventory.tests.values()];
    const doctests = tests.filter((t) => t.file?.endsWith("usage.rst") === true);
    expect(doctests.map((t) => [t.file, t.status])).toEqual([
      ["docs/usage.rst", "passed"],
      ["docs/more/usage.rst", "failed"],
    ]);
    // Same base names, different files: two ids, neither a positional `#2`.
    expect(doctests.map((t) => t.id)).toEqual([
      "docs/usage.rst::DocFileCase::usage_rst",
      "docs/more/usage.rst::DocFileCase::usage_rst",
    ]);
  });

  it("gives a failure the assertion's own first line, not the diff's last hint line", async () => {
    const parsed = await record({
      "tests/test_paths.py": TEST_MODULE,
      "docs/usage.rst": DOCTEST("2"),
      "docs/more/usage.rst": DOCTEST("2"),
    });
    const listing = [...parsed.inventory.tests.values()].find((t) => t.name === "test_listing");
    expect(listing?.status).toBe("failed");
    expect(listing?.message).toMatch(/^AssertionError: 'one\\ntwo\\nthree\\n' != 'one\\ntwo\\nthrees\\n'/);
  });
});
