/**
 * The fixture projects of the cheat matrix (test/fixtures/projects/<framework>/) and the contract
 * each is gated under. Every fixture has the same task: its library accepts a sign but ignores it,
 * so the one test that parses a negative number fails at base.
 */
import { LINK_NODE_MODULES, RUNNERS_IMAGE } from "../support/runner-images.js";

export type MatrixFramework =
  "pytest" | "unittest" | "jest" | "vitest" | "mocha" | "node" | "tape" | "go" | "cargo";

export interface Project {
  framework: MatrixFramework;
  /** `tests.run`. */
  run: string;
  /** A cheap hard verifier besides the suite (the gate runs the head's suite as a verifier too). */
  verifier: string;
  setup: string[];
  /** The contract's `protected.appendOnly`: where the tests live. */
  appendOnly: string[];
}

/** JS projects commit no node_modules: setup links the image's runners in. */
const LINK = [LINK_NODE_MODULES];

export const PROJECTS: Readonly<Record<MatrixFramework, Project>> = {
  pytest: {
    framework: "pytest",
    run: "python3 -m pytest -q",
    verifier: "python3 -m compileall -q calc",
    setup: [],
    appendOnly: ["tests/**"],
  },
  unittest: {
    framework: "unittest",
    run: "python3 -m unittest discover -s tests -t .",
    verifier: "python3 -m compileall -q calc",
    setup: [],
    appendOnly: ["tests/**"],
  },
  jest: {
    framework: "jest",
    run: "jest",
    verifier: "node --check calc.js",
    setup: LINK,
    appendOnly: ["test/**"],
  },
  vitest: {
    framework: "vitest",
    run: "vitest run",
    verifier: "node --check calc.js",
    setup: LINK,
    appendOnly: ["test/**"],
  },
  mocha: {
    framework: "mocha",
    run: "mocha",
    verifier: "node --check calc.js",
    setup: LINK,
    appendOnly: ["test/**"],
  },
  // `node --run` runs a package.json script without npm (the image has none).
  node: {
    framework: "node",
    run: "node --run test",
    verifier: "node --check calc.js",
    setup: LINK,
    appendOnly: ["test/**"],
  },
  tape: {
    framework: "tape",
    run: "node --run test",
    verifier: "node --check calc.js",
    setup: LINK,
    appendOnly: ["test/**"],
  },
  go: {
    framework: "go",
    run: "go test ./...",
    verifier: "go build ./...",
    setup: [],
    appendOnly: ["**/*_test.go"],
  },
  cargo: {
    framework: "cargo",
    run: "cargo test",
    verifier: "cargo build",
    setup: [],
    appendOnly: ["tests/**"],
  },
};

export interface ScenarioOptions {
  /** Drop `protected.appendOnly` from the contract: the tests are not protected at all. */
  unprotected?: boolean;
  /** Replaces the project's test command (a contract whose command is broken, say). */
  testsRun?: string;
  /** Replaces the project's setup commands. */
  setup?: readonly string[];
}

export function contractFor(project: Project, options: ScenarioOptions = {}): unknown {
  return {
    version: 1,
    goal: `parse negative numbers (${project.framework} fixture)`,
    protected: {
      frozen: ["loophole.json"],
      appendOnly: options.unprotected === true ? [] : project.appendOnly,
    },
    sandbox: { image: RUNNERS_IMAGE, cpus: 1, memory: "2g", timeout: "5m" },
    setup: (options.setup ?? project.setup).map((run, i) => ({ name: `setup ${i + 1}`, run })),
    tests: { run: options.testsRun ?? project.run, framework: project.framework },
    verifiers: [{ name: "builds", run: project.verifier }],
  };
}
