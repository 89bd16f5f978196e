/**
 * Who may start the agent with a `/loophole` comment, and the polite reply to everyone else. A task
 * runs an AI agent with the executor's secrets and pushes its commits to this repository, so only
 * people who could push themselves may ask for one: users with write access, and bots the workflow
 * names in `allowed-bots` (a bot is never a collaborator, so it has no permission to read).
 * A pull request from a fork is refused too: its branch is not ours to push to.
 */
import type { Actor, RepoPermission } from "../github/types.js";

export type RefusalReason = "no-task" | "not-pull-request" | "bot" | "permission" | "fork" | "closed";

export interface Refusal {
  reason: RefusalReason;
  /** The reply comment (markdown). */
  message: string;
}

/** Marks loophole's replies, so a later reader (or loophole) can tell them from people's comments. */
export const REFUSAL_MARKER = "<!-- loophole:refusal -->";

const WRITE: readonly RepoPermission[] = ["admin", "maintain", "write"];

export function isBot(author: Actor): boolean {
  return author.type === "Bot" || author.login.endsWith("[bot]");
}

/** A login as `allowed-bots` lists it: lower case, without `[bot]`. */
export function botName(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, "");
}

/** Logins and repository names hold letters, digits, `-._/` and `[bot]`; anything else is dropped. */
function code(name: string): string {
  return `\`${name.replace(/[^\w[\]./-]/g, "")}\``;
}

const HOW_ELSE =
  "A maintainer can also run the workflow by hand (workflow_dispatch) with the task; loophole then works on a new branch and opens a pull request.";

function reply(reason: RefusalReason, text: string, runUrl: string | undefined): Refusal {
  const footer = runUrl === undefined ? "" : `\n\n<sub>loophole · [workflow run](${runUrl})</sub>`;
  return { reason, message: `${REFUSAL_MARKER}\n${text}${footer}` };
}

/** Why a commenter may not start a task, or undefined when they may. */
export function commenterRefusal(
  author: Actor,
  allowedBots: readonly string[],
  permission: RepoPermission | undefined,
  runUrl?: string,
): Refusal | undefined {
  if (isBot(author)) {
    if (allowedBots.includes(botName(author.login))) return undefined;
    return reply(
      "bot",
      `Thanks, but loophole does not take \`/loophole\` commands from bots unless the workflow names them in its \`allowed-bots\` input, and ${code(author.login)} is not named there. A maintainer can add it, or run the task themselves by commenting \`/loophole <task>\`.`,
      runUrl,
    );
  }
  if (permission !== undefined && WRITE.includes(permission)) return undefined;
  return reply(
    "permission",
    `Thanks for the suggestion! loophole only runs \`/loophole\` tasks for people with write access to this repository, because a task starts an AI agent with the repository's secrets and pushes its commits here. ${code(author.login)} has ${permission === undefined || permission === "none" ? "no" : `**${permission}**`} access. Anyone with write, maintain or admin access can start it by commenting \`/loophole <task>\` here. ${HOW_ELSE}`,
    runUrl,
  );
}

export function noTaskRefusal(runUrl?: string): Refusal {
  return reply(
    "no-task",
    "`/loophole` needs a task after it, for example: `/loophole make the failing test in tests/test_dates.py pass`.",
    runUrl,
  );
}

export function notPullRequestRefusal(runUrl?: string): Refusal {
  return reply(
    "not-pull-request",
    `\`/loophole\` works in pull request comments, where the agent continues the pull request's branch. ${HOW_ELSE}`,
    runUrl,
  );
}

export function forkRefusal(headRepo: string | undefined, runUrl?: string): Refusal {
  const where = headRepo === undefined ? "a fork that no longer exists" : `a fork (${code(headRepo)})`;
  return reply(
    "fork",
    `loophole cannot run tasks on this pull request: its branch lives in ${where}, and loophole pushes the agent's commits to the pull request's own branch, which it may only do for branches of this repository. ${HOW_ELSE}`,
    runUrl,
  );
}

export function closedRefusal(runUrl?: string): Refusal {
  return reply(
    "closed",
    `This pull request is closed, so loophole will not push to its branch. Reopen it and comment again. ${HOW_ELSE}`,
    runUrl,
  );
}
