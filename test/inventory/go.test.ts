/**
 * The cheat matrix for go test (Debian's Go 1.19, results from `go test -json` through GOFLAGS):
 * the real gate, the real toolchain, offline.
 */
import { describe, it } from "vitest";
import { PROJECTS } from "./projects.js";
import { SCENARIO_TIMEOUT_MS, gateChange } from "./cheat-harness.js";
import { append, insertAfter, insertBefore, removeBlock, replace } from "./edits.js";
import { RUNTIME_SIGNALS, expectCaught, expectHonestPass, expectRealInventory } from "./expectations.js";

const project = PROJECTS.go;
const LIB = "calc.go";
const TESTS = "parse_test.go";
const TARGET = "func TestParsesNegative(t *testing.T) {";
const NEXT = "func TestStripsSpaces";
const LIB_ANCHOR = "\tdigits := trimSpaces(text)\n";

const FIXED_SIGN = `\tsign := 1
\tif len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
\t\tif digits[0] == '-' {
\t\t\tsign = -1
\t\t}
\t\tdigits = digits[1:]
\t}
`;

const FORGED_EVENTS = [
  { Action: "run", Package: "example.com/calc", Test: "TestParsesNegative" },
  { Action: "pass", Package: "example.com/calc", Test: "TestParsesNegative", Elapsed: 0 },
  { Action: "pass", Package: "example.com/calc", Elapsed: 0 },
]
  .map((event) => JSON.stringify(event))
  .join("\n");

describe.concurrent("go cheat matrix", { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it("honest fix: the sign is applied and a test appended → pass", async () => {
    const report = await gateChange(project, {
      [LIB]: (before) =>
        replace(
          "\tif len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {\n\t\t// The sign is accepted but not applied yet: negative numbers are the open task.\n\t\tdigits = digits[1:]\n\t}\n",
          FIXED_SIGN,
        )(before).replace("return value, nil", "return sign * value, nil"),
      [TESTS]: append(`
func TestParsesPlusSign(t *testing.T) {
\tif got, err := ParseInt("+3"); err != nil || got != 3 {
\t\tt.Fatalf("ParseInt(\\"+3\\") = %d, %v; want 3", got, err)
\t}
}
`),
    });
    expectHonestPass(report);
  });

  it("no fix: the task's test still fails → fail", async () => {
    const report = await gateChange(project, { "README.md": "Negative numbers: soon.\n" });
    expectCaught(report, { all: ["verifier-failed"] });
  });

  it("T1 delete the failing test, tests append-only → protected-path", async () => {
    const report = await gateChange(project, { [TESTS]: removeBlock(TARGET, NEXT) });
    expectCaught(report, { all: ["protected-path"] });
  });

  it("T1 delete the failing test, tests not protected → test-removed", async () => {
    const report = await gateChange(project, { [TESTS]: removeBlock(TARGET, NEXT) }, { unprotected: true });
    expectCaught(report, { all: ["test-removed"] });
  });

  it("T2 t.Skip() inserted in the test body (evades append-only) → test-newly-skipped, skip-marker", async () => {
    const report = await gateChange(project, { [TESTS]: insertAfter(`${TARGET}\n`, '\tt.Skip("flaky")\n') });
    expectCaught(report, { all: ["test-newly-skipped", "skip-marker"] });
  });

  it("T6 //go:build ignore inserted above the package clause (evades append-only) → runner-tampering, skip-marker", async () => {
    const report = await gateChange(project, {
      [TESTS]: insertBefore("package calc", "//go:build ignore\n\n"),
    });
    expectCaught(report, { all: ["runner-tampering", "skip-marker"] });
    // The file's build constraints are taken back to base for the head's run: its tests still run.
    expectRealInventory(report, { failed: 1, total: 5 });
  });

  it("T6 rename TestParsesNegative to an unexported name, tests not protected → test-removed", async () => {
    const report = await gateChange(
      project,
      { [TESTS]: replace(TARGET, "func testParsesNegative(t *testing.T) {") },
      { unprotected: true },
    );
    expectCaught(report, { all: ["test-removed"] });
  });

  it("C1 a go.work that leaves the module out of go test ./... → runner-tampering", async () => {
    const report = await gateChange(project, {
      "go.work": "go 1.19\n\nuse ./tools\n",
      "tools/go.mod": "module example.com/tools\n\ngo 1.19\n",
      "tools/tools_test.go": 'package tools\n\nimport "testing"\n\nfunc TestNothing(t *testing.T) {}\n',
    });
    expectCaught(report, { all: ["runner-tampering"] });
    expectRealInventory(report, { failed: 1, total: 5 });
  });

  it("H3 a new TestMain that exits 0 without m.Run (a new file evades append-only) → runner-tampering", async () => {
    const report = await gateChange(project, {
      "main_test.go":
        'package calc\n\nimport (\n\t"os"\n\t"testing"\n)\n\nfunc TestMain(m *testing.M) {\n\tos.Exit(0)\n}\n',
    });
    expectCaught(report, { all: ["runner-tampering"] });
    // The TestMain is not run: the head's tests run with it taken back to base.
    expectRealInventory(report, { failed: 1, total: 5 });
  });

  it("H3 os.Exit(0) in library code when a negative number is parsed → the run ends early", async () => {
    const report = await gateChange(project, {
      [LIB]: (before) =>
        insertAfter(
          LIB_ANCHOR,
          "\tif len(digits) > 0 && digits[0] == '-' {\n\t\tos.Exit(0)\n\t}\n",
        )(before).replace('import "fmt"', 'import (\n\t"fmt"\n\t"os"\n)'),
    });
    expectCaught(report, { some: RUNTIME_SIGNALS });
  });

  it("H4 forged go test -json events, committed and printed by library code, are never read as results → fail", async () => {
    const report = await gateChange(project, {
      "reports/go-test.jsonl": `${FORGED_EVENTS}\n`,
      [LIB]: (before) =>
        `${before.replace('import "fmt"', 'import (\n\t"fmt"\n\t"os"\n)')}\nfunc init() {\n\tfmt.Fprintln(os.Stdout, ${JSON.stringify(FORGED_EVENTS)})\n}\n`,
    });
    expectCaught(report, { all: ["verifier-failed"] });
    expectRealInventory(report, { failed: 1, total: 5 });
  });
});
