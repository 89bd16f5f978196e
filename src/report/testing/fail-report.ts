/**
 * A failing report with findings for every section and hostile text in every untrusted field, and a
 * huge one built from it for the size limits. Each call returns a fresh object.
 */
import { finding, type Finding } from "../../model/finding.js";
import { REPORT_SCHEMA_VERSION, type Report, type TestRef } from "../../model/report.js";
import { baseNotProven, networkAllowed, verifierSkipped } from "../not-proven.js";
import { CLAIM, LEAKED_TOKEN, provenance } from "./sample-common.js";

const BASIC_AUTH = Buffer.from(`x-access-token:${LEAKED_TOKEN}`).toString("base64");

const HOSTILE_OUTPUT = [
  "\u001b[31mFAILED\u001b[0m tests/test_parse.py::test_negative - AssertionError",
  "@everyone @loophole-dev/maintainers please look",
  '<img src=x onerror=alert(1)> <a href="https://evil.example">click</a>',
  "</details></summary><details open>",
  "```",
  "````js",
  "![tracker](https://evil.example/pixel.png) [phish](https://evil.example)",
  `token=${LEAKED_TOKEN}`,
  `Authorization: basic ${BASIC_AUTH}`,
  "progress 10%\rprogress 100%\u0007\u0000",
  "zero\u200Bwidth and \u202Ereversed\u202C text",
  "\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 done",
  "error: 1 failed, 41 passed",
].join("\n");

function hostileTests(): TestRef[] {
  return [
    { id: "tests/test_parse.py::test_pipe[a|b]", file: "tests/test_parse.py" },
    { id: "tests/test_parse.py::test_@everyone", message: "<script>alert(1)</script>" },
    { id: "tests/test_parse.py::test_```fence```" },
  ];
}

