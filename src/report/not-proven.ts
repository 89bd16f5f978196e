/**
 * What a passing gate does not prove. The base list names the ways to cheat that no check here can
 * see (class e of `reference/cheats.md`): the tests pass by construction, so only hidden tests,
 * mutation testing or a reviewer can catch them. The builders add what a particular run relaxed or
 * skipped. Every report carries at least the base list.
 */
import type { NotProven } from "../model/report.js";

/** Stable `kind` keys: they are part of the JSON report. */
export const BASE_NOT_PROVEN_KINDS = [
  "special-casing",
  "always-equal",
  "stateful-responses",
  "reads-answers",
  "measurement-tampering",
  "stubbed-functionality",
  "weakened-assertions",
  "framework-patched",
  "forged-results",
] as const;

export type BaseNotProvenKind = (typeof BASE_NOT_PROVEN_KINDS)[number];

const BASE_TEXT: Record<BaseNotProvenKind, string> = {
  // S1
  "special-casing":
    "Code that special-cases the test inputs or hard-codes their expected outputs passes the same tests as a real fix.",
  // S2
  "always-equal":
    "Objects that compare equal to anything (an overloaded == or a matcher that always matches) make assertions pass without the right result.",
  // S3
  "stateful-responses":
    "Code that answers differently by call count or order can satisfy contradictory assertions in one test run.",
  // S4
  "reads-answers":
    "Code that reads the expected answers at run time (test files, fixtures, the caller's stack) was not looked for.",
  // S5
  "measurement-tampering":
    "Patched clocks, timers or device synchronisation would fake performance results; measurements were taken at face value.",
  // S6
  "stubbed-functionality":
    "Functionality stubbed out, removed or replaced by a partial heuristic goes unnoticed where no test covers it.",
  // T5
  "weakened-assertions":
    "Assertions weakened or expected values rewritten in test edits the contract allows keep every test id and count unchanged.",
  // H2
  "framework-patched":
    "Production code that patches the test framework or assertion functions on import was not detected.",
  // H3/H4 from inside the test process
  "forged-results":
    "Results forged by code under test at run time (fake result lines, a rewritten report) were checked only against exit codes, counts and runner summaries.",
};

/** "a, b, c and 4 more": lists in sentences stay short. */
function names(items: readonly string[], fallback: string, max = 5): string {
  if (items.length === 0) return fallback;
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** The cheats no check here can see, always part of the report. */
export function baseNotProven(): NotProven[] {
  return BASE_NOT_PROVEN_KINDS.map((kind) => ({ kind, text: BASE_TEXT[kind] }));
}

/** The sandbox runtime was the host: untrusted code ran without a container. */
export function runtimeHost(): NotProven {
  return {
    kind: "runtime-host",
    text: "Commands ran on the host, not in a container: no isolation, so the code could read the runner's files and reach the network.",
  };
}

/** The sandbox allowed egress to some hosts. */
export function networkAllowed(hosts: readonly string[]): NotProven {
  const list = names(hosts, "some hosts");
  return {
    kind: "network-allowed",
    text: `The sandbox could reach ${list}: results may depend on what those hosts served during the run.`,
  };
}

/** A hard verifier did not run. */
export function verifierSkipped(name: string, why: string): NotProven {
  return {
    kind: "verifier-skipped",
    text: `Verifier "${name}" did not run (${why}): nothing it checks was proven.`,
  };
}

/** The contract has no `tests` section, so there is no per-test inventory. */
export function noTestsSection(): NotProven {
  return {
    kind: "no-tests-section",
    text: "The contract has no tests section: no per-test inventory was taken, so removed, skipped or regressed tests were not compared; only exit codes were checked.",
  };
}

/** The base inventory could not be taken, so nothing was compared against it. */
export function baseInventoryMissing(why: string): NotProven {
  return {
    kind: "base-inventory-missing",
    text: `The base commit's tests could not be inventoried (${why}): removed, skipped or regressed tests were not compared.`,
  };
}

/** The contract could not be enforced at all (missing, invalid, or added by this very change). */
export function contractNotEnforceable(why: string): NotProven {
  return {
    kind: "contract-not-enforceable",
    text: `The contract could not be enforced (${why}): none of its checks ran against this change.`,
  };
}

/** The contract lists no hard verifiers. */
export function noVerifiers(): NotProven {
  return {
    kind: "no-verifiers",
    text: "The contract lists no verifiers: no command beyond the tests had to pass.",
  };
}

/**
 * The contract protects no paths but itself, so tests, verifiers and their helpers could be edited
 * freely; and with no test path protected, the base's tests are never re-run against the head's code.
 */
export function noProtectedPaths(): NotProven {
  return {
    kind: "no-protected-paths",
    text: "The contract protects no paths besides itself: tests, verifier scripts and test helpers could be edited without a finding, and the base's test files were not re-run against the head's code, so a changed or added test file (a helper that stubs an assertion, say) judged the change.",
  };
}

/** Protected paths were changed with a user's approval: their new content was not checked. */
export function protectedChangesApproved(paths: readonly string[]): NotProven {
  const list = names(paths, "protected paths");
  return {
    kind: "protected-changes-approved",
    text: `Changes to ${list} were approved by a user, not checked: the gate did not judge their content.`,
  };
}
