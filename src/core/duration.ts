/**
 * Strict parsers for the contract's durations ("90s", "10m", "1h30m", "250ms") and sizes ("512m",
 * "4g", "4GiB"). Anything else is rejected with the accepted forms, never guessed at.
 */
const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

export const DURATION_FORMS = 'a number with a unit, such as "250ms", "90s", "10m", "2h" or "1h30m"';
export const SIZE_FORMS =
  'a whole number of bytes or a number with a unit k, m, g or t (binary), such as "512m" or "4g"';

export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim() === text ? text : "");
  if (!match || text === "") return undefined;
  const [, h, m, s, ms] = match;
  if (h === undefined && m === undefined && s === undefined && ms === undefined) return undefined;
  const total =
    Number(h ?? 0) * 3_600_000 + Number(m ?? 0) * 60_000 + Number(s ?? 0) * 1_000 + Number(ms ?? 0);
  return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}

const SIZE = /^(\d+(?:\.\d+)?)([kmgt])?(?:i?b)?$/i;
const UNIT: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text);
  if (!match) return undefined;
  const [, amount, unit] = match;
  // "12b" (bytes with a suffix but no unit) is accepted; "12ib" is not.
  if (unit === undefined && /ib$/i.test(text)) return undefined;
  const bytes = Math.round(
    Number(amount) * (unit === undefined ? 1 : (UNIT[unit.toLowerCase()] ?? Number.NaN)),
  );
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)}s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  if (m < 60) return rest === 0 ? `${m}m` : `${m}m${rest}s`;
  const h = Math.floor(m / 60);
  const mm = m - h * 60;
  return mm === 0 ? `${h}h` : `${h}h${mm}m`;
}