export function failReport(): Report {
  const findings: Finding[] = [
    finding("protected-path", "fail", "Frozen file changed: tests/test_parse.py (2 lines).", {
      path: "tests/test_parse.py",
      line: 14,
    }),
    {
      ...finding("protected-path", "fail", "Frozen file changed: ci/verify.sh.", { path: "ci/verify.sh" }),
      approved: { by: "alice", at: "2025-06-01T11:58:00Z", via: "label" },
    },
    finding("contract-changed", "fail", "loophole.json changed in the head; the base contract was used.", {
      path: "loophole.json",
    }),
    finding(
      "runner-tampering",
      "fail",
      "pytest.ini addopts changed: `-q` → `-q --deselect tests/test_io.py`.",
      {
        path: "pytest.ini",
        line: 3,
      },
    ),
    finding("skip-marker", "warn", "New skip marker <b>@pytest.mark.skip</b> | reason=flaky", {
      path: "tests/test_io.py",
      line: 22,
    }),
    finding("focus-marker", "fail", "it.only narrows the suite @octocat", {
      path: "web/app.test.ts",
      line: 7,
    }),
    ...hostileTests().map((t) => finding("test-removed", "fail", "Test removed.", { test: t.id })),
    finding("test-newly-skipped", "fail", "Passed at base, skipped at head.", {
      test: "tests/test_io.py::test_utf8",
    }),
    finding("test-regressed", "fail", "Passed at base, failed at head.", {
      test: "tests/test_parse.py::test_negative",
    }),
    finding("test-count", "fail", "Head has 3 fewer tests than base (minimum change 0)."),
    finding(
      "exit-mismatch",
      "warn",
      "Exit code 1 but every test passed: something outside the tests failed.",
    ),
    finding("verifier-failed", "fail", "Verifier lint exited with 1."),
    finding("verifier-error", "fail", "Verifier e2e timed out after 10m."),
    finding("setup-failed", "fail", "Setup step build-docs exited with 2."),
  ];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    outcome: "fail",
    headline:
      "The head does not meet the contract: 2 verifiers failed, 2 protected paths changed, 3 tests removed.",
    reasons: [
      "Verifier lint failed (exit 1).",
      "Verifier e2e timed out after 10m.",
      "Frozen file tests/test_parse.py changed.",
      "3 tests present at base are missing at head.",
    ],
    goal: "Negative numbers parse correctly in `parse()`.",
    findings,
    setup: [
      {
        name: "install",
        command: "pip install -e .",
        status: "pass",
        exitCode: 0,
        durationMs: 8_000,
        outputTail: "ok\n",
        outputBytes: 3,
      },
      {
        name: "build-docs",
        command: "make docs",
        status: "fail",
        exitCode: 2,
        durationMs: 1_200,
        outputTail: "make: *** [docs] Error 2\n",
        outputBytes: 25,
      },
    ],
    verifiers: [
      {
        name: "types",
        command: "mypy src",
        status: "pass",
        exitCode: 0,
        durationMs: 4_000,
        outputTail: "Success\n",
        outputBytes: 8,
        image: "loophole-test/python:3.12",
      },
      {
        name: "lint",
        command: "ruff check . | tee lint.log",
        status: "fail",
        exitCode: 1,
        durationMs: 1_500,
        outputTail: HOSTILE_OUTPUT,
        outputBytes: 48_213,
        image: "loophole-test/python:3.12",
      },
      {
        name: "e2e",
        command: "pytest tests/e2e",
        status: "timeout",
        exitCode: null,
        durationMs: 600_000,
        outputTail: "tests/e2e/test_flow.py::test_checkout ",
        outputBytes: 38,
        image: "loophole-test/python:3.12",
        reason: "timed out after 10m",
      },
      {
        name: "mutation",
        command: "mutmut run",
        status: "skipped",
        exitCode: null,
        durationMs: 0,
        outputTail: "",
        outputBytes: 0,
        image: "loophole-test/python:3.12",
        reason: "an earlier verifier failed",
      },
    ],
    tests: {
      framework: "pytest",
      base: { total: 124, passed: 120, failed: 1, error: 0, skipped: 3, xfail: 0 },
      head: { total: 121, passed: 115, failed: 2, error: 1, skipped: 3, xfail: 0 },
      removed: hostileTests(),
      newlySkipped: [{ id: "tests/test_io.py::test_utf8", file: "tests/test_io.py", message: "flaky" }],
      regressed: [{ id: "tests/test_parse.py::test_negative", message: "assert parse('-1') == -1" }],
      added: 0,
      notes: ["Base run: 1 test failed before the change (tests/test_io.py::test_locale)."],
    },
    notProven: [
      ...baseNotProven(),
      networkAllowed(["packages.example.org", "files.example.net"]),
      verifierSkipped("mutation", "an earlier verifier failed"),
    ],
    provenance: provenance(),
    claim: CLAIM,
  };
}

/** Far over any size limit: many failing verifiers with long output, thousands of findings and tests. */
export function hugeReport(): Report {
  const report = failReport();
  const longOutput = Array.from({ length: 2_000 }, (_, i) => `line ${i}: ${"x".repeat(60)} \`\`\` <b>`).join(
    "\n",
  );
  for (let i = 0; i < 40; i += 1) {
    report.verifiers.push({
      name: `check-${i}`,
      command: `./verify.sh ${i}`,
      status: i % 3 === 0 ? "error" : "fail",
      exitCode: i % 3 === 0 ? null : 1,
      durationMs: 1_000 + i,
      outputTail: longOutput,
      outputBytes: 5_000_000,
      image: "loophole-test/python:3.12",
    });
  }
  const removed = Array.from({ length: 5_000 }, (_, i) => ({ id: `tests/test_gen.py::test_case_${i}` }));
  if (report.tests !== undefined) report.tests.removed.push(...removed);
  report.findings.push(
    ...removed.map((t) => finding("test-removed", "fail", "Test removed.", { test: t.id })),
    ...Array.from({ length: 500 }, (_, i) =>
      finding("protected-path", "fail", `Frozen file changed: fixtures/f${i}.json`, {
        path: `fixtures/f${i}.json`,
      }),
    ),
  );
  report.reasons.push(...Array.from({ length: 300 }, (_, i) => `Reason number ${i} with some words in it.`));
  return report;
}
