/**
 * GitHub-shaped JSON for the fake's answers. Each object starts from an example in GitHub's own
 * OpenAPI description (or a real webhook payload, for pull requests) and overrides the fields the
 * state holds, so answers carry every field real ones do; the server still validates each answer
 * against the response schema.
 */
import type { JsonObject, OpenApiSpec } from "./openapi.js";
import type {
  CheckRunRecord,
  CommentRecord,
  FakeApp,
  FakeUser,
  LabelEventRecord,
  Permission,
  PullRecord,
  PushRecord,
  ReviewRecord,
} from "./state.js";

export const WEB = "https://github.com";

/** Payloads and examples are parsed JSON, so an object in them holds JSON values only. */
function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function object(value: unknown): JsonObject {
  if (!isJsonObject(value)) throw new Error("expected a JSON object");
  return value;
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString("base64");
}

export class ResponseFactory {
  readonly #spec: OpenApiSpec;
  readonly #api: string;

  constructor(spec: OpenApiSpec, apiUrl: string) {
    this.#spec = spec;
    this.#api = apiUrl.replace(/\/$/, "");
  }

  user(user: FakeUser): JsonObject {
    const base = object(object(this.#spec.example("issue-comment")).user ?? null);
    const api = `${this.#api}/users/${encodeURIComponent(user.login)}`;
    return {
      ...base,
      login: user.login,
      id: user.id,
      node_id: nodeId(user.type, user.id),
      url: api,
      html_url:
        user.type === "Bot" ? `${WEB}/apps/${user.login.replace(/\[bot\]$/, "")}` : `${WEB}/${user.login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: user.type,
      site_admin: false,
    };
  }

  authenticatedUser(user: FakeUser): JsonObject {
    const base = object(this.#spec.example("private-user"));
    return { ...base, ...this.user(user), name: user.login, email: null };
  }

  app(app: FakeApp): JsonObject {
    const base = object(object(this.#spec.example("check-run")).app ?? null);
    return {
      ...base,
      id: app.id,
      slug: app.slug,
      node_id: nodeId("Integration", app.id),
      name: app.slug === "github-actions" ? "GitHub Actions" : app.slug,
      html_url: `${WEB}/apps/${app.slug}`,
    };
  }

  checkRun(run: CheckRunRecord): JsonObject {
    const base = object(this.#spec.example("check-run"));
    const url = `${this.#api}/repos/${run.repo}/check-runs/${run.id}`;
    return {
      ...base,
      id: run.id,
      node_id: nodeId("CheckRun", run.id),
      head_sha: run.headSha,
      external_id: run.externalId,
      url,
      html_url: `${WEB}/${run.repo}/runs/${run.id}`,
      details_url: run.detailsUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${url}/annotations`,
      },
      name: run.name,
      check_suite: { id: run.app.id },
      app: this.app(run.app),
      pull_requests: [],
    };
  }

  annotation(run: CheckRunRecord, index: number): JsonObject {
    const a = run.annotations[index];
    if (a === undefined) throw new Error(`no annotation ${index}`);
    return {
      path: a.path,
      blob_href: `${WEB}/${run.repo}/blob/${run.headSha}/${a.path}`,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? null,
      message: a.message,
      raw_details: a.raw_details ?? null,
    };
  }

  comment(comment: CommentRecord): JsonObject {
    const base = object(this.#spec.example("issue-comment"));
    return {
      ...base,
      id: comment.id,
      node_id: nodeId("IssueComment", comment.id),
      url: `${this.#api}/repos/${comment.repo}/issues/comments/${comment.id}`,
      html_url: `${WEB}/${comment.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.#api}/repos/${comment.repo}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: this.user(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.user.type === "Bot" ? "NONE" : "CONTRIBUTOR",
    };
  }

  label(name: string, id: number): JsonObject {
    const base = object(this.#spec.example("label"));
    return {
      ...base,
      id,
      node_id: nodeId("Label", id),
      name,
      url: `${this.#api}/labels/${encodeURIComponent(name)}`,
      default: false,
    };
  }

  pull(pull: PullRecord): JsonObject {
    // A webhook's pull request lacks a few REST fields (`auto_merge` on older payloads): the spec's
    // example fills them in, the payload's own values win.
    const base = { ...object(this.#spec.example("pull-request")), ...object(pull.template ?? {}) };
    const head = object(base.head ?? null);
    const baseRef = object(base.base ?? null);
    const [headOwner = "", headName = ""] = pull.headRepo.split("/");
    const repo = head.repo === null ? null : object(head.repo ?? null);
    const headRepo =
      repo === null
        ? null
        : {
            ...repo,
            full_name: pull.headRepo,
            name: headName,
            owner: { ...object(repo.owner ?? null), login: headOwner },
          };
    // A pull request opened through the API has no reviewers, assignees or milestone yet (and the
    // description's own example lists a team without the `type` its schema requires).
    const fresh: JsonObject =
      pull.template === undefined
        ? { requested_reviewers: [], requested_teams: [], assignee: null, assignees: [], milestone: null }
        : {};
    return {
      ...base,
      ...fresh,
      url: `${this.#api}/repos/${pull.repo}/pulls/${pull.number}`,
      html_url: `${WEB}/${pull.repo}/pull/${pull.number}`,
      number: pull.number,
      user: this.user(pull.user),
      labels: pull.labels.map((name, index) => this.label(name, index + 1)),
      head: {
        ...head,
        sha: pull.headSha,
        ref: pull.headRef,
        label: `${pull.headRepo.split("/")[0] ?? ""}:${pull.headRef}`,
        repo: headRepo,
      },
      base: { ...baseRef, sha: pull.baseSha, ref: pull.baseRef },
      ...(pull.title === undefined ? {} : { title: pull.title }),
      ...(pull.body === undefined ? {} : { body: pull.body }),
      ...(pull.draft === undefined ? {} : { draft: pull.draft }),
      ...(pull.state === undefined ? {} : { state: pull.state }),
    };
  }

  labelEvent(event: LabelEventRecord): JsonObject {
    return {
      id: event.id,
      node_id: nodeId("LabeledEvent", event.id),
      url: `${this.#api}/repos/${event.repo}/issues/events/${event.id}`,
      actor: this.user(event.actor),
      event: event.event,
      commit_id: null,
      commit_url: null,
      created_at: event.createdAt,
      performed_via_github_app: null,
      label: { name: event.label, color: "ededed" },
    };
  }

  review(review: ReviewRecord): JsonObject {
    const base = object(this.#spec.example("pull-request-review"));
    const html = `${WEB}/${review.repo}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
    const pr = `${this.#api}/repos/${review.repo}/pulls/${review.pullNumber}`;
    return {
      ...base,
      id: review.id,
      node_id: nodeId("PullRequestReview", review.id),
      user: this.user(review.user),
      body: "",
      state: review.state,
      html_url: html,
      pull_request_url: pr,
      _links: { html: { href: html }, pull_request: { href: pr } },
      submitted_at: review.submittedAt,
      commit_id: review.commitId,
    };
  }

  push(push: PushRecord): JsonObject {
    return {
      id: push.id,
      node_id: nodeId("RepositoryActivity", push.id),
      before: push.before,
      after: push.after,
      ref: push.ref,
      timestamp: push.timestamp,
      activity_type: push.activityType,
      actor: this.user(push.actor),
    };
  }

  permission(user: FakeUser, permission: Permission): JsonObject {
    // The legacy `permission` field folds maintain into write and triage into read.
    const legacy = {
      admin: "admin",
      maintain: "write",
      write: "write",
      triage: "read",
      read: "read",
      none: "none",
    }[permission];
    // The schema's `nullable-collaborator` user carries the role too (GitHub's own example omits it).
    return { permission: legacy, role_name: permission, user: { ...this.user(user), role_name: permission } };
  }
}
