/**
 * What task mode is asked to do, from the workflow event: a `workflow_dispatch` (task, branch and base
 * among its inputs) or an `issue_comment` (`/loophole <task>` on a pull request). The payload is
 * untrusted input of unknown shape until zod has narrowed it.
 */
import { z } from "zod";
import type { Actor } from "../github/types.js";
import { narrow, readPayload } from "./event-payload.js";

export const TASK_EVENTS = ["workflow_dispatch", "issue_comment"] as const;
export type TaskEventName = (typeof TASK_EVENTS)[number];

export interface DispatchEvent {
  kind: "dispatch";
  /** The dispatch's own inputs, when the workflow declares them (the action's inputs win). */
  inputs: { task?: string; branch?: string; base?: string };
  /** The branch the workflow was dispatched on, when it was a branch (not a tag). */
  refBranch: string | undefined;
  defaultBranch: string;
  repository: string;
}

export interface CommentEvent {
  kind: "comment";
  /** created, edited or deleted: only a new comment is a command. */
  action: string;
  body: string;
  author: Actor;
  issueNumber: number;
  /** Comments on pull requests and on issues both arrive as issue_comment. */
  onPullRequest: boolean;
  repository: string;
}

export type TaskEvent = DispatchEvent | CommentEvent;

const dispatchPayload = z.object({
  inputs: z.record(z.string(), z.unknown()).nullable().optional(),
  ref: z.string().optional(),
  repository: z.object({ full_name: z.string(), default_branch: z.string() }),
});

const commentPayload = z.object({
  action: z.string(),
  issue: z.object({
    number: z.number().int(),
    pull_request: z.looseObject({}).nullable().optional(),
  }),
  comment: z.object({
    body: z.string().nullable(),
    user: z.object({ login: z.string(), type: z.string() }),
  }),
  repository: z.object({ full_name: z.string() }),
});

export function isTaskEventName(name: string | undefined): name is TaskEventName {
  return (TASK_EVENTS as readonly (string | undefined)[]).includes(name);
}

/** `refs/heads/main` → `main`; a tag or anything else → undefined. */
export function branchOfRef(ref: string | undefined): string | undefined {
  const match = /^refs\/heads\/(.+)$/.exec(ref ?? "");
  return match?.[1];
}

function stringInput(inputs: Record<string, unknown> | null | undefined, name: string): string | undefined {
  const value = inputs?.[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function parseTaskEvent(name: TaskEventName, payload: unknown): TaskEvent {
  if (name === "workflow_dispatch") {
    const event = narrow(dispatchPayload, payload, name);
    const inputs: DispatchEvent["inputs"] = {};
    for (const key of ["task", "branch", "base"] as const) {
      const value = stringInput(event.inputs, key);
      if (value !== undefined) inputs[key] = value;
    }
    return {
      kind: "dispatch",
      inputs,
      refBranch: branchOfRef(event.ref),
      defaultBranch: event.repository.default_branch,
      repository: event.repository.full_name,
    };
  }
  const event = narrow(commentPayload, payload, name);
  return {
    kind: "comment",
    action: event.action,
    body: event.comment.body ?? "",
    author: { login: event.comment.user.login, type: event.comment.user.type },
    issueNumber: event.issue.number,
    onPullRequest: event.issue.pull_request != null,
    repository: event.repository.full_name,
  };
}

/**
 * The task of a `/loophole <task>` comment: everything after the command word, which must open the
 * comment (a quote or a mention of the command elsewhere is not a command). `""` for a bare
 * `/loophole`; undefined when the comment is not a command at all.
 */
export function commandTask(body: string): string | undefined {
  const match = /^\s*\/loophole(?=\s|$)([\s\S]*)$/.exec(body);
  return match === null ? undefined : (match[1] ?? "").trim();
}

export async function readTaskEvent(name: TaskEventName, env: NodeJS.ProcessEnv): Promise<TaskEvent> {
  return parseTaskEvent(name, await readPayload(env));
}
