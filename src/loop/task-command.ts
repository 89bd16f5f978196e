/**
 * The executor's command line: `{task}` expands to the task (with feedback), shell-quoted, so any
 * text is one argument. The same text is also written to a file whose path is in
 * LOOPHOLE_TASK_FILE, for agents that prefer reading it.
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}

export function expandTaskCommand(run: string, task: string): string {
  return run.replaceAll("{task}", shellQuote(task));
}

export interface TaskText {
  task: string;
  round: number;
  feedback: string | undefined;
}

/** What the executor reads: the task, and from round 2 on, what the gate said about the last round. */
export function taskText({ task, round, feedback }: TaskText): string {
  if (feedback === undefined || round === 1) return task;
  return `${task}\n\n---\nThis is round ${round}. The acceptance gate did not accept the previous round. Its findings:\n\n${feedback}\n\nFix the code so the gate passes. Do not edit tests, the contract or protected files: such edits are reverted.`;
}

/** Presets documented for `executor.run`: plain command lines, nothing hidden. */
export const EXECUTOR_PRESETS = {
  "claude-code": "claude -p {task} --permission-mode bypassPermissions --output-format text",
  // The container is the sandbox, so the agents' own sandboxes and approval prompts are turned off.
  codex: "codex exec --dangerously-bypass-approvals-and-sandbox --skip-git-repo-check {task}",
  opencode: "opencode run {task}",
} as const;
