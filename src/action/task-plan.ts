/**
 * From the event to what task mode will do: the task, the branch to create or continue, and the
 * branch the pull request targets; or a polite refusal; or nothing at all (a comment that is not a
 * `/loophole` command). A dispatch needs no permission check (only users with write access can
 * dispatch a workflow); a comment does.
 */
import { taskBranchName } from "../loop/branch-name.js";
import { ConfigurationError } from "../core/errors.js";
import type { GitHubClient, PullRequestInfo } from "../github/types.js";
import type { ActionSettings } from "./settings.js";
import {
  closedRefusal,
  commenterRefusal,
  forkRefusal,
  isBot,
  noTaskRefusal,
  notPullRequestRefusal,
  type Refusal,
} from "./task-access.js";
import { commandTask, type CommentEvent, type DispatchEvent, type TaskEvent } from "./task-event.js";

export interface TaskPlan {
  task: string;
  branch: string;
  /** The branch the pull request targets; its tip is the trusted base (contract, protected files). */
  baseRef: string;
  /** The pull request a `/loophole` comment was made on. */
  pull: PullRequestInfo | undefined;
}

export type Planned =
  | { kind: "run"; plan: TaskPlan }
  | { kind: "refuse"; refusal: Refusal; issueNumber: number }
  | { kind: "skip"; why: string };

/** Branch names loophole accepts: git's rules, in a conservative character set. */
export function isSafeBranchName(name: string): boolean {
  return (
    /^[\w./-]+$/.test(name) &&
    !name.startsWith("-") &&
    !name.startsWith("/") &&
    !name.endsWith("/") &&
    !name.endsWith(".") &&
    !name.includes("..") &&
    !name.includes("//") &&
    !/(^|\/)\./.test(name) &&
    !/\.lock(\/|$)/.test(name) &&
    name.length <= 200
  );
}

/** A new branch per run: `loophole/<task words>-<run id>` (a re-run attempt continues it). */
export function newBranchName(task: string, runId: string): string {
  return taskBranchName(task, runId);
}

function baseBranch(value: string): string {
  const name = value.replace(/^refs\/heads\//, "");
  if (/^[0-9a-f]{40}$/.test(name) || /^[0-9a-f]{64}$/.test(name)) {
    throw new ConfigurationError(
      `In task mode, \`base\` is the branch the pull request targets, not a commit; got ${name}.`,
    );
  }
  return name;
}

function checked(plan: TaskPlan): TaskPlan {
  for (const [what, name] of [
    ["branch", plan.branch],
    ["base", plan.baseRef],
  ] as const) {
    if (!isSafeBranchName(name))
      throw new ConfigurationError(
        `The ${what} "${name}" is not a branch name loophole accepts (letters, digits, ".", "_", "-" and "/").`,
      );
  }
  if (plan.branch === plan.baseRef)
    throw new ConfigurationError(
      `The task branch and the base are both "${plan.branch}": the agent works on a branch of its own, and the pull request merges it into the base.`,
    );
  return plan;
}

export function planDispatch(settings: ActionSettings, event: DispatchEvent, runId: string): Planned {
  const task = settings.task ?? event.inputs.task;
  if (task === undefined) {
    throw new ConfigurationError("Task mode on workflow_dispatch needs a task.", [
      "Set the `task` input of the loophole step (e.g. task: ${{ inputs.task }}), or give the workflow a `task` input.",
      "To gate a commit on workflow_dispatch instead, set both `base` and `head`.",
    ]);
  }
  const baseRef = baseBranch(settings.base ?? event.inputs.base ?? event.refBranch ?? event.defaultBranch);
  const branch = settings.branch ?? event.inputs.branch ?? newBranchName(task, runId);
  return { kind: "run", plan: checked({ task, branch, baseRef, pull: undefined }) };
}

/** Why a comment is no command at all (checked before anything else, even the token). */
export function skipReason(event: TaskEvent): string | undefined {
  if (event.kind !== "comment") return undefined;
  if (event.action !== "created") return `the comment was ${event.action}, not created`;
  if (commandTask(event.body) === undefined) return "the comment is not a /loophole command";
  return undefined;
}

async function planComment(
  settings: ActionSettings,
  event: CommentEvent,
  client: GitHubClient,
  runUrl: string | undefined,
): Promise<Planned> {
  const skip = skipReason(event);
  const task = commandTask(event.body);
  if (skip !== undefined || task === undefined) return { kind: "skip", why: skip ?? "not a command" };
  const refuse = (refusal: Refusal): Planned => ({ kind: "refuse", refusal, issueNumber: event.issueNumber });
  // Who asks comes first: no one without the right to push learns more than that.
  const permission = isBot(event.author) ? undefined : await client.permissionOf(event.author.login);
  const denied = commenterRefusal(event.author, settings.allowedBots, permission, runUrl);
  if (denied !== undefined) return refuse(denied);
  if (!event.onPullRequest) return refuse(notPullRequestRefusal(runUrl));
  if (task === "") return refuse(noTaskRefusal(runUrl));
  const pull = await client.getPullRequest(event.issueNumber);
  const head = pull.headRepo === undefined ? undefined : `${pull.headRepo.owner}/${pull.headRepo.repo}`;
  const here = `${client.repo.owner}/${client.repo.repo}`;
  if (head?.toLowerCase() !== here.toLowerCase()) return refuse(forkRefusal(head, runUrl));
  if (pull.state !== "open") return refuse(closedRefusal(runUrl));
  return { kind: "run", plan: checked({ task, branch: pull.headRef, baseRef: pull.baseRef, pull }) };
}

export async function planTask(
  settings: ActionSettings,
  event: TaskEvent,
  client: GitHubClient,
  options: { runId: string; runUrl: string | undefined },
): Promise<Planned> {
  return event.kind === "dispatch"
    ? planDispatch(settings, event, options.runId)
    : planComment(settings, event, client, options.runUrl);
}
