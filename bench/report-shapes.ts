/**
 * Large test reports in the shapes real runners write (see test/fixtures/reports/): a pytest xunit2
 * JUnit file (one line, as pytest writes it; captured output on some cases, as with
 * `junit_logging = system-out`) and a `go test -json` stream (test2json events, subtests, package
 * summaries). A base variant of each holds the same tests with a few status changes, two tests the
 * head removed and without two the head added, so the comparison has findings to make.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export type Side = "base" | "head";
type Status = "passed" | "failed" | "skipped";

/** The status of test `i` of `n` on one side: the head's, except a few that the PR changed. */
function statusOf(i: number, side: Side): Status {
  if (side === "base") {
    if (i % 40_000 === 1) return "failed"; // fixed by the PR
    if (i % 50_000 === 2) return "passed"; // newly skipped at head
    if (i % 50_000 === 4) return "passed"; // regressed at head
  } else {
    if (i % 50_000 === 2) return "skipped";
    if (i % 50_000 === 4) return "failed";
  }
  if (i % 100 === 7) return "skipped";
  if (i % 500 === 13) return "failed";
  return "passed";
}

/** Test indexes of a side: 0…n-1, plus two only the base has and two only the head has. */
function indexes(n: number, side: Side): number[] {
  const extra = side === "base" ? [n, n + 1] : [n + 2, n + 3];
  return [...Array.from({ length: n }, (_, i) => i), ...extra];
}

/** Writes `chunks` to `path` without holding the whole file in memory. */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let buffered: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    buffered.push(chunk);
    size += chunk.length;
    if (size > 1 << 20) {
      bytes += Buffer.byteLength(buffered.join(""));
      if (!out.write(buffered.join(""))) await once(out, "drain");
      buffered = [];
      size = 0;
    }
  }
  bytes += Buffer.byteLength(buffered.join(""));
  out.end(buffered.join(""));
  await once(out, "finish");
  return bytes;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

// ─── JUnit (pytest xunit2) ───────────────────────────────────────────────────

function* junitChunks(n: number, side: Side): Generator<string> {
  const ids = indexes(n, side);
  const counts = { failures: 0, skipped: 0 };
  for (const i of ids) {
    const s = statusOf(i, side);
    if (s === "failed") counts.failures += 1;
    if (s === "skipped") counts.skipped += 1;
  }
  yield '<?xml version="1.0" encoding="utf-8"?><testsuites>';
  yield `<testsuite name="pytest" errors="0" failures="${String(counts.failures)}" skipped="${String(counts.skipped)}" tests="${String(ids.length)}" time="${(ids.length * 0.004).toFixed(3)}" timestamp="2026-11-22T07:49:40.571398" hostname="runner-2core">`;
  for (const i of ids) yield junitCase(i, statusOf(i, side));
  yield "</testsuite></testsuites>";
}

function junitCase(i: number, status: Status): string {
  const pkg = pad(Math.floor(i / 1000), 3);
  const module = pad(Math.floor(i / 50) % 20, 2);
  const classname = `tests.pkg_${pkg}.integration.test_feature_${module}.TestBehaviourOfComponent${String(Math.floor(i / 10) % 5)}`;
  const name =
    i % 4 === 0 ? `test_handles_input[case-${pad(i, 6)}-utf8]` : `test_case_${pad(i, 6)}_does_what_it_says`;
  const time = ((i % 97) / 1000).toFixed(3);
  const open = `<testcase classname="${classname}" name="${name}" time="${time}"`;
  const out =
    i % 10 === 3
      ? `<system-out>${Array.from({ length: 12 }, (_, k) => `2026-11-22 07:49:${pad(k, 2)} INFO component.worker: processed batch ${String(k)} of case ${String(i)} in 0.${pad(k * 7, 3)}s`).join("\n")}</system-out>`
      : "";
  switch (status) {
    case "passed":
      return out === "" ? `${open} />` : `${open}>${out}</testcase>`;
    case "skipped":
      return `${open}><skipped type="pytest.skip" message="needs the staging database">/work/tests/pkg_${pkg}/integration/test_feature_${module}.py:${String(10 + (i % 300))}: needs the staging database</skipped>${out}</testcase>`;
    case "failed":
      return `${open}><failure message="assert {&apos;id&apos;: ${String(i)}, &apos;ok&apos;: False} == {&apos;id&apos;: ${String(i)}, &apos;ok&apos;: True}">def test_case():
        result = component.run(${String(i)})
&gt;       assert result == {"id": ${String(i)}, "ok": True}
E       AssertionError: assert {'id': ${String(i)}, 'ok': False} == {'id': ${String(i)}, 'ok': True}
E         Differing items:
E         {'ok': False} != {'ok': True}
E         Use -v to get more diff

tests/pkg_${pkg}/integration/test_feature_${module}.py:${String(10 + (i % 300))}: AssertionError</failure>${out}</testcase>`;
  }
}

