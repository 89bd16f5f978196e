/**
 * Who may approve what, decided over data the API returned (no calls here).
 *
 * Some findings stand for a deliberate change a maintainer can accept: a protected path, the test
 * runner's configuration, skip and focus markers, a newly skipped test. A user with write access
 * (`admin`, `maintain` or `write`) approves them for the head commit, by either:
 * - an approving review whose `commit_id` is the head: bound to the commit by GitHub itself; or
 * - the approve label, applied after the head commit was pushed.
 *
 * "After it was pushed" uses server-side times only. Commit dates are set by whoever makes the commit,
 * so an author could date a new commit before an old label. The push time comes from the repository
 * activity API (the newest push or force push whose `after` is the head SHA on the head branch), which
 * GitHub records when it receives the push. The pull request's `updated_at` is not used: labels and
 * comments move it too. When the push time cannot be read (the API is unavailable, or a fork's activity
 * is not visible to the token), label approvals are not honoured, and the note says to review instead.
 * Labeled events count only after the label's last removal, so removing the label withdraws it.
 * Bots and the pull request's author cannot approve (GitHub does not let authors approve by review
 * either); `allowAuthor` lifts the second rule for single-maintainer repositories.
 */
import { isBlocking, type Approval, type Finding, type FindingKind } from "../model/finding.js";
import type { Actor, LabelEvent, RepoPermission, Review } from "./types.js";

export const APPROVABLE_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  "protected-path",
  "runner-tampering",
  "skip-marker",
  "focus-marker",
  "test-newly-skipped",
]);

export const WRITE_PERMISSIONS: ReadonlySet<RepoPermission> = new Set<RepoPermission>([
  "admin",
  "maintain",
  "write",
]);

export function isApprovable(f: Finding): boolean {
  return APPROVABLE_KINDS.has(f.kind);
}

/** True when some blocking finding could be approved (only then are approvals worth looking up). */
export function needsApproval(findings: readonly Finding[]): boolean {
  return findings.some((f) => isBlocking(f) && isApprovable(f));
}

export interface ApprovalFacts {
  headSha: string;
  /** The pull request's author. */
  author: string | undefined;
  label: string;
  /** Whether the label is on the pull request now. */
  labelPresent: boolean;
  labelEvents: readonly LabelEvent[];
  reviews: readonly Review[];
  /** Server time at which the head commit was last pushed to the head branch. */
  headPushedAt: string | undefined;
  /** Why `headPushedAt` is unknown, when it is. */
  headPushedAtProblem?: string;
  /** Lower-cased login → permission; a login missing here is treated as having none. */
  permissions: ReadonlyMap<string, RepoPermission>;
  allowAuthor: boolean;
}

export interface ApprovalDecision {
  approval: Approval | undefined;
  notes: string[];
}

const DECISIVE_REVIEW_STATES = new Set(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

function short(sha: string | null): string {
  return sha === null ? "(unknown)" : sha.slice(0, 12);
}

function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Each reviewer's latest decisive review (approve, request changes, dismissed), as GitHub counts them. */
function latestReviews(reviews: readonly Review[]): Review[] {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    if (review.author === undefined || !DECISIVE_REVIEW_STATES.has(review.state)) continue;
    latest.set(review.author.login.toLowerCase(), review);
  }
  return [...latest.values()];
}

/** Labeled events of `label` since it was last removed. */
function activeLabelEvents(facts: Pick<ApprovalFacts, "label" | "labelEvents">): LabelEvent[] {
  const events = facts.labelEvents.filter((e) => same(e.label, facts.label));
  const lastRemoval = events.findLastIndex((e) => e.event === "unlabeled");
  return events.slice(lastRemoval + 1).filter((e) => e.event === "labeled");
}

