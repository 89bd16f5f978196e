import { describe, expect, it } from "vitest";
import { GateError } from "../core/errors.js";
import { countInventory, MAX_MESSAGE_CHARS } from "./model.js";
import { parseJUnit, splitPythonClassname } from "./junit.js";
import { fixture, statuses } from "./test-helpers.js";

function parseFixture(path: string, framework: string) {
  return parseJUnit([{ name: path, content: fixture(path) }], { framework });
}

describe("parseJUnit on real pytest reports", () => {
  const run = parseFixture("pytest/xunit2.xml", "pytest");
  const tests = statuses(run.inventory);

  it("derives the test file from the dotted classname and keeps classes as the suite", () => {
    expect(tests["tests/test_calc.py::test_adds"]).toBe("passed");
    expect(tests["tests/test_calc.py::TestClass::test_method"]).toBe("passed");
    expect(tests["tests/test_calc.py::TestClass.TestInner::test_inner"]).toBe("passed");
    expect(tests["tests/sub/test_more.py::test_more"]).toBe("passed");
    expect(run.inventory.tests.get("tests/test_calc.py::test_adds")?.file).toBe("tests/test_calc.py");
  });

  it("reads failures, setup and teardown errors", () => {
    expect(tests["tests/test_calc.py::test_adds_negatives"]).toBe("failed");
    expect(tests["tests/test_calc.py::test_param[2-3-6]"]).toBe("failed");
    expect(tests["tests/test_calc.py::test_uses_broken_fixture"]).toBe("error");
    expect(tests["tests/test_calc.py::test_teardown_error"]).toBe("error");
    expect(run.inventory.tests.get("tests/test_calc.py::test_adds_negatives")?.message).toContain(
      "assert -2 == -3",
    );
  });

  it("tells skips from xfails, and never reads an xfail as a pass", () => {
    expect(tests["tests/test_calc.py::test_skipped"]).toBe("skipped");
    expect(tests["tests/test_calc.py::test_skipif"]).toBe("skipped");
    expect(tests["tests/test_calc.py::test_runtime_skip"]).toBe("skipped");
    expect(tests["tests/test_calc.py::test_xfail"]).toBe("xfail");
    expect(tests["tests/test_calc.py::test_xfail_not_run"]).toBe("xfail");
    expect(tests["tests/test_calc.py::test_imperative_xfail"]).toBe("xfail");
    expect(tests["tests/test_calc.py::TestUnit::test_expected_failure"]).toBe("xfail");
    expect(tests["tests/test_calc.py::test_xpass_strict"]).toBe("failed");
  });

  it("keeps parametrised ids and counts every testcase", () => {
    expect(tests["tests/test_calc.py::test_param_odd_ids[x::y]"]).toBe("passed");
    expect(countInventory(run.inventory)).toEqual({
      total: 25,
      passed: 11,
      failed: 4,
      error: 2,
      skipped: 4,
      xfail: 4,
    });
  });

  it("gives xunit1 (file attribute) and xunit2 (classname only) the same ids", () => {
    const xunit1 = parseFixture("pytest/xunit1.xml", "pytest");
    expect(Object.keys(statuses(xunit1.inventory))).toEqual(["tests/sub/test_more.py::test_more"]);
  });

  it("names the module of a collection error", () => {
    const collect = parseFixture("pytest/collect-error.xml", "pytest");
    expect(statuses(collect.inventory)).toEqual({ "tests/test_broken_collect.py::(collection)": "error" });
  });
});

describe("parseJUnit on the unittest recorder's report", () => {
  const run = parseFixture("unittest/unittest.xml", "unittest");
  const tests = statuses(run.inventory);

  it("reads every outcome unittest has", () => {
    expect(tests).toMatchObject({
      "tests/test_calc.py::TestAdd::test_adds": "passed",
      "tests/test_calc.py::TestAdd::test_adds_negatives": "failed",
      "tests/test_calc.py::TestAdd::test_errors": "error",
      "tests/test_calc.py::TestAdd::test_skipped": "skipped",
      "tests/test_calc.py::TestAdd::test_runtime_skip": "skipped",
      "tests/test_calc.py::TestAdd::test_expected_failure": "xfail",
      "tests/test_calc.py::TestAdd::test_unexpected_success": "failed",
      "tests/test_calc.py::TestAdd::test_subtests": "failed",
      "tests/test_calc.py::TestAdd::test_subtests_pass": "passed",
    });
  });

  it("keeps class set-up failures and import errors as errors", () => {
    const errors = Object.entries(tests)
      .filter(([, s]) => s === "error")
      .map(([id]) => id);
    expect(errors).toHaveLength(3);
    expect(errors.some((id) => id.includes("setUpClass (tests.test_calc.TestBrokenSetup)"))).toBe(true);
    expect(errors.some((id) => id.includes("tests.test_import_error"))).toBe(true);
  });
});

