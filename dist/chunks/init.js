import { readdir, lstat, readFile, stat, access, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import 'node:crypto';
import { C as ConfigurationError, G as GateError } from './errors.js';
import { D as DEFAULT_CONTRACT_PATH, C as CONTRACT_SCHEMA_URL } from './zod-schema.js';
import { p as picomatch, G as Git } from './index.js';
import { p as parseCommandArgs, s as stringOption } from './args.js';
import { I as INIT_HELP } from './help.js';
import './_commonjsHelpers.js';
import 'node:os';
import './temp-dir.js';
import 'node:fs';
import 'node:child_process';
import 'node:buffer';
import 'node:util';

const DEFAULT_GO = { major: 1, minor: 24 };
async function inferGo(scan) {
    const goMod = await scan.read("go.mod");
    if (goMod === undefined)
        return undefined;
    const notes = [];
    // A go.mod asking for a newer Go than the image makes the go command download a toolchain,
    // which fails without network: pick an image that already has it.
    const wanted = /^go\s+(\d+)\.(\d+)/m.exec(goMod);
    let version = `${DEFAULT_GO.major}.${DEFAULT_GO.minor}`;
    if (wanted?.[1] !== undefined && wanted[2] !== undefined) {
        const major = Number(wanted[1]);
        const minor = Number(wanted[2]);
        if (major > DEFAULT_GO.major || (major === DEFAULT_GO.major && minor > DEFAULT_GO.minor)) {
            version = `${major}.${minor}`;
            notes.push(`go.mod asks for Go ${version}, so the image is golang:${version}.`);
        }
    }
    const setup = [];
    const requires = /^require\b/m.test(goMod);
    if (await scan.exists("vendor/modules.txt")) {
        notes.push("vendor/modules.txt found: Go builds from the vendored modules, so the tests need no network.");
    }
    else if (requires) {
        setup.push({ run: "go mod download", downloads: true });
    }
    return {
        name: "Go",
        evidence: ["go.mod"],
        image: `golang:${version}`,
        fullImage: `golang:${version}`,
        env: { CI: "true" },
        setup,
        tests: { run: "go test ./...", framework: "go" },
        verifiers: [],
        frozen: [],
        notes,
    };
}
async function inferRust(scan) {
    const cargoToml = await scan.read("Cargo.toml");
    if (cargoToml === undefined)
        return undefined;
    const setup = [];
    const hasDependencies = /^\[(?:dev-|build-)?dependencies\]\s*\n\s*[A-Za-z0-9_-]+\s*=/m.test(cargoToml) ||
        /^\[workspace\]/m.test(cargoToml);
    if (scan.has("Cargo.lock"))
        setup.push({ run: "cargo fetch --locked", downloads: true });
    else if (hasDependencies)
        setup.push({ run: "cargo fetch", downloads: true });
    const frozen = scan.has(".cargo/config.toml") ? [".cargo/config.toml"] : [];
    return {
        name: "Rust",
        evidence: ["Cargo.toml", ...(scan.has("Cargo.lock") ? ["Cargo.lock"] : [])],
        image: "rust:1",
        fullImage: "rust:1",
        // The official image makes CARGO_HOME world-writable, so the sandbox's non-root user can fetch.
        env: { CI: "true" },
        setup,
        tests: { run: "cargo test", framework: "cargo" },
        verifiers: [],
        frozen,
        notes: [],
    };
}

const SKIPPED_DIRS = new Set([
    ".git",
    "node_modules",
    "vendor",
    "target",
    "dist",
    "build",
    "out",
    "coverage",
    ".venv",
    "venv",
    "env",
    "__pycache__",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".next",
    ".cache",
    ".gradle",
    ".idea",
    ".vscode",
]);
const MAX_FILES = 20_000;
const MAX_DEPTH = 8;
const MAX_READ_BYTES = 1024 * 1024;
async function scanRepository(root, options = {}) {
    const ignoredFiles = new Set((options.ignored ?? []).filter((p) => !p.endsWith("/")));
    const ignoredDirs = (options.ignored ?? []).filter((p) => p.endsWith("/"));
    const ignored = (path) => ignoredFiles.has(path) || ignoredDirs.some((dir) => path.startsWith(dir) || `${path}/` === dir);
    const files = [];
    const dirs = new Set();
    let truncated = false;
    // Breadth first, so the files nearest the root (the ones that identify the project) come first.
    let level = [""];
    for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && !truncated; depth++) {
        const next = [];
        for (const dir of level) {
            let entries;
            try {
                entries = await readdir(join(root, dir), { withFileTypes: true });
            }
            catch {
                continue;
            }
            entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            for (const entry of entries) {
                const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
                if (ignored(path))
                    continue;
                if (entry.isDirectory()) {
                    if (SKIPPED_DIRS.has(entry.name))
                        continue;
                    dirs.add(path);
                    next.push(path);
                }
                else if (entry.isFile()) {
                    if (files.length >= MAX_FILES) {
                        truncated = true;
                        break;
                    }
                    files.push(path);
                }
            }
            if (truncated)
                break;
        }
        if (depth === MAX_DEPTH && next.length > 0)
            truncated = true;
        level = next;
    }
    const fileSet = new Set(files);
    return {
        files,
        dirs,
        truncated,
        has: (path) => fileSet.has(path),
        exists: async (path) => !ignored(path) && (await lstat(join(root, path)).catch(() => undefined))?.isFile() === true,
        read: async (path) => {
            if (ignored(path))
                return undefined;
            const full = join(root, path);
            const info = await lstat(full).catch(() => undefined);
            if (!info?.isFile() || info.size > MAX_READ_BYTES)
                return undefined;
            return readFile(full, "utf8").catch(() => undefined);
        },
    };
}
function baseName(path) {
    return path.slice(path.lastIndexOf("/") + 1);
}

