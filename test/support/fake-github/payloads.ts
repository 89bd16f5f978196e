/**
 * Real webhook payloads (npm `@octokit/webhooks-examples`, contributed from GitHub's deliveries), the
 * events loophole runs on, and helpers that seed the fake with the pull request a payload describes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import type { FakeGitHub } from "./server.js";
import type { PullRecord } from "./state.js";

const definitions = z.array(
  z.object({ name: z.string(), examples: z.array(z.record(z.string(), z.unknown())) }),
);

let cache: z.infer<typeof definitions> | undefined;

function all(): z.infer<typeof definitions> {
  if (cache === undefined) {
    const require = createRequire(import.meta.url);
    const path = require.resolve("@octokit/webhooks-examples/api.github.com/index.json");
    cache = definitions.parse(JSON.parse(readFileSync(path, "utf8")));
  }
  return cache;
}

/** A deep copy of the first example of `event` (with `action`, when given). */
export function webhookPayload(event: string, action?: string): Record<string, unknown> {
  const definition = all().find((d) => d.name === event);
  const example = definition?.examples.find((e) => action === undefined || e.action === action);
  if (example === undefined) throw new Error(`no ${event}${action ? `.${action}` : ""} webhook example`);
  return structuredClone(example);
}

const pullRequestPayload = z.object({
  number: z.number(),
  repository: z.object({ full_name: z.string() }),
  pull_request: z.looseObject({
    user: z.object({ login: z.string() }),
    head: z.object({
      sha: z.string(),
      ref: z.string(),
      repo: z.object({ full_name: z.string() }).nullable(),
    }),
    base: z.object({ sha: z.string(), ref: z.string() }),
    labels: z.array(z.object({ name: z.string() })),
  }),
});

export interface PullRequestEventFacts {
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  author: string;
}

export function pullRequestFacts(payload: Record<string, unknown>): PullRequestEventFacts {
  const event = pullRequestPayload.parse(payload);
  return {
    repo: event.repository.full_name,
    number: event.number,
    headSha: event.pull_request.head.sha,
    baseSha: event.pull_request.base.sha,
    author: event.pull_request.user.login,
  };
}

const record = z.record(z.string(), z.unknown());
const rawPullRequest = z.object({
  pull_request: z.object({ head: z.object({ repo: record }).loose() }).loose(),
});

/** Adds the pull request of a `pull_request` / `pull_request_target` payload to the fake. */
export function seedPullRequest(gh: FakeGitHub, payload: Record<string, unknown>): PullRecord {
  const event = pullRequestPayload.parse(payload);
  const pr = event.pull_request;
  // The untouched pull request object (zod copies drop nested fields) is what answers are built on.
  const template = record.parse(payload.pull_request);
  return gh.state.addPull({
    repo: event.repository.full_name,
    number: event.number,
    user: gh.state.user(pr.user.login),
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    headRepo: pr.head.repo?.full_name ?? event.repository.full_name,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    labels: pr.labels.map((l) => l.name),
    template,
  });
}

/** The same payload as if the head branch lived in a fork (`fork-owner/<repo name>`). */
export function asForkPullRequest(
  payload: Record<string, unknown>,
  forkOwner = "fork-owner",
): Record<string, unknown> {
  const copy = structuredClone(payload);
  const name = pullRequestPayload.parse(copy).repository.full_name.split("/")[1] ?? "repo";
  // zod returns copies; loose objects keep every undeclared field, so the rebuilt payload is whole.
  const raw = rawPullRequest.parse(copy);
  const headRepo = record.parse(raw.pull_request.head.repo);
  Object.assign(headRepo, { full_name: `${forkOwner}/${name}`, fork: true });
  Object.assign(copy, {
    pull_request: { ...raw.pull_request, head: { ...raw.pull_request.head, repo: headRepo } },
  });
  return copy;
}
