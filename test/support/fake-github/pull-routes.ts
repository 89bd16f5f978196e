/**
 * Pull requests: read one, list them (the `state`, `head` and `base` filters), open one and edit its
 * title, body, state or base. Opening one checks what GitHub checks: both branches exist (asked of
 * `state.branches`, the tests' git remote), they differ, and no open pull request has the same head
 * and base. The REST update has no draft flag, so a client that sends one is a schema violation.
 */
import { z } from "zod";
import { MAX_COMMENT_BODY } from "./issue-routes.js";
import { errorReply, page, validationFailed, type Handler, type HandlerContext } from "./route-kit.js";
import type { PullRecord } from "./state.js";

/** GitHub refuses a longer pull request title with 422. */
export const MAX_TITLE = 256;

const createBody = z.object({
  title: z.string().optional(),
  head: z.string(),
  base: z.string(),
  body: z.string().optional(),
  draft: z.boolean().optional(),
  issue: z.number().optional(),
});

const updateBody = z.object({
  title: z.string().optional(),
  body: z.string().optional(),
  state: z.enum(["open", "closed"]).optional(),
  base: z.string().optional(),
});

/** A pull request whose head is a branch of the fake's git remote follows that branch's pushes. */
function current(ctx: HandlerContext, pull: PullRecord): PullRecord {
  if (pull.headRepo !== pull.repo) return pull;
  const tip = ctx.state.branches?.tip(pull.repo, pull.headRef);
  if (tip !== undefined) pull.headSha = tip;
  return pull;
}

function owner(repo: string): string {
  return repo.split("/")[0] ?? "";
}

function sizeProblem(title: string | undefined, body: string | undefined): string | undefined {
  if (title !== undefined && title.length > MAX_TITLE)
    return `Title is too long (maximum is ${MAX_TITLE} characters)`;
  if (body !== undefined && body.length > MAX_COMMENT_BODY)
    return `Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`;
  return undefined;
}

export const PULL_ROUTES: Record<string, Handler> = {
  "pulls/get": (ctx) => {
    const pull = ctx.state.pull(ctx.repo, Number(ctx.params.pull_number));
    return pull === undefined
      ? errorReply(404, "Not Found")
      : { status: 200, body: ctx.responses.pull(current(ctx, pull)) };
  },

  "pulls/list": (ctx) => {
    const state = ctx.query.get("state") ?? "open";
    const head = ctx.query.get("head");
    const base = ctx.query.get("base");
    const pulls = ctx.state.pulls
      .filter(
        (p) =>
          p.repo === ctx.repo &&
          (state === "all" || (p.state ?? "open") === state) &&
          (head === null || `${owner(p.headRepo)}:${p.headRef}` === head) &&
          (base === null || p.baseRef === base),
      )
      .sort((a, b) => (ctx.query.get("direction") === "asc" ? a.number - b.number : b.number - a.number));
    const { items, headers } = page(pulls, ctx);
    return { status: 200, body: items.map((p) => ctx.responses.pull(current(ctx, p))), headers };
  },

  "pulls/create": (ctx) => {
    const input = createBody.parse(ctx.body);
    if (input.title === undefined)
      return validationFailed("title is required (the fake does not convert issues)");
    const tooLong = sizeProblem(input.title, input.body);
    if (tooLong !== undefined) return validationFailed(tooLong);
    const [headOwner, headBranch] = input.head.includes(":")
      ? [input.head.slice(0, input.head.indexOf(":")), input.head.slice(input.head.indexOf(":") + 1)]
      : [owner(ctx.repo), input.head];
    if (headOwner !== owner(ctx.repo))
      return validationFailed("the fake opens pull requests from branches of the same repository only");
    const branches = ctx.state.branches;
    if (branches === undefined)
      return validationFailed("the fake needs state.branches (a git remote) to open pull requests");
    const headSha = branches.tip(ctx.repo, headBranch);
    const baseSha = branches.tip(ctx.repo, input.base);
    if (headSha === undefined) return validationFailed(`head: no branch ${headBranch} in ${ctx.repo}`);
    if (baseSha === undefined) return validationFailed(`base: no branch ${input.base} in ${ctx.repo}`);
    if (headSha === baseSha) return validationFailed(`No commits between ${input.base} and ${headBranch}`);
    const open = ctx.state.pulls.find(
      (p) =>
        p.repo === ctx.repo &&
        p.headRepo === ctx.repo &&
        p.headRef === headBranch &&
        p.baseRef === input.base &&
        (p.state ?? "open") === "open",
    );
    if (open !== undefined)
      return validationFailed(`A pull request already exists for ${owner(ctx.repo)}:${headBranch}.`);
    const record = ctx.state.addPull({
      repo: ctx.repo,
      number: ctx.state.nextNumber(ctx.repo),
      user: ctx.actor,
      headSha,
      headRef: headBranch,
      headRepo: ctx.repo,
      baseSha,
      baseRef: input.base,
      labels: [],
      title: input.title,
      body: input.body ?? null,
      draft: input.draft ?? false,
      state: "open",
    });
    return { status: 201, body: ctx.responses.pull(record) };
  },

  "pulls/update": (ctx) => {
    const pull = ctx.state.pull(ctx.repo, Number(ctx.params.pull_number));
    if (pull === undefined) return errorReply(404, "Not Found");
    const input = updateBody.parse(ctx.body);
    const tooLong = sizeProblem(input.title, input.body);
    if (tooLong !== undefined) return validationFailed(tooLong);
    if (input.title !== undefined) pull.title = input.title;
    if (input.body !== undefined) pull.body = input.body;
    if (input.state !== undefined) pull.state = input.state;
    if (input.base !== undefined) pull.baseRef = input.base;
    return { status: 200, body: ctx.responses.pull(current(ctx, pull)) };
  },
};