export function writeJUnit(path: string, n: number, side: Side): Promise<number> {
  return writeChunks(path, junitChunks(n, side));
}

// ─── go test -json (test2json) ──────────────────────────────────────────────

const PER_PACKAGE = 1000;
/** Every 20 tests: a parent with 3 subtests, then 16 plain tests. */
const GROUP = 20;

function* goChunks(n: number, side: Side): Generator<string> {
  let clock = Date.parse("2026-11-22T07:50:06.000Z") * 1000;
  const time = (): string => {
    clock += 3 + (clock % 7);
    const iso = new Date(Math.floor(clock / 1000)).toISOString();
    return `${iso.slice(0, 19)}.${pad(clock % 1_000_000, 6)}123Z`;
  };
  const event = (pkg: string, action: string, test?: string, extra = ""): string =>
    `{"Time":"${time()}","Action":"${action}","Package":"${pkg}"${test === undefined ? "" : `,"Test":"${test}"`}${extra}}\n`;
  const output = (pkg: string, text: string, test?: string): string =>
    event(pkg, "output", test, `,"Output":${JSON.stringify(text)}`);

  const ids = indexes(n, side);
  for (let start = 0; start < ids.length; start += PER_PACKAGE) {
    const slice = ids.slice(start, start + PER_PACKAGE);
    const pkg = `example.com/platform/services/pkg${pad(Math.floor(start / PER_PACKAGE), 3)}`;
    let failed = false;
    let parts: string[] = [];
    for (const i of slice) {
      const status = statusOf(i, side);
      if (status === "failed") failed = true;
      const inGroup = i % GROUP;
      if (i >= n) {
        parts.push(...goTest(pkg, `TestExtra${pad(i, 6)}`, status, output, event));
      } else if (inGroup === 0) {
        // The parent's own result comes after its subtests', as `go test` prints them.
        const parent = `TestGroup${pad(i, 6)}`;
        parts.push(event(pkg, "run", parent), output(pkg, `=== RUN   ${parent}\n`, parent));
        for (let k = 1; k <= 3 && i + k < n; k++) {
          parts.push(...goTest(pkg, `${parent}/case_${String(k)}`, statusOf(i + k, side), output, event));
        }
        // A parent fails when one of its subtests does.
        const subFailed = [1, 2, 3].some((k) => i + k < n && statusOf(i + k, side) === "failed");
        const own = subFailed ? "failed" : status;
        if (own === "failed") failed = true;
        const verb = own === "failed" ? "FAIL" : own === "skipped" ? "SKIP" : "PASS";
        const action = own === "failed" ? "fail" : own === "skipped" ? "skip" : "pass";
        parts.push(
          output(pkg, `--- ${verb}: ${parent} (0.01s)\n`, parent),
          event(pkg, action, parent, ',"Elapsed":0.01'),
        );
      } else if (inGroup > 3) {
        parts.push(...goTest(pkg, `TestCase${pad(i, 6)}`, status, output, event));
      }
      yield parts.join("");
      parts = [];
    }
    const elapsed = (0.1 + (start % 997) / 1000).toFixed(3);
    yield failed
      ? output(pkg, "FAIL\n") +
        output(pkg, `FAIL\t${pkg}\t${elapsed}s\n`) +
        event(pkg, "fail", undefined, `,"Elapsed":${elapsed}`)
      : output(pkg, "PASS\n") +
        output(pkg, `ok  \t${pkg}\t${elapsed}s\n`) +
        event(pkg, "pass", undefined, `,"Elapsed":${elapsed}`);
  }
}

function goTest(
  pkg: string,
  test: string,
  status: Status,
  output: (pkg: string, text: string, test?: string) => string,
  event: (pkg: string, action: string, test?: string, extra?: string) => string,
): string[] {
  const indent = test.includes("/") ? "    " : "";
  const lines = [event(pkg, "run", test), output(pkg, `=== RUN   ${test}\n`, test)];
  switch (status) {
    case "passed":
      lines.push(
        output(pkg, `${indent}--- PASS: ${test} (0.00s)\n`, test),
        event(pkg, "pass", test, ',"Elapsed":0'),
      );
      break;
    case "skipped":
      lines.push(
        output(pkg, `${indent}    service_test.go:41: needs the staging database\n`, test),
        output(pkg, `${indent}--- SKIP: ${test} (0.00s)\n`, test),
        event(pkg, "skip", test, ',"Elapsed":0'),
      );
      break;
    case "failed":
      lines.push(
        output(
          pkg,
          `${indent}    service_test.go:88: Handle() = {ID:7 OK:false}, want {ID:7 OK:true}\n`,
          test,
        ),
        output(pkg, `${indent}--- FAIL: ${test} (0.00s)\n`, test),
        event(pkg, "fail", test, ',"Elapsed":0'),
      );
      break;
  }
  return lines;
}

export function writeGoJson(path: string, n: number, side: Side): Promise<number> {
  return writeChunks(path, goChunks(n, side));
}
