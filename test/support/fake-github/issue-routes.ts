/**
 * Everything else the gate reads or writes: the token's user, issue comments (list, create, update),
 * label events, reviews, collaborator permissions and branch push activity. Pull requests themselves
 * are in pull-routes.ts.
 */
import { z } from "zod";
import { errorReply, page, validationFailed, type Handler, type HandlerContext } from "./route-kit.js";

/** GitHub refuses a longer comment body with 422 (renovatebot/renovate#2032). */
export const MAX_COMMENT_BODY = 65_536;

function issueNumber(ctx: HandlerContext): number {
  return Number(ctx.params.issue_number ?? ctx.params.pull_number);
}

export const ISSUE_ROUTES: Record<string, Handler> = {
  "users/get-authenticated": (ctx) => {
    if (ctx.token.kind === "installation") return errorReply(403, "Resource not accessible by integration");
    return { status: 200, body: ctx.responses.authenticatedUser(ctx.actor) };
  },

  "issues/list-comments": (ctx) => {
    const number = issueNumber(ctx);
    if (ctx.state.pull(ctx.repo, number) === undefined) return errorReply(404, "Not Found");
    const since = ctx.query.get("since");
    const comments = ctx.state
      .commentsOn(ctx.repo, number)
      .filter((c) => since === null || c.updatedAt >= since)
      .sort((a, b) => a.id - b.id);
    const { items, headers } = page(comments, ctx);
    return { status: 200, body: items.map((c) => ctx.responses.comment(c)), headers };
  },

  "issues/create-comment": (ctx) => {
    const number = issueNumber(ctx);
    if (ctx.state.pull(ctx.repo, number) === undefined) return errorReply(404, "Not Found");
    const { body } = z.object({ body: z.string() }).parse(ctx.body);
    if (body.length > MAX_COMMENT_BODY)
      return validationFailed(`Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`);
    const record = ctx.state.addComment({
      repo: ctx.repo,
      issueNumber: number,
      author: ctx.actor.login,
      body,
    });
    return { status: 201, body: ctx.responses.comment(record) };
  },

  "issues/update-comment": (ctx) => {
    const id = Number(ctx.params.comment_id);
    const record = ctx.state.comments.find((c) => c.id === id && c.repo === ctx.repo);
    if (record === undefined) return errorReply(404, "Not Found");
    const { body } = z.object({ body: z.string() }).parse(ctx.body);
    if (body.length > MAX_COMMENT_BODY)
      return validationFailed(`Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`);
    // As on GitHub, a token with write access may edit anyone's comment: the client must not.
    record.body = body;
    record.updatedAt = ctx.state.timestamp();
    return { status: 200, body: ctx.responses.comment(record) };
  },

  "issues/list-events": (ctx) => {
    const number = issueNumber(ctx);
    if (ctx.state.pull(ctx.repo, number) === undefined) return errorReply(404, "Not Found");
    const events = ctx.state.labelEvents
      .filter((e) => e.repo === ctx.repo && e.issueNumber === number)
      .sort((a, b) => a.id - b.id);
    const { items, headers } = page(events, ctx);
    return { status: 200, body: items.map((e) => ctx.responses.labelEvent(e)), headers };
  },

  "pulls/list-reviews": (ctx) => {
    const number = issueNumber(ctx);
    if (ctx.state.pull(ctx.repo, number) === undefined) return errorReply(404, "Not Found");
    const reviews = ctx.state.reviews
      .filter((r) => r.repo === ctx.repo && r.pullNumber === number)
      .sort((a, b) => a.id - b.id);
    const { items, headers } = page(reviews, ctx);
    return { status: 200, body: items.map((r) => ctx.responses.review(r)), headers };
  },

  "repos/get-collaborator-permission-level": (ctx) => {
    const login = ctx.params.username ?? "";
    const user = ctx.state.users.get(login.toLowerCase());
    if (user === undefined) return errorReply(404, "Not Found");
    return { status: 200, body: ctx.responses.permission(user, ctx.state.permission(ctx.repo, login)) };
  },

  "repos/list-activities": (ctx) => {
    const ref = ctx.query.get("ref");
    const type = ctx.query.get("activity_type");
    const fullRef = ref === null || ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
    const pushes = ctx.state.pushes
      .filter(
        (p) =>
          p.repo === ctx.repo &&
          (fullRef === null || p.ref === fullRef) &&
          (type === null || p.activityType === type),
      )
      .sort((a, b) => (ctx.query.get("direction") === "asc" ? a.id - b.id : b.id - a.id));
    const perPage = Math.min(100, Number(ctx.query.get("per_page") ?? "30"));
    const after = ctx.query.get("after");
    const start = after === null ? 0 : pushes.findIndex((p) => String(p.id) === after) + 1;
    const items = pushes.slice(start, start + perPage);
    const headers: Record<string, string> = {};
    const last = items.at(-1);
    if (last !== undefined && start + perPage < pushes.length) {
      const next = new URL(ctx.selfUrl);
      next.searchParams.set("after", String(last.id));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return { status: 200, body: items.map((p) => ctx.responses.push(p)), headers };
  },
};