describe("parseJUnit on JavaScript runners", () => {
  it("vitest: the file from classname, nested describe names in the test name", () => {
    const tests = statuses(parseFixture("vitest/junit.xml", "vitest").inventory);
    expect(tests["test/calc.test.js::add > nested > add(2, 3) = 6"]).toBe("failed");
    expect(tests["test/calc.test.js::add > handles big ints"]).toBe("skipped");
    expect(tests["test/calc.test.js::add > nested > same name"]).toBe("passed");
    expect(tests["test/calc.test.js::add > nested > same name#2"]).toBe("passed");
    expect(tests["test/broken.test.js::test/broken.test.js"]).toBe("failed");
    expect(tests["test/nested/deep.test.js::deep suite > level two > works"]).toBe("passed");
  });

  it("mocha xunit: absolute file paths made relative, failing hooks kept", () => {
    const tests = statuses(parseFixture("mocha/xunit.xml", "mocha").inventory);
    expect(tests["test/calc.spec.js::add nested::add(2, 3) = 6"]).toBe("failed");
    expect(tests["test/calc.spec.js::add::pending without body"]).toBe("skipped");
    expect(tests["test/calc.spec.js::add::runtime skip"]).toBe("skipped");
    expect(tests['test/calc.spec.js::add hook failure::"before all" hook for "never runs"']).toBe("failed");
    expect(tests["test/nested/deep.spec.js::deep suite level two::works"]).toBe("passed");
    expect(Object.keys(tests).some((id) => id.includes("never runs") && !id.includes("hook"))).toBe(false);
  });

  it("node:test junit: todo (also a failing todo) is xfail, suites nest", () => {
    const tests = statuses(parseFixture("node/junit.xml", "node").inventory);
    expect(tests["test/calc.test.mjs::add::handles big ints"]).toBe("xfail");
    expect(tests["test/calc.test.mjs::add::todo that fails"]).toBe("xfail");
    expect(tests["test/calc.test.mjs::add::todo that passes"]).toBe("xfail");
    expect(tests["test/calc.test.mjs::add::skipped by option"]).toBe("skipped");
    expect(tests["test/calc.test.mjs::with subtests::sub two"]).toBe("failed");
    expect(tests["test/calc.test.mjs::add.nested::same name#2"]).toBe("passed");
    expect(tests["test/broken.test.mjs::test::test/broken.test.mjs"]).toBe("failed");
  });

  it("jest-junit with file attributes", () => {
    const tests = statuses(parseFixture("jest/jest-junit-file.xml", "jest").inventory);
    expect(tests["test/calc.test.js::add nested::add(2, 3) = 6"]).toBe("failed");
    expect(tests["test/calc.test.js::add::skipped test"]).toBe("skipped");
    expect(tests["test/nested/deep.test.js::deep suite level two::works"]).toBe("passed");
  });

  it("jest-junit's defaults: no file, classname equal to the name", () => {
    const tests = statuses(parseFixture("jest/jest-junit-default.xml", "jest").inventory);
    expect(tests["add::add nested add(2, 3) = 6"]).toBe("failed");
    expect(tests["deep suite::deep suite level two works"]).toBe("passed");
    // jest-junit's known blind spot, and why the jest preset uses jest's JSON: todo reads as a pass.
    expect(tests["add::add handles big ints"]).toBe("passed");
  });
});

