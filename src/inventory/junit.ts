/**
 * JUnit XML, as written by pytest (xunit1 and xunit2), the unittest recorder (`unittest-support.ts`),
 * jest-junit, vitest, mocha's xunit reporter, mocha-junit-reporter, node:test and go-junit-report:
 * `<testsuites>` or a bare `<testsuite>` root, nested suites, testcases directly under the root
 * (node:test), `<failure>`, `<error>`, `<skipped>` (with pytest's `type="pytest.xfail"` and
 * node:test's `type="todo"` read as xfail).
 */
import { GateError } from "../core/errors.js";
import type { IdOptions } from "./builder.js";
import { DEFAULT_ROOTS, InventoryBuilder, normalizeFile } from "./builder.js";
import type { ParsedRun, TestStatus } from "./model.js";
import type { XmlNode } from "./xml.js";
import { attribute, childNodes, isNode, parseXmlReport, textOf } from "./xml.js";

export interface ReportFile {
  /** Shown in errors and problems: the file name inside the report directory. */
  name: string;
  content: string;
}

export interface JUnitOptions extends IdOptions {
  /**
   * The contract's framework. For pytest the test file is derived from the dotted `classname`
   * (`tests.sub.test_x.TestC` → `tests/sub/test_x.py`, suite `TestC`) when the report has no
   * `file` attribute (xunit2, pytest's default).
   */
  framework?: string;
}

interface Context {
  readonly builder: InventoryBuilder;
  readonly roots: readonly string[];
  readonly framework: string;
  readonly source: string;
}

interface Scope {
  readonly file: string | undefined;
  readonly suites: readonly string[];
}

/**
 * Parses every report file of one run into one inventory. Files are read in name order so repeated
 * ids get the same `#n` suffixes on base and head. Throws GateError for a malformed file.
 */
export function parseJUnit(files: readonly ReportFile[], options: JUnitOptions = {}): ParsedRun {
  const framework = options.framework ?? "junit";
  const builder = new InventoryBuilder(framework);
  const roots = options.roots ?? DEFAULT_ROOTS;
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    const doc = parseXmlReport(file.name, file.content);
    const context: Context = { builder, roots, framework, source: file.name };
    const root: Scope = { file: undefined, suites: [] };
    if (doc.testsuites !== undefined) {
      const top = isNode(doc.testsuites) ? doc.testsuites : {};
      walkSuite(context, top, root);
    } else if (doc.testsuite !== undefined) {
      for (const suite of childNodes(doc, "testsuite"))
        walkSuite(context, suite, enter(context, suite, root));
    } else {
      throw new GateError(`${file.name}: not a JUnit report (no <testsuites> or <testsuite> root element)`);
    }
  }
  return { inventory: builder.build(), facts: { seen: builder.size, incomplete: [] } };
}

function enter(context: Context, suite: XmlNode, scope: Scope): Scope {
  const name = attribute(suite, "name");
  const file = attribute(suite, "file");
  return {
    file: file !== undefined && file !== "" ? normalizeFile(file, context.roots) : scope.file,
    suites: name !== undefined && name !== "" ? [...scope.suites, name] : scope.suites,
  };
}

function walkSuite(context: Context, node: XmlNode, scope: Scope): void {
  for (const testcase of childNodes(node, "testcase")) addCase(context, testcase, scope);
  for (const child of childNodes(node, "testsuite")) walkSuite(context, child, enter(context, child, scope));
}

function addCase(context: Context, testcase: XmlNode, scope: Scope): void {
  const name = attribute(testcase, "name");
  if (name === undefined || name === "") {
    context.builder.problem(`${context.source}: a <testcase> without a name was ignored`);
    return;
  }
  const where = locate(context, testcase, scope, name);
  const { status, message } = statusOf(testcase);
  const seconds = Number(attribute(testcase, "time"));
  context.builder.add({
    ...where,
    status,
    message,
    durationMs: Number.isFinite(seconds) ? seconds * 1000 : undefined,
  });
}

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?|py|go|rs|rb|java|kt|cs|php|swift)$/;

const DOTTED = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/;

function locate(
  context: Context,
  testcase: XmlNode,
  scope: Scope,
  name: string,
): { file?: string; suite?: string; name: string } {
  const fileAttribute = attribute(testcase, "file");
  let file =
    fileAttribute !== undefined && fileAttribute !== ""
      ? normalizeFile(fileAttribute, context.roots)
      : scope.file;
  let classname = attribute(testcase, "classname") ?? "";
  // vitest names the file in `classname`.
  if (file === undefined && SOURCE_EXTENSION.test(classname)) file = normalizeFile(classname, context.roots);
  if (file !== undefined && normalizeFile(classname, context.roots) === file) classname = "";
  if (context.framework === "pytest" && classname === "" && file === undefined && DOTTED.test(name)) {
    // A collection error: pytest names the module (`tests.test_x`) and leaves classname empty.
    return { file: `${name.replaceAll(".", "/")}.py`, suite: "", name: "(collection)" };
  }
  if (context.framework === "pytest" || (context.framework === "unittest" && file !== undefined)) {
    const split = splitPythonClassname(classname);
    if (file === undefined && split.module !== "") file = `${split.module.replaceAll(".", "/")}.py`;
    classname = split.cls;
  }
  // jest-junit's default classname repeats the test name.
  if (classname === name) classname = "";
  const suite = classname !== "" ? classname : file === undefined ? scope.suites.join(" > ") : "";
  return { file, suite, name };
}

/**
 * `tests.sub.test_x.TestC.TestInner` → module `tests.sub.test_x`, class `TestC.TestInner`: the class
 * starts at the first segment that begins with a capital letter (pytest collects `Test*` classes).
 */
export function splitPythonClassname(classname: string): { module: string; cls: string } {
  if (!DOTTED.test(classname)) return { module: "", cls: classname };
  const segments = classname.split(".");
  const index = segments.findIndex((segment) => /^[A-Z]/.test(segment));
  if (index === -1) return { module: classname, cls: "" };
  return { module: segments.slice(0, index).join("."), cls: segments.slice(index).join(".") };
}

const XFAIL_TYPE = /xfail|todo|expected.?fail/i;

function statusOf(testcase: XmlNode): { status: TestStatus; message?: string } {
  const skipped = childNodes(testcase, "skipped");
  const errors = childNodes(testcase, "error");
  const failures = childNodes(testcase, "failure");
  // node:test reports a failing todo test with both <skipped type="todo"> and <failure>: a todo.
  const xfail = skipped.find((node) => XFAIL_TYPE.test(attribute(node, "type") ?? ""));
  if (xfail !== undefined) return { status: "xfail", message: describe(xfail) };
  const error = errors[0];
  if (error !== undefined) return { status: "error", message: describe(error) };
  const failure = failures[0];
  if (failure !== undefined) return { status: "failed", message: describe(failure) };
  const skip = skipped[0];
  if (skip !== undefined) return { status: "skipped", message: describe(skip) };
  return { status: "passed" };
}

function describe(node: XmlNode): string | undefined {
  const message = attribute(node, "message");
  const text = textOf(node);
  // node:test writes message="true" for a bare { skip: true }.
  if (message !== undefined && message !== "" && message !== "true") {
    return text !== undefined && text !== "" && !text.startsWith(message)
      ? `${message}\n${text}`
      : (text ?? message);
  }
  return text;
}
