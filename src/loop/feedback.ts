/**
 * The digest the executor gets after a failed round: built by the action from the report, bounded,
 * the decisive lines only — never the raw megabytes of output. Untrusted text from the previous round
 * goes back to the same untrusted executor, so it is bounded but needs no escaping.
 */
import { isBlocking } from "../model/finding.js";
import type { Report } from "../model/report.js";

export const MAX_FEEDBACK_CHARS = 8000;
const DECISIVE =
  /error|fail|assert|expected|panic|exception|traceback|not ok|mismatch|undefined|cannot|refused/i;

export interface RoundNotes {
  reverted: readonly string[];
  noChange: boolean;
}

export function feedbackDigest(report: Report, notes: RoundNotes): string {
  const parts: string[] = [`Outcome: ${report.outcome}. ${report.headline}`];
  if (notes.noChange)
    parts.push(
      "Your last round changed nothing in the repository. Make a change that addresses the failures below.",
    );
  if (notes.reverted.length > 0) {
    parts.push(
      `These protected paths were edited and have been put back (edits to them are never accepted):\n${notes.reverted.map((p) => `- ${p}`).join("\n")}`,
    );
  }
  for (const step of [...report.setup, ...report.verifiers]) {
    if (step.status === "pass" || step.status === "skipped") continue;
    parts.push(
      `Check "${step.name}" (${step.command}) ${step.status}${step.exitCode === null ? "" : ` with exit code ${step.exitCode}`}:\n${decisiveLines(step.outputTail)}`,
    );
  }
  if (report.tests) {
    const list = (title: string, refs: readonly { id: string; message?: string }[]): void => {
      if (refs.length === 0) return;
      const shown = refs
        .slice(0, 15)
        .map(
          (t) =>
            `- ${t.id}${t.message ? `: ${t.message.split("\n").slice(0, 3).join(" ").slice(0, 300)}` : ""}`,
        );
      if (refs.length > 15) shown.push(`- … and ${refs.length - 15} more`);
      parts.push(`${title}:\n${shown.join("\n")}`);
    };
    list("Tests that passed before and fail now", report.tests.regressed);
    list("Tests that were removed", report.tests.removed);
    list("Tests that are newly skipped", report.tests.newlySkipped);
  }
  const blocking = report.findings.filter((f) => isBlocking(f) && f.kind !== "verifier-failed");
  if (blocking.length > 0) {
    parts.push(
      `Findings:\n${blocking
        .slice(0, 20)
        .map((f) => `- ${f.kind}${f.path ? ` ${f.path}${f.line ? `:${f.line}` : ""}` : ""}: ${f.message}`)
        .join("\n")}`,
    );
  }
  if (report.outcome === "error") parts.push(`The gate could not decide: ${report.reasons.join("; ")}`);
  const text = parts.join("\n\n");
  return text.length <= MAX_FEEDBACK_CHARS
    ? text
    : `${text.slice(0, MAX_FEEDBACK_CHARS - 40)}\n… (feedback truncated)`;
}

/** The lines that explain a failure: those that look decisive, plus the last few, at most 40. */
export function decisiveLines(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l !== "");
  const tail = lines.slice(-10);
  const decisive = lines
    .slice(0, -10)
    .filter((l) => DECISIVE.test(l))
    .slice(-30);
  return [...decisive, ...tail].map((l) => `    ${l.slice(0, 300)}`).join("\n");
}

/** Stable keys of what is failing, for the stop rules. */
export function failingKeys(report: Report): string[] {
  const keys = new Set<string>();
  for (const v of report.verifiers)
    if (v.status !== "pass" && v.status !== "skipped") keys.add(`verifier:${v.name}`);
  for (const f of report.findings) {
    if (!isBlocking(f) || f.kind === "verifier-failed") continue;
    keys.add(f.test !== undefined ? `test:${f.test}` : `${f.kind}:${f.path ?? f.message}`);
  }
  return [...keys].sort();
}
