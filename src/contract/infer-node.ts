/** `loophole init` for Node.js: package.json's test script, its framework and package manager. */
import type { EcosystemGuess, SetupGuess } from "./ecosystem.js";
import { baseName, type RepoScan } from "./repo-scan.js";
import type { Framework } from "./types.js";

// What `npm init` writes when there are no tests.
const NPM_PLACEHOLDER = /no test specified/;

const SCRIPT_FRAMEWORKS: readonly [RegExp, Framework][] = [
  [/\bvitest\b/, "vitest"],
  [/\bjest\b/, "jest"],
  [/\bmocha\b/, "mocha"],
  [/\btape\b/, "tape"],
  [/\bnode\b[^&|;]*\s--test\b/, "node"],
];
const DEPENDENCY_FRAMEWORKS: readonly [string, Framework][] = [
  ["vitest", "vitest"],
  ["jest", "jest"],
  ["mocha", "mocha"],
  ["tape", "tape"],
];
const RUNNER_CONFIG =
  /^(?:jest\.config\.[cm]?[jt]s|jest\.config\.json|vitest\.config\.[cm]?[jt]s|vitest\.workspace\.[cm]?[jt]s|vitest\.workspace\.json|\.mocharc\.(?:[cm]?js|json|jsonc|ya?ml)|\.taprc)$/;
const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;

export async function inferNode(scan: RepoScan): Promise<EcosystemGuess | undefined> {
  const text = await scan.read("package.json");
  if (text === undefined) return undefined;
  const notes: string[] = [];
  let pkg: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) pkg = parsed;
  } catch {
    notes.push("package.json is not valid JSON, so its test script and dependencies were not read.");
  }
  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  const script =
    typeof scripts.test === "string" && !NPM_PLACEHOLDER.test(scripts.test) ? scripts.test : undefined;
  const dependencies = { ...stringRecord(pkg.dependencies), ...stringRecord(pkg.devDependencies) };
  const framework =
    script === undefined
      ? undefined
      : (SCRIPT_FRAMEWORKS.find(([pattern]) => pattern.test(script))?.[1] ??
        DEPENDENCY_FRAMEWORKS.find(([name]) => name in dependencies)?.[1]);

  const manager = await packageManager(scan);
  const setup: SetupGuess[] = [];
  if (Object.keys(dependencies).length > 0 || manager.lockfile !== undefined) setup.push(manager.install);
  if (manager.note !== undefined) notes.push(manager.note);

  const testCommand = `${manager.run} test`;
  let tests: EcosystemGuess["tests"];
  const verifiers: EcosystemGuess["verifiers"] = [];
  if (script === undefined) {
    notes.push('package.json has no "test" script, so the contract has no tests from it.');
  } else if (framework === undefined) {
    notes.push(
      `Could not tell which test framework "${script}" uses, so "${testCommand}" is a verifier (judged by its exit code only) rather than a "tests" section (compared test by test). Add a "tests" section with the right "framework", or "junit"/"tap" with a reporter.`,
    );
    verifiers.push({ name: testCommand, run: testCommand });
  } else {
    tests = { run: testCommand, framework };
  }

  const frozen = scan.files.filter((path) => {
    const name = baseName(path);
    return RUNNER_CONFIG.test(name) || (framework === "vitest" && VITE_CONFIG.test(name));
  });
  return {
    name: "Node.js",
    evidence: ["package.json", ...(manager.lockfile === undefined ? [] : [manager.lockfile])],
    image: "node:24-slim",
    fullImage: "node:24",
    // Jest and vitest watch for changes unless they see CI.
    env: { CI: "true" },
    setup,
    tests,
    verifiers,
    frozen,
    notes,
  };
}

interface PackageManager {
  lockfile: string | undefined;
  install: SetupGuess;
  run: string;
  note?: string;
}

async function packageManager(scan: RepoScan): Promise<PackageManager> {
  // corepack runs pnpm and yarn without installing them globally, which the sandbox's non-root
  // user could not do.
  if (scan.has("pnpm-lock.yaml")) {
    return {
      lockfile: "pnpm-lock.yaml",
      install: { run: "corepack pnpm install --frozen-lockfile", downloads: true },
      run: "corepack pnpm",
      note: "pnpm-lock.yaml found: the setup uses pnpm through corepack, which also downloads pnpm itself.",
    };
  }
  if (scan.has("yarn.lock")) {
    const classic = (await scan.read("yarn.lock"))?.includes("yarn lockfile v1") === true;
    return {
      lockfile: "yarn.lock",
      install: {
        run: `corepack yarn install ${classic ? "--frozen-lockfile" : "--immutable"}`,
        downloads: true,
      },
      run: "corepack yarn",
      note: "yarn.lock found: the setup uses yarn through corepack, which also downloads yarn itself.",
    };
  }
  for (const lockfile of ["package-lock.json", "npm-shrinkwrap.json"]) {
    if (scan.has(lockfile)) return { lockfile, install: { run: "npm ci", downloads: true }, run: "npm" };
  }
  const bun = ["bun.lock", "bun.lockb"].find((name) => scan.has(name));
  return {
    lockfile: undefined,
    install: { run: "npm install", downloads: true },
    run: "npm",
    note:
      bun === undefined
        ? 'No lockfile found: the setup runs "npm install", so base and head may get different dependency versions. Commit a package-lock.json and use "npm ci".'
        : `${bun} found, but the node image has no bun: the setup uses npm instead. Use an image with bun if the project needs it.`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