describe("parseJUnit variants and errors", () => {
  it("reads a bare <testsuite> root with properties and system-out, nested suites and files", () => {
    const xml = `<?xml version="1.0"?>
<testsuite name="pkg" file="/work/a/b_test.js">
  <properties><property name="x" value="y"/></properties>
  <testcase name="one &amp; two &#10;&#x41;" classname="Outer"><system-out>noise</system-out></testcase>
  <testsuite name="inner"><testcase name="deep"><skipped message="later"/></testcase></testsuite>
  <system-err>more noise</system-err>
</testsuite>`;
    const run = parseJUnit([{ name: "r.xml", content: xml }]);
    expect(statuses(run.inventory)).toEqual({
      "a/b_test.js::Outer::one & two \nA": "passed",
      "a/b_test.js::deep": "skipped",
    });
    expect(run.inventory.tests.get("a/b_test.js::deep")?.message).toBe("later");
  });

  it("merges several files in name order with stable duplicate suffixes", () => {
    const doc = (status: string) =>
      `<testsuites><testsuite><testcase classname="C" name="t">${status}</testcase></testsuite></testsuites>`;
    const a = parseJUnit([
      { name: "b.xml", content: doc("<failure/>") },
      { name: "a.xml", content: doc("") },
    ]);
    const b = parseJUnit([
      { name: "a.xml", content: doc("") },
      { name: "b.xml", content: doc("<failure/>") },
    ]);
    expect(statuses(a.inventory)).toEqual({ "C::t": "passed", "C::t#2": "failed" });
    expect(statuses(b.inventory)).toEqual(statuses(a.inventory));
  });

  it("accepts a byte-order mark", () => {
    const xml = `\uFEFF<?xml version="1.0"?><testsuite><testcase name="t"/></testsuite>`;
    expect(statuses(parseJUnit([{ name: "bom.xml", content: xml }]).inventory)).toEqual({ t: "passed" });
  });

  it("does not expand DOCTYPE entities", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "AAAAAAAAAA">]><testsuites><testsuite><testcase name="&a;"/></testsuite></testsuites>`;
    expect(Object.keys(statuses(parseJUnit([{ name: "e.xml", content: xml }]).inventory))).toEqual(["&a;"]);
  });

  it("rejects a truncated report, naming the file and position", () => {
    const truncated = fixture("pytest/xunit2.xml").slice(0, 2000);
    expect(() => parseJUnit([{ name: "pytest.xml", content: truncated }])).toThrow(GateError);
    expect(() => parseJUnit([{ name: "pytest.xml", content: truncated }])).toThrow(
      /^pytest\.xml: not well-formed XML at line \d+/,
    );
  });

  it("rejects mismatched tags, empty files and other XML", () => {
    expect(() =>
      parseJUnit([
        { name: "m.xml", content: "<testsuites><testsuite><testcase name='x'></testsuite></testsuites>" },
      ]),
    ).toThrow(/m\.xml: not well-formed XML/);
    expect(() => parseJUnit([{ name: "e.xml", content: "  \n" }])).toThrow(/e\.xml: the report is empty/);
    expect(() => parseJUnit([{ name: "h.xml", content: "<html><body/></html>" }])).toThrow(
      /h\.xml: not a JUnit report/,
    );
  });

  it("splits pytest classnames at the first capitalised segment", () => {
    expect(splitPythonClassname("tests.sub.test_x.TestC.Inner")).toEqual({
      module: "tests.sub.test_x",
      cls: "TestC.Inner",
    });
    expect(splitPythonClassname("tests.test_x")).toEqual({ module: "tests.test_x", cls: "" });
    expect(splitPythonClassname("add nested")).toEqual({ module: "", cls: "add nested" });
  });
});

describe("parseJUnit outcomes and structure", () => {
  const one = (body: string, framework?: string) =>
    parseJUnit([{ name: "r.xml", content: `<testsuites><testsuite>${body}</testsuite></testsuites>` }], {
      framework,
    });

  it("decides a testcase by xfail, then the first error, the first failure, the first skip", () => {
    const run = one(
      [
        `<testcase classname="C" name="a"><failure message="f1"/><error message="e1"/><error message="e2"/></testcase>`,
        `<testcase classname="C" name="b"><skipped message="s"/><failure message="f"/><failure message="f2"/></testcase>`,
        `<testcase classname="C" name="c"><failure message="f"/><skipped type="pytest.xfail" message="x"/></testcase>`,
        `<testcase classname="C" name="d"><skipped message="s1"/><skipped message="s2"/></testcase>`,
      ].join(""),
    );
    const got = [...run.inventory.tests.values()].map((t) => [t.id, t.status, t.message]);
    expect(got).toEqual([
      ["C::a", "error", "e1"],
      ["C::b", "failed", "f"],
      ["C::c", "xfail", "x"],
      ["C::d", "skipped", "s1"],
    ]);
  });

  it("keeps the start of a long outcome text, after its leading whitespace", () => {
    const text = `${" \n".repeat(20_000)}first line ${"x".repeat(10_000)}`;
    const message = one(`<testcase name="t"><failure>${text}</failure></testcase>`).inventory.tests.get(
      "t",
    )?.message;
    expect(message?.startsWith("first line xxx")).toBe(true);
    expect(message).toHaveLength(MAX_MESSAGE_CHARS + 1);
  });

  it("reads CDATA text as is and decodes attributes once", () => {
    const run = one(
      `<testcase name=" x &amp;amp; y "><failure message="m &lt;1&gt;"><![CDATA[a < b]]></failure></testcase>`,
    );
    expect(run.inventory.tests.get("x &amp; y")?.message).toBe("m <1>\na < b");
  });

  it("ignores what sits in captured output, properties, unknown elements and nested testcases", () => {
    const run = one(
      [
        `<properties><property name="testcase" value="x"/></properties>`,
        `<testcase name="t"><system-out><failure message="not a failure"/>${"noise ".repeat(100_000)}</system-out>`,
        `<testcase name="inner"/></testcase>`,
        `<other><testcase name="hidden"/></other>`,
        `<system-err><testcase name="hidden2"/></system-err>`,
      ].join(""),
    );
    expect(statuses(run.inventory)).toEqual({ t: "passed" });
  });

  it("adds testcases in document order, also around nested suites", () => {
    const run = one(
      `<testcase classname="C" name="t"/><testsuite name="in"><testcase classname="C" name="t"><failure/></testcase></testsuite><testcase classname="C" name="t"><skipped/></testcase>`,
    );
    expect(statuses(run.inventory)).toEqual({ "C::t": "passed", "C::t#2": "failed", "C::t#3": "skipped" });
    expect([...run.inventory.tests.keys()]).toEqual(["C::t", "C::t#2", "C::t#3"]);
  });

  it("names the malformed file among several", () => {
    const good = `<testsuite><testcase name="t"/></testsuite>`;
    expect(() =>
      parseJUnit([
        { name: "a.xml", content: good },
        { name: "b.xml", content: good.slice(0, -5) },
      ]),
    ).toThrow(/^b\.xml: not well-formed XML at line 1, column \d+: <testsuite> is not closed/);
  });
});

describe("parseJUnit on a very large report", () => {
  it("parses 200,000 testcases with correct counts", () => {
    const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>'];
    for (let s = 0; s < 200; s++) {
      parts.push(`<testsuite name="suite${s}" tests="1000">`);
      for (let i = 0; i < 1000; i++) {
        const k = s * 1000 + i;
        const where = `classname="pkg.mod${s}.TestClass" name="test_case_${k}[p${i}]" time="0.001"`;
        if (k % 10 === 0) {
          parts.push(
            `<testcase ${where}><failure message="assert 1 == 2">${"Traceback line &lt;frame&gt; in some/module/path.py:123\n".repeat(16)}</failure><system-out>${"captured output line\n".repeat(20)}</system-out></testcase>`,
          );
        } else if (k % 10 === 1)
          parts.push(`<testcase ${where}><skipped type="pytest.xfail" message="known"/></testcase>`);
        else if (k % 10 === 2)
          parts.push(`<testcase ${where}><skipped type="pytest.skip" message="later"/></testcase>`);
        else parts.push(`<testcase ${where}/>`);
      }
      parts.push("</testsuite>");
    }
    parts.push("</testsuites>");
    const xml = parts.join("\n");
    expect(xml.length).toBeGreaterThan(45_000_000);
    const started = performance.now();
    const run = parseJUnit([{ name: "huge.xml", content: xml }], { framework: "pytest" });
    const elapsed = performance.now() - started;
    expect(countInventory(run.inventory)).toEqual({
      total: 200_000,
      passed: 140_000,
      failed: 20_000,
      error: 0,
      skipped: 20_000,
      xfail: 20_000,
    });
    expect(run.inventory.tests.get("pkg/mod199.py::TestClass::test_case_199990[p990]")?.status).toBe(
      "failed",
    );
    expect(elapsed).toBeLessThan(60_000);
  }, 120_000);
});
