/**
 * Findings as check-run annotations: one per finding that names a file, on its line (line 1 when the
 * finding has none), most severe first. Annotation text is plain text on GitHub (no markdown), so it
 * is only cleaned (control characters, invisible characters), masked and bounded.
 */
import { isBlocking, type Finding } from "../model/finding.js";
import { kindLabel } from "../report/format.js";
import { bounded, oneLine, sanitizeText } from "../report/sanitize.js";
import { maskSecrets, type Secrets } from "../report/secrets.js";
import type { AnnotationInfo, AnnotationLevel, CheckAnnotation } from "./types.js";

/** The Checks API takes at most 50 annotations per create or update request; each update appends. */
export const ANNOTATIONS_PER_REQUEST = 50;
export const ANNOTATION_TITLE_MAX = 255;
/** GitHub allows 64 KB; a finding's message never needs that much, and a short one reads better inline. */
export const ANNOTATION_MESSAGE_MAX = 4_000;

const LEVEL_RANK: Record<AnnotationLevel, number> = { failure: 0, warning: 1, notice: 2 };

export function annotationLevel(f: Finding): AnnotationLevel {
  if (isBlocking(f)) return "failure";
  if (f.severity === "warn") return "warning";
  // Approved failures and information.
  return "notice";
}

/** A repository path as GitHub matches it: one line, no leading `./` or `/`. */
function cleanPath(path: string): string {
  return oneLine(sanitizeText(path))
    .replace(/^(?:\.\/|\/)+/, "")
    .trim();
}

export function findingTitle(f: Finding, secrets?: Secrets): string {
  const approved = f.approved === undefined ? "" : ` (approved by ${f.approved.by} via ${f.approved.via})`;
  return bounded(
    oneLine(maskSecrets(sanitizeText(`${kindLabel(f.kind)}${approved}`), secrets)),
    ANNOTATION_TITLE_MAX,
  );
}

export function findingMessage(f: Finding, secrets?: Secrets, max = ANNOTATION_MESSAGE_MAX): string {
  const text = f.test === undefined ? f.message : `${f.message}\nTest: ${f.test}`;
  const cleaned = maskSecrets(sanitizeText(text), secrets).trim();
  return bounded(cleaned === "" ? kindLabel(f.kind) : cleaned, max);
}

/** The annotation for a finding, or undefined when the finding names no file. */
export function findingAnnotation(f: Finding, secrets?: Secrets): CheckAnnotation | undefined {
  if (f.path === undefined) return undefined;
  const path = cleanPath(f.path);
  if (path === "") return undefined;
  const line = f.line !== undefined && Number.isInteger(f.line) && f.line >= 1 ? f.line : 1;
  return {
    path,
    start_line: line,
    end_line: line,
    annotation_level: annotationLevel(f),
    title: findingTitle(f, secrets),
    message: findingMessage(f, secrets),
  };
}

/** Identifies an annotation by everything it shows, to tell whether a check run already has it. */
export function annotationKey(a: CheckAnnotation | AnnotationInfo): string {
  const fields =
    "annotation_level" in a
      ? [a.path, a.start_line, a.end_line, a.annotation_level, a.title ?? "", a.message]
      : [a.path, a.startLine, a.endLine, a.level, a.title ?? "", a.message ?? ""];
  return fields.join("\u0000");
}

/** Annotations for every finding with a path: failures first, duplicates dropped, report order kept. */
export function findingAnnotations(findings: readonly Finding[], secrets?: Secrets): CheckAnnotation[] {
  const seen = new Set<string>();
  const result: CheckAnnotation[] = [];
  for (const f of findings) {
    const annotation = findingAnnotation(f, secrets);
    if (annotation === undefined) continue;
    const key = annotationKey(annotation);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(annotation);
  }
  // Array.prototype.sort is stable, so report order holds within a level.
  return result.sort((a, b) => LEVEL_RANK[a.annotation_level] - LEVEL_RANK[b.annotation_level]);
}

/** Splits items into requests of at most `size`; always at least one (possibly empty) batch. */
export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
