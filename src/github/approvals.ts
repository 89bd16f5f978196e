/**
 * Looks up approvals of the head commit (reviews, the approve label and when it was applied, the head
 * branch's pushes, each approver's permission) and applies them to the findings. The rules are in
 * `approval-rules.ts`; this file only gathers the facts. No call is made unless a blocking finding
 * could be approved.
 */
import { getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { Approval, Finding } from "../model/finding.js";
import {
  applyApproval,
  approvalCandidates,
  decideApproval,
  needsApproval,
  type ApprovalFacts,
} from "./approval-rules.js";
import type { GitHubClient, PullRequestInfo, RepoPermission } from "./types.js";

export const DEFAULT_APPROVE_LABEL = "loophole:approve";

export interface ApprovalRequest {
  pullNumber: number;
  /** The commit the gate judged (the pull request head it was started for). */
  headSha: string;
  /** The `approve-label` input (default `loophole:approve`). */
  label?: string;
  /** Let the pull request's author approve (default false). */
  allowAuthor?: boolean;
  logger: Logger;
}

export interface ApprovalOutcome {
  /** The findings, with `approved` set on the ones an approval covers. */
  findings: Finding[];
  approval: Approval | undefined;
  /** Lines for the report: who approved, and every approval that was ignored and why. */
  notes: string[];
}

async function headPushedAt(
  client: GitHubClient,
  pr: PullRequestInfo,
  headSha: string,
): Promise<{ at: string | undefined; problem?: string }> {
  if (pr.headRepo === undefined) return { at: undefined, problem: "the head repository was deleted" };
  try {
    const pushes = await client.listBranchPushes(pr.headRepo, pr.headRef);
    // Newest first: the last time the branch was moved to the head commit.
    const push = pushes.find((p) => p.after === headSha);
    return push === undefined
      ? { at: undefined, problem: `no push of it to ${pr.headRef} in the repository activity` }
      : { at: push.timestamp };
  } catch (error) {
    return { at: undefined, problem: getErrorMessage(error) };
  }
}

export async function approveFindings(
  client: GitHubClient,
  findings: readonly Finding[],
  request: ApprovalRequest,
): Promise<ApprovalOutcome> {
  if (!needsApproval(findings)) return { findings: [...findings], approval: undefined, notes: [] };
  const label = request.label ?? DEFAULT_APPROVE_LABEL;
  const notes: string[] = [];
  try {
    const [pr, labelEvents, reviews] = await Promise.all([
      client.getPullRequest(request.pullNumber),
      client.listLabelEvents(request.pullNumber),
      client.listReviews(request.pullNumber),
    ]);
    if (pr.headSha !== request.headSha) {
      notes.push(
        `The pull request's head moved to ${pr.headSha.slice(0, 12)} after this run started; approvals are checked for ${request.headSha.slice(0, 12)}, the commit gated here.`,
      );
    }
    const labelPresent = pr.labels.some((l) => l.toLowerCase() === label.toLowerCase());
    const pushed = labelPresent ? await headPushedAt(client, pr, request.headSha) : { at: undefined };
    const base: Omit<ApprovalFacts, "permissions"> = {
      headSha: request.headSha,
      author: pr.author?.login,
      label,
      labelPresent,
      labelEvents,
      reviews,
      headPushedAt: pushed.at,
      ...(pushed.problem === undefined ? {} : { headPushedAtProblem: pushed.problem }),
      allowAuthor: request.allowAuthor ?? false,
    };
    const permissions = new Map<string, RepoPermission>();
    for (const login of approvalCandidates(base)) {
      permissions.set(login.toLowerCase(), await client.permissionOf(login));
    }
    const decision = decideApproval({ ...base, permissions });
    for (const note of decision.notes) request.logger.info(note);
    return {
      findings: applyApproval(findings, decision.approval),
      approval: decision.approval,
      notes: [...notes, ...decision.notes],
    };
  } catch (error) {
    // Failing to read approvals must never approve anything: the findings keep blocking.
    const note = `Approvals could not be checked, so none was applied: ${getErrorMessage(error)}`;
    request.logger.warning(note);
    return { findings: [...findings], approval: undefined, notes: [...notes, note] };
  }
}
