/**
 * A finding is one thing the gate noticed. The shape is stable (it is in the JSON report and drives
 * annotations): `kind` is a fixed name, `severity` decides whether it fails the gate.
 */
export type Severity = "fail" | "warn" | "info";

export const FINDING_KINDS = [
  // boundary (the diff)
  "protected-path",
  "contract-changed",
  "contract-added",
  // sandbox runs
  "setup-failed",
  "verifier-failed",
  "verifier-error",
  // test inventory
  "test-removed",
  "test-newly-skipped",
  "test-regressed",
  "test-count",
  "tests-ran-nothing",
  "exit-mismatch",
  "runner-tampering",
  "skip-marker",
  "focus-marker",
  "fixed-by-test-edits",
  // task mode
  "protected-edit-reverted",
  "no-change",
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Approval {
  by: string;
  at: string;
  via: "label" | "review";
}

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  message: string;
  path?: string;
  line?: number;
  test?: string;
  /** Set when a user with write access approved this finding; it then no longer fails the gate. */
  approved?: Approval;
}

export function finding(
  kind: FindingKind,
  severity: Severity,
  message: string,
  where: Pick<Finding, "path" | "line" | "test"> = {},
): Finding {
  return { kind, severity, message, ...where };
}

/** Findings that still decide the verdict: failing severity and not approved. */
export function isBlocking(f: Finding): boolean {
  return f.severity === "fail" && f.approved === undefined;
}
