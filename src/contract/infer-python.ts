/** `loophole init` for Python: pytest or unittest, and how to install the project and its test tools. */
import type { EcosystemGuess, SetupGuess } from "./ecosystem.js";
import { baseName, type RepoScan } from "./repo-scan.js";

const REQUIREMENTS = /^(?:(?:dev|test|tests)-)?requirements(?:[-_.][A-Za-z0-9_.-]*)?\.txt$/;
// Extras that usually hold the test tools, in the order we prefer them.
const TEST_EXTRAS = ["test", "tests", "testing", "dev"];

export async function inferPython(scan: RepoScan): Promise<EcosystemGuess | undefined> {
  const requirements = scan.files.filter((path) => !path.includes("/") && REQUIREMENTS.test(path));
  const markers = ["pyproject.toml", "setup.cfg", "setup.py", "pytest.ini"].filter((path) => scan.has(path));
  if (markers.length === 0 && requirements.length === 0) return undefined;

  const pyproject = (await scan.read("pyproject.toml")) ?? "";
  const setupCfg = (await scan.read("setup.cfg")) ?? "";
  const setupPy = (await scan.read("setup.py")) ?? "";
  const toxIni = (await scan.read("tox.ini")) ?? "";
  const requirementTexts = await Promise.all(requirements.map(async (path) => (await scan.read(path)) ?? ""));
  const declared = [pyproject, setupCfg, setupPy, ...requirementTexts].join("\n");
  const conftests = scan.files.filter((path) => baseName(path) === "conftest.py");

  const usesPytest =
    scan.has("pytest.ini") ||
    conftests.length > 0 ||
    /^\[tool\.pytest/m.test(pyproject) ||
    /^\[tool:pytest\]/m.test(setupCfg) ||
    /^\[pytest\]/m.test(toxIni) ||
    /\bpytest\b/.test(declared);

  const notes: string[] = [];
  const setup: SetupGuess[] = [];
  const installable =
    /^\[(?:project|build-system|tool\.poetry)\]/m.test(pyproject) ||
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
    notes.push(
      "pytest is not declared in any requirements file or extra, so a setup step installs it; pin the version you use.",
    );
  }
  for (const [file, tool] of [
    ["uv.lock", "uv"],
    ["poetry.lock", "Poetry"],
    ["Pipfile.lock", "Pipenv"],
  ] as const) {
    if (scan.has(file)) {
      notes.push(
        `${file} found: the setup installs with pip, not ${tool}, so versions may differ from the lockfile. Adjust the setup steps (and the image) to use ${tool} if that matters.`,
      );
    }
  }

  const frozen: string[] = [];
  for (const file of ["pytest.ini", "tox.ini"]) if (scan.has(file)) frozen.push(file);
  if (/^\[tool:pytest\]/m.test(setupCfg)) frozen.push("setup.cfg");
  // A glob, not the files found: a new conftest.py anywhere can rewrite every test's outcome.
  if (usesPytest) frozen.push("**/conftest.py");

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

function unittestCommand(scan: RepoScan): string {
  if (!scan.dirs.has("tests")) return "python -m unittest discover";
  return scan.has("tests/__init__.py")
    ? "python -m unittest discover -s tests -t ."
    : "python -m unittest discover -s tests";
}

/** Keys of pyproject.toml's [project.optional-dependencies] table (a line scan; no TOML parser needed). */
function optionalDependencyNames(pyproject: string): string[] {
  const names: string[] = [];
  let inTable = false;
  for (const line of pyproject.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      inTable = header[1]?.trim() === "project.optional-dependencies";
      continue;
    }
    const key = inTable ? /^\s*"?([A-Za-z0-9_.-]+)"?\s*=/.exec(line) : null;
    if (key?.[1] !== undefined) names.push(key[1]);
  }
  return names;
}
