/** Medians and number formatting for the bench table. Medians, not means: one disturbed run moves a mean. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** Milliseconds for humans: 0.84 ms, 312 ms, 10.4 s. */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 100_000 ? 2 : 1)} s`;
}

export function formatBytes(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  return mib >= 1 ? `${mib.toFixed(mib < 10 ? 1 : 0)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

export function formatRatio(ratio: number): string {
  return ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2);
}

/** The spread of a sample, shown next to a median so a noisy figure is visible as such. */
export function formatRange(values: readonly number[], format: (n: number) => string): string {
  if (values.length < 2) return "";
  return `${format(Math.min(...values))}–${format(Math.max(...values))}`;
}

/** A median of milliseconds with its range: "10.21 s (10.02 s–10.64 s)". */
export function formatSample(values: readonly number[]): string {
  const range = formatRange(values, formatMs);
  return range === "" ? formatMs(median(values)) : `${formatMs(median(values))} (${range})`;
}
