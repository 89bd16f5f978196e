/**
 * Check runs: create, update (annotations appended per update), get, list for a commit, list
 * annotations. Beyond the schema, GitHub's own rules: only a GitHub App may create check runs, only
 * the app that created a run may update it, and annotation titles and messages have size limits.
 */
import { z } from "zod";
import { errorReply, page, validationFailed, type Handler, type HandlerContext } from "./route-kit.js";
import type { AnnotationRecord, CheckRunRecord } from "./state.js";

const MAX_ANNOTATION_TITLE = 255;
const MAX_ANNOTATION_TEXT = 64 * 1024;

const annotationSchema = z.object({
  path: z.string(),
  start_line: z.number().int(),
  end_line: z.number().int(),
  start_column: z.number().int().optional(),
  end_column: z.number().int().optional(),
  annotation_level: z.enum(["notice", "warning", "failure"]),
  message: z.string(),
  title: z.string().optional(),
  raw_details: z.string().optional(),
});

const checkRunBody = z.object({
  name: z.string().optional(),
  head_sha: z.string().optional(),
  details_url: z.string().optional(),
  external_id: z.string().optional(),
  status: z.string().optional(),
  conclusion: z.string().optional(),
  started_at: z.string().optional(),
  completed_at: z.string().optional(),
  output: z
    .object({
      title: z.string().optional(),
      summary: z.string().optional(),
      text: z.string().optional(),
      annotations: z.array(annotationSchema).optional(),
    })
    .optional(),
});

type CheckRunBody = z.infer<typeof checkRunBody>;

function annotationProblem(annotations: readonly AnnotationRecord[]): string | undefined {
  for (const a of annotations) {
    if ((a.title ?? "").length > MAX_ANNOTATION_TITLE)
      return `annotation title is longer than ${MAX_ANNOTATION_TITLE} characters`;
    if (Buffer.byteLength(a.message) > MAX_ANNOTATION_TEXT) return "annotation message is larger than 64 KB";
    if (a.start_line < 1 || a.end_line < a.start_line)
      return "annotation lines must start at 1 and end at or after the start";
  }
  return undefined;
}

function applyCheckRun(run: CheckRunRecord, body: CheckRunBody, ctx: HandlerContext): void {
  if (body.name !== undefined) run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.started_at !== undefined) run.startedAt = body.started_at;
  if (body.status !== undefined) run.status = body.status;
  if (body.status === "queued" || body.status === "in_progress") {
    run.conclusion = null;
    run.completedAt = null;
  }
  if (body.conclusion !== undefined) {
    // Providing a conclusion completes the run (REST "Update a check run").
    run.conclusion = body.conclusion;
    run.status = "completed";
    run.completedAt = body.completed_at ?? ctx.state.timestamp();
  }
  if (body.output !== undefined) {
    if (body.output.title !== undefined) run.output.title = body.output.title;
    if (body.output.summary !== undefined) run.output.summary = body.output.summary;
    if (body.output.text !== undefined) run.output.text = body.output.text;
    // Each update appends its annotations to those already on the run.
    run.annotations.push(...(body.output.annotations ?? []));
  }
}

function findCheckRun(ctx: HandlerContext): CheckRunRecord | undefined {
  const id = Number(ctx.params.check_run_id);
  return ctx.state.checkRuns.find((r) => r.id === id && r.repo === ctx.repo);
}

export const CHECK_ROUTES: Record<string, Handler> = {
  "checks/create": (ctx) => {
    if (ctx.token.kind !== "installation") return errorReply(403, "You must authenticate via a GitHub App.");
    const body = checkRunBody.parse(ctx.body);
    const headSha = body.head_sha ?? "";
    if (!/^[0-9a-f]{40}$/.test(headSha)) return validationFailed(`No commit found for SHA: ${headSha}`);
    const problem = annotationProblem(body.output?.annotations ?? []);
    if (problem !== undefined) return validationFailed(problem);
    const run: CheckRunRecord = {
      id: ctx.state.nextId(),
      repo: ctx.repo,
      app: ctx.state.app(ctx.token.appSlug ?? "github-actions"),
      name: body.name ?? "",
      headSha,
      status: "queued",
      conclusion: null,
      startedAt: ctx.state.timestamp(),
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
    };
    applyCheckRun(run, body, ctx);
    ctx.state.checkRuns.push(run);
    return { status: 201, body: ctx.responses.checkRun(run) };
  },

  "checks/update": (ctx) => {
    const run = findCheckRun(ctx);
    if (run === undefined) return errorReply(404, "Not Found");
    if (ctx.token.kind !== "installation" || (ctx.token.appSlug ?? "github-actions") !== run.app.slug) {
      return errorReply(
        403,
        `Invalid app_id: the check run can only be modified by the GitHub App that created it (${run.app.slug}).`,
      );
    }
    const body = checkRunBody.parse(ctx.body);
    const problem = annotationProblem(body.output?.annotations ?? []);
    if (problem !== undefined) return validationFailed(problem);
    applyCheckRun(run, body, ctx);
    return { status: 200, body: ctx.responses.checkRun(run) };
  },

  "checks/get": (ctx) => {
    const run = findCheckRun(ctx);
    return run === undefined
      ? errorReply(404, "Not Found")
      : { status: 200, body: ctx.responses.checkRun(run) };
  },

  "checks/list-for-ref": (ctx) => {
    const name = ctx.query.get("check_name");
    const status = ctx.query.get("status");
    const appId = ctx.query.get("app_id");
    let runs = ctx.state.checkRuns.filter(
      (r) =>
        r.repo === ctx.repo &&
        r.headSha === ctx.params.ref &&
        (name === null || r.name === name) &&
        (status === null || r.status === status) &&
        (appId === null || String(r.app.id) === appId),
    );
    if ((ctx.query.get("filter") ?? "latest") === "latest") {
      // Each app's runs sit in one suite here; `latest` keeps the newest run of each name in it.
      runs = runs.filter(
        (r) => !runs.some((o) => o.id > r.id && o.name === r.name && o.app.slug === r.app.slug),
      );
    }
    const newestFirst = [...runs].sort((a, b) => b.id - a.id);
    const { items, headers } = page(newestFirst, ctx);
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: items.map((r) => ctx.responses.checkRun(r)) },
      headers,
    };
  },

  "checks/list-annotations": (ctx) => {
    const run = findCheckRun(ctx);
    if (run === undefined) return errorReply(404, "Not Found");
    const indexes = run.annotations.map((_, i) => i);
    const { items, headers } = page(indexes, ctx);
    return { status: 200, body: items.map((i) => ctx.responses.annotation(run, i)), headers };
  },
};
