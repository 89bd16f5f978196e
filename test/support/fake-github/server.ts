/**
 * A fake api.github.com for tests: a `node:http` server on 127.0.0.1 that checks every request
 * against GitHub's OpenAPI description, answers from a small in-memory state, and records what it
 * saw. A request GitHub would not accept gets the error GitHub would give AND is recorded as a
 * violation, so a test that ignores the error still fails on `expectNoViolations`.
 *
 *   await using gh = await startFakeGitHub();
 *   process.env.GITHUB_API_URL = gh.url;   // or pass gh.url as the client's baseUrl
 *   … run the code …
 *   expectNoViolations(gh);
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { githubSpec, type OpenApiSpec } from "./openapi.js";
import { ResponseFactory } from "./responses.js";
import { faultReply, type Fault, type FaultRule } from "./faults.js";

export type { Fault, FaultRule } from "./faults.js";
import { HANDLERS, errorReply, type Reply } from "./routes.js";
import { FakeState, type TokenSpec } from "./state.js";

/** Tokens every fake knows unless told otherwise. */
export const TOKENS = {
  /** GITHUB_TOKEN on a same-repo pull request or `pull_request_target`: an installation token. */
  installation: "ghs_fakeInstallationToken0000000000000001",
  /** GITHUB_TOKEN on a fork pull request under `pull_request`: read-only. */
  readOnly: "ghs_fakeReadOnlyToken00000000000000000002",
  /** A personal access token of the user `loophole-pat-user`. */
  pat: "ghp_fakePersonalAccessToken000000000003",
} as const;

export const PAT_LOGIN = "loophole-pat-user";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  operationId: string | undefined;
  body: unknown;
  token: string | undefined;
  status: number;
}

export interface Violation {
  request: string;
  problems: string[];
}

export interface FakeGitHubOptions {
  tokens?: Record<string, TokenSpec>;
  now?: () => Date;
  /** Check each 2xx answer against the response schema (default true). */
  validateResponses?: boolean;
}

const WRITE_PERMISSION: Record<string, string> = {
  "checks/create": "checks=write",
  "checks/update": "checks=write",
  "issues/create-comment": "issues=write; pull_requests=write",
  "issues/update-comment": "issues=write; pull_requests=write",
};

export class FakeGitHub implements AsyncDisposable {
  readonly state: FakeState;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  url = "";
  readonly #spec: OpenApiSpec;
  readonly #faults: FaultRule[] = [];
  readonly #hanging = new Set<ServerResponse>();
  readonly #validateResponses: boolean;
  readonly #server = createServer((req, res) => {
    this.#handle(req, res).catch((error: unknown) => {
      this.violations.push({
        request: `${req.method ?? "?"} ${req.url ?? "?"}`,
        problems: [`fake server crashed: ${String(error)}`],
      });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  constructor(options: FakeGitHubOptions = {}) {
    this.#spec = githubSpec();
    this.state = new FakeState(options.now);
    this.#validateResponses = options.validateResponses ?? true;
    const tokens: Record<string, TokenSpec> = options.tokens ?? {
      [TOKENS.installation]: { kind: "installation" },
      [TOKENS.readOnly]: { kind: "installation", readOnly: true },
      [TOKENS.pat]: { kind: "pat", login: PAT_LOGIN },
    };
    for (const [token, spec] of Object.entries(tokens)) this.state.tokens.set(token, spec);
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    const address: AddressInfo | string | null = this.#server.address();
    if (address === null || typeof address === "string")
      throw new Error("the fake GitHub API has no TCP address");
    this.url = `http://127.0.0.1:${address.port}`;
  }

  /** Answers the next `times` requests to `operationId` with `fault`. */
  inject(rule: FaultRule): void {
    this.#faults.push({ ...rule });
  }

  /** Returns the violations recorded so far and forgets them (for tests of the fake itself). */
  takeViolations(): Violation[] {
    return this.violations.splice(0);
  }

