/**
 * Findings as workflow-command annotations (`::error file=…,line=…,title=…::message`), for when the
 * check run cannot be written (a read-only token) or alongside it. GitHub shows at most 10 errors,
 * 10 warnings and 10 notices per step, so each level keeps its first findings and, when there are
 * more, ends with one line saying how many were left out.
 *
 * Escaping follows @actions/core (`command.ts`): in the message `%`, `\r` and `\n` are percent-encoded,
 * so untrusted text cannot end the line and start a command of its own; in properties `:` and `,` are
 * encoded as well.
 */
import { isBlocking, type Finding } from "../model/finding.js";
import { kindLabel } from "../report/format.js";
import type { Secrets } from "../report/secrets.js";
import { findingMessage, findingTitle } from "./annotations.js";

export type CommandLevel = "error" | "warning" | "notice";

/** Per level and step (https://docs.github.com/en/rest/checks/runs, `annotations`). */
export const STEP_ANNOTATION_LIMIT = 10;
const MESSAGE_MAX = 1_000;

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export interface CommandProperties {
  file?: string;
  line?: number;
  title?: string;
}

export function workflowCommand(
  level: CommandLevel,
  message: string,
  properties: CommandProperties = {},
): string {
  const props: string[] = [];
  if (properties.file !== undefined) props.push(`file=${escapeProperty(properties.file)}`);
  if (properties.line !== undefined) props.push(`line=${properties.line}`);
  if (properties.title !== undefined) props.push(`title=${escapeProperty(properties.title)}`);
  return `::${level}${props.length > 0 ? ` ${props.join(",")}` : ""}::${escapeData(message)}`;
}

export function commandLevel(f: Finding): CommandLevel {
  if (isBlocking(f)) return "error";
  return f.severity === "warn" ? "warning" : "notice";
}

export interface CommandAnnotationOptions {
  secrets?: Secrets;
  /** Slots per level kept free for the caller's own lines (e.g. the read-only notice). */
  reserved?: Partial<Record<CommandLevel, number>>;
}

const LEVELS: readonly CommandLevel[] = ["error", "warning", "notice"];

function findingCommand(f: Finding, secrets: Secrets | undefined): string {
  const line = f.line !== undefined && Number.isInteger(f.line) && f.line >= 1 ? f.line : undefined;
  return workflowCommand(commandLevel(f), findingMessage(f, secrets, MESSAGE_MAX), {
    ...(f.path === undefined ? {} : { file: f.path.replace(/[\r\n]+/g, " ") }),
    ...(f.path !== undefined && line !== undefined ? { line } : {}),
    title: findingTitle(f, secrets),
  });
}

/** Lines to print to stdout: errors first, at most 10 lines per level (fewer if reserved). */
export function workflowCommandAnnotations(
  findings: readonly Finding[],
  options: CommandAnnotationOptions = {},
): string[] {
  const lines: string[] = [];
  for (const level of LEVELS) {
    const cap = Math.max(0, STEP_ANNOTATION_LIMIT - (options.reserved?.[level] ?? 0));
    const these = findings.filter((f) => commandLevel(f) === level);
    if (these.length <= cap) {
      lines.push(...these.map((f) => findingCommand(f, options.secrets)));
      continue;
    }
    if (cap === 0) continue;
    const shown = these.slice(0, cap - 1);
    lines.push(...shown.map((f) => findingCommand(f, options.secrets)));
    const rest = these.slice(cap - 1);
    const kinds = [...new Set(rest.map((f) => kindLabel(f.kind)))].join(", ");
    lines.push(
      workflowCommand(
        level,
        `${rest.length} more finding${rest.length === 1 ? "" : "s"} at this level (${kinds}) are not shown here: GitHub shows ${STEP_ANNOTATION_LIMIT} per step. See the job summary for all of them.`,
        {
          title: `loophole: ${rest.length} more`,
        },
      ),
    );
  }
  return lines;
}
