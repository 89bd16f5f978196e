/**
 * `loophole init`: a starter contract inferred from the repository's files (read with node:fs,
 * nothing executed), plus notes on what was guessed and what the user must check. The result
 * always passes `parseContract`, so `init` then `validate` never fails on loophole's own output.
 */
import { stat } from "node:fs/promises";
import picomatch from "picomatch";
import { ConfigurationError } from "../core/errors.js";
import { inferGo, inferRust } from "./infer-native.js";
import { inferNode } from "./infer-node.js";
import { inferPython } from "./infer-python.js";
import { baseName, scanRepository, type RepoScan, type ScanOptions } from "./repo-scan.js";
import { CONTRACT_SCHEMA_URL } from "./schema.js";
import { DEFAULT_CONTRACT_PATH } from "./types.js";

export interface InferredContract {
  /** The contract as JSON-ready data, keys in the order a person reads them. */
  contract: Record<string, unknown>;
  notes: string[];
}

const GOAL =
  "Changes keep every existing test and check passing, without removing, skipping or weakening tests.";
const MAKEFILES = ["GNUmakefile", "makefile", "Makefile"];
const MAKE_TEST_TARGET = /^(?:[A-Za-z0-9_.-]+[ \t]+)*test(?:[ \t]+[A-Za-z0-9_.-]+)*[ \t]*::?(?!=)/m;
// With no recognisable toolchain: an image that has make, a compiler and git.
const FALLBACK_IMAGE = "buildpack-deps:bookworm";

