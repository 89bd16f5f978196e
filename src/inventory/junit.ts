/**
 * JUnit XML, as written by pytest (xunit1 and xunit2), the unittest recorder (`unittest-support.ts`),
 * jest-junit, vitest, mocha's xunit reporter, mocha-junit-reporter, node:test and go-junit-report:
 * `<testsuites>` or a bare `<testsuite>` root, nested suites, testcases directly under the root
 * (node:test), `<failure>`, `<error>`, `<skipped>` (with pytest's `type="pytest.xfail"` and
 * node:test's `type="todo"` read as xfail).
 */
import type { IdOptions, NewTest } from "./builder.js";
import { DEFAULT_ROOTS, InventoryBuilder, normalizeFile } from "./builder.js";
import type { Attributes, Outcome } from "./junit-reader.js";
import { readJUnit } from "./junit-reader.js";
import type { ParsedRun, TestStatus } from "./model.js";
import { decodeEntities } from "./xml-stream.js";

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
  /**
   * The place of the last testcase read without a `file` attribute: a report lists a class's tests
   * one after the other, so most testcases reuse it (and share its strings) instead of splitting the
   * classname again.
   */
  last: { scope: Scope; classname: string; place: Place } | undefined;
}

interface Scope {
  readonly file: string | undefined;
  /** The names of the enclosing suites, joined with " > " (the suite of a test with no file). */
  readonly suites: string;
}

/** Where a testcase belongs, from its classname and file, before its name is looked at. */
interface Place {
  readonly file: string | undefined;
  readonly classname: string;
}

/**
 * Parses every report file of one run into one inventory. Files are read in name order so repeated
 * ids get the same `#n` suffixes on base and head; within a file, testcases are added in document
 * order. Throws GateError for an empty or malformed file (see `xml-stream.ts`).
 */
export function parseJUnit(files: readonly ReportFile[], options: JUnitOptions = {}): ParsedRun {
  const framework = options.framework ?? "junit";
  const builder = new InventoryBuilder(framework);
  const roots = options.roots ?? DEFAULT_ROOTS;
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    const context: Context = { builder, roots, framework, source: file.name, last: undefined };
    const root: Scope = { file: undefined, suites: "" };
    readJUnit(file.name, file.content, root, {
      suite: (attributes, parent) => enter(context, attributes, parent),
      testcase: (attributes, scope, status, outcome) => addCase(context, attributes, scope, status, outcome),
    });
  }
  return { inventory: builder.build(), facts: { seen: builder.size, incomplete: [] } };
}

/** An attribute value as the report means it: surrounding whitespace dropped, entities decoded. */
function clean(value: string | undefined): string | undefined {
  return value === undefined ? undefined : decodeEntities(value.trim());
}

function enter(context: Context, suite: Attributes, scope: Scope): Scope {
  const name = clean(suite.name);
  const file = clean(suite.file);
  const suites =
    name === undefined || name === ""
      ? scope.suites
      : scope.suites === ""
        ? name
        : `${scope.suites} > ${name}`;
  return {
    file: file !== undefined && file !== "" ? normalizeFile(file, context.roots) : scope.file,
    suites,
  };
}

function addCase(
  context: Context,
  testcase: Attributes,
  scope: Scope,
  status: TestStatus,
  outcome: Outcome | undefined,
): void {
  const name = clean(testcase.name);
  if (name === undefined || name === "") {
    context.builder.problem(`${context.source}: a <testcase> without a name was ignored`);
    return;
  }
  const test = locate(context, testcase, scope, name);
  test.status = status;
  if (outcome !== undefined) test.message = describe(outcome);
  const seconds = Number(clean(testcase.time));
  if (Number.isFinite(seconds)) test.durationMs = seconds * 1000;
  context.builder.add(test);
}

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?|py|go|rs|rb|java|kt|cs|php|swift)$/;

const DOTTED = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/;

function locate(context: Context, testcase: Attributes, scope: Scope, name: string): NewTest {
  const { file, classname } = placeOf(context, testcase, scope);
  if (context.framework === "pytest" && classname === "" && file === undefined && DOTTED.test(name)) {
    // A collection error: pytest names the module (`tests.test_x`) and leaves classname empty.
    return { file: `${name.replaceAll(".", "/")}.py`, suite: "", name: "(collection)", status: "passed" };
  }
  // jest-junit's default classname repeats the test name.
  const cls = classname === name ? "" : classname;
  const suite = cls !== "" ? cls : file === undefined ? scope.suites : "";
  return { file, suite, name, status: "passed" };
}

function placeOf(context: Context, testcase: Attributes, scope: Scope): Place {
  const fileAttribute = clean(testcase.file);
  if (fileAttribute !== undefined && fileAttribute !== "") {
    return place(context, normalizeFile(fileAttribute, context.roots), clean(testcase.classname) ?? "");
  }
  const raw = testcase.classname ?? "";
  const last = context.last;
  if (last?.scope === scope && last.classname === raw) return last.place;
  const found = place(context, scope.file, clean(testcase.classname) ?? "");
  context.last = { scope, classname: raw, place: found };
  return found;
}

function place(context: Context, fileFrom: string | undefined, classnameAttribute: string): Place {
  let file = fileFrom;
  let classname = classnameAttribute;
  // vitest names the file in `classname`.
  if (file === undefined && SOURCE_EXTENSION.test(classname)) file = normalizeFile(classname, context.roots);
  if (file !== undefined && normalizeFile(classname, context.roots) === file) classname = "";
  if (context.framework === "pytest" || (context.framework === "unittest" && file !== undefined)) {
    const split = splitPythonClassname(classname);
    if (file === undefined && split.module !== "") file = `${split.module.replaceAll(".", "/")}.py`;
    classname = split.cls;
  }
  return { file, classname };
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

/** The outcome's message attribute and its text, as one message. */
function describe(outcome: Outcome): string | undefined {
  const message = clean(outcome.attributes.message);
  const raw = outcome.text.trimEnd();
  const text = raw === "" ? undefined : decodeEntities(raw);
  // node:test writes message="true" for a bare { skip: true }.
  if (message !== undefined && message !== "" && message !== "true") {
    return text !== undefined && !text.startsWith(message) ? `${message}\n${text}` : (text ?? message);
  }
  return text;
}
