/**
 * Static scan of the diff's added lines for skip, expected-failure, todo and focus markers (cheat
 * catalogue T2, T3, T4, T6). The inventory comparison sees most of them at run time; this scan also
 * catches what a runner reports as a pass (vitest's `test.fails`, Rust's `#[should_panic]`) and says
 * where the marker is.
 *
 * `skip-marker` is fail (warn when the contract allows new skips); `focus-marker` is always fail,
 * since `.only` silently drops every other test.
 */
import type { Finding, FindingKind, Severity } from "../model/finding.js";
import { finding } from "../model/finding.js";
import type { TestLanguage } from "./test-files.js";
import { isTestFile, languageOf } from "./test-files.js";

export interface AddedLine {
  path: string;
  line: number;
  text: string;
}

export interface MarkerOptions {
  allowNewSkips?: boolean;
}

interface Marker {
  kind: Extract<FindingKind, "skip-marker" | "focus-marker">;
  pattern: RegExp;
  what: string;
}

const JS_TEST_FN = "(?:it|test|describe|suite|context|specify|bench)";
/** A doc comment's code fence with a no_run or ignore attribute (`/// ```no_run`, `//! ```rust,ignore`). */
const RUST_DOC_FENCE = /^\s*\/\/[/!]\s*(?:```|~~~)[\w, \t]*?\b(no_run|ignore|should_panic|compile_fail)\b/;

const MARKERS: Readonly<Record<TestLanguage, readonly Marker[]>> = {
  python: [
    { kind: "skip-marker", pattern: /\bpytest\.mark\.(skip|skipif|xfail)\b/, what: "pytest.mark.$1" },
    { kind: "skip-marker", pattern: /\bpytest\.(skip|xfail|importorskip)\s*\(/, what: "pytest.$1()" },
    {
      kind: "skip-marker",
      pattern: /\b(?:raise\s+(?:unittest\.)?SkipTest\b|SkipTest\s*\()/,
      what: "SkipTest",
    },
    {
      kind: "skip-marker",
      pattern: /@(?:unittest\.)?(skip|skipIf|skipUnless|expectedFailure)\b/,
      what: "@unittest.$1",
    },
    { kind: "skip-marker", pattern: /\.skipTest\s*\(/, what: "skipTest()" },
  ],
  js: [
    {
      kind: "skip-marker",
      pattern: new RegExp(`\\b${JS_TEST_FN}\\.(skip|todo|failing|fails|skipIf|runIf)\\b`),
      what: ".$1",
    },
    { kind: "skip-marker", pattern: /\b(xit|xdescribe|xtest|xcontext|xspecify)\s*\(/, what: "$1()" },
    { kind: "skip-marker", pattern: /\b(?:this|t|ctx|context)\.(skip|todo)\s*\(/, what: "$1()" },
    {
      kind: "skip-marker",
      pattern: /[{,]\s*(skip|todo)\s*:(?!\s*(?:false|0|undefined|null)\b)/,
      what: "{ $1: … } option",
    },
    { kind: "focus-marker", pattern: new RegExp(`\\b${JS_TEST_FN}\\.only\\b`), what: ".only" },
    { kind: "focus-marker", pattern: /\b(fit|fdescribe|ftest)\s*\(/, what: "$1()" },
    { kind: "focus-marker", pattern: /[{,]\s*only\s*:\s*true\b/, what: "{ only: true } option" },
  ],
  go: [
    { kind: "skip-marker", pattern: /\b\w+\.(Skip|SkipNow|Skipf)\s*\(/, what: "$1()" },
    {
      kind: "skip-marker",
      pattern: /^\s*\/\/\s*(?:go:build|\+build)\b.*\bignore\b/,
      what: "a build constraint that excludes the file",
    },
  ],
  rust: [
    { kind: "skip-marker", pattern: /#\[\s*ignore\b/, what: "#[ignore]" },
    { kind: "skip-marker", pattern: /#\[\s*should_panic\b/, what: "#[should_panic]" },
    // A doctest fence marked no_run is compiled but never run, ignore is not even compiled, and
    // should_panic or compile_fail turn a failing example into a passing one.
    { kind: "skip-marker", pattern: RUST_DOC_FENCE, what: "a $1 doctest" },
    {
      kind: "skip-marker",
      pattern:
        /#\[\s*cfg\s*\(\s*(?:any\s*\(\s*\)|not\s*\(\s*test\s*\)|all\s*\(\s*test\s*,\s*any\s*\(\s*\)\s*\))\s*\)\s*\]/,
      what: "a #[cfg(…)] that compiles the tests out",
    },
  ],
};

/** `--test-only` makes node:test honour `only`; it lives in scripts and CI files, not test files. */
const TEST_ONLY_FLAG: Marker = { kind: "focus-marker", pattern: /--test-only\b/, what: "--test-only" };
const FLAG_FILES = /(?:^|\/)(?:package\.json|Makefile|makefile|GNUmakefile|[^/]*\.(?:mk|sh|ya?ml))$/;

/** Whether added lines of `path` can hold a marker at all: test files, and where `--test-only` lives. */
export function mayHoldMarkers(path: string): boolean {
  return isTestFile(path) || FLAG_FILES.test(path);
}

export function scanMarkers(addedLines: readonly AddedLine[], options: MarkerOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const added of addedLines) {
    for (const marker of markersFor(added.path)) {
      if (isComment(added.text, added.path)) continue;
      const match = marker.pattern.exec(added.text);
      if (match === null) continue;
      const what = marker.what.replace("$1", match[1] ?? "");
      const severity: Severity =
        marker.kind === "skip-marker" && options.allowNewSkips === true ? "warn" : "fail";
      const verb = markerNoun(marker.kind, what);
      findings.push(
        finding(marker.kind, severity, `Added ${verb} in ${added.path}:${added.line}: ${what}`, {
          path: added.path,
          line: added.line,
        }),
      );
    }
  }
  return findings;
}

/** What the marker does, in the finding's words: they share a kind, not a meaning. */
function markerNoun(kind: Marker["kind"], what: string): string {
  if (kind === "focus-marker") return "focus marker (runs only the marked tests)";
  if (/no_run|ignore doctest/.test(what)) return "skip marker (the doctest is not run)";
  if (/fail|should_panic/i.test(what)) return "expected-failure marker (the test passes when its body fails)";
  if (/todo/.test(what)) return "todo marker";
  return "skip marker";
}

function markersFor(path: string): readonly Marker[] {
  if (FLAG_FILES.test(path)) return [TEST_ONLY_FLAG];
  const language = languageOf(path);
  if (language === undefined || !isTestFile(path)) return [];
  return language === "js" ? [...MARKERS.js, TEST_ONLY_FLAG] : MARKERS[language];
}

/** A commented-out marker does nothing; `//go:build` and `#[…]` are directives, not comments. */
function isComment(text: string, path: string): boolean {
  const trimmed = text.trimStart();
  const language = languageOf(path);
  if (language === "python") return trimmed.startsWith("#");
  if (language === "go") return trimmed.startsWith("//") && !/^\/\/\s*(?:go:build|\+build)/.test(trimmed);
  // Rust doc comments hold doctests: their fences are code, not commentary.
  if (language === "rust" && RUST_DOC_FENCE.test(text)) return false;
  if (language === "js" || language === "rust") return trimmed.startsWith("//") || trimmed.startsWith("*");
  return false;
}
