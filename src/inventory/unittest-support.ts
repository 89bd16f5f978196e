/**
 * The unittest preset's result recorder. Python's unittest has no machine-readable reporter and
 * `xmlrunner` is not packaged by Debian, so the gate writes this file as `sitecustomize.py` into a
 * directory it puts first on PYTHONPATH (see `presets.ts`). Python imports it at start-up in every
 * process; it wraps `unittest.TestResult` and `unittest.TextTestRunner.run`, so `python -m unittest`,
 * `unittest.main()` and `make test` all write `unittest-<pid>.xml` into `$LOOPHOLE_REPORTS` when
 * their run ends. A process that exits early (`os._exit(0)`) writes nothing: the gate then sees no
 * results, never a pass.
 *
 * Kept free of imports and type syntax so `scripts/make-report-fixtures.sh` can load it with plain
 * Node.
 */
export const UNITTEST_SITECUSTOMIZE = String.raw`# Written by loophole into its report directory and loaded through PYTHONPATH as sitecustomize:
# records every unittest result and writes JUnit XML into $LOOPHOLE_REPORTS when a
# unittest.TextTestRunner run ends (python -m unittest, unittest.main(), custom scripts alike).
# A process that dies before the run ends writes nothing, which the gate reports as missing results.
import os
import sys


def _loophole_chain():
    # Keep the behaviour of any other sitecustomize on the path (Debian ships one).
    import importlib.machinery
    import importlib.util

    here = os.path.dirname(os.path.abspath(__file__))
    path = [p for p in sys.path if os.path.abspath(p or ".") != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", path)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


def _loophole_install(out_dir):
    import re
    import time
    import unittest
    import xml.etree.ElementTree as ET

    records = []
    by_key = {}
    invalid = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

    def clean(text):
        return invalid.sub("\ufffd", str(text))

    def describe(test):
        method = getattr(test, "_testMethodName", None)
        if method is None:
            # setUpClass/setUpModule failures arrive as _ErrorHolder objects.
            return "", str(getattr(test, "description", None) or test.id()), None
        cls = type(test)
        module = sys.modules.get(cls.__module__)
        path = getattr(module, "__file__", None)
        if cls.id is not unittest.TestCase.id:
            # Doctest cases and FunctionTestCase all run "runTest" and name themselves through id():
            # by method name alone, swapping one doctest file for another would keep every id.
            method = str(test.id())
            path = getattr(getattr(test, "_dt_test", None), "filename", None) or path
        if path:
            try:
                path = os.path.relpath(path)
            except ValueError:
                path = None
            # Files outside the working tree (unittest's own loader, for import errors) name no test file.
            if path is not None and (path == ".." or path.startswith(".." + os.sep)):
                path = None
        return cls.__module__ + "." + cls.__qualname__, method, path

    def entry(test):
        record = by_key.get(id(test))
        if record is None or record["test"] is not test:
            classname, name, path = describe(test)
            record = {"test": test, "classname": classname, "name": name, "file": path,
                      "status": None, "message": "", "summary": None, "start": time.perf_counter(),
                      "time": 0.0}
            by_key[id(test)] = record
            records.append(record)
        return record

    def mark(test, status, message, err=None):
        record = entry(test)
        # A failing subtest already decided the outcome; a later addSuccess must not undo it.
        if record["status"] in ("failed", "error") and status == "passed":
            return
        record["status"] = status
        record["message"] = message
        record["summary"] = summary(err)

    def summary(err):
        # The exception's own first line ("AssertionError: 'a' != 'b'"), not the traceback's last
        # line, which for a multi-line assertEqual diff is a "?   ^" hint.
        if err is None:
            return None
        try:
            import traceback
            lines = "".join(traceback.format_exception_only(err[0], err[1])).strip().splitlines()
            return lines[0] if lines else None
        except Exception:  # noqa: BLE001 - fall back to the traceback's last line
            return None

    base = unittest.TestResult
    original = {name: getattr(base, name) for name in (
        "startTest", "stopTest", "addSuccess", "addFailure", "addError", "addSkip",
        "addExpectedFailure", "addUnexpectedSuccess", "addSubTest")}

    def startTest(self, test):
        entry(test)
        return original["startTest"](self, test)

    def stopTest(self, test):
        record = entry(test)
        record["time"] = time.perf_counter() - record["start"]
        return original["stopTest"](self, test)

    def addSuccess(self, test):
        mark(test, "passed", "")
        return original["addSuccess"](self, test)

    def addFailure(self, test, err):
        mark(test, "failed", self._exc_info_to_string(err, test), err)
        return original["addFailure"](self, test, err)

    def addError(self, test, err):
        mark(test, "error", self._exc_info_to_string(err, test), err)
        return original["addError"](self, test, err)

    def addSkip(self, test, reason):
        mark(test, "skipped", reason)
        return original["addSkip"](self, test, reason)

    def addExpectedFailure(self, test, err):
        mark(test, "xfail", self._exc_info_to_string(err, test), err)
        return original["addExpectedFailure"](self, test, err)

    def addUnexpectedSuccess(self, test):
        mark(test, "failed", "unexpected success (the test is marked expectedFailure)")
        return original["addUnexpectedSuccess"](self, test)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            status = "failed" if issubclass(err[0], test.failureException) else "error"
            mark(test, status, str(subtest) + "\n" + self._exc_info_to_string(err, test), err)
        return original["addSubTest"](self, test, subtest, err)

    for name, function in (("startTest", startTest), ("stopTest", stopTest), ("addSuccess", addSuccess),
                           ("addFailure", addFailure), ("addError", addError), ("addSkip", addSkip),
                           ("addExpectedFailure", addExpectedFailure),
                           ("addUnexpectedSuccess", addUnexpectedSuccess), ("addSubTest", addSubTest)):
        setattr(base, name, function)

    target = os.path.join(out_dir, "unittest-%d.xml" % os.getpid())
    tags = {"failed": "failure", "error": "error", "skipped": "skipped", "xfail": "skipped"}

    def write():
        root = ET.Element("testsuites")
        suite = ET.SubElement(root, "testsuite", {"name": "unittest", "tests": str(len(records))})
        for record in records:
            attrs = {"classname": clean(record["classname"]), "name": clean(record["name"]),
                     "time": "%.6f" % record["time"]}
            if record["file"]:
                attrs["file"] = clean(record["file"])
            case = ET.SubElement(suite, "testcase", attrs)
            status = record["status"]
            message = record["message"]
            if status is None:
                status, message = "error", "the test started but reported no outcome"
            tag = tags.get(status)
            if tag is None:
                continue
            first = record["summary"] or (message.strip().splitlines()[-1] if message.strip() else "")
            child = ET.SubElement(case, tag, {"message": clean(first)[:1000]})
            if status == "xfail":
                child.set("type", "xfail")
            if message:
                child.text = clean(message)
        data = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
        partial = target + ".partial"
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(partial, target)

    run = unittest.TextTestRunner.run

    def run_and_write(self, test):
        try:
            return run(self, test)
        finally:
            try:
                write()
            except Exception as error:  # noqa: BLE001 - the gate reports the missing file
                sys.stderr.write("loophole: could not write %s: %s\n" % (target, error))

    unittest.TextTestRunner.run = run_and_write


try:
    _loophole_chain()
finally:
    if os.environ.get("LOOPHOLE_REPORTS"):
        _loophole_install(os.environ["LOOPHOLE_REPORTS"])
`;
