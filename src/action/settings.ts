/**
 * Every input, read once, validated, into one typed object. Nothing else reads inputs.
 */
import { resolve } from "node:path";
import { DEFAULT_CONTRACT_PATH, type RuntimeKind } from "../contract/types.js";
import { DEFAULT_APPROVE_LABEL } from "../github/approvals.js";
import { COMMENT_MODES, type CommentMode } from "../github/sticky-comment.js";
import { ConfigurationError } from "../core/errors.js";
import { getChoiceInput, getOptionalInput } from "./inputs.js";

export const FAIL_ON = ["fail", "error", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionSettings {
  /** Contract path inside the repository, read from the base commit. */
  contract: string;
  /** Which outcomes fail the step: "fail" (fail or error, default), "error" (error only), "never". */
  failOn: FailOn;
  /** Overrides of the refs the event gives. */
  base: string | undefined;
  head: string | undefined;
  token: string | undefined;
  /** The repository checkout (default: GITHUB_WORKSPACE). */
  workingDirectory: string;
  runtime: RuntimeKind | undefined;
  /** The check run's name: what a required-check rule matches. */
  checkName: string;
  comment: CommentMode;
  approveLabel: string;
  /** Task mode: the task (workflow_dispatch), the branch to create or continue, and the round budget. */
  task: string | undefined;
  branch: string | undefined;
  rounds: number | undefined;
  /** Bot logins (without `[bot]`, lower case) whose `/loophole` comments run. */
  allowedBots: string[];
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const runtime = getOptionalInput("runtime");
  return {
    contract: getOptionalInput("contract") ?? DEFAULT_CONTRACT_PATH,
    failOn: getChoiceInput("fail-on", FAIL_ON, "fail"),
    base: getOptionalInput("base"),
    head: getOptionalInput("head"),
    token: getOptionalInput("token"),
    workingDirectory: resolve(
      env.GITHUB_WORKSPACE ?? process.cwd(),
      getOptionalInput("working-directory") ?? ".",
    ),
    runtime:
      runtime === undefined
        ? undefined
        : getChoiceInput("runtime", ["docker", "podman", "host"] as const, "docker"),
    checkName: getOptionalInput("check-name") ?? "loophole",
    comment: getChoiceInput("comment", COMMENT_MODES, "always"),
    approveLabel: getOptionalInput("approve-label") ?? DEFAULT_APPROVE_LABEL,
    task: getOptionalInput("task"),
    branch: getOptionalInput("branch"),
    rounds: parseRounds(getOptionalInput("rounds")),
    allowedBots: parseAllowedBots(getOptionalInput("allowed-bots")),
  };
}

export function parseRounds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const rounds = Number(text);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100)
    throw new ConfigurationError(`Input "rounds" must be a whole number from 1 to 100; got "${text}".`);
  return rounds;
}

/** `renovate, dependabot[bot]` → ["renovate", "dependabot"]. A wildcard is refused: name each bot. */
export function parseAllowedBots(text: string | undefined): string[] {
  if (text === undefined) return [];
  const names = text
    .split(/[\s,]+/)
    .map((n) =>
      n
        .trim()
        .toLowerCase()
        .replace(/\[bot\]$/, ""),
    )
    .filter((n) => n !== "");
  if (names.some((n) => n.includes("*")))
    throw new ConfigurationError(
      'Input "allowed-bots" lists bot logins one by one; a wildcard would let any GitHub App start the agent.',
    );
  return [...new Set(names)];
}
