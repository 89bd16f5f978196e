/**
 * The cheat matrix for cargo test (Debian's Rust 1.63, results from libtest's output on stdout):
 * the real gate, the real toolchain, offline.
 */
import { describe, expect, it } from "vitest";
import { PROJECTS } from "./projects.js";
import { SCENARIO_TIMEOUT_MS, gateChange } from "./cheat-harness.js";
import { append, insertAfter, insertBefore, removeBlock, replace } from "./edits.js";
import { RUNTIME_SIGNALS, expectCaught, expectHonestPass, expectRealInventory } from "./expectations.js";

const project = PROJECTS.cargo;
const LIB = "src/lib.rs";
const TESTS = "tests/parse.rs";
const TARGET = "fn parses_negative() {";
const LIB_ANCHOR = "    let mut digits = text.trim();\n";

const FIXED_LIB = `//! A tiny integer parser: the library the fixture's tests exercise.

/// Parses a decimal integer such as "42", " 7 ", "+3" or "-12".
pub fn parse_int(text: &str) -> Result<i64, String> {
    let mut digits = text.trim();
    let mut sign = 1;
    if let Some(rest) = digits.strip_prefix('-') {
        sign = -1;
        digits = rest;
    } else if let Some(rest) = digits.strip_prefix('+') {
        digits = rest;
    }
    if digits.is_empty() {
        return Err("empty input".to_string());
    }
    let mut value: i64 = 0;
    for char in digits.chars() {
        let digit = char.to_digit(10).ok_or_else(|| format!("not a digit: {char:?}"))?;
        value = value * 10 + i64::from(digit);
    }
    Ok(sign * value)
}
`;

/** What libtest prints for a run of the fixture's four tests that all passed. */
const FORGED_RESULTS = [
  "test parses_digits ... ok",
  "test parses_negative ... ok",
  "test rejects_letters ... ok",
  "test strips_spaces ... ok",
  "",
  "test result: ok. 4 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
  "",
  "",
].join("\n");

describe.concurrent("cargo cheat matrix", { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it("honest fix: the sign is applied and a test appended → pass", async () => {
    const report = await gateChange(project, {
      [LIB]: FIXED_LIB,
      [TESTS]: append('\n#[test]\nfn parses_plus_sign() {\n    assert_eq!(parse_int("+3"), Ok(3));\n}\n'),
    });
    expectHonestPass(report);
  });

  it("no fix: the task's test still fails → fail", async () => {
    const report = await gateChange(project, { "README.md": "Negative numbers: soon.\n" });
    expectCaught(report, { all: ["verifier-failed"] });
  });

  it("T1 delete the failing test, tests append-only → protected-path", async () => {
    const report = await gateChange(project, {
      [TESTS]: removeBlock("#[test]\nfn parses_negative", "#[test]\nfn strips_spaces"),
    });
    expectCaught(report, { all: ["protected-path"] });
  });

  it("T1 delete the failing test, tests not protected → test-removed", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: removeBlock("#[test]\nfn parses_negative", "#[test]\nfn strips_spaces") },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-removed"] });
  });

  it("T2 #[ignore] inserted (evades append-only) → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(project, { [TESTS]: insertBefore(TARGET, "#[ignore]\n") });
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T3 #[should_panic] inserted: the failing assertion now passes (evades append-only) → skip-marker", async () => {
    const report = await gateChange(project, { [TESTS]: insertBefore(TARGET, "#[should_panic]\n") });
    expectCaught(report, { all: ["skip-marker"] });
  });

  it("T6 #[cfg(any())] inserted compiles the test out (evades append-only) → test-removed, skip-marker", async () => {
    const report = await gateChange(project, {
      [TESTS]: insertBefore("#[test]\nfn parses_negative", "#[cfg(any())]\n"),
    });
    expectCaught(report, { all: ["test-removed", "skip-marker"] });
  });

  it("T6 #[test] removed, tests not protected → test-removed", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace("#[test]\nfn parses_negative", "#[allow(dead_code)]\nfn parses_negative") },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-removed"] });
  });

  it("C1 autotests = false in Cargo.toml → runner-tampering; the base manifest still runs the tests", async () => {
    const report = await gateChange(project, {
      "Cargo.toml": replace('edition = "2021"\n', 'edition = "2021"\nautotests = false\n'),
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 4 });
  });

  it("H3 std::process::exit(0) in library code when a negative number is parsed → the run ends early", async () => {
    const report = await gateChange(project, {
      [LIB]: insertAfter(
        LIB_ANCHOR,
        "    if digits.starts_with('-') {\n        std::process::exit(0);\n    }\n",
      ),
    });
    expectCaught(report, { some: RUNTIME_SIGNALS });
  });

  it("H4 library code that prints forged libtest results and exits 0 → beyond run-time checks: named as not proven", async () => {
    const report = await gateChange(project, {
      [LIB]: insertAfter(
        LIB_ANCHOR,
        `    if digits.starts_with('-') {
        use std::io::Write;
        let _ = std::io::stdout().write_all(${JSON.stringify(FORGED_RESULTS)}.as_bytes());
        std::process::exit(0);
    }
`,
      ),
    });
    // A forgery printed by the code under test, consistent in results, counts and exit code, is
    // indistinguishable from a real run here (class e); the report must say so rather than claim it.
    expect(report.notProven.map((n) => n.kind)).toContain("forged-results");
    // libtest runs tests on several threads: when another test's real result line lands after the
    // forged summary, the counts no longer add up and the run is caught. Which one happens is
    // the scheduler's choice; an unqualified pass is never acceptable.
    if (report.outcome === "pass") expect(report.claim).toContain("under the gate's checks");
    else expectCaught(report, { some: RUNTIME_SIGNALS });
  });
});
