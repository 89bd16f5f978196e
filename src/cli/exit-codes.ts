import type { Outcome } from "../model/report.js";

/** 0 pass, 1 fail, 2 error — the same for every command that reaches a verdict. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const satisfies Record<Outcome, number>;

export function exitCodeFor(outcome: Outcome): number {
  return EXIT[outcome];
}
