/**
 * Faults the fake can inject, per operation and for a number of requests: an HTTP status (a 502), the
 * primary rate limit (403 or 429 with `x-ratelimit-remaining: 0` and a reset time), the secondary
 * rate limit (403 with `retry-after`), or no answer at all.
 */
import { errorReply, type Reply } from "./route-kit.js";

export type Fault =
  | { kind: "status"; status: number; message?: string }
  /** The primary rate limit: `x-ratelimit-remaining: 0` and a reset time. */
  | { kind: "rate-limit"; status: 403 | 429; resetInSeconds?: number }
  | { kind: "secondary-rate-limit"; retryAfterSeconds?: number }
  /** Never answer (until the server closes). */
  | { kind: "hang" };

export interface FaultRule {
  operationId: string;
  /** How many matching requests get the fault; later ones are served normally. */
  times: number;
  fault: Fault;
}

export function faultReply(fault: Exclude<Fault, { kind: "hang" }>): Reply {
  switch (fault.kind) {
    case "status":
      return errorReply(fault.status, fault.message ?? (fault.status >= 500 ? "Server Error" : "Error"));
    case "rate-limit": {
      const reset = Math.floor(Date.now() / 1000) + (fault.resetInSeconds ?? 1);
      return errorReply(fault.status, "API rate limit exceeded for installation ID 1.", {
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": "5000",
        "x-ratelimit-reset": String(reset),
      });
    }
    case "secondary-rate-limit":
      return errorReply(
        403,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        {
          "retry-after": String(fault.retryAfterSeconds ?? 1),
        },
      );
  }
}
