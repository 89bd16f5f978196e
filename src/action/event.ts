/**
 * What to gate, from the workflow event. The payload is untrusted input of unknown shape until zod
 * has narrowed it; a missing field is a clear error naming the event and the field.
 */
import { z } from "zod";
import { narrow, readPayload } from "./event-payload.js";

const sha = z.string().regex(/^[0-9a-f]{40}$/, "a 40-hex commit sha");

const pullRequestEvent = z.object({
  number: z.number().int(),
  pull_request: z.object({
    number: z.number().int(),
    base: z.object({ sha, ref: z.string() }),
    head: z.object({ sha, ref: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
  }),
  repository: z.object({ full_name: z.string() }),
});

const pushEvent = z.object({
  before: z.string(),
  after: sha,
  repository: z.object({ full_name: z.string() }),
});

const mergeGroupEvent = z.object({
  merge_group: z.object({ base_sha: sha, head_sha: sha, head_ref: z.string() }),
});

export type GateEvent =
  | {
      kind: "pull_request";
      name: "pull_request" | "pull_request_target";
      base: string;
      head: string;
      number: number;
      /** True when the head branch lives in another repository (a fork). */
      fromFork: boolean;
      repository: string;
    }
  | { kind: "push"; base: string | undefined; head: string; repository: string }
  | { kind: "merge_group"; base: string; head: string }
  | { kind: "manual"; base: string; head: string }
  | { kind: "unhandled"; name: string };

export const HANDLED_EVENTS = ["pull_request", "pull_request_target", "push", "merge_group"] as const;

export async function readGateEvent(
  env: NodeJS.ProcessEnv,
  overrides: { base: string | undefined; head: string | undefined },
): Promise<GateEvent> {
  const name = env.GITHUB_EVENT_NAME ?? "";
  if (overrides.base !== undefined && overrides.head !== undefined) {
    return { kind: "manual", base: overrides.base, head: overrides.head };
  }
  if (!(HANDLED_EVENTS as readonly string[]).includes(name)) return { kind: "unhandled", name };
  const payload = await readPayload(env);
  switch (name) {
    case "pull_request":
    case "pull_request_target": {
      const event = narrow(pullRequestEvent, payload, name);
      const pr = event.pull_request;
      return {
        kind: "pull_request",
        name,
        base: overrides.base ?? pr.base.sha,
        head: overrides.head ?? pr.head.sha,
        number: pr.number,
        fromFork: pr.head.repo?.full_name !== event.repository.full_name,
        repository: event.repository.full_name,
      };
    }
    case "push": {
      const event = narrow(pushEvent, payload, name);
      // A new branch has no "before" (all zeros): there is nothing on the branch to judge against.
      const before = /^0+$/.test(event.before) ? undefined : event.before;
      return {
        kind: "push",
        base: overrides.base ?? before,
        head: overrides.head ?? event.after,
        repository: event.repository.full_name,
      };
    }
    default: {
      const event = narrow(mergeGroupEvent, payload, name);
      return {
        kind: "merge_group",
        base: overrides.base ?? event.merge_group.base_sha,
        head: overrides.head ?? event.merge_group.head_sha,
      };
    }
  }
}