  /** Requests that change something (every method but GET and HEAD), in order. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET" && r.method !== "HEAD");
  }

  async close(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    this.#hanging.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", this.url);
    const text = await readBody(req);
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      operationId: undefined,
      body: undefined,
      token,
      status: 0,
    };
    this.requests.push(record);
    const label = `${method} ${url.pathname}${url.search}`;
    const violation = (problems: string[]): void => {
      this.violations.push({ request: label, problems });
    };
    const send = (reply: Reply): void => {
      record.status = reply.status;
      sendReply(res, reply);
    };

    if (text !== "") {
      try {
        record.body = JSON.parse(text) as unknown;
      } catch {
        violation(["the request body is not JSON"]);
        send(errorReply(400, "Problems parsing JSON"));
        return;
      }
    }
    const matched = this.#spec.match(method, url.pathname);
    if (!matched.ok) {
      violation([matched.reason]);
      send(errorReply(matched.status, "Not Found"));
      return;
    }
    const { operation, pathParams } = matched.match;
    record.operationId = operation.operationId;
    const problems = this.#spec.validateRequest(matched.match, url.searchParams, record.body);
    if (problems.length > 0) {
      violation(problems);
      send({
        status: 422,
        body: {
          message: "Validation Failed",
          errors: problems.map((message) => ({ code: "invalid", message })),
          documentation_url: "https://docs.github.com/rest",
          status: "422",
        },
      });
      return;
    }
    const spec = token === undefined ? undefined : this.state.tokens.get(token);
    if (spec === undefined) {
      send(errorReply(401, token === undefined ? "Requires authentication" : "Bad credentials"));
      return;
    }
    const fault = this.#takeFault(operation.operationId);
    if (fault !== undefined) {
      if (fault.kind === "hang") {
        this.#hanging.add(res);
        return;
      }
      send(faultReply(fault));
      return;
    }
    const repo =
      pathParams.owner !== undefined && pathParams.repo !== undefined
        ? `${pathParams.owner}/${pathParams.repo}`
        : "";
    if (repo !== "" && !this.state.repos.has(repo)) {
      send(errorReply(404, "Not Found"));
      return;
    }
    if (spec.readOnly === true && method !== "GET" && method !== "HEAD") {
      const accepted = WRITE_PERMISSION[operation.operationId];
      send(
        errorReply(
          403,
          "Resource not accessible by integration",
          accepted === undefined ? {} : { "x-accepted-github-permissions": accepted },
        ),
      );
      return;
    }
    const handler = HANDLERS[operation.operationId];
    if (handler === undefined) {
      violation([`the fake does not implement ${operation.operationId}`]);
      send(errorReply(501, `not implemented by the fake: ${operation.operationId}`));
      return;
    }
    const reply = handler({
      state: this.state,
      responses: new ResponseFactory(this.#spec, this.url),
      repo,
      params: pathParams,
      query: url.searchParams,
      body: record.body,
      token: spec,
      actor: this.state.actor(spec),
      selfUrl: url,
    });
    if (reply.violation !== undefined) violation([reply.violation]);
    if (this.#validateResponses && reply.status >= 200 && reply.status < 300) {
      const wrong = this.#spec.validateResponse(operation, reply.status, reply.body);
      if (wrong.length > 0) violation(["the fake's own answer does not fit the response schema:", ...wrong]);
    }
    send(reply);
  }

  #takeFault(operationId: string): Fault | undefined {
    const rule = this.#faults.find((f) => f.operationId === operationId && f.times > 0);
    if (rule === undefined) return undefined;
    rule.times -= 1;
    return rule.fault;
  }
}

function sendReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    "x-github-api-version-selected": "2022-11-28",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-resource": "core",
    ...reply.headers,
  };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  res
    .writeHead(reply.status, { ...headers, "content-type": "application/json; charset=utf-8" })
    .end(JSON.stringify(reply.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const gh = new FakeGitHub(options);
  await gh.listen();
  return gh;
}

/** Fails with every recorded violation, request by request. Call at the end of every test. */
export function expectNoViolations(gh: FakeGitHub): void {
  if (gh.violations.length === 0) return;
  const lines = gh.violations.map((v) => `${v.request}\n${v.problems.map((p) => `    ${p}`).join("\n")}`);
  throw new Error(
    `The fake GitHub API saw ${gh.violations.length} request(s) GitHub would reject:\n${lines.join("\n")}`,
  );
}