// What `npm init` writes when there are no tests.
const NPM_PLACEHOLDER = /no test specified/;
const SCRIPT_FRAMEWORKS = [
    [/\bvitest\b/, "vitest"],
    [/\bjest\b/, "jest"],
    [/\bmocha\b/, "mocha"],
    [/\btape\b/, "tape"],
    [/\bnode\b[^&|;]*\s--test\b/, "node"],
];
const DEPENDENCY_FRAMEWORKS = [
    ["vitest", "vitest"],
    ["jest", "jest"],
    ["mocha", "mocha"],
    ["tape", "tape"],
];
const RUNNER_CONFIG = /^(?:jest\.config\.[cm]?[jt]s|jest\.config\.json|vitest\.config\.[cm]?[jt]s|vitest\.workspace\.[cm]?[jt]s|vitest\.workspace\.json|\.mocharc\.(?:[cm]?js|json|jsonc|ya?ml)|\.taprc)$/;
const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;
async function inferNode(scan) {
    const text = await scan.read("package.json");
    if (text === undefined)
        return undefined;
    const notes = [];
    let pkg = {};
    try {
        const parsed = JSON.parse(text);
        if (isRecord(parsed))
            pkg = parsed;
    }
    catch {
        notes.push("package.json is not valid JSON, so its test script and dependencies were not read.");
    }
    const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
    const script = typeof scripts.test === "string" && !NPM_PLACEHOLDER.test(scripts.test) ? scripts.test : undefined;
    const dependencies = { ...stringRecord(pkg.dependencies), ...stringRecord(pkg.devDependencies) };
    const framework = script === undefined
        ? undefined
        : (SCRIPT_FRAMEWORKS.find(([pattern]) => pattern.test(script))?.[1] ??
            DEPENDENCY_FRAMEWORKS.find(([name]) => name in dependencies)?.[1]);
    const manager = await packageManager(scan);
    const setup = [];
    if (Object.keys(dependencies).length > 0 || manager.lockfile !== undefined)
        setup.push(manager.install);
    if (manager.note !== undefined)
        notes.push(manager.note);
    const testCommand = `${manager.run} test`;
    let tests;
    const verifiers = [];
    if (script === undefined) {
        notes.push('package.json has no "test" script, so the contract has no tests from it.');
    }
    else if (framework === undefined) {
        notes.push(`Could not tell which test framework "${script}" uses, so "${testCommand}" is a verifier (judged by its exit code only) rather than a "tests" section (compared test by test). Add a "tests" section with the right "framework", or "junit"/"tap" with a reporter.`);
        verifiers.push({ name: testCommand, run: testCommand });
    }
    else {
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
async function packageManager(scan) {
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
        if (scan.has(lockfile))
            return { lockfile, install: { run: "npm ci", downloads: true }, run: "npm" };
    }
    const bun = ["bun.lock", "bun.lockb"].find((name) => scan.has(name));
    return {
        lockfile: undefined,
        install: { run: "npm install", downloads: true },
        run: "npm",
        note: bun === undefined
            ? 'No lockfile found: the setup runs "npm install", so base and head may get different dependency versions. Commit a package-lock.json and use "npm ci".'
            : `${bun} found, but the node image has no bun: the setup uses npm instead. Use an image with bun if the project needs it.`,
    };
}
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function stringRecord(value) {
    return isRecord(value) ? value : {};
}

const REQUIREMENTS = /^(?:(?:dev|test|tests)-)?requirements(?:[-_.][A-Za-z0-9_.-]*)?\.txt$/;
// Extras that usually hold the test tools, in the order we prefer them.
const TEST_EXTRAS = ["test", "tests", "testing", "dev"];
async function inferPython(scan) {
    const requirements = scan.files.filter((path) => !path.includes("/") && REQUIREMENTS.test(path));
    const markers = ["pyproject.toml", "setup.cfg", "setup.py", "pytest.ini"].filter((path) => scan.has(path));
    if (markers.length === 0 && requirements.length === 0)
        return undefined;
    const pyproject = (await scan.read("pyproject.toml")) ?? "";
    const setupCfg = (await scan.read("setup.cfg")) ?? "";
    const setupPy = (await scan.read("setup.py")) ?? "";
    const toxIni = (await scan.read("tox.ini")) ?? "";
    const requirementTexts = await Promise.all(requirements.map(async (path) => (await scan.read(path)) ?? ""));
    const declared = [pyproject, setupCfg, setupPy, ...requirementTexts].join("\n");
    const conftests = scan.files.filter((path) => baseName(path) === "conftest.py");
    const usesPytest = scan.has("pytest.ini") ||
        conftests.length > 0 ||
        /^\[tool\.pytest/m.test(pyproject) ||
        /^\[tool:pytest\]/m.test(setupCfg) ||
        /^\[pytest\]/m.test(toxIni) ||
        /\bpytest\b/.test(declared);
    const notes = [];
    const setup = [];
    const installable = /^\[(?:project|build-system|tool\.poetry)\]/m.test(pyproject) ||
        scan.has("setup.py") ||
        /^\[metadata\]/m.test(setupCfg);
    if (installable) {
        const extra = TEST_EXTRAS.find((name) => optionalDependencyNames(pyproject).includes(name));
        setup.push({
            run: extra === undefined ? "pip install -e ." : `pip install -e ".[${extra}]"`,
            downloads: true,
        });
    }
    if (requirements.length > 0) {
        setup.push({ run: `pip install ${requirements.map((path) => `-r ${path}`).join(" ")}`, downloads: true });
    }
    if (usesPytest && !/\bpytest\b/.test(declared)) {
        setup.push({ run: "pip install pytest", downloads: true });
        notes.push("pytest is not declared in any requirements file or extra, so a setup step installs it; pin the version you use.");
    }
    for (const [file, tool] of [
        ["uv.lock", "uv"],
        ["poetry.lock", "Poetry"],
        ["Pipfile.lock", "Pipenv"],
    ]) {
        if (scan.has(file)) {
            notes.push(`${file} found: the setup installs with pip, not ${tool}, so versions may differ from the lockfile. Adjust the setup steps (and the image) to use ${tool} if that matters.`);
        }
    }
    const frozen = [];
    for (const file of ["pytest.ini", "tox.ini"])
        if (scan.has(file))
            frozen.push(file);
    if (/^\[tool:pytest\]/m.test(setupCfg))
        frozen.push("setup.cfg");
    // A glob, not the files found: a new conftest.py anywhere can rewrite every test's outcome.
    if (usesPytest)
        frozen.push("**/conftest.py");
    return {
        name: "Python",
        evidence: [...markers, ...requirements],
        image: "python:3.12-slim",
        fullImage: "python:3.12",
        env: { CI: "true" },
        setup,
        tests: {
            run: usesPytest ? "python -m pytest" : unittestCommand(scan),
            framework: usesPytest ? "pytest" : "unittest",
        },
        verifiers: [],
        frozen,
        notes,
    };
}
function unittestCommand(scan) {
    if (!scan.dirs.has("tests"))
        return "python -m unittest discover";
    return scan.has("tests/__init__.py")
        ? "python -m unittest discover -s tests -t ."
        : "python -m unittest discover -s tests";
}
/** Keys of pyproject.toml's [project.optional-dependencies] table (a line scan; no TOML parser needed). */
function optionalDependencyNames(pyproject) {
    const names = [];
    let inTable = false;
    for (const line of pyproject.split(/\r?\n/)) {
        const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
        if (header) {
            inTable = header[1]?.trim() === "project.optional-dependencies";
            continue;
        }
        const key = inTable ? /^\s*"?([A-Za-z0-9_.-]+)"?\s*=/.exec(line) : null;
        if (key?.[1] !== undefined)
            names.push(key[1]);
    }
    return names;
}

/**
 * `loophole init`: a starter contract inferred from the repository's files (read with node:fs,
 * nothing executed), plus notes on what was guessed and what the user must check. The result
 * always passes `parseContract`, so `init` then `validate` never fails on loophole's own output.
 */
const GOAL = "Changes keep every existing test and check passing, without removing, skipping or weakening tests.";
const MAKEFILES = ["GNUmakefile", "makefile", "Makefile"];
const MAKE_TEST_TARGET = /^(?:[A-Za-z0-9_.-]+[ \t]+)*test(?:[ \t]+[A-Za-z0-9_.-]+)*[ \t]*::?(?!=)/m;
// With no recognisable toolchain: an image that has make, a compiler and git.
const FALLBACK_IMAGE = "buildpack-deps:bookworm";
async function inferContract(repoDir, options = {}) {
    const info = await stat(repoDir).catch(() => undefined);
    if (!info?.isDirectory()) {
        throw new ConfigurationError(`Cannot infer a contract: ${repoDir} is not a directory.`, [
            "Run loophole init in the repository's root, or pass it with --repo.",
        ]);
    }
    const scan = await scanRepository(repoDir, options);
    const guesses = (await Promise.all([inferNode(scan), inferPython(scan), inferGo(scan), inferRust(scan)])).filter((guess) => guess !== undefined);
    // The ecosystem with a runnable test suite leads; a package.json kept only for tooling should not.
    const primary = guesses.find((guess) => guess.tests !== undefined) ??
        guesses.find((guess) => guess.verifiers.length > 0) ??
        guesses[0];
    const makefile = await makeTestTarget(scan);
    const notes = [];
    let image = primary?.image ?? FALLBACK_IMAGE;
    if (primary !== undefined) {
        const tests = primary.tests === undefined
            ? "no tests section"
            : `tests "${primary.tests.run}" (${primary.tests.framework})`;
        notes.push(`Detected ${primary.name} from ${primary.evidence.join(", ")}: image "${primary.image}", ${tests}.`);
        notes.push(...primary.notes);
    }
    for (const other of guesses) {
        if (other === primary)
            continue;
        const how = other.tests === undefined
            ? ""
            : ` (for example a verifier running "${other.tests.run}" with "image": "${other.image}")`;
        notes.push(`Also found ${other.name} (${other.evidence.join(", ")}), which this contract does not check; add a verifier for it${how} if it should be.`);
    }
    const verifiers = [...(primary?.verifiers ?? [])];
    const frozen = [DEFAULT_CONTRACT_PATH, ".github/**", ...guesses.flatMap((guess) => guess.frozen)];
    if (makefile !== undefined) {
        verifiers.push({ name: "make test", run: "make test" });
        frozen.push(makefile);
        notes.push(`${makefile} has a "test" target: added the verifier "make test" and froze ${makefile}, since a change must not be able to rewrite the command that judges it.`);
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
        notes.push(primary === undefined
            ? `No package.json, pyproject.toml, setup.py, requirements.txt, go.mod, Cargo.toml or Makefile test target found: the image is "${FALLBACK_IMAGE}" and the only verifier is a placeholder that fails. Set the image and the commands that test the project.`
            : 'No test command found: the only verifier is a placeholder that fails. Replace it with the command that tests the project, or add a "tests" section.');
    }
    const setup = (primary?.setup ?? []).map((step) => ({
        ...(step.name === undefined ? {} : { name: step.name }),
        run: step.run,
    }));
    if (primary?.setup.some((step) => step.downloads) === true) {
        notes.push('The setup steps download dependencies, but the sandbox has no network by default ("network": "none"). Either list your package index\'s host in "sandbox.network" (reports show it as a relaxation), or build an image with the dependencies preinstalled, set "sandbox.image" to it and drop those steps.');
    }
    const appendOnly = testGlobs(scan);
    notes.push(`Protected: "frozen" lists the contract${frozen.length > 2 ? `, .github/** and the test runner's configuration (${frozen.slice(2).join(", ")})` : " and .github/**"}; "appendOnly" ${appendOnly.length === 0 ? "is empty because no test files were found: add the globs of your tests" : `holds ${appendOnly.join(", ")}`}. Check they match where your tests live.`);
    if (scan.truncated) {
        notes.push("The repository is large, so only part of it was scanned: check the protected globs by hand.");
    }
    notes.push('"goal" is a generic sentence: say in words what done means for this repository.');
    const sandbox = { image };
    const env = primary?.env ?? {};
    if (Object.keys(env).length > 0)
        sandbox.env = env;
    const contract = {
        $schema: CONTRACT_SCHEMA_URL,
        version: 1,
        goal: GOAL,
        protected: { frozen: [...new Set(frozen)], appendOnly },
        sandbox,
    };
    if (setup.length > 0)
        contract.setup = setup;
    if (primary?.tests !== undefined)
        contract.tests = { ...primary.tests };
    if (verifiers.length > 0)
        contract.verifiers = verifiers;
    return { contract, notes };
}
async function makeTestTarget(scan) {
    for (const name of MAKEFILES) {
        const text = await scan.read(name);
        if (text !== undefined && MAKE_TEST_TARGET.test(text))
            return name;
    }
    return undefined;
}
const TEST_DIRS = ["test", "tests", "spec", "__tests__"];
const TEST_FILES = [
    [/\.(test|spec)\.([cm]?[jt]sx?)$/, (m) => `**/*.${m[1] ?? "test"}.${m[2] ?? "js"}`],
    [/^test_.*\.py$/, () => "**/test_*.py"],
    [/_test\.py$/, () => "**/*_test.py"],
    [/_test\.go$/, () => "**/*_test.go"],
];
/** Globs for the tests found: test directories, then test files the directories do not cover. */
function testGlobs(scan) {
    const globs = TEST_DIRS.filter((dir) => scan.dirs.has(dir)).map((dir) => `${dir}/**`);
    for (const dir of [...TEST_DIRS, "testdata"]) {
        // Nested test directories (packages/a/tests, Go's testdata) anywhere below the root.
        if ([...scan.dirs].some((path) => path.includes("/") && baseName(path) === dir) ||
            (dir === "testdata" && scan.dirs.has(dir))) {
            globs.push(`**/${dir}/**`);
        }
    }
    for (const file of scan.files) {
        if (globs.length > 0 && picomatch.isMatch(file, globs, { dot: true }))
            continue;
        for (const [pattern, glob] of TEST_FILES) {
            const match = pattern.exec(baseName(file));
            if (match) {
                const found = glob(match);
                if (!globs.includes(found))
                    globs.push(found);
                break;
            }
        }
    }
    return globs;
}

async function initCommand(argv, io) {
    const { values } = parseCommandArgs("init", argv, {
        repo: { type: "string" },
        stdout: { type: "boolean" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
    });
    if (values.help === true) {
        io.stdout(INIT_HELP);
        return 0;
    }
    const repoDir = resolve(io.cwd, stringOption(values, "repo") ?? ".");
    const { contract, notes } = await inferContract(repoDir, { ignored: await gitIgnored(repoDir) });
    const text = `${JSON.stringify(contract, null, 2)}\n`;
    if (values.stdout === true) {
        io.stdout(text);
    }
    else {
        const target = join(repoDir, DEFAULT_CONTRACT_PATH);
        const exists = await access(target).then(() => true, () => false);
        if (exists && values.force !== true) {
            throw new ConfigurationError(`${target} already exists`, [
                "Pass --force to overwrite it, or --stdout to print the inferred contract.",
            ]);
        }
        await writeFile(target, text);
        io.stdout(`wrote ${target}\n`);
    }
    for (const note of notes)
        io.stderr(`note: ${note}\n`);
    io.stderr("next: review the contract, run `loophole validate`, and commit it to the base branch; the gate reads it from the base commit only.\n");
    return 0;
}
/** What git ignores under `repoDir`, or nothing when it is not in a git work tree (init still works). */
async function gitIgnored(repoDir) {
    try {
        const git = await Git.open(repoDir);
        return git.bare ? [] : await git.ignoredPaths(repoDir);
    }
    catch (error) {
        // Not a repository, or no git at all: every file counts.
        if (error instanceof ConfigurationError || error instanceof GateError)
            return [];
        throw error;
    }
}

export { initCommand };
//# sourceMappingURL=init.js.map
