/**
 * The head's package.json with the base's test configuration: every script the base defines keeps
 * the base's command (scripts only the head adds are kept, so a new build step still works), and the
 * runner configuration keys (`jest`, `mocha`, `ava`, `c8`, `nyc`) are the base's. Used when a change
 * to package.json was flagged as runner tampering, so the head's tests run as the base configured
 * them while its dependencies and metadata stay the head's.
 */
const RUNNER_KEYS = ["jest", "mocha", "ava", "c8", "nyc", "vitest"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Undefined when either side is not a JSON object: the caller then restores the base file whole. */
export function mergePackageJson(baseText: string, headText: string): string | undefined {
  let base: unknown;
  let head: unknown;
  try {
    base = JSON.parse(baseText);
    head = JSON.parse(headText);
  } catch {
    return undefined;
  }
  if (!isRecord(base) || !isRecord(head)) return undefined;
  const baseScripts = isRecord(base.scripts) ? base.scripts : {};
  const headScripts = isRecord(head.scripts) ? head.scripts : {};
  const merged: Record<string, unknown> = Object.fromEntries(
    Object.entries(head).filter(([key]) => !RUNNER_KEYS.includes(key) || key in base),
  );
  merged.scripts = { ...headScripts, ...baseScripts };
  for (const key of RUNNER_KEYS) if (key in base) merged[key] = base[key];
  return `${JSON.stringify(merged, null, 2)}\n`;
}
