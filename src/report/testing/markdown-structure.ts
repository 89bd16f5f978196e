/**
 * A small structural checker for the markdown the renderers produce, used by tests in place of a
 * full GitHub renderer: code fences closed (by CommonMark's rule: a closing fence is a run of at least
 * as many backticks), `<details>`/`<summary>` balanced and no other raw HTML, table rows with as many
 * cells as their header, and, outside code, no pinging mentions and no images.
 */

/** Removes code spans (a run of N backticks up to the next run of exactly N) from one line. */
function withoutCodeSpans(line: string): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    if (line[i] !== "`" || (i > 0 && line[i - 1] === "\\")) {
      out += line.charAt(i);
      i += 1;
      continue;
    }
    let run = 0;
    while (line[i + run] === "`") run += 1;
    const closer = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, "g");
    closer.lastIndex = i + run;
    const match = closer.exec(line);
    if (match === null) {
      out += line.slice(i, i + run);
      i += run;
    } else {
      out += "CODE";
      i = match.index + run;
    }
  }
  return out;
}

/** Cells of a table row; `\|` does not split (GitHub's rule, inside code spans too). */
function cellCount(row: string): number {
  const trimmed = row
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return trimmed.split(/(?<!\\)\|/).length;
}

export function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  const lines = markdown.split("\n");
  let fence: number | undefined;
  const tags: string[] = [];
  let tableCells: number | undefined;
  lines.forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (fence !== undefined) {
      const close = /^(`+)\s*$/.exec(line);
      if (close?.[1] !== undefined && close[1].length >= fence) fence = undefined;
      return;
    }
    const open = /^(`{3,})[^`]*$/.exec(line);
    if (open?.[1] !== undefined) {
      fence = open[1].length;
      tableCells = undefined;
      return;
    }
    if (line.startsWith("|")) {
      const cells = cellCount(line);
      if (tableCells === undefined) tableCells = cells;
      else if (cells !== tableCells)
        problems.push(`${at}: table row has ${cells} cells, header has ${tableCells}`);
    } else {
      tableCells = undefined;
    }
    const text = withoutCodeSpans(line);
    for (const match of text.matchAll(/<(\/?)([A-Za-z][\w-]*)[^>]*>/g)) {
      const [, closing, name = ""] = match;
      if (name !== "details" && name !== "summary") {
        problems.push(`${at}: raw HTML <${closing ?? ""}${name}>`);
      } else if (closing === "/") {
        if (tags.pop() !== name) problems.push(`${at}: </${name}> does not close the open tag`);
      } else {
        tags.push(name);
      }
    }
    if (/(?<!\\)!\[/.test(text)) problems.push(`${at}: image syntax outside code`);
    if (/(?<![\w\\])@[\p{L}\p{N}]/u.test(text)) problems.push(`${at}: a mention that would ping`);
  });
  if (fence !== undefined) problems.push("a code fence is never closed");
  if (tags.length > 0) problems.push(`unclosed tags: ${tags.join(", ")}`);
  return problems;
}
