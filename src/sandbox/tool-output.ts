/** Reading what the container CLI prints: id lists on stdout, error text on stderr. */

export function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The last `count` non-empty lines of a tool's stderr, joined for a one-line error message. */
export function lastLines(text: string, count: number): string {
  const lines = splitLines(text);
  return lines.length === 0 ? "(no error output)" : lines.slice(-count).join(" / ");
}
