import { describe, expect, it } from "vitest";
import { Secrets } from "../report/secrets.js";
import { toApiError } from "./errors.js";

const TOKEN = "ghs_0123456789abcdefghijklmnopqrstuvwxyz";

/** The parts of an Octokit RequestError that the translation reads. */
function requestError(status: number, message: string, headers: Record<string, string> = {}) {
  return { name: "HttpError", status, message, response: { status, headers, data: { message } } };
}

describe("toApiError", () => {
  const secrets = new Secrets([TOKEN]);

  it("names the permission GitHub says it accepts", () => {
    const e = toApiError(
      requestError(403, "Resource not accessible by integration", {
        "x-accepted-github-permissions": "checks=write",
      }),
      "updateCheckRun",
      secrets,
    );
    expect(e.kind).toBe("permission");
    expect(e.isWriteDenied).toBe(true);
    expect(e.message).toContain("add `checks: write` under `permissions:`");
  });

  it("falls back to the permission the operation needs, and treats 404 on a write as one", () => {
    const e = toApiError(requestError(404, "Not Found"), "createIssueComment", secrets);
    expect(e.kind).toBe("permission");
    expect(e.message).toContain("`pull-requests: write`");
    const read = toApiError(requestError(404, "Not Found"), "getPullRequest", secrets);
    expect(read.kind).toBe("not-found");
    expect(read.isWriteDenied).toBe(false);
    expect(read.message).toContain("`pull-requests: read`");
  });

  it("tells rate limits and outages apart from permission errors", () => {
    expect(
      toApiError(
        requestError(403, "API rate limit exceeded", {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": "1893456000",
        }),
        "listCheckRuns",
        secrets,
      ).message,
    ).toContain("It resets at 2030-01-01T00:00:00.000Z.");
    expect(
      toApiError(requestError(403, "You have exceeded a secondary rate limit"), "listCheckRuns", secrets)
        .kind,
    ).toBe("rate-limit");
    expect(toApiError(requestError(429, "Too many"), "listCheckRuns", secrets).kind).toBe("rate-limit");
    expect(toApiError(requestError(503, "Unavailable"), "listCheckRuns", secrets).kind).toBe("unavailable");
    expect(toApiError(new TypeError("fetch failed"), "listCheckRuns", secrets).kind).toBe("unavailable");
    expect(toApiError(requestError(401, "Bad credentials"), "listCheckRuns", secrets).kind).toBe("auth");
  });

  it("never repeats the token", () => {
    const e = toApiError(
      requestError(422, `invalid token ${TOKEN} (${encodeURIComponent(TOKEN)})`),
      "createCheckRun",
      secrets,
    );
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).toContain("invalid token *** (***)");
  });
});
