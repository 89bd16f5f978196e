/**
 * A command gets the smaller of its own limit and what is left of its session's limit. Times are
 * `performance.now()` milliseconds (monotonic, so a clock change cannot stretch a limit).
 */

// setTimeout treats anything above 2^31-1 ms as 1 ms, which would kill a command at once.
export const MAX_TIMER_MS = 2_147_483_647;

export function commandTimeout(
  perCommandMs: number | undefined,
  sessionDeadline: number,
  now: number,
): number {
  const remaining = Math.max(0, Math.floor(sessionDeadline - now));
  return Math.min(perCommandMs ?? remaining, remaining, MAX_TIMER_MS);
}
