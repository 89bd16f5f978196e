/**
 * What every route of the fake shares: the handler signature, GitHub's error bodies, and pagination
 * with `per_page`, `page` and a `Link` header.
 */
import type { ResponseFactory } from "./responses.js";
import type { FakeState, FakeUser, TokenSpec } from "./state.js";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when GitHub would refuse the request: the server records it as a violation. */
  violation?: string;
}

export interface HandlerContext {
  state: FakeState;
  responses: ResponseFactory;
  /** `owner/repo` from the path, when the operation has one. */
  repo: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  token: TokenSpec;
  actor: FakeUser;
  /** The fake's base URL plus the request path, for pagination links. */
  selfUrl: URL;
}

export type Handler = (ctx: HandlerContext) => Reply;

export const DOCS = "https://docs.github.com/rest";

export function errorReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return { status, body: { message, documentation_url: DOCS, status: String(status) }, headers };
}

/** A request the schema allows but GitHub refuses (a size limit): 422, and a violation. */
export function validationFailed(message: string): Reply {
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [{ resource: "Request", code: "custom", message }],
      documentation_url: DOCS,
      status: "422",
    },
    violation: message,
  };
}

/** One page of `items` (GitHub's `per_page`, at most 100, and `page`), with a `Link` header. */
export function page<T>(
  items: readonly T[],
  ctx: HandlerContext,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get("per_page") ?? "30")));
  const current = Math.max(1, Number(ctx.query.get("page") ?? "1"));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string): string => {
    const url = new URL(ctx.selfUrl);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (current < last) links.push(link(current + 1, "next"), link(last, "last"));
  if (current > 1) links.push(link(1, "first"), link(current - 1, "prev"));
  const headers: Record<string, string> = links.length > 0 ? { link: links.join(", ") } : {};
  return { items: items.slice((current - 1) * perPage, current * perPage), headers };
}