export async function inferContract(repoDir: string, options: ScanOptions = {}): Promise<InferredContract> {
  const info = await stat(repoDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ConfigurationError(`Cannot infer a contract: ${repoDir} is not a directory.`, [
      "Run loophole init in the repository's root, or pass it with --repo.",
    ]);
  }
  const scan = await scanRepository(repoDir, options);
  const guesses = (
    await Promise.all([inferNode(scan), inferPython(scan), inferGo(scan), inferRust(scan)])
  ).filter((guess) => guess !== undefined);
  // The ecosystem with a runnable test suite leads; a package.json kept only for tooling should not.
  const primary =
    guesses.find((guess) => guess.tests !== undefined) ??
    guesses.find((guess) => guess.verifiers.length > 0) ??
    guesses[0];
  const makefile = await makeTestTarget(scan);
  const notes: string[] = [];

  let image = primary?.image ?? FALLBACK_IMAGE;
  if (primary !== undefined) {
    const tests =
      primary.tests === undefined
        ? "no tests section"
        : `tests "${primary.tests.run}" (${primary.tests.framework})`;
    notes.push(
      `Detected ${primary.name} from ${primary.evidence.join(", ")}: image "${primary.image}", ${tests}.`,
    );
    notes.push(...primary.notes);
  }
  for (const other of guesses) {
    if (other === primary) continue;
    const how =
      other.tests === undefined
        ? ""
        : ` (for example a verifier running "${other.tests.run}" with "image": "${other.image}")`;
    notes.push(
      `Also found ${other.name} (${other.evidence.join(", ")}), which this contract does not check; add a verifier for it${how} if it should be.`,
    );
  }

  const verifiers = [...(primary?.verifiers ?? [])];
  const frozen = [DEFAULT_CONTRACT_PATH, ".github/**", ...guesses.flatMap((guess) => guess.frozen)];
  if (makefile !== undefined) {
    verifiers.push({ name: "make test", run: "make test" });
    frozen.push(makefile);
    notes.push(
      `${makefile} has a "test" target: added the verifier "make test" and froze ${makefile}, since a change must not be able to rewrite the command that judges it.`,
    );
    if (primary !== undefined && primary.fullImage !== primary.image) {
      image = primary.fullImage;
      notes.push(`"${primary.image}" has no make, so the image is "${primary.fullImage}" instead.`);
    }
  }
  if (primary?.tests === undefined && verifiers.length === 0) {
    verifiers.push({
      name: "checks",
      run: "echo 'loophole.json: replace this verifier with the command that tests the project' >&2; exit 1",
    });
    notes.push(
      primary === undefined
        ? `No package.json, pyproject.toml, setup.py, requirements.txt, go.mod, Cargo.toml or Makefile test target found: the image is "${FALLBACK_IMAGE}" and the only verifier is a placeholder that fails. Set the image and the commands that test the project.`
        : 'No test command found: the only verifier is a placeholder that fails. Replace it with the command that tests the project, or add a "tests" section.',
    );
  }

  const setup = (primary?.setup ?? []).map((step) => ({
    ...(step.name === undefined ? {} : { name: step.name }),
    run: step.run,
  }));
  if (primary?.setup.some((step) => step.downloads) === true) {
    notes.push(
      'The setup steps download dependencies, but the sandbox has no network by default ("network": "none"). Either list your package index\'s host in "sandbox.network" (reports show it as a relaxation), or build an image with the dependencies preinstalled, set "sandbox.image" to it and drop those steps.',
    );
  }

  const appendOnly = testGlobs(scan);
  notes.push(
    `Protected: "frozen" lists the contract${frozen.length > 2 ? `, .github/** and the test runner's configuration (${frozen.slice(2).join(", ")})` : " and .github/**"}; "appendOnly" ${appendOnly.length === 0 ? "is empty because no test files were found: add the globs of your tests" : `holds ${appendOnly.join(", ")}`}. Check they match where your tests live.`,
  );
  if (scan.truncated) {
    notes.push("The repository is large, so only part of it was scanned: check the protected globs by hand.");
  }
  notes.push('"goal" is a generic sentence: say in words what done means for this repository.');

  const sandbox: Record<string, unknown> = { image };
  const env = primary?.env ?? {};
  if (Object.keys(env).length > 0) sandbox.env = env;
  const contract: Record<string, unknown> = {
    $schema: CONTRACT_SCHEMA_URL,
    version: 1,
    goal: GOAL,
    protected: { frozen: [...new Set(frozen)], appendOnly },
    sandbox,
  };
  if (setup.length > 0) contract.setup = setup;
  if (primary?.tests !== undefined) contract.tests = { ...primary.tests };
  if (verifiers.length > 0) contract.verifiers = verifiers;
  return { contract, notes };
}

async function makeTestTarget(scan: RepoScan): Promise<string | undefined> {
  for (const name of MAKEFILES) {
    const text = await scan.read(name);
    if (text !== undefined && MAKE_TEST_TARGET.test(text)) return name;
  }
  return undefined;
}

const TEST_DIRS = ["test", "tests", "spec", "__tests__"];
const TEST_FILES: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/\.(test|spec)\.([cm]?[jt]sx?)$/, (m) => `**/*.${m[1] ?? "test"}.${m[2] ?? "js"}`],
  [/^test_.*\.py$/, () => "**/test_*.py"],
  [/_test\.py$/, () => "**/*_test.py"],
  [/_test\.go$/, () => "**/*_test.go"],
];

/** Globs for the tests found: test directories, then test files the directories do not cover. */
export function testGlobs(scan: RepoScan): string[] {
  const globs: string[] = TEST_DIRS.filter((dir) => scan.dirs.has(dir)).map((dir) => `${dir}/**`);
  for (const dir of [...TEST_DIRS, "testdata"]) {
    // Nested test directories (packages/a/tests, Go's testdata) anywhere below the root.
    if (
      [...scan.dirs].some((path) => path.includes("/") && baseName(path) === dir) ||
      (dir === "testdata" && scan.dirs.has(dir))
    ) {
      globs.push(`**/${dir}/**`);
    }
  }
  for (const file of scan.files) {
    if (globs.length > 0 && picomatch.isMatch(file, globs, { dot: true })) continue;
    for (const [pattern, glob] of TEST_FILES) {
      const match = pattern.exec(baseName(file));
      if (match) {
        const found = glob(match);
        if (!globs.includes(found)) globs.push(found);
        break;
      }
    }
  }
  return globs;
}
