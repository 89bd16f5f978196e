/**
 * The token for one fetch or push, as an `http.extraheader` passed through GIT_CONFIG_* variables
 * (never argv, where `ps` shows it, never .git/config). actions/checkout may have persisted its own
 * header for the same origin (`http.https://github.com/.extraheader`); git sends every matching
 * header, and GitHub refuses two Authorization headers. So the entry is scoped to the same origin,
 * and an empty value first resets what the repository's config set for it.
 */
export function authConfigEnv(remoteUrl: string | undefined, header: string): Record<string, string> {
  const key = `http.${originOf(remoteUrl) ?? ""}${originOf(remoteUrl) === undefined ? "" : "/."}extraheader`;
  return {
    GIT_CONFIG_COUNT: "2",
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: "",
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: header,
  };
}

function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:"
      ? `${parsed.protocol}//${parsed.host}`
      : undefined;
  } catch {
    return undefined;
  }
}
