/**
 * The Octokit instance behind the client: `@actions/github`'s `getOctokit` (its proxy-aware fetch,
 * REST methods and pagination) plus the retry and throttling plugins, each bounded so that a GitHub
 * outage or a rate limit ends in a clear error rather than a hung job:
 * - 5xx answers and network failures: retried `retries` times with backoff (1, 4, 9… × `retryDelayMs`);
 * - primary and secondary rate limits (403/429): retried at most `rateLimitRetries` times, and only
 *   when GitHub asks us to wait no longer than `maxRateLimitWaitSeconds`;
 * - every attempt is cut off after `requestTimeoutMs`.
 * Writes are spaced one second apart by the throttling plugin, as GitHub asks of integrations.
 */
import { getOctokit } from "@actions/github";
import { defaults } from "@actions/github/lib/utils";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { Logger } from "../core/logger.js";
import { TOOL_NAME, TOOL_VERSION } from "../core/version.js";

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitSettings {
  token: string;
  /** The REST API root: `GITHUB_API_URL` (https://api.github.com, or GHES / a test server). */
  baseUrl: string;
  logger: Logger;
  /** Retries of a 5xx answer or a network failure (default 3). */
  retries?: number;
  /** Retries after a rate-limit answer (default 2). */
  rateLimitRetries?: number;
  /** A rate limit that resets later than this is not waited for (default 120 s). */
  maxRateLimitWaitSeconds?: number;
  /** One "second" of backoff and of `retry-after`, in ms (default 1000; tests make it small). */
  retryDelayMs?: number;
  /** Per attempt (default 30 s). */
  requestTimeoutMs?: number;
}

/** Status codes retrying cannot fix; 429 is left to the throttling plugin, which reads its headers. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

function isFetch(value: unknown): value is typeof fetch {
  return typeof value === "function";
}

/** The toolkit's proxy-aware fetch, with a time limit on every attempt. */
function boundedFetch(timeoutMs: number, logger: Logger): typeof fetch {
  const inner: unknown = defaults.request?.fetch;
  const base = isFetch(inner) ? inner : fetch;
  return async (input, init) => {
    const limit = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, limit]) : limit;
    const response = await base(input, { ...init, signal });
    if (response.status >= 500) {
      const method = init?.method ?? "GET";
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      logger.debug(`GitHub API answered HTTP ${response.status} to ${method} ${new URL(url).pathname}`);
    }
    return response;
  };
}

interface LimitOptions {
  method?: string;
  url?: string;
}

export function createOctokit(settings: OctokitSettings): Octokit {
  const { logger } = settings;
  const rateLimitRetries = settings.rateLimitRetries ?? 2;
  const maxWait = settings.maxRateLimitWaitSeconds ?? 120;
  const onLimit =
    (which: string) =>
    (retryAfter: number, options: LimitOptions, _octokit: unknown, retryCount: number): boolean => {
      const route = `${options.method ?? "?"} ${options.url ?? "?"}`;
      if (retryCount < rateLimitRetries && retryAfter <= maxWait) {
        logger.warning(
          `GitHub API ${which} rate limit hit on ${route}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`,
        );
        return true;
      }
      logger.warning(
        `GitHub API ${which} rate limit hit on ${route}; not retrying (retries used: ${retryCount}, wait asked: ${retryAfter}s).`,
      );
      return false;
    };
  return getOctokit(
    settings.token,
    {
      baseUrl: settings.baseUrl.replace(/\/+$/, ""),
      userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
      log: {
        debug: (message: string) => {
          logger.debug(message);
        },
        info: (message: string) => {
          logger.debug(message);
        },
        warn: (message: string) => {
          logger.warning(message);
        },
        error: (message: string) => {
          logger.error(message);
        },
      },
      request: { fetch: boundedFetch(settings.requestTimeoutMs ?? 30_000, logger) },
      retry: {
        retries: settings.retries ?? 3,
        doNotRetry: DO_NOT_RETRY,
        retryAfterBaseValue: settings.retryDelayMs ?? 1000,
      },
      throttle: {
        retryAfterBaseValue: settings.retryDelayMs ?? 1000,
        onRateLimit: onLimit("primary"),
        onSecondaryRateLimit: onLimit("secondary"),
      },
    },
    retry,
    throttling,
  );
}
