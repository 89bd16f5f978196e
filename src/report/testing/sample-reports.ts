/**
 * Sample reports for the renderer tests: a pass and an error with every nullable field null. The fail
 * samples (hostile text, size limits) are in `fail-report.ts`. Each call returns a fresh object.
 */
import { finding } from "../../model/finding.js";
import { REPORT_SCHEMA_VERSION, type Report } from "../../model/report.js";
import { baseNotProven, contractNotEnforceable } from "../not-proven.js";
import { CLAIM, provenance } from "./sample-common.js";

export * from "./sample-common.js";
export { failReport, hugeReport } from "./fail-report.js";

export function passReport(): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    outcome: "pass",
    headline: "The head meets the contract: 2 verifiers passed, no boundary or test findings.",
    reasons: ["Every verifier passed.", "No protected path changed and no test vanished."],
    goal: "Negative numbers parse correctly in `parse()`.",
    findings: [finding("test-count", "info", "3 tests added (120 → 123).")],
    setup: [
      {
        name: "install",
        command: "pip install -e .",
        status: "pass",
        exitCode: 0,
        durationMs: 8_200,
        outputTail: "Successfully installed parser-1.0\n",
        outputBytes: 2_048,
      },
    ],
    verifiers: [
      {
        name: "types",
        command: "mypy src",
        status: "pass",
        exitCode: 0,
        durationMs: 4_100,
        outputTail: "Success: no issues found in 12 source files\n",
        outputBytes: 45,
        image: "loophole-test/python:3.12",
      },
      {
        name: "lint",
        command: "ruff check .",
        status: "pass",
        exitCode: 0,
        durationMs: 900,
        outputTail: "All checks passed!\n",
        outputBytes: 19,
        image: "loophole-test/python:3.12",
      },
    ],
    tests: {
      framework: "pytest",
      base: { total: 120, passed: 118, failed: 0, error: 0, skipped: 2, xfail: 0 },
      head: { total: 123, passed: 121, failed: 0, error: 0, skipped: 2, xfail: 0 },
      removed: [],
      newlySkipped: [],
      regressed: [],
      added: 3,
      notes: [],
    },
    notProven: baseNotProven(),
    provenance: provenance(),
    claim: CLAIM,
  };
}

export function errorReport(): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    outcome: "error",
    headline: "The gate could not decide: no container runtime is available.",
    reasons: ["`docker info` failed: Cannot connect to the Docker daemon at unix:///var/run/docker.sock."],
    goal: "",
    findings: [],
    setup: [],
    verifiers: [],
    notProven: [...baseNotProven(), contractNotEnforceable("no container runtime")],
    provenance: provenance({
      base: null,
      head: null,
      contractCommit: null,
      contractSha256: null,
      images: [],
      containersStarted: 0,
      durationMs: 310,
      phases: [],
    }),
    claim: "Nothing is claimed: the gate stopped before it could check the head.",
  };
}