/** Logins whose repository permission decides an approval: fetch these before `decideApproval`. */
export function approvalCandidates(facts: Omit<ApprovalFacts, "permissions">): string[] {
  const logins = new Set<string>();
  for (const review of latestReviews(facts.reviews)) {
    if (review.state === "APPROVED" && review.commitId === facts.headSha && review.author?.type !== "Bot") {
      logins.add(review.author?.login ?? "");
    }
  }
  if (facts.labelPresent) {
    for (const event of activeLabelEvents(facts)) {
      if (event.actor !== undefined && event.actor.type !== "Bot") logins.add(event.actor.login);
    }
  }
  logins.delete("");
  return [...logins];
}

function refusal(actor: Actor, facts: ApprovalFacts): string | undefined {
  if (actor.type === "Bot") return `${actor.login} is a bot; only people can approve`;
  if (!facts.allowAuthor && same(actor.login, facts.author))
    return `${actor.login} is the pull request's author`;
  const permission = facts.permissions.get(actor.login.toLowerCase()) ?? "none";
  if (!WRITE_PERMISSIONS.has(permission)) return `${actor.login} has ${permission} access, not write`;
  return undefined;
}

export function decideApproval(facts: ApprovalFacts): ApprovalDecision {
  const notes: string[] = [];
  let approval: Approval | undefined;

  for (const review of latestReviews(facts.reviews)) {
    if (review.state !== "APPROVED" || review.author === undefined) continue;
    if (review.commitId !== facts.headSha) {
      notes.push(
        `The approving review by ${review.author.login} is on commit ${short(review.commitId)}, not the head ${short(facts.headSha)}: it does not approve this head.`,
      );
      continue;
    }
    const refused = refusal(review.author, facts);
    if (refused !== undefined) {
      notes.push(`The approving review by ${review.author.login} is ignored: ${refused}.`);
      continue;
    }
    approval ??= { by: review.author.login, at: review.submittedAt ?? "", via: "review" };
  }

  const labelled = activeLabelEvents(facts);
  if (!facts.labelPresent) {
    if (facts.labelEvents.some((e) => same(e.label, facts.label))) {
      notes.push(`The label \`${facts.label}\` was removed, so it approves nothing.`);
    }
  } else if (facts.headPushedAt === undefined) {
    notes.push(
      `The label \`${facts.label}\` is not honoured: loophole could not tell when the head ${short(facts.headSha)} was pushed${facts.headPushedAtProblem ? ` (${facts.headPushedAtProblem})` : ""}. Approve with a review on this commit instead.`,
    );
  } else {
    const pushedAt = Date.parse(facts.headPushedAt);
    for (const event of labelled) {
      if (event.actor === undefined) continue;
      if (!(Date.parse(event.createdAt) > pushedAt)) {
        notes.push(
          `The label \`${facts.label}\` applied by ${event.actor.login} at ${event.createdAt} predates the push of the head ${short(facts.headSha)} (${facts.headPushedAt}): it approved an earlier commit.`,
        );
        continue;
      }
      const refused = refusal(event.actor, facts);
      if (refused !== undefined) {
        notes.push(`The label \`${facts.label}\` applied by ${event.actor.login} is ignored: ${refused}.`);
        continue;
      }
      approval ??= { by: event.actor.login, at: event.createdAt, via: "label" };
    }
  }

  if (approval !== undefined) {
    const how =
      approval.via === "review"
        ? `an approving review of ${short(facts.headSha)}`
        : `the label \`${facts.label}\``;
    notes.unshift(
      `Approved by ${approval.by} (${how}, ${approval.at}): protected-path, tampering and skip findings on this head no longer block.`,
    );
  }
  return { approval, notes };
}

/** The findings with `approved` set on each blocking, approvable one. Others are returned as they are. */
export function applyApproval(findings: readonly Finding[], approval: Approval | undefined): Finding[] {
  if (approval === undefined) return [...findings];
  return findings.map((f) => (isBlocking(f) && isApprovable(f) ? { ...f, approved: { ...approval } } : f));
}
